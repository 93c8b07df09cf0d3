#include "simulator/clock.h"

#include <cmath>
#include <ctime>

namespace opcsim {

Clock::Clock(double time_scale, SimMillis start)
    : time_scale_(time_scale), anchor_sim_(start), anchor_real_(std::chrono::steady_clock::now()) {}

SimMillis Clock::NowLocked() const {
  const double real_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - anchor_real_)
          .count();
  return anchor_sim_ + static_cast<SimMillis>(std::floor(real_ms / time_scale_));
}

SimMillis Clock::Now() const {
  std::lock_guard lock(mutex_);
  return NowLocked();
}

double Clock::time_scale() const {
  std::lock_guard lock(mutex_);
  return time_scale_;
}

void Clock::Advance(SimMillis millis) {
  std::lock_guard lock(mutex_);
  if (millis > 0) {
    anchor_sim_ += millis;
  }
}

void Clock::SetTimeScale(double time_scale) {
  std::lock_guard lock(mutex_);
  anchor_sim_ = NowLocked();
  anchor_real_ = std::chrono::steady_clock::now();
  time_scale_ = time_scale;
}

double Clock::RealSecondsFor(SimMillis sim_millis) const {
  std::lock_guard lock(mutex_);
  return static_cast<double>(sim_millis) / 1000.0 * time_scale_;
}

SimMillis Clock::WallNow() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string FormatTimestamp(SimMillis millis) {
  std::time_t seconds = static_cast<std::time_t>(millis / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace opcsim
