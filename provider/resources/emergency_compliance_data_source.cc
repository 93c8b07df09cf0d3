#include "provider/resources/emergency_compliance_data_source.h"

#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "provider/resources/contract_guard.h"
#include "provider/resources/phone_number_assignment_resource.h"

namespace opc::resources {

using framework::Attribute;
using framework::NestedAttributes;
using framework::Type;
using framework::Value;

namespace {

constexpr char kNumbersWithoutLocation[] = "numbers_without_location";
constexpr char kForeign[] = "numbers_with_foreign_location";
constexpr char kCountriesWithoutAddress[] = "countries_without_address";
constexpr char kConsentedWithoutAddress[] = "consented_countries_without_address";
constexpr char kUnusedAddresses[] = "unused_addresses";

Attribute Computed(std::string name, Type type, std::string description) {
  Attribute a;
  a.name = std::move(name);
  a.type = std::move(type);
  a.computed = true;
  a.description = std::move(description);
  return a;
}

std::string CountOf(const std::string& list) { return list + "_count"; }

Attribute Count(const std::string& of) {
  return Computed(CountOf(of), Type::Number(), "How many entries `" + of + "` has.");
}

Attribute ComputedObjects(std::string name, std::string description,
                          std::vector<Attribute> attributes) {
  Attribute list;
  list.name = std::move(name);
  list.computed = true;
  list.description = std::move(description);
  list.nested = std::make_shared<NestedAttributes>();
  list.nested->nesting = NestedAttributes::Nesting::kList;
  list.nested->attributes = std::move(attributes);
  return list;
}

}  // namespace

const StateMapping<ForeignLocationModel>& ForeignLocationMapping() {
  using M = ForeignLocationModel;
  static const auto* mapping = &(*new StateMapping<M>())
                                    .String("telephone_number", &M::telephone_number)
                                    .String("country", &M::country)
                                    .String("location_id", &M::location_id)
                                    .String("location_country", &M::location_country);
  return *mapping;
}

const StateMapping<UnusedAddressModel>& UnusedAddressMapping() {
  using M = UnusedAddressModel;
  static const auto* mapping = &(*new StateMapping<M>())
                                    .String("id", &M::id)
                                    .String("description", &M::description)
                                    .String("country", &M::country);
  return *mapping;
}

const StateMapping<EmergencyComplianceModel>& EmergencyComplianceMapping() {
  using M = EmergencyComplianceModel;
  static const auto* mapping =
      &(*new StateMapping<M>())
           .String("country", &M::country)
           .String("operator_id", &M::operator_id)
           .Int64("assigned_number_count", &M::assigned_number_count)
           .StringList(kNumbersWithoutLocation, &M::numbers_without_location)
           .Int64(CountOf(kNumbersWithoutLocation), &M::numbers_without_location_count)
           .ObjectList(kForeign, &M::numbers_with_foreign_location, ForeignLocationMapping())
           .Int64(CountOf(kForeign), &M::numbers_with_foreign_location_count)
           .StringList(kCountriesWithoutAddress, &M::countries_without_address)
           .Int64(CountOf(kCountriesWithoutAddress), &M::countries_without_address_count)
           .StringList(kConsentedWithoutAddress, &M::consented_countries_without_address)
           .Int64(CountOf(kConsentedWithoutAddress), &M::consented_countries_without_address_count)
           .ObjectList(kUnusedAddresses, &M::unused_addresses, UnusedAddressMapping())
           .Int64(CountOf(kUnusedAddresses), &M::unused_addresses_count)
           .Bool("compliant", &M::compliant)
           .String("summary", &M::summary);
  return *mapping;
}

ComplianceScope ComplianceScopeFromConfig(const EmergencyComplianceModel& config) {
  ComplianceScope scope;
  scope.country = config.country;
  scope.operator_id = config.operator_id;
  return scope;
}

Value ComplianceState(const framework::Schema& schema, const Value& config,
                      const ComplianceReport& report) {
  auto count = [](size_t n) { return static_cast<int64_t>(n); };
  EmergencyComplianceModel state = EmergencyComplianceMapping().Read(config);
  state.assigned_number_count = report.assigned_numbers;
  state.numbers_without_location = report.numbers_without_location;
  state.numbers_without_location_count = count(report.numbers_without_location.size());
  state.numbers_with_foreign_location.emplace();
  for (const ForeignLocation& f : report.numbers_with_foreign_location) {
    state.numbers_with_foreign_location->push_back(
        {f.telephone_number, f.number_country, f.location_id, f.location_country});
  }
  state.numbers_with_foreign_location_count = count(report.numbers_with_foreign_location.size());
  state.countries_without_address = report.countries_without_address;
  state.countries_without_address_count = count(report.countries_without_address.size());
  state.consented_countries_without_address = report.consented_countries_without_address;
  state.consented_countries_without_address_count =
      count(report.consented_countries_without_address.size());
  state.unused_addresses.emplace();
  for (const UnusedAddress& a : report.unused_addresses) {
    state.unused_addresses->push_back({a.id, a.description, a.country});
  }
  state.unused_addresses_count = count(report.unused_addresses.size());
  state.compliant = report.compliant();
  state.summary = report.Summary();
  return EmergencyComplianceMapping().Write(state, schema.ImpliedType());
}

framework::Schema EmergencyComplianceDataSource::GetSchema() const {
  framework::Schema schema;
  schema.block.description =
      "Emergency-calling compliance of the tenant: whether every assigned number can reach "
      "emergency services with an address in its own country. Lists the assigned numbers "
      "without an emergency location, the numbers whose location is in another country, the "
      "countries with assigned numbers but no emergency address, the consented countries (of "
      "the tenant's operator relationships) with no address, and the addresses no number "
      "uses, with a count for each. `compliant` is true when the first four lists are empty "
      "(unused addresses are housekeeping, not a gap). Pair it with a `check` block so that "
      "`terraform plan` warns when the tenant is not compliant. Reads every number, consent, "
      "address and location, page by page." +
      std::string(kUnpublishedApiNote);

  Attribute country = framework::OptionalString(
      "country",
      "Only this country (ISO 3166-1 alpha-2): its numbers, its consents and its addresses.");
  country.validators.push_back(validators::CountryCode());
  Attribute operator_id = framework::OptionalString(
      "operator_id",
      "Only this operator (catalog id): its numbers and the countries of its relationship. "
      "Addresses are not an operator's: an address counts as used when any operator's "
      "assigned number uses it.");
  operator_id.validators.push_back(validators::Guid("operator id"));

  schema.block.attributes = {
      country,
      operator_id,
      Computed("assigned_number_count", Type::Number(),
               "How many assigned numbers were checked (those in the filters)."),
      Computed(kNumbersWithoutLocation, Type::List(Type::String()),
               "Assigned numbers (E.164) with no emergency location, or with a location the "
               "tenant no longer has. Sorted."),
      Count(kNumbersWithoutLocation),
      ComputedObjects(kForeign, "Assigned numbers whose emergency location is in another country.",
                      {framework::ComputedString("telephone_number", "The number in E.164 form."),
                       framework::ComputedString("country", "The number's country."),
                       framework::ComputedString("location_id", "Its emergency location."),
                       framework::ComputedString("location_country", "The location's country.")}),
      Count(kForeign),
      Computed(kCountriesWithoutAddress, Type::List(Type::String()),
               "Countries where numbers are assigned but the tenant has no emergency address."),
      Count(kCountriesWithoutAddress),
      Computed(kConsentedWithoutAddress, Type::List(Type::String()),
               "Countries of the tenant's operator relationships with no emergency address: "
               "a number assigned there would have no address to point to."),
      Count(kConsentedWithoutAddress),
      ComputedObjects(kUnusedAddresses,
                      "Emergency addresses (in the `country` filter) that no assigned number "
                      "uses, through a location or directly.",
                      {framework::ComputedString("id", "The civic address id."),
                       framework::ComputedString("description", "Its description."),
                       framework::ComputedString("country", "Its country.")}),
      Count(kUnusedAddresses),
      Computed("compliant", Type::Bool(),
               "True when no assigned number lacks a location or has one in another country, "
               "and every country with numbers or consent has an emergency address."),
      Computed("summary", Type::String(),
               "The gaps in words, one line per kind (empty when there is nothing to report): "
               "ready for a `check` block's error message."),
  };
  return schema;
}

void EmergencyComplianceDataSource::Configure(const framework::ProviderData& data,
                                              framework::Diagnostics& diags) {
  client_.Configure(data);
}

void EmergencyComplianceDataSource::Read(const framework::ReadDataRequest& req,
                                         framework::ReadDataResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  // The assessment reads relationships and addresses too: refuse where they are not served.
  if (client == nullptr ||
      !RequireContractArea(*client, client::ContractArea::kOperatorConnect, TypeName(), req.cancel,
                           resp.diagnostics) ||
      !RequireContractArea(*client, client::ContractArea::kEmergencyCalling, TypeName(), req.cancel,
                           resp.diagnostics)) {
    return;
  }
  // Only assigned numbers are kept: the inventory can be far larger than what is assigned.
  std::vector<client::NumberAssignment> assigned;
  absl::Status listed = client->numbers().ForEachNumberAssignment(
      client::NumberAssignmentFilter{},
      [&](const client::NumberAssignment& number) {
        if (IsAssigned(number)) {
          assigned.push_back(number);
        }
        return absl::OkStatus();
      },
      req.cancel);
  if (!listed.ok()) {
    AddApiError(resp.diagnostics, "Listing the tenant's telephone numbers", listed);
    return;
  }
  absl::StatusOr<std::vector<client::Consent>> consents =
      client->operators().ListConsents(client::ConsentFilter{}, req.cancel);
  if (!consents.ok()) {
    AddApiError(resp.diagnostics, "Listing the tenant's operator relationships", consents.status());
    return;
  }
  absl::StatusOr<std::vector<client::CivicAddress>> addresses =
      client->emergency().ListCivicAddresses(client::CivicAddressFilter{}, req.cancel);
  if (!addresses.ok()) {
    AddApiError(resp.diagnostics, "Listing the emergency addresses", addresses.status());
    return;
  }
  absl::StatusOr<std::vector<client::EmergencyLocation>> locations =
      client->emergency().ListLocations(client::LocationFilter{}, req.cancel);
  if (!locations.ok()) {
    AddApiError(resp.diagnostics, "Listing the emergency locations", locations.status());
    return;
  }
  ComplianceReport report =
      AssessCompliance(ComplianceScopeFromConfig(EmergencyComplianceMapping().Read(req.config)),
                       assigned, *consents, *addresses, *locations);
  resp.state = ComplianceState(GetSchema(), req.config, report);
}

}  // namespace opc::resources
