#include "provider/client/clock.h"

namespace opc::client {
namespace {

class SystemClockImpl final : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::now();
  }
};

class RealSleeperImpl final : public Sleeper {
 public:
  absl::Status Sleep(std::chrono::milliseconds duration, const CancellationToken& cancel) override {
    if (cancel.IsCancelled() || !cancel.WaitFor(duration)) {
      return absl::CancelledError("cancelled while waiting");
    }
    return absl::OkStatus();
  }
};

}  // namespace

Clock& SystemClock() {
  static SystemClockImpl clock;
  return clock;
}

Sleeper& RealSleeper() {
  static RealSleeperImpl sleeper;
  return sleeper;
}

}  // namespace opc::client
