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
  absl::StatusOr<std::optional<Consent>> consent = tables.consents.Get(tenant, operator_id);
  if (!consent.ok()) {
    return consent.status();
  }
  if (!*consent || (*consent)->status == "removed") {
    return NotFoundError(absl::StrCat("No consent for operator '", operator_id, "'."));
  }
  absl::StatusOr<std::optional<Operator>> op = tables.operators.Get("", operator_id);
  if (!op.ok()) {
    return op.status();
  }
  Operator known = op->value_or(Operator{operator_id, "(removed operator)", std::nullopt, {}, 0});
  return ConsentWithOperator{**consent, std::move(known)};
}

// 409 NumbersAssigned if any of the operator's assigned numbers is in `countries` (all
// countries when empty).
absl::Status RefuseIfNumbersAssigned(store::Tables& tables, const std::string& tenant,
                                     const std::string& operator_id,
                                     const std::set<std::string>& countries,
                                     const std::string& action) {
  absl::StatusOr<std::vector<NumberAssignment>> numbers = tables.numbers.List(tenant);
  if (!numbers.ok()) {
    return numbers.status();
  }
  std::vector<std::string> assigned;
  for (const NumberAssignment& number : *numbers) {
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
  absl::Status status = RunForTenant(services, context, [&](store::Tables& tables) {
    absl::StatusOr<std::vector<Consent>> consents = tables.consents.List(context.tenant_id);
    if (!consents.ok()) {
      return consents.status();
    }
    std::sort(consents->begin(), consents->end(),
              [](const Consent& a, const Consent& b) { return a.operator_id < b.operator_id; });
    for (const Consent& consent : *consents) {
      if (consent.status == "removed") {
        continue;
      }
      absl::StatusOr<ConsentWithOperator> full =
          FindConsent(tables, context.tenant_id, consent.operator_id);
      if (!full.ok()) {
        return full.status();
      }
      nlohmann::json view = ConsentView(full->consent, full->op.display_name);
      AttachEtag(view);
      views.push_back(std::move(view));
    }
    return absl::OkStatus();
  });
  if (!status.ok()) {
    return status;
  }
  absl::StatusOr<nlohmann::json> page = http::FilterAndPage(views, ConsentFilterSchema(), context);
  if (!page.ok()) {
    return page.status();
  }
  return http::HttpResponse::Json(200, *std::move(page));
}

absl::StatusOr<http::HttpResponse> GetConsent(Services& services, http::RequestContext& context) {
  const std::string operator_id = absl::AsciiStrToLower(context.Param("operatorId"));
  std::optional<ConsentWithOperator> found;
  absl::Status status = RunForTenant(services, context, [&](store::Tables& tables) {
    absl::StatusOr<ConsentWithOperator> full = FindConsent(tables, context.tenant_id, operator_id);
    if (!full.ok()) {
      return full.status();
    }
    found = *std::move(full);
    return absl::OkStatus();
  });
  if (!status.ok()) {
    return status;
  }
  nlohmann::json view = ConsentView(found->consent, found->op.display_name);
  const std::string tag = AttachEtag(view);
  return ConditionalGetResponse(context, std::move(view), tag);
}

absl::StatusOr<http::HttpResponse> CreateConsent(Services& services,
                                                 http::RequestContext& context) {
  absl::StatusOr<nlohmann::json> body = ParseJsonObject(
      context.request.body,
      {"operatorId", "consentedCountries", "contacts", "dataTransferNoticeAccepted"});
  if (!body.ok()) {
    return body.status();
  }
  absl::StatusOr<std::string> operator_id = RequiredString(*body, "operatorId");
  if (!operator_id.ok()) {
    return operator_id.status();
  }
  absl::StatusOr<std::optional<bool>> notice = OptionalBool(*body, "dataTransferNoticeAccepted");
  if (!notice.ok()) {
    return notice.status();
  }
  if (!notice->value_or(false)) {
    return BadRequest("DataTransferNoticeNotAccepted",
                      "The data transfer notice must be accepted "
                      "(dataTransferNoticeAccepted: true) to enable an operator.");
  }
  absl::StatusOr<std::vector<std::string>> countries = ParseCountries(*body, "consentedCountries");
  if (!countries.ok()) {
    return countries.status();
  }
  absl::StatusOr<std::vector<Contact>> contacts = ParseContacts(*body, "contacts");
  if (!contacts.ok()) {
    return contacts.status();
  }
  const std::string id = absl::AsciiStrToLower(*operator_id);
  nlohmann::json view;
  std::string tag;
  absl::Status status = RunForTenant(services, context, [&](store::Tables& tables) -> absl::Status {
    absl::StatusOr<std::optional<Operator>> op = tables.operators.Get("", id);
    if (!op.ok()) {
      return op.status();
    }
    if (!*op) {
      return NotFoundError(absl::StrCat("Operator '", *operator_id, "' not found."));
    }
    if (absl::Status offered = CheckCountriesOffered(*countries, **op); !offered.ok()) {
      return offered;
    }
    absl::StatusOr<std::optional<Consent>> existing = tables.consents.Get(context.tenant_id, id);
    if (!existing.ok()) {
      return existing.status();
    }
    if (*existing && (*existing)->status != "removed") {
      return Conflict("ConsentAlreadyExists",
                      absl::StrCat("Operator '", (*op)->display_name,
                                   "' is already enabled for this tenant; update its consent "
                                   "instead."));
    }
    Consent consent;
    consent.tenant_id = context.tenant_id;
    consent.operator_id = id;
    consent.status = "active";
    consent.consented_countries = *countries;
    consent.contacts = *contacts;
    consent.data_transfer_notice_accepted = true;
    consent.data_transfer_notice_accepted_ms = context.now;
    consent.consented_ms = context.now;
    consent.last_modified_ms = context.now;
    consent.auto_advance = true;
    if (absl::Status saved = tables.consents.Upsert(context.tenant_id, id, consent); !saved.ok()) {
      return saved;
    }
    view = ConsentView(consent, (*op)->display_name);
    tag = AttachEtag(view);
    return absl::OkStatus();
  });
  if (!status.ok()) {
    return status;
  }
  return EntityResponse(201, std::move(view), tag)
      .WithHeader("Location", absl::StrCat(context.base_url, kConsentsPath, "/", id));
}

absl::StatusOr<http::HttpResponse> UpdateConsent(Services& services,
                                                 http::RequestContext& context) {
  absl::StatusOr<nlohmann::json> body =
      ParseJsonObject(context.request.body,
                      {"consentedCountries", "contacts", "status", "dataTransferNoticeAccepted"});
  if (!body.ok()) {
    return body.status();
  }
  std::optional<std::vector<std::string>> countries;
  if (Has(*body, "consentedCountries")) {
    absl::StatusOr<std::vector<std::string>> parsed = ParseCountries(*body, "consentedCountries");
    if (!parsed.ok()) {
      return parsed.status();
    }
    countries = *parsed;
  }
  std::optional<std::vector<Contact>> contacts;
  if (Has(*body, "contacts")) {
    absl::StatusOr<std::vector<Contact>> parsed = ParseContacts(*body, "contacts");
    if (!parsed.ok()) {
      return parsed.status();
    }
    contacts = *parsed;
  }
  absl::StatusOr<std::optional<std::string>> new_status =
      OptionalEnum(*body, "status", vocab::kTenantConsentStatuses, EnumCase::kExact);
  if (!new_status.ok()) {
    return new_status.status();
  }
  absl::StatusOr<std::optional<bool>> notice = OptionalBool(*body, "dataTransferNoticeAccepted");
  if (!notice.ok()) {
    return notice.status();
  }
  if (*notice && !**notice) {
    return BadRequest("DataTransferNoticeNotAccepted",
                      "The data transfer notice cannot be withdrawn; remove the operator "
                      "instead.");
  }
  const std::string operator_id = absl::AsciiStrToLower(context.Param("operatorId"));
  nlohmann::json view;
  std::string tag;
  absl::Status status = RunForTenant(services, context, [&](store::Tables& tables) -> absl::Status {
    absl::StatusOr<ConsentWithOperator> found = FindConsent(tables, context.tenant_id, operator_id);
    if (!found.ok()) {
      return found.status();
    }
    Consent& consent = found->consent;
    nlohmann::json current = ConsentView(consent, found->op.display_name);
    if (absl::Status matched = http::CheckIfMatch(context.request, http::EtagOf(current));
        !matched.ok()) {
      return matched;
    }
    if (countries) {
      if (absl::Status offered = CheckCountriesOffered(*countries, found->op); !offered.ok()) {
        return offered;
      }
      std::set<std::string> removed(consent.consented_countries.begin(),
                                    consent.consented_countries.end());
      for (const std::string& country : *countries) {
        removed.erase(country);
      }
      if (!removed.empty()) {
        if (absl::Status refused = RefuseIfNumbersAssigned(
                tables, context.tenant_id, operator_id, removed,
                absl::StrCat("remove ", absl::StrJoin(removed, ", "), " from this operator"));
            !refused.ok()) {
          return refused;
        }
      }
      consent.consented_countries = *countries;
    }
    if (contacts) {
      consent.contacts = *contacts;
    }
    if (*new_status) {
      consent.status = **new_status;
    }
    if (ConsentView(consent, found->op.display_name) != current) {
      consent.last_modified_ms = context.now;
    }
    if (absl::Status saved = tables.consents.Upsert(context.tenant_id, operator_id, consent);
        !saved.ok()) {
      return saved;
    }
    view = ConsentView(consent, found->op.display_name);
    tag = AttachEtag(view);
    return absl::OkStatus();
  });
  if (!status.ok()) {
    return status;
  }
  return EntityResponse(200, std::move(view), tag);
}

absl::StatusOr<http::HttpResponse> DeleteConsent(Services& services,
                                                 http::RequestContext& context) {
  const std::string operator_id = absl::AsciiStrToLower(context.Param("operatorId"));
  absl::Status status = RunForTenant(services, context, [&](store::Tables& tables) -> absl::Status {
    absl::StatusOr<ConsentWithOperator> found = FindConsent(tables, context.tenant_id, operator_id);
    if (!found.ok()) {
      return found.status();
    }
    Consent& consent = found->consent;
    if (absl::Status matched = http::CheckIfMatch(
            context.request, http::EtagOf(ConsentView(consent, found->op.display_name)));
        !matched.ok()) {
      return matched;
    }
    if (absl::Status refused = RefuseIfNumbersAssigned(tables, context.tenant_id, operator_id, {},
                                                       "remove this operator");
        !refused.ok()) {
      return refused;
    }
    consent.status = "removed";
    consent.last_modified_ms = context.now;
    return tables.consents.Upsert(context.tenant_id, operator_id, consent);
  });
  if (!status.ok()) {
    return status;
  }
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
