#include "provider/client/random_source.h"

#include <mutex>
#include <random>

namespace opc::client {
namespace {

class MersenneRandomSource final : public RandomSource {
 public:
  MersenneRandomSource() : engine_(std::random_device{}()) {}

  double Uniform() override {
    std::lock_guard lock(mu_);
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine_);
  }

 private:
  std::mutex mu_;
  std::mt19937_64 engine_;
};

}  // namespace

RandomSource& DefaultRandomSource() {
  static MersenneRandomSource source;
  return source;
}

}  // namespace opc::client
