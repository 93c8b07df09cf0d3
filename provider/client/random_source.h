// Randomness seam for backoff jitter, so tests can pin the jitter to the bounds they assert.
#pragma once

namespace opc::client {

class RandomSource {
 public:
  virtual ~RandomSource() = default;
  // A uniformly distributed value in [0, 1). Must be safe to call from several threads.
  virtual double Uniform() = 0;
};

// A process-wide, thread-safe pseudo-random source seeded from std::random_device.
RandomSource& DefaultRandomSource();

}  // namespace opc::client
