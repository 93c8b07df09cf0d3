#include "provider/resources/phone_number_assignment_resource.h"

#include <optional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "provider/client/e164.h"
#include "provider/client/string_util.h"
#include "provider/resources/adoption.h"
#include "provider/resources/location_country_check.h"

namespace opc::resources {

using framework::Attribute;
using framework::AttributePath;
using framework::Diagnostics;
using framework::Type;
using framework::Value;

namespace {

constexpr char kId[] = "id";
constexpr char kTelephoneNumber[] = "telephone_number";
constexpr char kTargetId[] = "assignment_target_id";
constexpr char kCategory[] = "assignment_category";
constexpr char kNumberType[] = "number_type";
constexpr char kLocationId[] = "location_id";

// The telephone number to act on: as configured or stored, else the id.
std::string TelephoneNumberOf(const Value& object) {
  return PhoneNumberAssignmentMapping().Read(object).TelephoneNumber();
}

Type StateType() { return PhoneNumberAssignmentResource().GetSchema().ImpliedType(); }

Attribute Computed(std::string name, std::string description, bool stable) {
  Attribute a = framework::ComputedString(std::move(name), std::move(description));
  if (stable) {
    a.plan_modifiers.push_back(framework::planmodifier::UseStateForUnknown());
  }
  return a;
}

}  // namespace

const StateMapping<PhoneNumberAssignmentModel>& PhoneNumberAssignmentMapping() {
  using M = PhoneNumberAssignmentModel;
  static const auto* mapping = &(*new StateMapping<M>())
                                    .String(kId, &M::id)
                                    .String(kTelephoneNumber, &M::telephone_number)
                                    .String(kTargetId, &M::assignment_target_id)
                                    .String(kCategory, &M::assignment_category)
                                    .String(kNumberType, &M::number_type)
                                    .String(kLocationId, &M::location_id)
                                    .String("operator_id", &M::operator_id)
                                    .String("country", &M::country)
                                    .String("civic_address_id", &M::civic_address_id)
                                    .String("activation_state", &M::activation_state)
                                    .String("assignment_status", &M::assignment_status)
                                    .StringSet("capabilities", &M::capabilities);
  return *mapping;
}

bool IsAssigned(const client::NumberAssignment& number) {
  return !client::EqualsIgnoreCase(number.assignment_status,
                                   client::assignment_status::kUnassigned) &&
         number.assignment_target_id.has_value() && !number.assignment_target_id->empty();
}

Value AssignmentState(const Type& type, const client::NumberAssignment& number,
                      const Value& reference) {
  absl::StatusOr<std::string> normalized = client::NormalizeE164(number.telephone_number);
  const std::string id = normalized.ok() ? *normalized : number.telephone_number;
  // The service omits the category only for numbers it assigned with its default.
  std::optional<std::string> category = number.assignment_category;
  if (!category) {
    category = std::string(client::assignment_category::kPrimary);
  }
  const PhoneNumberAssignmentModel ref = PhoneNumberAssignmentMapping().Read(reference);
  PhoneNumberAssignmentModel state;
  state.id = id;
  state.telephone_number =
      KeepSpellingText(ref.telephone_number, number.telephone_number, SameTelephoneNumberText);
  state.assignment_target_id = KeepCaseText(ref.assignment_target_id, number.assignment_target_id);
  state.assignment_category = KeepCaseText(ref.assignment_category, category);
  state.number_type = KeepCaseText(ref.number_type, number.number_type);
  state.location_id = KeepCaseText(ref.location_id, number.location_id);
  state.operator_id = KeepCaseText(ref.operator_id, number.operator_id);
  state.country = number.iso_country_code;
  state.civic_address_id = KeepCaseText(ref.civic_address_id, number.civic_address_id);
  state.activation_state = number.activation_state;
  state.assignment_status = number.assignment_status;
  state.capabilities = number.capabilities;
  return PhoneNumberAssignmentMapping().Write(state, type);
}

framework::Schema PhoneNumberAssignmentResource::GetSchema() const {
  framework::Schema schema;
  schema.block.description =
      "Assigns an Operator Connect (or other) telephone number of the tenant's inventory to a "
      "user or resource account, optionally with an emergency location. Creating and "
      "destroying wait for the service's long-running operation and report its failure "
      "reason. Import with the number in E.164 form, e.g. `+14255550100`.\n\n"
      "**The number must exist first.** An Operator Connect number appears in the tenant only "
      "after its operator uploads it, and an operator uploads only into an active "
      "`operatorconnect_operator_relationship` covering the number's country. On a first "
      "rollout, apply the relationship (and the emergency addresses), wait for the operator's "
      "upload (the `operatorconnect_phone_numbers` data source lists the inventory), then "
      "apply the assignments: two applies, or `terraform apply "
      "-target=operatorconnect_operator_relationship.<name>` first.\n\n"
      "**Order against the relationship.** Giving each assignment `depends_on = "
      "[operatorconnect_operator_relationship.<name>]` (or any reference to it) makes "
      "Terraform unassign the numbers before it removes the relationship; without it, the "
      "relationship's removal waits (up to 5 minutes) until the same run has unassigned them.\n\n"
      "**Safe to repeat.** A number already assigned to the same target with the configured "
      "category, number type and location (left by an interrupted run) is taken over instead "
      "of assigned again; one that differs fails naming the attribute and the `terraform "
      "import` command. When Terraform is stopped while the service's operation is still "
      "running, the assignment is recorded as planned and the next plan reads its outcome.\n\n"
      "**One number, one target; a user may hold several numbers.** A number is assigned to "
      "one user or resource account at a time (assigning a number held by someone else "
      "fails). The tenant API documents no limit on how many numbers one target holds: "
      "declare one resource per number, and give the numbers besides a user's `primary` one "
      "the `assignment_category` `private` or `alternate`.";

  Attribute id = Computed(kId, "The telephone number in E.164 form (`+14255550100`).", true);

  Attribute number = framework::RequiredString(
      kTelephoneNumber,
      "The telephone number to assign, in international form: `+14255550100`, "
      "`+1 425 555 0100` and `+1 (425) 555-0100` are the same number and never show a diff. "
      "It must be in the tenant's inventory. Changing it forces a new assignment.");
  number.plan_modifiers.push_back(framework::planmodifier::RequiresReplace());
  number.semantic_equality = SameTelephoneNumber;
  number.validators.push_back(validators::TelephoneNumber());

  Attribute target = framework::RequiredString(
      kTargetId,
      "Object id (GUID) of the user or resource account that gets the number. The user's "
      "usage location must be the number's country. Changing it forces a new assignment.");
  target.plan_modifiers.push_back(framework::planmodifier::RequiresReplace());
  target.semantic_equality = EqualIgnoringCase;
  target.validators.push_back(validators::Guid("object id"));

  Attribute category = framework::OptionalComputedString(
      kCategory,
      "How the number is used by the target: `primary` (default), `private` or `alternate`. "
      "Changing it forces a new assignment.");
  category.plan_modifiers = {framework::planmodifier::RequiresReplace(),
                             framework::planmodifier::Default(Value::String(
                                 std::string(client::assignment_category::kPrimary)))};
  category.validators.push_back(
      framework::validators::OneOf({std::string(client::assignment_category::kPrimary),
                                    std::string(client::assignment_category::kPrivate),
                                    std::string(client::assignment_category::kAlternate)}));

  Attribute number_type = framework::OptionalComputedString(
      kNumberType,
      "The kind of number: `operatorConnect` (default), `callingPlan` or `directRouting`. "
      "Changing it forces a new assignment.");
  number_type.plan_modifiers = {framework::planmodifier::RequiresReplace(),
                                framework::planmodifier::Default(Value::String(
                                    std::string(client::number_type::kOperatorConnect)))};
  number_type.validators.push_back(
      framework::validators::OneOf({std::string(client::number_type::kOperatorConnect),
                                    std::string(client::number_type::kCallingPlan),
                                    std::string(client::number_type::kDirectRouting)}));

  Attribute location = framework::OptionalComputedString(
      kLocationId,
      "Id of the emergency location (`operatorconnect_emergency_location` or an address's "
      "`default_location_id`) for the number; it must be in the number's country. Changed in "
      "place, which the number's operator must allow (`locationUpdate`). Left unset, the "
      "number keeps whatever location it has. Destroying the assignment clears the "
      "number's location (where the operator allows it), so that the location can be "
      "deleted.");
  location.semantic_equality = EqualIgnoringCase;

  schema.block.attributes = {
      id,
      number,
      target,
      category,
      number_type,
      location,
      Computed("operator_id", "Id of the operator that provides the number.", true),
      Computed("country", "ISO 3166-1 alpha-2 country of the number.", true),
      Computed("civic_address_id", "Id of the emergency address of the number's location.", false),
      Computed("activation_state",
               "The service's activation state: `activated`, `assignmentPending`, "
               "`assignmentFailed`, `updatePending` or `updateFailed`.",
               false),
      Computed("assignment_status",
               "What the number is assigned to, e.g. `userAssigned` or "
               "`voiceApplicationAssigned`.",
               true),
  };
  Attribute capabilities;
  capabilities.name = "capabilities";
  capabilities.type = Type::Set(Type::String());
  capabilities.computed = true;
  capabilities.plan_modifiers.push_back(framework::planmodifier::UseStateForUnknown());
  capabilities.description =
      "What the number can be assigned to: `userAssignment`, `voiceApplicationAssignment`, "
      "`conferenceAssignment`, `teamsPhoneMobile`.";
  schema.block.attributes.push_back(std::move(capabilities));
  return schema;
}

void PhoneNumberAssignmentResource::Configure(const framework::ProviderData& data,
                                              Diagnostics& diags) {
  client_.Configure(data);
}

void PhoneNumberAssignmentResource::RefuseIfCoverageRemoved(const Value& prior,
                                                            Diagnostics& diags) const {
  RequestContext context = client_.Peek();
  RemovalLedger* ledger = context.removal_ledger();
  const PhoneNumberAssignmentModel state = PhoneNumberAssignmentMapping().Read(prior);
  const std::optional<std::string>& operator_id = state.operator_id;
  const std::optional<std::string>& country = state.country;
  if (ledger == nullptr || !operator_id || !country) {
    return;
  }
  // E.164, so that the relationship's diagnostic lists every number in one spelling.
  const std::string number =
      client::NormalizeE164(TelephoneNumberOf(prior)).value_or(TelephoneNumberOf(prior));
  if (!ledger->RecordKept({number, *operator_id, *country})) {
    return;
  }
  diags.AddError(
      "Operator numbers are still assigned",
      absl::StrCat("This plan removes ", *country, " from the relationship with operator ",
                   *operator_id, " (or the whole relationship), but keeps ", number, " (", *country,
                   ", that operator) assigned. The service refuses the removal while the "
                   "number is assigned, so the apply would fail part-way. Remove this "
                   "assignment in the same change, or keep the country in the relationship."),
      AttributePath::Root(kTelephoneNumber));
}

void PhoneNumberAssignmentResource::ModifyPlan(const framework::ModifyPlanRequest& req,
                                               framework::ModifyPlanResponse& resp) {
  // A number that stays assigned must keep its operator's coverage (removal_ledger.h).
  if (!req.prior.IsNull() && !resp.planned.IsNull()) {
    RefuseIfCoverageRemoved(req.prior, resp.diagnostics);
  }
  // A new or changed location is checked against the number's country now, not after the
  // long-running operation (location_country_check.h).
  if (!resp.planned.IsNull()) {
    const Value& location = resp.planned.GetAttr(kLocationId);
    const Value& number = resp.planned.GetAttr(kTelephoneNumber);
    const bool changed = req.prior.IsNull() || !resp.requires_replace.empty() ||
                         !location.Equals(req.prior.GetAttr(kLocationId));
    RequestContext checker = client_.Peek();  // unconfigured while planning: apply decides
    if (changed && checker != nullptr && location.IsKnown() && !location.IsNull() &&
        number.IsKnown() && !number.IsNull()) {
      CheckLocationCountry(*checker, number.AsString(), location.AsString(), req.cancel,
                           resp.diagnostics);
    }
  }
  // Only an in-place location change can be refused by the operator; tell the user at plan
  // time rather than half-way through an apply.
  if (req.prior.IsNull() || resp.planned.IsNull() || !resp.requires_replace.empty()) {
    return;
  }
  const Value& planned = resp.planned.GetAttr(kLocationId);
  const Value& prior = req.prior.GetAttr(kLocationId);
  if (!planned.IsKnown() || planned.Equals(prior)) {
    return;
  }
  // The provider may be unconfigured while planning: check at apply.
  RequestContext client = client_.Peek();
  if (client == nullptr) {
    return;
  }
  const std::string telephone_number = TelephoneNumberOf(req.prior);
  absl::StatusOr<client::NumberAssignment> number =
      client->numbers().FindNumberByTelephoneNumber(telephone_number, req.cancel);
  if (number.ok() && !number->SupportsCustomerAction(client::customer_action::kLocationUpdate)) {
    const std::optional<std::string> current = OptionalString(prior);
    resp.diagnostics.AddError(
        "Emergency location cannot be changed",
        absl::StrCat("The operator of ", telephone_number,
                     " does not let the tenant change its emergency location (the number "
                     "lacks the \"locationUpdate\" customer action). ",
                     current ? absl::StrCat("Keep location_id at \"", *current, "\"")
                             : std::string("Remove location_id"),
                     " or ask the operator to change the location."),
        AttributePath::Root(kLocationId));
  }
}

namespace {

// The plan's values, with the id set and what only the service can tell (the plan's unknowns)
// null until the next refresh reads it: an assignment whose operation has not finished yet. A
// state after apply must be wholly known; Terraform reports any unknown as a provider bug.
Value PendingAssignmentState(const Value& planned) {
  const std::string number = TelephoneNumberOf(planned);
  absl::StatusOr<std::string> normalized = client::NormalizeE164(number);
  return framework::NullUnknowns(
      planned.WithAttr(kId, Value::String(normalized.ok() ? *normalized : number)));
}

}  // namespace

void PhoneNumberAssignmentResource::Create(const framework::CreateRequest& req,
                                           framework::CreateResponse& resp) {
  const Type type = req.planned.type();
  resp.new_state = Value::Null(type);
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  const PhoneNumberAssignmentModel plan = PhoneNumberAssignmentMapping().Read(req.planned);
  client::AssignNumberRequest request;
  request.telephone_number = plan.telephone_number.value_or("");
  request.assignment_target_id = plan.assignment_target_id.value_or("");
  request.number_type =
      plan.number_type.value_or(std::string(client::number_type::kOperatorConnect));
  request.assignment_category = plan.assignment_category;
  request.location_id = plan.location_id;
  const std::string& number = request.telephone_number;
  auto is_assigned_to_target = [&](const client::NumberAssignment& candidate) {
    return IsAssigned(candidate) &&
           client::EqualsIgnoreCase(candidate.assignment_target_id.value_or(""),
                                    request.assignment_target_id);
  };

  // Safe to repeat: an assignment an interrupted run left in place to the same target is
  // taken over when it is what the configuration asks for (adoption.h), never one that differs.
  absl::StatusOr<client::NumberAssignment> before =
      client->numbers().FindNumberByTelephoneNumber(number, req.cancel);
  if (before.ok() && is_assigned_to_target(*before)) {
    std::optional<std::string> differs = AssignmentDifference(
        *before, request.assignment_target_id, request.assignment_category, plan.number_type);
    if (!differs && request.location_id &&
        !client::EqualsIgnoreCase(before->location_id.value_or(""), *request.location_id)) {
      differs = kLocationId;
    }
    if (differs) {
      AddNotAdoptedError(resp.diagnostics, absl::StrCat("an assignment of ", number), *differs,
                         TypeName(), number);
      return;
    }
    client->logger().Log(
        client::LogLevel::kInfo,
        absl::StrCat("took over the assignment of ", number, " to ", request.assignment_target_id,
                     ": already in place as configured"));
    resp.new_state = AssignmentState(type, *before, req.planned);
    return;
  }

  absl::StatusOr<client::LongRunningOperation> operation =
      client->numbers().AssignNumber(request, req.cancel);
  if (!operation.ok() && req.cancel.IsCancelled() &&
      client::AcceptedOperationOf(operation.status())) {
    // Stopped while the accepted operation runs: the tenant will most likely complete it, so
    // the assignment is recorded as planned (what the service has not told yet stays empty) and
    // the next refresh reads how it ended (docs/design/interruptions.md).
    resp.diagnostics.AddWarning(
        absl::StrCat("Assignment of ", number, " still in progress"),
        absl::StrCat("Terraform was stopped while the service was assigning ", number,
                     " (operation ", *client::AcceptedOperationOf(operation.status()),
                     "). The assignment is recorded in the state; the next plan reads whether it "
                     "completed, and plans it again if it did not."),
        AttributePath::Root(kTelephoneNumber));
    resp.new_state = PendingAssignmentState(req.planned);
    return;
  }
  // After a successful assignment, a replica that has not caught up yet is waited out.
  absl::StatusOr<client::NumberAssignment> found =
      operation.ok()
          ? client->numbers().FindNumberAfterWrite(number, req.cancel, is_assigned_to_target)
          : client->numbers().FindNumberByTelephoneNumber(number, req.cancel);
  const bool assigned_to_target = found.ok() && is_assigned_to_target(*found);
  if (!operation.ok()) {
    AddApiError(resp.diagnostics, absl::StrCat("Assigning telephone number ", number),
                operation.status(), AttributePath::Root(kTelephoneNumber));
    // A wait that was cancelled or timed out may still have assigned it: keep state and tenant
    // in agreement.
    if (assigned_to_target) {
      resp.new_state = AssignmentState(type, *found, req.planned);
    }
    return;
  }
  if (!found.ok()) {
    AddApiError(resp.diagnostics,
                absl::StrCat("Reading telephone number ", number, " after assigning it"),
                found.status());
    return;
  }
  if (!assigned_to_target) {
    resp.diagnostics.AddError(
        absl::StrCat("Assigning telephone number ", number, " failed"),
        absl::StrCat("The service reported the assignment as done, but the number is now ",
                     found->assignment_status, " (target ",
                     found->assignment_target_id.value_or("none"), ")."),
        AttributePath::Root(kTelephoneNumber));
    return;
  }
  resp.new_state = AssignmentState(type, *found, req.planned);
}

void PhoneNumberAssignmentResource::Read(const framework::ReadRequest& req,
                                         framework::ReadResponse& resp) {
  resp.new_state = req.current_state;
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  const std::string number = TelephoneNumberOf(req.current_state);
  // A refresh: many of them share one listing of the inventory (see NumbersApi::ReadNumber).
  absl::StatusOr<client::NumberAssignment> found = client->numbers().ReadNumber(number, req.cancel);
  if (absl::IsNotFound(found.status())) {
    resp.new_state = Value::Null(req.current_state.type());
    return;
  }
  if (!found.ok()) {
    AddApiError(resp.diagnostics, absl::StrCat("Reading telephone number ", number),
                found.status());
    return;
  }
  if (!IsAssigned(*found)) {
    // Unassigned out of band: the assignment is gone, and Terraform plans it again.
    resp.new_state = Value::Null(req.current_state.type());
    return;
  }
  // Assigned to another target: reported as it is, so that the plan shows the replacement.
  resp.new_state = AssignmentState(req.current_state.type(), *found, req.current_state);
}

void PhoneNumberAssignmentResource::Update(const framework::UpdateRequest& req,
                                           framework::UpdateResponse& resp) {
  resp.new_state = req.prior;
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  const std::string number = TelephoneNumberOf(req.prior);
  const Value& planned_location = req.planned.GetAttr(kLocationId);
  const Value& prior_location = req.prior.GetAttr(kLocationId);
  if (planned_location.IsKnown() && !planned_location.Equals(prior_location) &&
      !EqualIgnoringCase(planned_location, prior_location)) {
    absl::StatusOr<client::NumberAssignment> current =
        client->numbers().FindNumberByTelephoneNumber(number, req.cancel);
    if (!current.ok()) {
      AddApiError(resp.diagnostics, absl::StrCat("Reading telephone number ", number),
                  current.status());
      return;
    }
    if (!current->SupportsCustomerAction(client::customer_action::kLocationUpdate)) {
      resp.diagnostics.AddError(
          "Emergency location cannot be changed",
          absl::StrCat("The operator of ", number,
                       " does not let the tenant change its emergency location (the number "
                       "lacks the \"locationUpdate\" customer action)."),
          AttributePath::Root(kLocationId));
      return;
    }
    absl::Status updated = client->numbers().UpdateNumberLocation(
        number, OptionalString(planned_location), req.cancel);
    if (!updated.ok()) {
      AddApiError(resp.diagnostics, absl::StrCat("Changing the emergency location of ", number),
                  updated, AttributePath::Root(kLocationId));
      return;
    }
  }
  absl::StatusOr<client::NumberAssignment> found =
      client->numbers().FindNumberByTelephoneNumber(number, req.cancel);
  if (!found.ok()) {
    AddApiError(resp.diagnostics,
                absl::StrCat("Reading telephone number ", number, " after updating it"),
                found.status());
    return;
  }
  if (!IsAssigned(*found)) {
    resp.diagnostics.AddError(absl::StrCat("Telephone number ", number, " is no longer assigned"),
                              "It was unassigned outside Terraform while it was being updated; "
                              "run terraform apply again to assign it.");
    resp.new_state = Value::Null(req.prior.type());
    return;
  }
  resp.new_state = AssignmentState(req.prior.type(), *found, req.planned);
}

void PhoneNumberAssignmentResource::Delete(const framework::DeleteRequest& req,
                                           framework::DeleteResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  const std::string number = TelephoneNumberOf(req.prior);
  absl::StatusOr<client::NumberAssignment> found =
      client->numbers().FindNumberByTelephoneNumber(number, req.cancel);
  if (absl::IsNotFound(found.status())) {
    return;  // released by the operator: nothing left to unassign
  }
  if (!found.ok()) {
    AddApiError(resp.diagnostics, absl::StrCat("Reading telephone number ", number),
                found.status());
    return;
  }
  if (!IsAssigned(*found)) {
    return;
  }
  const std::string prior_target =
      PhoneNumberAssignmentMapping().Read(req.prior).assignment_target_id.value_or("");
  if (!prior_target.empty() &&
      !client::EqualsIgnoreCase(found->assignment_target_id.value_or(""), prior_target)) {
    // Someone else's assignment now: destroying ours must not take the number from them.
    resp.diagnostics.AddWarning(
        absl::StrCat("Telephone number ", number, " left assigned"),
        absl::StrCat("It is now assigned to ", found->assignment_target_id.value_or(""),
                     ", not to ", prior_target, ", so it was not unassigned."));
    return;
  }
  // An unassigned number that keeps its emergency location still uses it, and the location
  // could never be deleted: give it back without one where the operator lets the tenant.
  if (found->location_id && !found->location_id->empty() &&
      found->SupportsCustomerAction(client::customer_action::kLocationUpdate)) {
    absl::Status cleared = client->numbers().UpdateNumberLocation(number, std::nullopt, req.cancel);
    if (!cleared.ok()) {
      AddApiError(resp.diagnostics, absl::StrCat("Clearing the emergency location of ", number),
                  cleared);
      return;
    }
  }
  client::UnassignNumberRequest request;
  request.telephone_number = found->telephone_number;
  request.number_type = found->number_type;
  absl::StatusOr<client::LongRunningOperation> operation =
      client->numbers().UnassignNumber(request, req.cancel);
  if (!operation.ok()) {
    AddApiError(resp.diagnostics, absl::StrCat("Unassigning telephone number ", number),
                operation.status());
  }
}

void PhoneNumberAssignmentResource::ImportState(const framework::ImportRequest& req,
                                                framework::ImportResponse& resp) {
  absl::StatusOr<std::string> number = client::NormalizeE164(req.id);
  if (!number.ok()) {
    AddInvalidImportId(resp.diagnostics,
                       "a phone number assignment by its telephone number in E.164 form, e.g. "
                       "\"+14255550100\"",
                       req.id, std::string(number.status().message()));
    return;
  }
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  absl::StatusOr<client::NumberAssignment> found =
      client->numbers().ReadNumber(*number, req.cancel);  // imports share listings too
  if (!found.ok()) {
    AddApiError(resp.diagnostics, absl::StrCat("Importing telephone number ", *number),
                found.status());
    return;
  }
  if (!IsAssigned(*found)) {
    resp.diagnostics.AddError(
        absl::StrCat("Cannot import telephone number ", *number),
        "The number is in the tenant's inventory but not assigned to anyone, so there is no "
        "assignment to import. Declare the resource and apply to assign it.");
    return;
  }
  PhoneNumberAssignmentModel imported;
  imported.id = *number;
  imported.telephone_number = *number;
  resp.state = PhoneNumberAssignmentMapping().Write(imported, StateType());
}

}  // namespace opc::resources
