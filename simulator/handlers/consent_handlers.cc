// /beta/admin/teams/operatorConnect/consents: the tenant's relationships with operators.

#include <algorithm>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "simulator/domain/errors.h"
#include "simulator/domain/inputs.h"
#include "simulator/domain/json_fields.h"
#include "simulator/domain/views.h"
#include "simulator/domain/vocabulary.h"
#include "simulator/handlers/entity_tags.h"
#include "simulator/handlers/services.h"
#include "simulator/handlers/world_progress.h"
#include "simulator/http/etag.h"
#include "simulator/http/odata.h"
#include "simulator/support/status_macros.h"

namespace opcsim {
namespace {

constexpr char kConsentsPath[] = "/beta/admin/teams/operatorConnect/consents";
constexpr size_t kMaxNumbersInMessage = 20;

const http::FilterSchema& ConsentFilterSchema() {
  static const http::FilterSchema kSchema = {
      {"operatorId", false, nullptr},
      {"status", false, nullptr},
  };
  return kSchema;
}

struct ConsentWithOperator {
  Consent consent;
  Operator op;
};

// The live (not removed) consent for the operator, with its operator; 404 otherwise.
absl::StatusOr<ConsentWithOperator> FindConsent(store::Tables& tables, const std::string& tenant,
                                                const std::string& operator_id) {
  ASSIGN_OR_RETURN(std::optional<Consent> consent, tables.consents.Get(tenant, operator_id));
  if (!consent || consent->status == "removed") {
    return NotFoundError(absl::StrCat("No consent for operator '", operator_id, "'."));
  }
  ASSIGN_OR_RETURN(std::optional<Operator> op, tables.operators.Get("", operator_id));
  Operator known = op.value_or(Operator{operator_id, "(removed operator)", std::nullopt, {}, 0});
  return ConsentWithOperator{*consent, std::move(known)};
}

// 409 NumbersAssigned if any of the operator's assigned numbers is in `countries` (all
// countries when empty).
absl::Status RefuseIfNumbersAssigned(store::Tables& tables, const std::string& tenant,
                                     const std::string& operator_id,
                                     const std::set<std::string>& countries,
                                     const std::string& action) {
  ASSIGN_OR_RETURN(std::vector<NumberAssignment> numbers, tables.numbers.List(tenant));
  std::vector<std::string> assigned;
  for (const NumberAssignment& number : numbers) {
    if (number.operator_id == operator_id && number.IsAssigned() &&
        (countries.empty() || countries.contains(number.iso_country_code.value_or("")))) {
      assigned.push_back(number.telephone_number);
    }
  }
  if (assigned.empty()) {
    return absl::OkStatus();
  }
  std::sort(assigned.begin(), assigned.end());
  const size_t total = assigned.size();
  if (total > kMaxNumbersInMessage) {
    assigned.resize(kMaxNumbersInMessage);
  }
  return Conflict(
      "NumbersAssigned",
      absl::StrCat("Cannot ", action, ": ", total, " of this operator's numbers are assigned (",
                   absl::StrJoin(assigned, ", "), total > kMaxNumbersInMessage ? ", ..." : "",
                   "). Unassign them first."));
}

// The countries must all be offered by the operator.
absl::Status CheckCountriesOffered(const std::vector<std::string>& countries, const Operator& op) {
  const std::vector<std::string> offered = op.CountryCodes();
  for (const std::string& country : countries) {
    if (std::find(offered.begin(), offered.end(), country) == offered.end()) {
      return BadRequest(absl::StrCat("Field 'consentedCountries': operator '", op.display_name,
                                     "' does not offer service in ", country,
                                     " (offered: ", absl::StrJoin(offered, ", "), ")."));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<http::HttpResponse> ListConsents(Services& services, http::RequestContext& context) {
  std::vector<nlohmann::json> views;
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) {
    ASSIGN_OR_RETURN(std::vector<Consent> consents, tables.consents.List(context.tenant_id));
    std::sort(consents.begin(), consents.end(),
              [](const Consent& a, const Consent& b) { return a.operator_id < b.operator_id; });
    for (const Consent& consent : consents) {
      if (consent.status == "removed") {
        continue;
      }
      ASSIGN_OR_RETURN(ConsentWithOperator full,
                       FindConsent(tables, context.tenant_id, consent.operator_id));
      nlohmann::json view = ConsentView(full.consent, full.op.display_name);
      AttachEtag(view);
      views.push_back(std::move(view));
    }
    return absl::OkStatus();
  }));
  ASSIGN_OR_RETURN(nlohmann::json page, http::FilterAndPage(views, ConsentFilterSchema(), context));
  return http::HttpResponse::Json(200, std::move(page));
}

absl::StatusOr<http::HttpResponse> GetConsent(Services& services, http::RequestContext& context) {
  const std::string operator_id = absl::AsciiStrToLower(context.Param("operatorId"));
  std::optional<ConsentWithOperator> found;
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) {
    ASSIGN_OR_RETURN(ConsentWithOperator full, FindConsent(tables, context.tenant_id, operator_id));
    found = std::move(full);
    return absl::OkStatus();
  }));
  nlohmann::json view = ConsentView(found->consent, found->op.display_name);
  const std::string tag = AttachEtag(view);
  return ConditionalGetResponse(context, std::move(view), tag);
}

absl::StatusOr<http::HttpResponse> CreateConsent(Services& services,
                                                 http::RequestContext& context) {
  ASSIGN_OR_RETURN(
      nlohmann::json body,
      ParseJsonObject(context.request.body, {"operatorId", "consentedCountries", "contacts",
                                             "dataTransferNoticeAccepted"}));
  ASSIGN_OR_RETURN(std::string operator_id, RequiredString(body, "operatorId"));
  ASSIGN_OR_RETURN(std::optional<bool> notice, OptionalBool(body, "dataTransferNoticeAccepted"));
  if (!notice.value_or(false)) {
    return BadRequest("DataTransferNoticeNotAccepted",
                      "The data transfer notice must be accepted "
                      "(dataTransferNoticeAccepted: true) to enable an operator.");
  }
  ASSIGN_OR_RETURN(std::vector<std::string> countries, ParseCountries(body, "consentedCountries"));
  ASSIGN_OR_RETURN(std::vector<Contact> contacts, ParseContacts(body, "contacts"));
  const std::string id = absl::AsciiStrToLower(operator_id);
  nlohmann::json view;
  std::string tag;
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(std::optional<Operator> op, tables.operators.Get("", id));
    if (!op) {
      return NotFoundError(absl::StrCat("Operator '", operator_id, "' not found."));
    }
    RETURN_IF_ERROR(CheckCountriesOffered(countries, *op));
    ASSIGN_OR_RETURN(std::optional<Consent> existing, tables.consents.Get(context.tenant_id, id));
    if (existing && existing->status != "removed") {
      return Conflict("ConsentAlreadyExists",
                      absl::StrCat("Operator '", op->display_name,
                                   "' is already enabled for this tenant; update its consent "
                                   "instead."));
    }
    Consent consent;
    consent.tenant_id = context.tenant_id;
    consent.operator_id = id;
    consent.status = "active";
    consent.consented_countries = countries;
    consent.contacts = contacts;
    consent.data_transfer_notice_accepted = true;
    consent.data_transfer_notice_accepted_ms = context.now;
    consent.consented_ms = context.now;
    consent.last_modified_ms = context.now;
    consent.auto_advance = true;
    RETURN_IF_ERROR(tables.consents.Upsert(context.tenant_id, id, consent));
    view = ConsentView(consent, op->display_name);
    tag = AttachEtag(view);
    return absl::OkStatus();
  }));
  return EntityResponse(201, std::move(view), tag)
      .WithHeader("Location", absl::StrCat(context.base_url, kConsentsPath, "/", id));
}

absl::StatusOr<http::HttpResponse> UpdateConsent(Services& services,
                                                 http::RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body,
                   ParseJsonObject(context.request.body, {"consentedCountries", "contacts",
                                                          "status", "dataTransferNoticeAccepted"}));
  std::optional<std::vector<std::string>> countries;
  if (Has(body, "consentedCountries")) {
    ASSIGN_OR_RETURN(std::vector<std::string> parsed, ParseCountries(body, "consentedCountries"));
    countries = parsed;
  }
  std::optional<std::vector<Contact>> contacts;
  if (Has(body, "contacts")) {
    ASSIGN_OR_RETURN(std::vector<Contact> parsed, ParseContacts(body, "contacts"));
    contacts = parsed;
  }
  ASSIGN_OR_RETURN(std::optional<std::string> new_status,
                   OptionalEnum(body, "status", vocab::kTenantConsentStatuses, EnumCase::kExact));
  ASSIGN_OR_RETURN(std::optional<bool> notice, OptionalBool(body, "dataTransferNoticeAccepted"));
  if (notice && !*notice) {
    return BadRequest("DataTransferNoticeNotAccepted",
                      "The data transfer notice cannot be withdrawn; remove the operator "
                      "instead.");
  }
  const std::string operator_id = absl::AsciiStrToLower(context.Param("operatorId"));
  nlohmann::json view;
  std::string tag;
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(ConsentWithOperator found,
                     FindConsent(tables, context.tenant_id, operator_id));
    Consent& consent = found.consent;
    nlohmann::json current = ConsentView(consent, found.op.display_name);
    RETURN_IF_ERROR(http::CheckIfMatch(context.request, http::EtagOf(current)));
    if (countries) {
      RETURN_IF_ERROR(CheckCountriesOffered(*countries, found.op));
      std::set<std::string> removed(consent.consented_countries.begin(),
                                    consent.consented_countries.end());
      for (const std::string& country : *countries) {
        removed.erase(country);
      }
      if (!removed.empty()) {
        RETURN_IF_ERROR(RefuseIfNumbersAssigned(
            tables, context.tenant_id, operator_id, removed,
            absl::StrCat("remove ", absl::StrJoin(removed, ", "), " from this operator")));
      }
      consent.consented_countries = *countries;
    }
    if (contacts) {
      consent.contacts = *contacts;
    }
    if (new_status) {
      consent.status = *new_status;
    }
    if (ConsentView(consent, found.op.display_name) != current) {
      consent.last_modified_ms = context.now;
    }
    RETURN_IF_ERROR(tables.consents.Upsert(context.tenant_id, operator_id, consent));
    view = ConsentView(consent, found.op.display_name);
    tag = AttachEtag(view);
    return absl::OkStatus();
  }));
  return EntityResponse(200, std::move(view), tag);
}

absl::StatusOr<http::HttpResponse> DeleteConsent(Services& services,
                                                 http::RequestContext& context) {
  const std::string operator_id = absl::AsciiStrToLower(context.Param("operatorId"));
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(ConsentWithOperator found,
                     FindConsent(tables, context.tenant_id, operator_id));
    Consent& consent = found.consent;
    RETURN_IF_ERROR(http::CheckIfMatch(context.request,
                                       http::EtagOf(ConsentView(consent, found.op.display_name))));
    RETURN_IF_ERROR(RefuseIfNumbersAssigned(tables, context.tenant_id, operator_id, {},
                                            "remove this operator"));
    consent.status = "removed";
    consent.last_modified_ms = context.now;
    return tables.consents.Upsert(context.tenant_id, operator_id, consent);
  }));
  return http::HttpResponse::Empty(204);
}

}  // namespace

absl::StatusOr<http::HttpResponse> EnableOperatorForTenant(Services& services,
                                                           http::RequestContext& context) {
  return CreateConsent(services, context);
}

void RegisterConsentRoutes(http::Router& router, Services& services) {
  const std::string item = std::string(kConsentsPath) + "/{operatorId}";
  router.Add("GET", kConsentsPath, http::Access::kTenant, Bind(services, ListConsents));
  router.Add("POST", kConsentsPath, http::Access::kTenant, Bind(services, CreateConsent));
  router.Add("GET", item, http::Access::kTenant, Bind(services, GetConsent));
  router.Add("PATCH", item, http::Access::kTenant, Bind(services, UpdateConsent));
  router.Add("DELETE", item, http::Access::kTenant, Bind(services, DeleteConsent));
}

}  // namespace opcsim
