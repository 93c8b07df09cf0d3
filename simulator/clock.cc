#include "simulator/clock.h"

#include <cmath>
#include <ctime>
#include <thread>

namespace opcsim {

Clock::Clock(double time_scale, SimMillis start, bool frozen)
    : time_scale_(time_scale),
      frozen_(frozen),
      anchor_sim_(start),
      anchor_real_(std::chrono::steady_clock::now()) {}

SimMillis Clock::NowLocked() const {
  if (frozen_) {
    return anchor_sim_;
  }
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

void Clock::Delay(int64_t real_millis) {
  if (real_millis <= 0) {
    return;
  }
  if (frozen_) {
    std::lock_guard lock(mutex_);
    anchor_sim_ += static_cast<SimMillis>(std::llround(real_millis / time_scale_));
    return;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(real_millis));
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
