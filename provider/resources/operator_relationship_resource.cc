#include "provider/resources/operator_relationship_resource.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "provider/client/e164.h"
#include "provider/client/graph_error.h"
#include "provider/common/status_macros.h"
#include "provider/resources/adoption.h"
#include "provider/resources/contract_guard.h"
#include "provider/resources/settings_rules.h"

namespace opc::resources {
namespace {

using framework::Attribute;
using framework::AttributePath;
using framework::Diagnostics;
using framework::NestedAttributes;
using framework::Type;
using framework::Value;

// A stale If-Match (412) means someone changed the consent between our read and our write:
// read again and retry a few times before giving up.
constexpr int kEtagAttempts = 3;

// Attributes that plan-time code also reads or writes on the plan value itself, where the
// model cannot say what it needs (whether a set is wholly known; keeping the plan's other
// unknowns). One name for the mapping, the schema and those uses.
constexpr char kCountries[] = "countries";
constexpr char kStatus[] = "status";

Attribute BoolAttribute(std::string name, std::string description) {
  Attribute a;
  a.name = std::move(name);
  a.type = Type::Bool();
  a.description = std::move(description);
  return a;
}

std::vector<Attribute> ContactAttributes() {
  Attribute full_name =
      framework::RequiredString("full_name", "Name of the person the operator contacts.");
  full_name.validators = {validators::NotBlank()};
  Attribute email = framework::RequiredString("email", "Email address of that person.");
  email.validators = {framework::validators::MatchesRegex(
      R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)", "an email address such as \"admin@contoso.com\"")};
  Attribute telephone = framework::OptionalString(
      "telephone_number",
      "Telephone number of that person, in international form (`+1 425 555 0100`). Sent to "
      "the service in E.164 form; spacing differences never show as a change.");
  telephone.validators = {validators::TelephoneNumber()};
  telephone.semantic_equality = SameTelephoneNumber;
  Attribute company_name =
      framework::RequiredString("company_name", "The company the operator signs up.");
  company_name.validators = {validators::NotBlank()};
  Attribute company_size = framework::RequiredString(
      "company_size",
      "Number of employees, as one of the service's bands: `L1_U24`, `L25_U99`, `L100_U249`, "
      "`L250_U999`, `L1000_U9999`, `L10000_Plus`.");
  company_size.validators = {framework::validators::OneOf(
      {std::string(client::company_size::kL1U24), std::string(client::company_size::kL25U99),
       std::string(client::company_size::kL100U249), std::string(client::company_size::kL250U999),
       std::string(client::company_size::kL1000U9999),
       std::string(client::company_size::kL10000Plus)})};
  return {full_name, email, telephone, company_name, company_size};
}

std::string Lower(std::string text) { return absl::AsciiStrToLower(text); }

// The plan's countries once every one of them is known, else nullopt. The model alone cannot
// tell: it reads a set with an unknown element as the known ones, which would count the
// unknown one as removed. (The name is the mapping's, kCountries.)
std::optional<std::vector<std::string>> WhollyKnownCountries(const Value& planned) {
  const Value& countries = planned.GetAttr(kCountries);
  if (!countries.IsWhollyKnown() || countries.IsNull()) {
    return std::nullopt;
  }
  return OperatorRelationshipMapping().Read(planned).countries;
}

// The countries a plan stops covering: all of the prior ones when the relationship is
// destroyed or replaced (`whole`), else those the planned set (`after`) drops. Empty while
// the planned set is not wholly known.
std::set<std::string> RemovedCountries(const OperatorRelationshipModel& prior,
                                       const std::optional<std::vector<std::string>>& after,
                                       bool whole) {
  std::set<std::string> removed;
  for (const std::string& country : prior.countries.value_or(std::vector<std::string>{})) {
    removed.insert(absl::AsciiStrToUpper(country));
  }
  if (whole) {
    return removed;
  }
  if (!after) {
    return {};
  }
  for (const std::string& country : *after) {
    removed.erase(absl::AsciiStrToUpper(country));
  }
  return removed;
}

const StateMapping<RelationshipContactModel>& ContactMapping() {
  using M = RelationshipContactModel;
  static const auto* mapping = &(*new StateMapping<M>())
                                    .String("full_name", &M::full_name)
                                    .String("email", &M::email)
                                    .String("telephone_number", &M::telephone_number)
                                    .String("company_name", &M::company_name)
                                    .String("company_size", &M::company_size);
  return *mapping;
}

// The contact as state; the configured spelling stays where the service only normalized it.
RelationshipContactModel ContactState(const client::Contact& contact,
                                      const std::optional<RelationshipContactModel>& reference) {
  const RelationshipContactModel ref = reference.value_or(RelationshipContactModel{});
  RelationshipContactModel state;
  state.full_name = contact.full_name;
  state.email = KeepCaseText(ref.email, contact.email);
  state.telephone_number =
      KeepSpellingText(ref.telephone_number, contact.telephone_number, SameTelephoneNumberText);
  state.company_name = contact.company_name;
  state.company_size = contact.company_size;
  return state;
}

client::Contact ContactFromModel(const std::optional<RelationshipContactModel>& contact) {
  client::Contact out;
  if (!contact) {
    return out;
  }
  out.full_name = contact->full_name.value_or("");
  out.email = contact->email.value_or("");
  if (const std::optional<std::string>& phone = contact->telephone_number) {
    absl::StatusOr<std::string> normalized = client::NormalizeE164(*phone);
    out.telephone_number = normalized.ok() ? *normalized : *phone;  // the service will say why
  }
  out.company_name = contact->company_name.value_or("");
  out.company_size = contact->company_size.value_or("");
  return out;
}

std::string DesiredStatus(const OperatorRelationshipModel& planned) {
  return planned.suspended.value_or(false) ? std::string(client::consent_status::kSuspended)
                                           : std::string(client::consent_status::kActive);
}

std::vector<std::string> Sorted(const std::optional<std::vector<std::string>>& items) {
  std::vector<std::string> sorted = items.value_or(std::vector<std::string>{});
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

// Attributes only Terraform knows about: they configure the provider's behaviour, never the
// tenant's object.
constexpr const char* kSettingsAttributes[] = {"wait_for_agreement", "agreement_timeout"};
// Attributes read from the tenant (computed only).
constexpr const char* kTenantReadAttributes[] = {
    "id", "operator_name", kStatus, "relationship_status", "relationship_comment", "consented_at"};

// True when `planned` differs from `prior` in provider-side settings at most (the computed
// attributes, unknown in a plan, are not compared).
bool OnlySettingsChange(const Value& prior, const Value& planned) {
  for (const auto& [name, type] : planned.type().attributes()) {
    const bool setting = std::find(std::begin(kSettingsAttributes), std::end(kSettingsAttributes),
                                   name) != std::end(kSettingsAttributes);
    const bool read = std::find(std::begin(kTenantReadAttributes), std::end(kTenantReadAttributes),
                                name) != std::end(kTenantReadAttributes);
    if (setting || (read && !planned.GetAttr(name).IsKnown())) {
      continue;
    }
    if (!planned.GetAttr(name).Equals(prior.GetAttr(name))) {
      return false;
    }
  }
  return true;
}

// The attribute a service error is about, from the field its message names.
std::optional<AttributePath> AttributeForServiceError(const absl::Status& status) {
  const std::string message(status.message());
  std::optional<std::string> code = client::ServiceErrorCodeOf(status);
  if (code && *code == "DataTransferNoticeNotAccepted") {
    return AttributePath::Root("data_transfer_notice_accepted");
  }
  if (code && *code == "NumbersAssigned") {
    return AttributePath::Root("countries");
  }
  if (absl::StrContains(message, "consentedCountries")) {
    return AttributePath::Root("countries");
  }
  if (absl::StrContains(message, "contacts")) {
    return AttributePath::Root("contact");
  }
  if (absl::StrContains(message, "dataTransferNoticeAccepted")) {
    return AttributePath::Root("data_transfer_notice_accepted");
  }
  if (absl::IsNotFound(status)) {
    return AttributePath::Root("operator_id");
  }
  return std::nullopt;
}

// Only the fields where the tenant differs from the plan, so a PATCH never rewrites what
// already matches.
client::UpdateConsentRequest DiffAgainstPlan(const client::Consent& current,
                                             const OperatorRelationshipModel& planned) {
  client::UpdateConsentRequest patch;
  std::vector<std::string> countries = Sorted(planned.countries);
  std::vector<std::string> current_countries = current.consented_countries;
  std::sort(current_countries.begin(), current_countries.end());
  if (countries != current_countries) {
    patch.consented_countries = countries;
  }
  std::vector<client::Contact> contacts = {ContactFromModel(planned.contact)};
  if (contacts != current.contacts) {
    patch.contacts = contacts;
  }
  if (std::string status = DesiredStatus(planned); status != current.status) {
    patch.status = status;
  }
  if (!current.data_transfer_notice_accepted) {
    patch.data_transfer_notice_accepted = true;
  }
  return patch;
}

std::string OperatorLabel(const client::Consent& consent) {
  return consent.operator_display_name
             ? absl::StrCat("\"", *consent.operator_display_name, "\" (", consent.operator_id, ")")
             : consent.operator_id;
}

}  // namespace

const StateMapping<OperatorRelationshipModel>& OperatorRelationshipMapping() {
  using M = OperatorRelationshipModel;
  static const auto* mapping =
      &(*new StateMapping<M>())
           .String("id", &M::id)
           .String("operator_id", &M::operator_id)
           .StringSet(kCountries, &M::countries)
           .Object("contact", &M::contact, ContactMapping())
           .Bool("data_transfer_notice_accepted", &M::data_transfer_notice_accepted)
           .Bool("suspended", &M::suspended)
           .Bool("wait_for_agreement", &M::wait_for_agreement)
           .String("agreement_timeout", &M::agreement_timeout)
           .String("operator_name", &M::operator_name)
           .String(kStatus, &M::status)
           .String("relationship_status", &M::relationship_status)
           .String("relationship_comment", &M::relationship_comment)
           .String("consented_at", &M::consented_at);
  return *mapping;
}

client::Contact ContactFromValue(const Value& contact) {
  if (!contact.IsKnown() || contact.IsNull()) {
    return client::Contact();
  }
  return ContactFromModel(ContactMapping().Read(contact));
}

Value RelationshipStateFromConsent(const client::Consent& consent, const Value& reference,
                                   const Type& type) {
  const OperatorRelationshipModel ref = OperatorRelationshipMapping().Read(reference);
  const std::optional<client::CustomerRelationship>& relationship = consent.customer_relationship;
  OperatorRelationshipModel state;
  state.id = consent.id.empty() ? consent.operator_id : consent.id;
  state.operator_id = KeepCaseText(ref.operator_id, consent.operator_id);
  state.countries = consent.consented_countries;
  if (!consent.contacts.empty()) {
    state.contact = ContactState(consent.contacts.front(), ref.contact);
  }
  state.data_transfer_notice_accepted = consent.data_transfer_notice_accepted;
  state.suspended = consent.status == client::consent_status::kSuspended;
  state.wait_for_agreement = ref.wait_for_agreement.value_or(false);
  state.agreement_timeout = ref.agreement_timeout.value_or(kDefaultAgreementTimeout);
  state.operator_name = consent.operator_display_name;
  state.status = consent.status;
  state.relationship_status = relationship ? relationship->status : kRelationshipPending;
  state.relationship_comment = relationship ? relationship->comment : std::nullopt;
  state.consented_at = consent.consented_date_time;
  return OperatorRelationshipMapping().Write(state, type);
}

OperatorRelationshipResource::OperatorRelationshipResource(AgreementPolling polling)
    : polling_(polling), type_(GetSchema().ImpliedType()) {}

framework::Schema OperatorRelationshipResource::GetSchema() const {
  framework::Schema schema;
  schema.block.description =
      "The tenant's relationship with one Operator Connect operator (\"My operators\" in the "
      "Teams admin center): the consent that lets the operator serve the tenant in a set of "
      "countries, and the contact the operator reaches out to. The operator uploads numbers "
      "into the tenant only once the relationship is active for their country; only then can "
      "`operatorconnect_phone_number_assignment` assign them." +
      std::string(kUnpublishedApiNote) +
      "\n\n"
      "**Safe to repeat.** When the tenant already has a relationship with the operator (an "
      "interrupted run, or one enabled by hand), creating takes it over if its countries and "
      "contact equal the configuration, and fails otherwise naming the differing attribute and "
      "the `terraform import` command. Destroying waits while the service refuses because the "
      "same run is still unassigning the operator's numbers: up to 5 minutes, and no longer "
      "than 1 minute in which none of them was unassigned.\n\n"
      "**Safe removal.** The service refuses to remove a relationship, or a country from it, "
      "while numbers of that operator are assigned there. The provider checks this at plan "
      "time for the assignments in the same configuration: when a plan removes the "
      "relationship (or replaces it, or drops countries) and keeps an "
      "`operatorconnect_phone_number_assignment` of that operator's number in a removed "
      "country, the plan fails with a diagnostic naming the numbers. Removing the assignments "
      "in the same change is accepted. Give each assignment `depends_on` on its operator's "
      "relationship: Terraform then plans the relationship first and, at apply, unassigns the "
      "numbers before it removes countries or the relationship, so such a change and a "
      "`terraform destroy` of the whole configuration each work in one run.\n\n"
      "Limits: the check sees only what one plan plans: numbers assigned outside this "
      "configuration (another configuration, the admin center) are not known at plan, and the "
      "apply still fails with the service's `NumbersAssigned` error naming them; a country "
      "list that is unknown until apply is not checked; a new assignment is not checked (its "
      "operator and country are known only after it is created).";

  Attribute id = framework::ComputedString("id", "The relationship's id: the operator id.");
  id.plan_modifiers.push_back(framework::planmodifier::UseStateForUnknown());

  Attribute operator_id = framework::RequiredString(
      "operator_id",
      "Catalog id (GUID) of the operator, e.g. from the `operatorconnect_operator` data source. "
      "Changing it replaces the relationship.");
  operator_id.plan_modifiers.push_back(framework::planmodifier::RequiresReplace());
  operator_id.validators = {validators::Guid(
      "operator id", "The operatorconnect_operators data source lists the catalog.")};
  operator_id.semantic_equality = EqualIgnoringCase;

  Attribute countries;
  countries.name = kCountries;
  countries.type = Type::Set(Type::String());
  countries.required = true;
  countries.description =
      "Countries (ISO 3166-1 alpha-2, upper case, e.g. `GB`) in which the operator may serve "
      "the tenant. Each must be offered by the operator. Changed in place; removing a country "
      "where the operator's numbers are assigned is refused.";
  countries.validators = {framework::validators::SetSizeAtLeast(1),
                          framework::validators::EachString(validators::CountryCode())};

  Attribute contact;
  contact.name = "contact";
  contact.required = true;
  contact.description = "The person and company the operator contacts. Changed in place.";
  contact.nested = std::make_shared<NestedAttributes>();
  contact.nested->nesting = NestedAttributes::Nesting::kSingle;
  contact.nested->attributes = ContactAttributes();

  Attribute notice = BoolAttribute(
      "data_transfer_notice_accepted",
      "Must be `true`: confirms that you accept Microsoft's data transfer notice (the operator "
      "receives the tenant's contact and calling data and may process it outside your region).");
  notice.required = true;
  notice.validators = {validators::MustBeTrue(
      "Data transfer notice not accepted",
      "Enabling an operator shares the tenant's contact details and calling data (numbers, "
      "call records needed for billing and support) with that operator, which may process them "
      "outside your region under its own terms. Microsoft's data transfer notice in the Teams "
      "admin center explains this; setting it to true confirms that you have read and accept "
      "it.")};

  Attribute suspended = BoolAttribute(
      "suspended",
      "Suspends the relationship (`status = \"suspended\"`) without removing it; `false` "
      "(default) keeps it active. Changed in place.");
  suspended.optional = true;
  suspended.computed = true;
  suspended.plan_modifiers.push_back(framework::planmodifier::Default(Value::Bool(false)));

  Attribute wait = BoolAttribute(
      "wait_for_agreement",
      "When `true`, create and update wait until the operator has signed the agreement "
      "(`relationship_status = \"AgreementSigned\"`) and fail if it declines or terminates. "
      "Default `false`.");
  wait.optional = true;
  wait.computed = true;
  wait.plan_modifiers.push_back(framework::planmodifier::Default(Value::Bool(false)));

  Attribute timeout = framework::OptionalComputedString(
      "agreement_timeout",
      "How long `wait_for_agreement` waits, as a duration such as `\"30m\"` (default), "
      "`\"2h\"` or `\"90s\"` (at most 24h).");
  timeout.plan_modifiers.push_back(
      framework::planmodifier::Default(Value::String(kDefaultAgreementTimeout)));
  timeout.validators = {validators::Duration()};

  Attribute operator_name =
      framework::ComputedString("operator_name", "The operator's display name.");
  operator_name.plan_modifiers.push_back(framework::planmodifier::UseStateForUnknown());
  Attribute consented_at = framework::ComputedString(
      "consented_at", "When the tenant enabled the operator (ISO 8601, UTC).");
  consented_at.plan_modifiers.push_back(framework::planmodifier::UseStateForUnknown());

  schema.block.attributes = {
      id,
      operator_id,
      countries,
      contact,
      notice,
      suspended,
      wait,
      timeout,
      operator_name,
      framework::ComputedString(kStatus, "`active` or `suspended`."),
      framework::ComputedString(
          "relationship_status",
          "The operator's progress with the tenant: `Pending` until the operator acts, then "
          "`ConsentAcknowledged`, `CustomerContacted`, `AgreementSigned`, `ConsentDeclined` or "
          "`ContractTerminated`. The operator changes it, so it may differ at each refresh."),
      framework::ComputedString("relationship_comment",
                                "The operator's comment on that progress (e.g. why it declined)."),
      consented_at,
  };
  return schema;
}

void OperatorRelationshipResource::Configure(const framework::ProviderData& data,
                                             Diagnostics& diags) {
  client_.Configure(data);
}

void OperatorRelationshipResource::RefuseStrandedNumbers(const Value& prior, const Value& planned,
                                                         bool whole, Diagnostics& diags) const {
  RequestContext context = client_.Peek();
  RemovalLedger* ledger = context.removal_ledger();
  const OperatorRelationshipModel before = OperatorRelationshipMapping().Read(prior);
  const std::string operator_id = before.operator_id.value_or("");
  if (ledger == nullptr || prior.IsNull() || operator_id.empty()) {
    return;
  }
  const std::set<std::string> removed =
      RemovedCountries(before, whole ? std::nullopt : WhollyKnownCountries(planned), whole);
  if (removed.empty()) {
    return;
  }
  std::vector<RemovalLedger::KeptNumber> stranded = ledger->RecordRemoval(operator_id, removed);
  if (stranded.empty()) {
    return;
  }
  std::vector<std::string> numbers;
  for (const RemovalLedger::KeptNumber& kept : stranded) {
    numbers.push_back(absl::StrCat(kept.telephone_number, " (", kept.country, ")"));
  }
  const std::string name = before.operator_name.value_or(operator_id);
  diags.AddError(
      "Operator numbers are still assigned",
      absl::StrCat(
          whole ? "This plan removes the relationship with operator \"" : "This plan removes ",
          whole ? name + "\""
                : absl::StrJoin(removed, ", ") + " from the relationship with operator \"" + name +
                      "\"",
          ", but the configuration keeps these numbers of that operator assigned there: ",
          absl::StrJoin(numbers, ", "),
          ". The service refuses the removal while they are assigned, so the apply would fail "
          "part-way. Remove those operatorconnect_phone_number_assignment resources in the same "
          "change (with depends_on on this relationship, Terraform unassigns them first), or "
          "keep the ",
          whole ? "relationship." : "countries."),
      whole ? std::nullopt : std::optional(AttributePath::Root("countries")));
}

void OperatorRelationshipResource::PlanDestroy(const framework::PlanDestroyRequest& req,
                                               framework::PlanDestroyResponse& resp) {
  RefuseStrandedNumbers(req.prior, Value(), /*whole=*/true, resp.diagnostics);
}

void OperatorRelationshipResource::ModifyPlan(const framework::ModifyPlanRequest& req,
                                              framework::ModifyPlanResponse& resp) {
  if (resp.planned.IsNull()) {
    return;  // a destroy: PlanDestroy makes its checks
  }
  // Refuse at plan where the endpoint does not serve consents (contract_guard.h). Unconfigured
  // (unit tests): nothing to ask; the framework plans only once the provider is configured.
  if (RequestContext configured = client_.Peek();
      configured != nullptr &&
      !RequireContractArea(*configured, client::ContractArea::kOperatorConnect, TypeName(),
                           req.cancel, resp.diagnostics)) {
    return;
  }
  if (!req.prior.IsNull()) {
    RefuseStrandedNumbers(req.prior, resp.planned, !resp.requires_replace.empty(),
                          resp.diagnostics);
  }
  Value planned = resp.planned;
  if (planned.IsNull() || !planned.IsKnown()) {
    return;
  }
  // A change to provider-side settings only (wait_for_agreement, agreement_timeout: e.g. right
  // after an import) changes nothing in the tenant, so the values read from it stay known,
  // unless the apply will wait for an agreement that the operator has not signed yet.
  const OperatorRelationshipModel prior = OperatorRelationshipMapping().Read(req.prior);
  if (!req.prior.IsNull() && OnlySettingsChange(req.prior, planned)) {
    const bool will_wait =
        OperatorRelationshipMapping().Read(planned).wait_for_agreement.value_or(false) &&
        prior.relationship_status.value_or("") !=
            client::customer_relationship_status::kAgreementSigned;
    if (!will_wait) {
      for (const char* name : kTenantReadAttributes) {
        if (!planned.GetAttr(name).IsKnown()) {
          planned = planned.WithAttr(name, req.prior.GetAttr(name));
        }
      }
      resp.planned = planned;
    }
  }
  // status follows suspended, so the plan shows the status the apply will produce.
  const OperatorRelationshipModel plan = OperatorRelationshipMapping().Read(planned);
  if (plan.suspended) {
    if (std::string status = DesiredStatus(plan); plan.status != status) {
      // Written into the plan value itself: the model would turn its unknowns into nulls.
      resp.planned = planned.WithAttr(kStatus, Value::String(status));
    }
  }

  // Countries the operator does not offer: say so now rather than at apply. Only when they
  // change (no catalog call on every refresh-only plan) and only when the catalog answers.
  const std::optional<std::vector<std::string>> countries = WhollyKnownCountries(planned);
  const std::optional<std::string>& operator_id = plan.operator_id;
  if (!countries || !operator_id || !rules::CheckGuid(*operator_id).ok()) {
    return;
  }
  // Sets are in canonical order, so equal sets give equal lists.
  bool changed = req.prior.IsNull() || prior.countries != countries || !prior.operator_id ||
                 !absl::EqualsIgnoreCase(*prior.operator_id, *operator_id);
  if (!changed) {
    return;
  }
  RequestContext client = client_.Peek();
  if (client == nullptr) {
    return;
  }
  absl::StatusOr<client::Operator> op =
      client->operators().GetOperator(Lower(*operator_id), CancellationToken());
  if (absl::IsNotFound(op.status())) {
    resp.diagnostics.AddError("Unknown operator",
                              "The Operator Connect catalog has no operator with id \"" +
                                  *operator_id +
                                  "\". The operatorconnect_operators data source lists it.",
                              AttributePath::Root("operator_id"));
    return;
  }
  if (!op.ok()) {
    return;  // the apply reports the service's answer
  }
  std::vector<std::string> missing;
  for (const std::string& country : Sorted(countries)) {
    if (std::find(op->country_codes.begin(), op->country_codes.end(), country) ==
        op->country_codes.end()) {
      missing.push_back(country);
    }
  }
  if (!missing.empty()) {
    resp.diagnostics.AddError(
        "Country not offered by the operator",
        absl::StrCat("Operator \"", op->display_name, "\" does not offer service in ",
                     absl::StrJoin(missing, ", "),
                     ". It offers: ", absl::StrJoin(op->country_codes, ", "), "."),
        AttributePath::Root("countries"));
  }
}

absl::Status OperatorRelationshipResource::WaitForAgreement(
    const client::TenantClient& client, const std::string& operator_id,
    const OperatorRelationshipModel& planned, const CancellationToken& cancel,
    client::Consent& consent) const {
  std::string timeout_text = planned.agreement_timeout.value_or(kDefaultAgreementTimeout);
  ASSIGN_OR_RETURN(std::chrono::milliseconds timeout, rules::ParseDuration(timeout_text));
  // The client's clock and sleeper, like the operation poller: tests drive this with a fake.
  client::Clock& clock = client.clock();
  const auto deadline = clock.Now() + timeout;
  std::chrono::milliseconds interval = polling_.first_interval;
  while (true) {
    if (consent.customer_relationship) {
      const client::CustomerRelationship& relationship = *consent.customer_relationship;
      if (relationship.status == client::customer_relationship_status::kAgreementSigned) {
        return absl::OkStatus();
      }
      if (relationship.status == client::customer_relationship_status::kConsentDeclined ||
          relationship.status == client::customer_relationship_status::kContractTerminated) {
        return absl::FailedPreconditionError(absl::StrCat(
            "Operator ", OperatorLabel(consent),
            relationship.status == client::customer_relationship_status::kConsentDeclined
                ? " declined the relationship"
                : " terminated the contract",
            " (relationship_status ", relationship.status, ")",
            relationship.comment ? absl::StrCat(": ", *relationship.comment) : std::string(),
            ". The consent still exists in the tenant and is kept in the state."));
      }
    }
    const auto now = clock.Now();
    if (now >= deadline) {
      return absl::DeadlineExceededError(
          absl::StrCat("Operator ", OperatorLabel(consent), " has not signed the agreement within ",
                       timeout_text, " (relationship_status ",
                       consent.customer_relationship ? consent.customer_relationship->status
                                                     : std::string(kRelationshipPending),
                       "). The consent exists in the tenant and is kept in the state; raise "
                       "agreement_timeout or set wait_for_agreement = false to stop waiting."));
    }
    auto wait = std::min(interval, std::chrono::duration_cast<std::chrono::milliseconds>(
                                       deadline - now + std::chrono::milliseconds(1)));
    if (!client.sleeper().Sleep(wait, cancel).ok()) {
      return absl::CancelledError("Stopped while waiting for the operator's agreement.");
    }
    interval = std::min(interval * 2, polling_.max_interval);
    ASSIGN_OR_RETURN(client::Consent fresh, client.operators().GetConsent(operator_id, cancel));
    consent = std::move(fresh);
  }
}

void OperatorRelationshipResource::Create(const framework::CreateRequest& req,
                                          framework::CreateResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  const OperatorRelationshipModel planned = OperatorRelationshipMapping().Read(req.planned);
  client::CreateConsentRequest request;
  request.operator_id = Lower(planned.operator_id.value_or(""));
  request.consented_countries = Sorted(planned.countries);
  request.contacts = {ContactFromModel(planned.contact)};
  request.data_transfer_notice_accepted = planned.data_transfer_notice_accepted.value_or(false);
  absl::StatusOr<client::Consent> created = client->operators().CreateConsent(request, req.cancel);
  if (absl::IsAlreadyExists(created.status())) {
    // Safe to repeat: a consent an interrupted run left behind is taken over when it is what
    // the configuration asks for (adoption.h); never one that differs.
    created = client->operators().GetConsent(request.operator_id, req.cancel);
    if (created.ok()) {
      if (std::optional<std::string> differs = ConsentDifference(*created, request)) {
        AddNotAdoptedError(resp.diagnostics, "a relationship with operator " + request.operator_id,
                           *differs, TypeName(), request.operator_id);
        return;
      }
      client->logger().Log(client::LogLevel::kInfo,
                           "took over the existing relationship with operator " +
                               request.operator_id + ": it equals the configuration");
    }
  }
  if (!created.ok()) {
    AddApiError(resp.diagnostics, "Enabling operator " + request.operator_id, created.status(),
                AttributeForServiceError(created.status()));
    return;
  }
  client::Consent consent = *std::move(created);
  const std::string& id = request.operator_id;

  if (DesiredStatus(planned) != consent.status) {
    client::UpdateConsentRequest patch;
    patch.status = DesiredStatus(planned);
    absl::StatusOr<client::Consent> updated =
        client->operators().UpdateConsent(id, patch, consent.etag, req.cancel);
    if (!updated.ok()) {
      AddApiError(resp.diagnostics, "Suspending the new relationship with operator " + id,
                  updated.status(), AttributePath::Root("suspended"));
      resp.new_state = RelationshipStateFromConsent(consent, req.planned, type_);
      return;
    }
    consent = *std::move(updated);
  }

  if (planned.wait_for_agreement.value_or(false)) {
    absl::Status waited = WaitForAgreement(*client, id, planned, req.cancel, consent);
    if (!waited.ok()) {
      resp.diagnostics.AddError(
          "Operator agreement not reached",
          std::string(waited.message()) +
              " Terraform marks a resource whose creation failed as tainted: the next apply "
              "replaces it (a new consent request to the operator) unless you run "
              "`terraform untaint` first.",
          AttributePath::Root("wait_for_agreement"));
      resp.new_state = RelationshipStateFromConsent(consent, req.planned, type_);
      return;
    }
  }
  resp.new_state = RelationshipStateFromConsent(consent, req.planned, type_);
}

void OperatorRelationshipResource::Read(const framework::ReadRequest& req,
                                        framework::ReadResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr || !RequireContractArea(*client, client::ContractArea::kOperatorConnect,
                                                TypeName(), req.cancel, resp.diagnostics)) {
    return;
  }
  const OperatorRelationshipModel current = OperatorRelationshipMapping().Read(req.current_state);
  std::string id = current.id.value_or(current.operator_id.value_or(""));
  // A refresh: many of them share one listing of the consents (see ReadConsent).
  absl::StatusOr<client::Consent> consent = client->operators().ReadConsent(Lower(id), req.cancel);
  if (absl::IsNotFound(consent.status())) {
    resp.new_state = Value::Null(type_);  // removed outside Terraform: plan a create
    return;
  }
  if (!consent.ok()) {
    AddApiError(resp.diagnostics, "Reading the relationship with operator " + id, consent.status());
    return;
  }
  resp.new_state = RelationshipStateFromConsent(*consent, req.current_state, type_);
}

void OperatorRelationshipResource::Update(const framework::UpdateRequest& req,
                                          framework::UpdateResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  const OperatorRelationshipModel planned = OperatorRelationshipMapping().Read(req.planned);
  const std::string id = Lower(OperatorRelationshipMapping().Read(req.prior).id.value_or(""));
  client::Consent consent;
  for (int attempt = 1;; ++attempt) {
    absl::StatusOr<client::Consent> current = client->operators().GetConsent(id, req.cancel);
    if (absl::IsNotFound(current.status())) {
      resp.diagnostics.AddError(
          "Relationship removed outside Terraform",
          "The relationship with operator " + id +
              " no longer exists in the tenant. The next plan proposes to create it again.");
      resp.new_state = Value::Null(type_);
      return;
    }
    if (!current.ok()) {
      AddApiError(resp.diagnostics, "Reading the relationship with operator " + id,
                  current.status());
      return;
    }
    client::UpdateConsentRequest patch = DiffAgainstPlan(*current, planned);
    if (patch.empty()) {
      consent = *std::move(current);
      break;
    }
    absl::StatusOr<client::Consent> updated =
        client->operators().UpdateConsent(id, patch, current->etag, req.cancel);
    if (absl::IsAborted(updated.status()) && attempt < kEtagAttempts) {
      continue;  // changed between our read and our write: diff again
    }
    if (!updated.ok()) {
      AddApiError(resp.diagnostics, "Updating the relationship with operator " + id,
                  updated.status(), AttributeForServiceError(updated.status()));
      resp.new_state = RelationshipStateFromConsent(*current, req.prior, type_);
      return;
    }
    consent = *std::move(updated);
    break;
  }

  if (planned.wait_for_agreement.value_or(false)) {
    absl::Status waited = WaitForAgreement(*client, id, planned, req.cancel, consent);
    if (!waited.ok()) {
      resp.diagnostics.AddError("Operator agreement not reached", std::string(waited.message()),
                                AttributePath::Root("wait_for_agreement"));
    }
  }
  resp.new_state = RelationshipStateFromConsent(consent, req.planned, type_);
  if (OnlySettingsChange(req.prior, req.planned) && req.planned.IsWhollyKnown() &&
      RelationshipStateFromConsent(consent, req.prior, type_) == req.prior) {
    resp.new_state = req.planned;  // the tenant is as the plan read it: nothing else changed
  }
}

void OperatorRelationshipResource::Delete(const framework::DeleteRequest& req,
                                          framework::DeleteResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  const std::string id = Lower(OperatorRelationshipMapping().Read(req.prior).id.value_or(""));
  // Destroy order without depends_on: while this run unassigns the operator's numbers, the
  // service refuses the removal (409 NumbersAssigned); it is retried, bounded, until they are.
  // The wait runs on the client's clock and sleeper, like every other wait.
  client::Clock& clock = client->clock();
  std::optional<std::chrono::system_clock::time_point> numbers_deadline;
  std::chrono::system_clock::time_point last_progress;
  std::string last_refusal;
  std::chrono::milliseconds interval = polling_.first_interval;
  for (int attempt = 1;; ++attempt) {
    absl::StatusOr<client::Consent> current = client->operators().GetConsent(id, req.cancel);
    if (absl::IsNotFound(current.status())) {
      return;  // already gone
    }
    if (!current.ok()) {
      AddApiError(resp.diagnostics, "Reading the relationship with operator " + id,
                  current.status());
      return;
    }
    absl::Status deleted = client->operators().DeleteConsent(id, current->etag, req.cancel);
    if (absl::IsAborted(deleted) && attempt < kEtagAttempts) {
      continue;
    }
    if (client::ServiceErrorCodeOf(deleted) == "NumbersAssigned") {
      const auto now = clock.Now();
      if (!numbers_deadline) {
        numbers_deadline = now + polling_.numbers_assigned_wait;
        client->logger().Log(client::LogLevel::kInfo,
                             "removing the relationship with operator " + id +
                                 " waits until its numbers are unassigned");
      }
      // The refusal names the numbers still assigned: while it changes, this run is
      // unassigning them.
      if (std::string refusal = client::ServiceErrorMessageOf(deleted).value_or("");
          refusal != last_refusal) {
        last_refusal = std::move(refusal);
        last_progress = now;
      }
      if (now < *numbers_deadline && now - last_progress < polling_.numbers_no_progress_wait) {
        if (!client->sleeper().Sleep(interval, req.cancel).ok()) {
          AddApiError(resp.diagnostics, "Removing the relationship with operator " + id,
                      absl::CancelledError("stopped while waiting for its numbers to be "
                                           "unassigned; the relationship is kept in the state"));
          return;
        }
        interval = std::min(interval * 2, polling_.max_interval);
        attempt = 0;
        continue;
      }
      resp.diagnostics.AddError(
          "Operator numbers are still assigned",
          absl::StrCat(deleted.message(), "\n\nThe relationship with operator ", id,
                       " cannot be removed while its numbers are assigned. The provider waited "
                       "for them to be unassigned (up to ",
                       client::FormatDuration(polling_.numbers_assigned_wait), ", or ",
                       client::FormatDuration(polling_.numbers_no_progress_wait),
                       " without any being unassigned); unassign them (or destroy their "
                       "operatorconnect_phone_number_assignment resources) and run again."));
      return;
    }
    if (deleted.ok() || absl::IsNotFound(deleted)) {
      return;
    }
    AddApiError(resp.diagnostics, "Removing the relationship with operator " + id, deleted);
    return;
  }
}

void OperatorRelationshipResource::ImportState(const framework::ImportRequest& req,
                                               framework::ImportResponse& resp) {
  if (absl::Status status = rules::CheckGuid(req.id); !status.ok()) {
    AddInvalidImportId(resp.diagnostics,
                       "an operator relationship by its operator id (a GUID such as "
                       "\"fb450e35-d758-4caa-b81c-c98f93176c14\")",
                       req.id);
    return;
  }
  OperatorRelationshipModel imported;
  imported.id = Lower(req.id);
  imported.operator_id = Lower(req.id);
  resp.state = OperatorRelationshipMapping().Write(imported, type_);
}

}  // namespace opc::resources
