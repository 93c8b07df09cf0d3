// Time seams: everything that reads the time or waits goes through these interfaces, so tests
// drive retries, token expiry and operation polling with a fake clock instead of the wall clock.
#pragma once

#include <chrono>

#include "absl/status/status.h"
#include "provider/common/cancellation.h"

namespace opc::client {

class Clock {
 public:
  virtual ~Clock() = default;
  // Wall-clock time: token expiry and HTTP-date Retry-After values are absolute times.
  virtual std::chrono::system_clock::time_point Now() const = 0;
};

class Sleeper {
 public:
  virtual ~Sleeper() = default;
  // Waits for `duration`. Returns CancelledError as soon as `cancel` fires (at once if it
  // already has), OkStatus after the full duration.
  virtual absl::Status Sleep(std::chrono::milliseconds duration,
                             const CancellationToken& cancel) = 0;
};

// The process's real clock and a sleeper that wakes up on cancellation.
Clock& SystemClock();
Sleeper& RealSleeper();

}  // namespace opc::client
