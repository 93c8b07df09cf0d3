#include "provider/resources/location_country_check.h"

#include <optional>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "provider/client/contract_areas.h"

namespace opc::resources {
namespace {

constexpr char kLocationId[] = "location_id";

// The location's country: its own, else its address's; nullopt when it cannot be learnt.
std::optional<std::string> CountryOf(const client::TenantClient& client,
                                     const client::EmergencyLocation& location,
                                     const CancellationToken& cancel) {
  if (location.country_or_region && !location.country_or_region->empty()) {
    return absl::AsciiStrToUpper(*location.country_or_region);
  }
  absl::StatusOr<client::CivicAddress> address =
      client.emergency().GetCivicAddress(location.civic_address_id, cancel);
  if (!address.ok() || address->country_or_region.empty()) {
    return std::nullopt;
  }
  return absl::AsciiStrToUpper(address->country_or_region);
}

}  // namespace

void CheckLocationCountry(const client::TenantClient& client, std::string_view number_text,
                          std::string_view location_text, const CancellationToken& cancel,
                          framework::Diagnostics& diags) {
  const std::string telephone_number(number_text);
  const std::string location_id(location_text);
  absl::StatusOr<bool> served =
      client.contract().Serves(client::ContractArea::kEmergencyCalling, cancel);
  if (!served.ok() || !*served) {
    return;  // Microsoft's Graph: locations cannot be read, the service decides at apply
  }
  absl::StatusOr<client::EmergencyLocation> location =
      client.emergency().GetLocation(location_id, cancel);
  if (absl::IsNotFound(location.status())) {
    diags.AddError(
        "Emergency location not found",
        absl::StrCat("Attribute location_id: the tenant has no emergency location \"", location_id,
                     "\". Use the id of an operatorconnect_emergency_location, or the "
                     "default_location_id of an operatorconnect_emergency_address."),
        framework::AttributePath::Root(kLocationId));
    return;
  }
  if (!location.ok()) {
    return;
  }
  const std::optional<std::string> place_country = CountryOf(client, *location, cancel);
  if (!place_country) {
    return;
  }
  absl::StatusOr<client::NumberAssignment> number =
      client.numbers().FindNumberByTelephoneNumber(telephone_number, cancel);
  if (!number.ok() || !number->iso_country_code || number->iso_country_code->empty()) {
    return;
  }
  const std::string number_country = absl::AsciiStrToUpper(*number->iso_country_code);
  if (number_country == *place_country) {
    return;
  }
  diags.AddError(
      "Emergency location in another country",
      absl::StrCat("Attribute location_id: \"", location_id, "\" is a place in ", *place_country,
                   ", but ", telephone_number, " is a ", number_country,
                   " number. Teams requires a number and its emergency location to be in the same "
                   "country, so the assignment would fail after its long-running operation. Use a "
                   "location of an address in ",
                   number_country, "."),
      framework::AttributePath::Root(kLocationId));
}

}  // namespace opc::resources
