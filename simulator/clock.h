#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace opcsim {

// Simulator time: milliseconds since the Unix epoch on the simulator's own clock. Every
// stored timestamp and every delay (operations, operator auto-advance, token lifetime) uses it.
using SimMillis = int64_t;

// The simulator clock. It runs `1 / time_scale` times as fast as real time (time scale 0.01:
// one simulated second takes 10 real milliseconds) and can be pushed forward, so tests never
// wait for the wall clock. It never runs backwards. A frozen clock (tests) moves only when
// pushed, so nothing a test observes depends on how fast the machine is.
class Clock {
 public:
  // `start` is the simulated time at construction (e.g. the last time seen before a restart).
  Clock(double time_scale, SimMillis start, bool frozen = false);

  SimMillis Now() const;
  double time_scale() const;

  void Advance(SimMillis millis);
  // Changes the speed from now on; the time already elapsed is kept.
  void SetTimeScale(double time_scale);

  // Real time a simulated duration takes at the current scale.
  double RealSecondsFor(SimMillis sim_millis) const;

  // Lets `real_millis` of real time pass (an injected slow response): sleeps, or on a frozen
  // clock moves simulated time on by what that real time is worth, without sleeping.
  void Delay(int64_t real_millis);

  // Real wall-clock time now, as SimMillis (the natural start for a fresh database).
  static SimMillis WallNow();

 private:
  SimMillis NowLocked() const;

  mutable std::mutex mutex_;
  double time_scale_;
  const bool frozen_;
  SimMillis anchor_sim_;
  std::chrono::steady_clock::time_point anchor_real_;
};

// ISO 8601 UTC with second precision: "2026-11-25T03:04:05Z".
std::string FormatTimestamp(SimMillis millis);

}  // namespace opcsim
