// The typed models of the tenant API's responses (numbers, operations, operators, consents,
// civic addresses, locations): whatever JSON an endpoint sends for an entity, decoding gives a
// model or a Status, never a crash or an uncaught exception; and a model that decoded encodes
// to JSON that decodes to the same model (what the provider reads is what it would write back).
// The first byte picks the model; the rest is the body, parsed within the client's JSON limits.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "provider/client/bounded_json.h"
#include "provider/client/emergency_models.h"
#include "provider/client/json_fields.h"
#include "provider/client/long_running_operation.h"
#include "provider/client/number_models.h"
#include "provider/client/operator_models.h"

namespace opc::client {
namespace {

template <typename T>
void DecodeAndRoundTrip(const nlohmann::json& body) {
  absl::StatusOr<T> decoded = DecodeJson<T>(body, "entity");
  if (!decoded.ok()) {
    return;
  }
  nlohmann::json encoded;
  try {
    encoded = *decoded;
  } catch (const std::exception&) {
    std::abort();  // a decoded model must always encode
  }
  absl::StatusOr<T> again = DecodeJson<T>(encoded, "entity");
  if (!again.ok() || !(*again == *decoded)) {
    std::abort();
  }
}

}  // namespace
}  // namespace opc::client

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace opc::client;
  if (size == 0) {
    return 0;
  }
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  absl::StatusOr<nlohmann::json> body = ParseBoundedJson(text);
  if (!body.ok()) {
    return 0;
  }
  switch (data[0] % 8) {
    case 0:
      DecodeAndRoundTrip<NumberAssignment>(*body);
      break;
    case 1:
      DecodeAndRoundTrip<LongRunningOperation>(*body);
      break;
    case 2:
      DecodeAndRoundTrip<Operator>(*body);
      break;
    case 3:
      DecodeAndRoundTrip<Consent>(*body);
      break;
    case 4:
      DecodeAndRoundTrip<CivicAddress>(*body);
      break;
    case 5:
      DecodeAndRoundTrip<EmergencyLocation>(*body);
      break;
    case 6:
      DecodeAndRoundTrip<OperationNumberDetail>(*body);
      break;
    default:
      DecodeAndRoundTrip<CustomerRelationship>(*body);
      break;
  }
  return 0;
}
