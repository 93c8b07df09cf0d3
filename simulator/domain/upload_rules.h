#pragma once

// The rules of an operator's number upload (/_sim/tenants/{t}/operators/{o}/numbers). Pure:
// the handler looks up the operator, consent and location and stores what comes back.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "simulator/domain/model.h"

namespace opcsim {

// At most this many numbers per upload (the operator API's CSV limit).
inline constexpr int kMaxUploadSize = 10000;

// The per-number fields of an upload; the body's top-level fields are every number's defaults.
struct UploadFields {
  std::optional<std::string> iso_country_code;
  std::string number_type = "operatorConnect";
  std::vector<std::string> capabilities;
  std::vector<std::string> supported_customer_actions;
  std::optional<std::string> city;
  std::optional<std::string> location_id;
};

// "+441632960000" -> "+441632960001" (decimal increment); nullopt past the last number of
// that length.
std::optional<std::string> NextNumber(const std::string& e164);

// The numbers an upload body describes (`numbers` and/or `range`), each with its fields, before
// any rule that needs the store. 400 naming the field on bad input.
absl::StatusOr<std::vector<std::pair<std::string, UploadFields>>> ParseUpload(
    const nlohmann::json& body);

// The number an upload creates, or why it cannot: 400 without a country or capabilities, 409
// CountryNotConsented / ConsentNotActive for an operatorConnect number the tenant has not
// enabled in its country, 400 for a location that does not exist or is in another country.
// `consent` and `location` are the looked-up objects (null when absent); `location` is only
// consulted when `fields` names one.
absl::StatusOr<NumberAssignment> UploadedNumber(const std::string& tenant_id, const Operator& op,
                                                const Consent* consent,
                                                const std::string& telephone_number,
                                                const UploadFields& fields,
                                                const Location* location);

}  // namespace opcsim
