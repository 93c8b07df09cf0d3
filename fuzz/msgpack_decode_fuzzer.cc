// DynamicValue msgpack, as every RPC carries it: any bytes decode to a value or an error, and a
// decoded value encodes and decodes back to itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz/fuzz_types.h"
#include "provider/framework/codec.h"

namespace {

void CheckRoundTrip(std::string_view bytes, const opc::framework::Type& type) {
  absl::StatusOr<opc::framework::Value> decoded = opc::framework::DecodeMsgpack(bytes, type);
  if (!decoded.ok()) {
    return;
  }
  absl::StatusOr<std::string> encoded = opc::framework::EncodeMsgpack(*decoded, type);
  if (!encoded.ok()) {
    std::abort();  // a value we accepted must be sendable back
  }
  absl::StatusOr<opc::framework::Value> again = opc::framework::DecodeMsgpack(*encoded, type);
  if (!again.ok() || !(*again == *decoded)) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  CheckRoundTrip(bytes, opc::fuzz::EveryKindType());
  CheckRoundTrip(bytes, opc::framework::Type::Dynamic());
  return 0;
}
