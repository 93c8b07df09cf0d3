// Raw JSON state (UpgradeResourceState): any text decodes to a value or an error, and a decoded
// value encodes and decodes back to itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz/fuzz_types.h"
#include "provider/framework/codec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const opc::framework::Type& type = opc::fuzz::EveryKindType();
  absl::StatusOr<opc::framework::Value> decoded = opc::framework::DecodeJsonText(text, type);
  if (!decoded.ok()) {
    return 0;
  }
  absl::StatusOr<nlohmann::json> encoded = opc::framework::EncodeJson(*decoded, type);
  if (!encoded.ok()) {
    std::abort();
  }
  absl::StatusOr<opc::framework::Value> again =
      opc::framework::DecodeJsonText(encoded->dump(), type);
  if (!again.ok() || !(*again == *decoded)) {
    std::abort();
  }
  return 0;
}
