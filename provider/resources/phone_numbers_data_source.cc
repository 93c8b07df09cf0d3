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
using framework::Value;

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

client::NumberAssignmentFilter PhoneNumbersFilter(const Value& config) {
  client::NumberAssignmentFilter filter;
  filter.operator_id = OptionalString(config.GetAttr("operator_id"));
  filter.iso_country_code = OptionalString(config.GetAttr("country"));
  filter.number_type = OptionalString(config.GetAttr("number_type"));
  filter.assignment_status = OptionalString(config.GetAttr("assignment_status"));
  if (auto capability = OptionalString(config.GetAttr("capability"))) {
    filter.capabilities.push_back(*capability);
  }
  return filter;
}

Value PhoneNumberElement(const Type& element_type, const client::NumberAssignment& number,
                         const std::map<std::string, std::string>& operator_names) {
  std::optional<std::string> operator_name;
  if (number.operator_id) {
    auto it = operator_names.find(client::AsciiStrToLower(*number.operator_id));
    if (it != operator_names.end()) {
      operator_name = it->second;
    }
  }
  return Value::Object(element_type,
                       {{"telephone_number", Value::String(number.telephone_number)},
                        {"operator_id", StringOrNull(number.operator_id)},
                        {"operator_name", StringOrNull(operator_name)},
                        {"number_type", Value::String(number.number_type)},
                        {"country", StringOrNull(number.iso_country_code)},
                        {"assignment_status", Value::String(number.assignment_status)},
                        {"assignment_target_id", StringOrNull(number.assignment_target_id)},
                        {"assignment_category", StringOrNull(number.assignment_category)},
                        {"activation_state", Value::String(number.activation_state)},
                        {"location_id", StringOrNull(number.location_id)},
                        {"civic_address_id", StringOrNull(number.civic_address_id)},
                        {"capabilities", StringSet(number.capabilities)}});
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

  const framework::Schema schema = GetSchema();
  const Type element_type = schema.block.FindAttribute(kNumbers)->EffectiveType().element();
  std::vector<Value> elements;
  absl::Status listed = client->numbers().ForEachNumberAssignment(
      PhoneNumbersFilter(req.config),
      [&](const client::NumberAssignment& number) {
        elements.push_back(PhoneNumberElement(element_type, number, operator_names));
        return absl::OkStatus();
      },
      req.cancel);
  if (!listed.ok()) {
    AddApiError(resp.diagnostics, "Listing the tenant's telephone numbers", listed);
    return;
  }
  resp.state = req.config.WithAttr(kNumbers, Value::List(element_type, std::move(elements)));
}

}  // namespace opc::resources
