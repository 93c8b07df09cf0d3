#include "provider/resources/phone_numbers_data_source.h"

#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "provider/client/contract_areas.h"
#include "provider/client/string_util.h"

namespace opc::resources {

using framework::Attribute;
using framework::Type;

namespace {

constexpr char kNumbers[] = "numbers";

std::vector<std::string> Names(std::initializer_list<std::string_view> names) {
  return {names.begin(), names.end()};
}

Attribute Filter(std::string name, std::string description, framework::Validator validator) {
  Attribute a = framework::OptionalString(std::move(name), std::move(description));
  a.validators.push_back(std::move(validator));
  return a;
}

std::vector<Attribute> NumberAttributes() {
  Attribute capabilities;
  capabilities.name = "capabilities";
  capabilities.type = Type::Set(Type::String());
  capabilities.computed = true;
  capabilities.description = "What the number can be assigned to (`userAssignment`, ...).";
  return {
      framework::ComputedString("telephone_number", "The number in E.164 form."),
      framework::ComputedString("operator_id", "Id of the operator that provides the number."),
      framework::ComputedString("operator_name",
                                "Display name of that operator in the catalog (null when the "
                                "catalog no longer lists it, or where the endpoint has no "
                                "catalog: Microsoft Graph publishes none)."),
      framework::ComputedString("number_type",
                                "`operatorConnect`, `callingPlan` or `directRouting`."),
      framework::ComputedString("country", "ISO 3166-1 alpha-2 country of the number."),
      framework::ComputedString("assignment_status",
                                "`unassigned`, `userAssigned`, `voiceApplicationAssigned`, ..."),
      framework::ComputedString("assignment_target_id",
                                "Object id of the user or resource account it is assigned to."),
      framework::ComputedString("assignment_category", "`primary`, `private` or `alternate`."),
      framework::ComputedString("activation_state", "The service's activation state."),
      framework::ComputedString("location_id", "Id of the number's emergency location."),
      framework::ComputedString("civic_address_id", "Id of its emergency address."),
      capabilities,
  };
}

}  // namespace

const StateMapping<PhoneNumberItemModel>& PhoneNumberItemMapping() {
  using M = PhoneNumberItemModel;
  static const auto* mapping = &(*new StateMapping<M>())
                                    .String("telephone_number", &M::telephone_number)
                                    .String("operator_id", &M::operator_id)
                                    .String("operator_name", &M::operator_name)
                                    .String("number_type", &M::number_type)
                                    .String("country", &M::country)
                                    .String("assignment_status", &M::assignment_status)
                                    .String("assignment_target_id", &M::assignment_target_id)
                                    .String("assignment_category", &M::assignment_category)
                                    .String("activation_state", &M::activation_state)
                                    .String("location_id", &M::location_id)
                                    .String("civic_address_id", &M::civic_address_id)
                                    .StringSet("capabilities", &M::capabilities);
  return *mapping;
}

const StateMapping<PhoneNumbersModel>& PhoneNumbersMapping() {
  using M = PhoneNumbersModel;
  static const auto* mapping = &(*new StateMapping<M>())
                                    .String("operator_id", &M::operator_id)
                                    .String("country", &M::country)
                                    .String("number_type", &M::number_type)
                                    .String("assignment_status", &M::assignment_status)
                                    .String("capability", &M::capability)
                                    .ObjectList(kNumbers, &M::numbers, PhoneNumberItemMapping());
  return *mapping;
}

client::NumberAssignmentFilter PhoneNumbersFilter(const PhoneNumbersModel& config) {
  client::NumberAssignmentFilter filter;
  filter.operator_id = config.operator_id;
  filter.iso_country_code = config.country;
  filter.number_type = config.number_type;
  filter.assignment_status = config.assignment_status;
  if (config.capability) {
    filter.capabilities.push_back(*config.capability);
  }
  return filter;
}

PhoneNumberItemModel PhoneNumberItem(const client::NumberAssignment& number,
                                     const std::map<std::string, std::string>& operator_names) {
  PhoneNumberItemModel item;
  if (number.operator_id) {
    auto it = operator_names.find(client::AsciiStrToLower(*number.operator_id));
    if (it != operator_names.end()) {
      item.operator_name = it->second;
    }
  }
  item.telephone_number = number.telephone_number;
  item.operator_id = number.operator_id;
  item.number_type = number.number_type;
  item.country = number.iso_country_code;
  item.assignment_status = number.assignment_status;
  item.assignment_target_id = number.assignment_target_id;
  item.assignment_category = number.assignment_category;
  item.activation_state = number.activation_state;
  item.location_id = number.location_id;
  item.civic_address_id = number.civic_address_id;
  item.capabilities = number.capabilities;
  return item;
}

framework::Schema PhoneNumbersDataSource::GetSchema() const {
  framework::Schema schema;
  schema.block.description =
      "The tenant's telephone number inventory, each number with the operator that provides "
      "it. All filters are optional and combine with *and*; the whole inventory is read, page "
      "by page, whatever its size.";
  Attribute numbers;
  numbers.name = kNumbers;
  numbers.computed = true;
  numbers.description = "The matching numbers, sorted by telephone number.";
  numbers.nested = std::make_shared<framework::NestedAttributes>();
  numbers.nested->nesting = framework::NestedAttributes::Nesting::kList;
  numbers.nested->attributes = NumberAttributes();

  schema.block.attributes = {
      Filter("operator_id", "Only numbers of this operator (catalog id).",
             validators::Guid("operator id")),
      Filter("country", "Only numbers in this country (ISO 3166-1 alpha-2, e.g. `GB`).",
             validators::CountryCode()),
      Filter("number_type",
             "Only numbers of this type: `operatorConnect`, `callingPlan` or `directRouting`.",
             framework::validators::OneOf(
                 Names({client::number_type::kOperatorConnect, client::number_type::kCallingPlan,
                        client::number_type::kDirectRouting}))),
      Filter("assignment_status",
             "Only numbers in this assignment status, e.g. `unassigned` or `userAssigned`.",
             framework::validators::OneOf(Names(
                 {client::assignment_status::kUnassigned, client::assignment_status::kUserAssigned,
                  client::assignment_status::kConferenceAssigned,
                  client::assignment_status::kVoiceApplicationAssigned,
                  client::assignment_status::kThirdPartyAppAssigned,
                  client::assignment_status::kPolicyAssigned}))),
      Filter("capability",
             "Only numbers with this capability: `userAssignment`, "
             "`voiceApplicationAssignment`, `conferenceAssignment` or `teamsPhoneMobile`.",
             framework::validators::OneOf(
                 Names({client::number_capability::kUserAssignment,
                        client::number_capability::kVoiceApplicationAssignment,
                        client::number_capability::kConferenceAssignment,
                        client::number_capability::kTeamsPhoneMobile}))),
      numbers,
  };
  return schema;
}

void PhoneNumbersDataSource::Configure(const framework::ProviderData& data,
                                       framework::Diagnostics& diags) {
  client_.Configure(data);
}

void PhoneNumbersDataSource::Read(const framework::ReadDataRequest& req,
                                  framework::ReadDataResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  // One catalog read per data source read, however many numbers there are. Microsoft publishes
  // no catalog: where the endpoint does not serve it, the numbers come without operator names.
  absl::StatusOr<std::vector<client::Operator>> operators =
      client->operators().ListOperators(client::OperatorFilter{}, req.cancel);
  if (!operators.ok() && !client::IsUnservedPathAnswer(operators.status())) {
    AddApiError(resp.diagnostics, "Reading the operator catalog", operators.status());
    return;
  }
  std::map<std::string, std::string> operator_names;
  if (operators.ok()) {
    for (const client::Operator& entry : *operators) {
      operator_names[client::AsciiStrToLower(entry.id)] = entry.display_name;
    }
  }

  PhoneNumbersModel state = PhoneNumbersMapping().Read(req.config);
  std::vector<PhoneNumberItemModel> numbers;
  absl::Status listed = client->numbers().ForEachNumberAssignment(
      PhoneNumbersFilter(state),
      [&](const client::NumberAssignment& number) {
        numbers.push_back(PhoneNumberItem(number, operator_names));
        return absl::OkStatus();
      },
      req.cancel);
  if (!listed.ok()) {
    AddApiError(resp.diagnostics, "Listing the tenant's telephone numbers", listed);
    return;
  }
  state.numbers = std::move(numbers);
  resp.state = PhoneNumbersMapping().Write(state, GetSchema().ImpliedType());
}

}  // namespace opc::resources
