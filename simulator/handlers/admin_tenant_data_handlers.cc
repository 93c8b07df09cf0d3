// /_sim admin API, part 2: what happens to a tenant's data from outside the tenant. Operators
// act on consents and upload or release numbers; an administrator edits or deletes any object
// out of band (drift), bypassing the tenant API's rules.

#include <algorithm>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "simulator/domain/errors.h"
#include "simulator/domain/inputs.h"
#include "simulator/domain/json_fields.h"
#include "simulator/domain/validation.h"
#include "simulator/domain/views.h"
#include "simulator/domain/vocabulary.h"
#include "simulator/handlers/services.h"
#include "simulator/handlers/world_progress.h"

namespace opcsim {
namespace {

using http::Access;
using http::HttpResponse;
using http::RequestContext;

constexpr int kMaxUploadSize = 10000;
constexpr char kTenantBase[] = "/_sim/tenants/{tenantId}";

std::string TenantParam(const RequestContext& context) {
  return absl::AsciiStrToLower(context.Param("tenantId"));
}

// Runs `body` for an existing tenant, caught up to now.
absl::Status RunForExistingTenant(Services& services, const RequestContext& context,
                                  const std::function<absl::Status(store::Tables&)>& body) {
  const std::string tenant_id = TenantParam(context);
  return RunForTenant(services, tenant_id, context.now, [&](store::Tables& tables) -> absl::Status {
    absl::StatusOr<std::optional<Tenant>> tenant = tables.tenants.Get("", tenant_id);
    if (!tenant.ok()) {
      return tenant.status();
    }
    if (!*tenant) {
      return NotFoundError(absl::StrCat("Tenant '", tenant_id, "' not found."));
    }
    return body(tables);
  });
}

std::string OperatorName(store::Tables& tables, const std::string& operator_id) {
  absl::StatusOr<std::optional<Operator>> op = tables.operators.Get("", operator_id);
  return op.ok() && *op ? (*op)->display_name : "(removed operator)";
}

// Numbers that lose their location when locations disappear out of band.
absl::Status DetachNumbersFrom(store::Tables& tables, const std::string& tenant,
                               const std::set<std::string>& location_ids) {
  absl::StatusOr<std::vector<NumberAssignment>> numbers = tables.numbers.List(tenant);
  if (!numbers.ok()) {
    return numbers.status();
  }
  for (NumberAssignment& number : *numbers) {
    if (number.location_id && location_ids.contains(*number.location_id)) {
      number.location_id.reset();
      number.civic_address_id.reset();
      if (absl::Status saved = tables.numbers.Upsert(tenant, number.telephone_number, number);
          !saved.ok()) {
        return saved;
      }
    }
  }
  return absl::OkStatus();
}

// ---- consents: the operator's side and drift ----

absl::StatusOr<HttpResponse> ListAllConsents(Services& services, RequestContext& context) {
  nlohmann::json values = nlohmann::json::array();
  absl::Status status = RunForExistingTenant(services, context, [&](store::Tables& tables) {
    absl::StatusOr<std::vector<Consent>> consents = tables.consents.List(TenantParam(context));
    if (!consents.ok()) {
      return consents.status();
    }
    for (const Consent& consent : *consents) {
      values.push_back(SimConsentView(consent, OperatorName(tables, consent.operator_id)));
    }
    return absl::OkStatus();
  });
  if (!status.ok()) {
    return status;
  }
  return HttpResponse::Json(200, {{"value", std::move(values)}});
}

// Loads the consent, applies `change`, saves it and answers with the admin view.
absl::StatusOr<HttpResponse> ChangeConsent(Services& services, RequestContext& context,
                                           bool require_live,
                                           const std::function<absl::Status(Consent&)>& change) {
  const std::string tenant_id = TenantParam(context);
  const std::string operator_id = absl::AsciiStrToLower(context.Param("operatorId"));
  nlohmann::json view;
  absl::Status status =
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        absl::StatusOr<std::optional<Consent>> consent =
            tables.consents.Get(tenant_id, operator_id);
        if (!consent.ok()) {
          return consent.status();
        }
        if (!*consent || (require_live && (*consent)->status == "removed")) {
          return NotFoundError(absl::StrCat("No consent for operator '", operator_id, "'."));
        }
        if (absl::Status changed = change(**consent); !changed.ok()) {
          return changed;
        }
        if (absl::Status saved = tables.consents.Upsert(tenant_id, operator_id, **consent);
            !saved.ok()) {
          return saved;
        }
        view = SimConsentView(**consent, OperatorName(tables, operator_id));
        return absl::OkStatus();
      });
  if (!status.ok()) {
    return status;
  }
  return HttpResponse::Json(200, std::move(view));
}

absl::StatusOr<CustomerRelationship> ParseRelationship(const nlohmann::json& body, SimMillis now) {
  if (absl::Status status = RejectUnknownFields(body, {"status", "comment"}); !status.ok()) {
    return status;
  }
  absl::StatusOr<std::string> status =
      RequiredEnum(body, "status", vocab::kCustomerRelationshipStatuses);
  absl::StatusOr<std::optional<std::string>> comment = OptionalString(body, "comment");
  if (!status.ok()) {
    return status.status();
  }
  if (!comment.ok()) {
    return comment.status();
  }
  if ((*status == "ConsentDeclined" || *status == "ContractTerminated") &&
      (!*comment || (*comment)->empty())) {
    return BadRequest(absl::StrCat("Field 'comment' is required for ", *status,
                                   " (the operator must give a reason)."));
  }
  return CustomerRelationship{*status, *comment, now};
}

absl::StatusOr<HttpResponse> OperatorActsOnConsent(Services& services, RequestContext& context) {
  absl::StatusOr<nlohmann::json> body = ParseJsonObject(context.request.body);
  if (!body.ok()) {
    return body.status();
  }
  absl::StatusOr<CustomerRelationship> relationship = ParseRelationship(*body, context.now);
  if (!relationship.ok()) {
    return relationship.status();
  }
  return ChangeConsent(services, context, /*require_live=*/true, [&](Consent& consent) {
    consent.customer_relationship = *relationship;
    consent.auto_advance = false;
    return absl::OkStatus();
  });
}

absl::StatusOr<HttpResponse> DriftConsent(Services& services, RequestContext& context) {
  absl::StatusOr<nlohmann::json> body = ParseJsonObject(context.request.body);
  if (!body.ok()) {
    return body.status();
  }
  if (absl::Status status =
          RejectUnknownFields(*body, {"consentedCountries", "contacts", "status",
                                      "dataTransferNoticeAccepted", "customerRelationship"});
      !status.ok()) {
    return status;
  }
  return ChangeConsent(
      services, context, /*require_live=*/false, [&](Consent& consent) -> absl::Status {
        if (Has(*body, "consentedCountries")) {
          absl::StatusOr<std::vector<std::string>> countries =
              ParseCountries(*body, "consentedCountries");
          if (!countries.ok()) {
            return countries.status();
          }
          consent.consented_countries = *countries;
        }
        if (Has(*body, "contacts")) {
          absl::StatusOr<std::vector<Contact>> contacts = ParseContacts(*body, "contacts");
          if (!contacts.ok()) {
            return contacts.status();
          }
          consent.contacts = *contacts;
        }
        absl::StatusOr<std::optional<std::string>> status =
            OptionalEnum(*body, "status", vocab::kConsentStatuses);
        if (!status.ok()) {
          return status.status();
        }
        if (*status) {
          consent.status = **status;
        }
        absl::StatusOr<std::optional<bool>> notice =
            OptionalBool(*body, "dataTransferNoticeAccepted");
        if (!notice.ok()) {
          return notice.status();
        }
        if (*notice) {
          consent.data_transfer_notice_accepted = **notice;
        }
        if (Has(*body, "customerRelationship")) {
          const nlohmann::json& value = (*body)["customerRelationship"];
          if (value.is_null()) {
            consent.customer_relationship.reset();
          } else if (!value.is_object()) {
            return BadRequest("Field 'customerRelationship' must be an object or null.");
          } else {
            absl::StatusOr<CustomerRelationship> relationship =
                ParseRelationship(value, context.now);
            if (!relationship.ok()) {
              return relationship.status();
            }
            consent.customer_relationship = *relationship;
          }
          consent.auto_advance = false;
        }
        consent.last_modified_ms = context.now;
        return absl::OkStatus();
      });
}

absl::StatusOr<HttpResponse> HardDeleteConsent(Services& services, RequestContext& context) {
  const std::string operator_id = absl::AsciiStrToLower(context.Param("operatorId"));
  absl::Status status =
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        absl::StatusOr<bool> deleted = tables.consents.Delete(TenantParam(context), operator_id);
        if (!deleted.ok()) {
          return deleted.status();
        }
        if (!*deleted) {
          return NotFoundError(absl::StrCat("No consent for operator '", operator_id, "'."));
        }
        return absl::OkStatus();
      });
  if (!status.ok()) {
    return status;
  }
  return HttpResponse::Empty(204);
}

// ---- numbers: upload, release, drift ----

// "+441632960000" + 1 -> "+441632960001" (decimal increment of the digits).
std::optional<std::string> NextNumber(const std::string& e164) {
  std::string next = e164;
  for (size_t i = next.size(); i-- > 1;) {
    if (next[i] < '9') {
      ++next[i];
      return next;
    }
    next[i] = '0';
  }
  return std::nullopt;  // would overflow the number's length
}

struct UploadDefaults {
  std::optional<std::string> iso_country_code;
  std::string number_type = "operatorConnect";
  std::vector<std::string> capabilities;
  std::vector<std::string> supported_customer_actions;
  std::optional<std::string> city;
  std::optional<std::string> location_id;
};

// Applies the upload fields present in `object` over `defaults`.
absl::StatusOr<UploadDefaults> ReadUploadFields(const nlohmann::json& object,
                                                UploadDefaults defaults) {
  absl::StatusOr<std::optional<std::string>> country = OptionalString(object, "isoCountryCode");
  if (!country.ok()) {
    return country.status();
  }
  if (*country) {
    std::optional<std::string> normalized = NormalizeCountry(**country);
    if (!normalized) {
      return BadRequest("Field 'isoCountryCode' must be an ISO 3166-1 alpha-2 country code.");
    }
    defaults.iso_country_code = *normalized;
  }
  absl::StatusOr<std::optional<std::string>> type =
      OptionalEnum(object, "numberType", vocab::kNumberTypes);
  if (!type.ok()) {
    return type.status();
  }
  if (*type) {
    defaults.number_type = **type;
  }
  if (Has(object, "capabilities")) {
    absl::StatusOr<std::vector<std::string>> values =
        EnumArray(object, "capabilities", vocab::kCapabilities);
    if (!values.ok()) {
      return values.status();
    }
    defaults.capabilities = *values;
  }
  if (Has(object, "supportedCustomerActions")) {
    absl::StatusOr<std::vector<std::string>> values =
        EnumArray(object, "supportedCustomerActions", vocab::kCustomerActions);
    if (!values.ok()) {
      return values.status();
    }
    defaults.supported_customer_actions = *values;
  }
  for (const auto& [field, member] :
       {std::pair<const char*, std::optional<std::string> UploadDefaults::*>{"city",
                                                                             &UploadDefaults::city},
        {"locationId", &UploadDefaults::location_id}}) {
    if (Has(object, field)) {
      absl::StatusOr<std::optional<std::string>> value = OptionalString(object, field);
      if (!value.ok()) {
        return value.status();
      }
      defaults.*member = *value && !(*value)->empty() ? *value : std::nullopt;
    }
  }
  return defaults;
}

// The numbers an upload request describes, before any rule that needs the store.
absl::StatusOr<std::vector<std::pair<std::string, UploadDefaults>>> ParseUpload(
    const nlohmann::json& body) {
  if (absl::Status status = RejectUnknownFields(
          body, {"isoCountryCode", "numberType", "capabilities", "supportedCustomerActions", "city",
                 "locationId", "numbers", "range"});
      !status.ok()) {
    return status;
  }
  absl::StatusOr<UploadDefaults> defaults = ReadUploadFields(body, UploadDefaults{});
  if (!defaults.ok()) {
    return defaults.status();
  }
  std::vector<std::pair<std::string, UploadDefaults>> out;
  if (Has(body, "numbers")) {
    const nlohmann::json& items = body["numbers"];
    if (!items.is_array()) {
      return BadRequest("Field 'numbers' must be an array.");
    }
    for (const nlohmann::json& item : items) {
      nlohmann::json object = item.is_string() ? nlohmann::json{{"telephoneNumber", item}} : item;
      if (!object.is_object()) {
        return BadRequest("Field 'numbers' must contain objects or strings.");
      }
      if (absl::Status status = RejectUnknownFields(
              object, {"telephoneNumber", "isoCountryCode", "numberType", "capabilities",
                       "supportedCustomerActions", "city", "locationId"});
          !status.ok()) {
        return status;
      }
      absl::StatusOr<std::string> raw = RequiredString(object, "telephoneNumber");
      if (!raw.ok()) {
        return raw.status();
      }
      std::optional<std::string> number = NormalizeE164(*raw);
      if (!number) {
        return BadRequest(absl::StrCat("'", *raw, "' is not a valid E.164 telephone number."));
      }
      absl::StatusOr<UploadDefaults> fields = ReadUploadFields(object, *defaults);
      if (!fields.ok()) {
        return fields.status();
      }
      out.emplace_back(*number, *fields);
    }
  }
  if (Has(body, "range")) {
    const nlohmann::json& range = body["range"];
    if (!range.is_object()) {
      return BadRequest("Field 'range' must be an object {start, count}.");
    }
    absl::StatusOr<std::string> start = RequiredString(range, "start");
    absl::StatusOr<std::optional<int64_t>> count = OptionalInteger(range, "count");
    if (!start.ok()) {
      return start.status();
    }
    if (!count.ok()) {
      return count.status();
    }
    std::optional<std::string> number = NormalizeE164(*start);
    if (!number) {
      return BadRequest("Field 'range.start' is not a valid E.164 telephone number.");
    }
    if (!*count || **count < 1 || **count > kMaxUploadSize) {
      return BadRequest(
          absl::StrCat("Field 'range.count' must be between 1 and ", kMaxUploadSize, "."));
    }
    for (int64_t i = 0; i < **count; ++i) {
      if (!number) {
        return BadRequest("Field 'range' runs past the largest number of that length.");
      }
      out.emplace_back(*number, *defaults);
      number = NextNumber(*number);
    }
  }
  if (out.empty()) {
    return BadRequest("Nothing to upload: give 'numbers' and/or 'range'.");
  }
  if (out.size() > kMaxUploadSize) {
    return BadRequest(absl::StrCat("At most ", kMaxUploadSize, " numbers per upload."));
  }
  return out;
}

absl::StatusOr<HttpResponse> UploadNumbers(Services& services, RequestContext& context) {
  absl::StatusOr<nlohmann::json> body = ParseJsonObject(context.request.body);
  if (!body.ok()) {
    return body.status();
  }
  absl::StatusOr<std::vector<std::pair<std::string, UploadDefaults>>> upload = ParseUpload(*body);
  if (!upload.ok()) {
    return upload.status();
  }
  const std::string tenant_id = TenantParam(context);
  const std::string operator_id = absl::AsciiStrToLower(context.Param("operatorId"));
  nlohmann::json values = nlohmann::json::array();
  absl::Status status =
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        absl::StatusOr<std::optional<Operator>> op = tables.operators.Get("", operator_id);
        if (!op.ok()) {
          return op.status();
        }
        if (!*op) {
          return NotFoundError(absl::StrCat("Operator '", operator_id, "' not found."));
        }
        absl::StatusOr<std::optional<Consent>> consent =
            tables.consents.Get(tenant_id, operator_id);
        if (!consent.ok()) {
          return consent.status();
        }
        std::set<std::string> seen;
        for (const auto& [telephone_number, fields] : *upload) {
          if (!seen.insert(telephone_number).second) {
            return BadRequest(absl::StrCat("Telephone number '", telephone_number,
                                           "' appears twice in the upload."));
          }
          NumberAssignment number;
          number.tenant_id = tenant_id;
          number.telephone_number = telephone_number;
          number.operator_id = operator_id;
          number.number_type = fields.number_type;
          number.capabilities = fields.capabilities;
          number.supported_customer_actions = fields.supported_customer_actions;
          number.city = fields.city;
          number.iso_country_code = fields.iso_country_code
                                        ? fields.iso_country_code
                                        : CountryForCallingCode(telephone_number);
          if (!number.iso_country_code) {
            return BadRequest(absl::StrCat("Field 'isoCountryCode' is required for '",
                                           telephone_number,
                                           "' (its calling code does not name one country)."));
          }
          if (number.capabilities.empty()) {
            return BadRequest(
                absl::StrCat("Field 'capabilities' is required for '", telephone_number, "'."));
          }
          if (number.number_type == "operatorConnect") {
            if (!*consent || (*consent)->status == "removed") {
              return Conflict(
                  "CountryNotConsented",
                  absl::StrCat("The tenant has not enabled operator '", (*op)->display_name, "'."));
            }
            if ((*consent)->status != "active") {
              return Conflict("ConsentNotActive",
                              absl::StrCat("The tenant's consent for operator '",
                                           (*op)->display_name, "' is ", (*consent)->status, "."));
            }
            const auto& countries = (*consent)->consented_countries;
            if (std::find(countries.begin(), countries.end(), *number.iso_country_code) ==
                countries.end()) {
              return Conflict("CountryNotConsented",
                              absl::StrCat("The tenant has not consented to operator '",
                                           (*op)->display_name, "' in ", *number.iso_country_code,
                                           " (number '", telephone_number, "')."));
            }
          }
          if (fields.location_id) {
            absl::StatusOr<std::optional<Location>> location =
                tables.locations.Get(tenant_id, *fields.location_id);
            if (!location.ok()) {
              return location.status();
            }
            if (!*location) {
              return BadRequest(absl::StrCat("Location '", *fields.location_id,
                                             "' was not found in the tenant."));
            }
            if ((*location)->country_or_region != *number.iso_country_code) {
              return BadRequest(absl::StrCat(
                  "Location '", *fields.location_id, "' is in ", (*location)->country_or_region,
                  ", number '", telephone_number, "' in ", *number.iso_country_code, "."));
            }
            number.location_id = (*location)->id;
            number.civic_address_id = (*location)->civic_address_id;
          }
          absl::Status inserted = tables.numbers.Insert(tenant_id, telephone_number, number);
          if (absl::IsAlreadyExists(inserted)) {
            return Conflict("NumberExists", absl::StrCat("Telephone number '", telephone_number,
                                                         "' is already in a tenant."));
          }
          if (!inserted.ok()) {
            return inserted;
          }
          values.push_back(NumberView(number));
        }
        return absl::OkStatus();
      });
  if (!status.ok()) {
    return status;
  }
  return HttpResponse::Json(201, {{"value", std::move(values)}});
}

absl::StatusOr<HttpResponse> ReleaseNumbers(Services& services, RequestContext& context) {
  absl::StatusOr<nlohmann::json> body = ParseJsonObject(context.request.body);
  if (!body.ok()) {
    return body.status();
  }
  if (absl::Status status = RejectUnknownFields(*body, {"telephoneNumbers"}); !status.ok()) {
    return status;
  }
  absl::StatusOr<std::optional<std::vector<std::string>>> raw =
      OptionalStringArray(*body, "telephoneNumbers");
  if (!raw.ok()) {
    return raw.status();
  }
  if (!*raw || (*raw)->empty()) {
    return BadRequest("Field 'telephoneNumbers' must list at least one number.");
  }
  std::vector<std::string> numbers;
  for (const std::string& text : **raw) {
    std::optional<std::string> number = NormalizeE164(text);
    if (!number) {
      return BadRequest(absl::StrCat("'", text, "' is not a valid E.164 telephone number."));
    }
    numbers.push_back(*number);
  }
  const std::string tenant_id = TenantParam(context);
  const std::string operator_id = absl::AsciiStrToLower(context.Param("operatorId"));
  absl::Status status =
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        std::vector<std::string> assigned;
        for (const std::string& telephone_number : numbers) {
          absl::StatusOr<std::optional<NumberAssignment>> number =
              tables.numbers.Get(tenant_id, telephone_number);
          if (!number.ok()) {
            return number.status();
          }
          if (!*number || (*number)->operator_id != operator_id) {
            return NotFoundError(absl::StrCat("Telephone number '", telephone_number,
                                              "' is not this operator's number in the tenant."));
          }
          if ((*number)->IsAssigned()) {
            assigned.push_back(telephone_number);
          }
        }
        if (!assigned.empty()) {
          return Conflict("NumbersAssigned",
                          absl::StrCat("Only unassigned numbers can be released; assigned: ",
                                       absl::StrJoin(assigned, ", "), "."));
        }
        for (const std::string& telephone_number : numbers) {
          if (absl::StatusOr<bool> deleted = tables.numbers.Delete(tenant_id, telephone_number);
              !deleted.ok()) {
            return deleted.status();
          }
        }
        return absl::OkStatus();
      });
  if (!status.ok()) {
    return status;
  }
  return HttpResponse::Json(200, {{"released", numbers}});
}

absl::StatusOr<HttpResponse> ListAllNumbers(Services& services, RequestContext& context) {
  nlohmann::json values = nlohmann::json::array();
  absl::Status status = RunForExistingTenant(services, context, [&](store::Tables& tables) {
    absl::StatusOr<std::vector<NumberAssignment>> numbers =
        tables.numbers.List(TenantParam(context));
    if (!numbers.ok()) {
      return numbers.status();
    }
    std::sort(numbers->begin(), numbers->end(),
              [](const NumberAssignment& a, const NumberAssignment& b) {
                return a.telephone_number < b.telephone_number;
              });
    for (const NumberAssignment& number : *numbers) {
      values.push_back(NumberView(number));
    }
    return absl::OkStatus();
  });
  if (!status.ok()) {
    return status;
  }
  return HttpResponse::Json(200, {{"value", std::move(values)}});
}

absl::Status ApplyNumberDrift(const nlohmann::json& body, store::Tables& tables,
                              NumberAssignment& number) {
  struct EnumField {
    const char* name;
    std::span<const std::string_view> vocabulary;
    std::string NumberAssignment::*member;
  };
  for (const EnumField& field :
       {EnumField{"numberType", vocab::kNumberTypes, &NumberAssignment::number_type},
        EnumField{"activationState", vocab::kActivationStates, &NumberAssignment::activation_state},
        EnumField{"assignmentStatus", vocab::kAssignmentStatuses,
                  &NumberAssignment::assignment_status}}) {
    if (Has(body, field.name)) {
      absl::StatusOr<std::string> value = RequiredEnum(body, field.name, field.vocabulary);
      if (!value.ok()) {
        return value.status();
      }
      number.*field.member = *value;
    }
  }
  struct NullableEnumField {
    const char* name;
    std::span<const std::string_view> vocabulary;
    std::optional<std::string> NumberAssignment::*member;
  };
  for (const NullableEnumField& field :
       {NullableEnumField{"assignmentCategory", vocab::kAssignmentCategories,
                          &NumberAssignment::assignment_category},
        NullableEnumField{"numberSource", vocab::kNumberSources, &NumberAssignment::number_source},
        NullableEnumField{"portInStatus", vocab::kPortInStatuses,
                          &NumberAssignment::port_in_status}}) {
    if (Has(body, field.name)) {
      absl::StatusOr<std::optional<std::string>> value =
          OptionalEnum(body, field.name, field.vocabulary);
      if (!value.ok()) {
        return value.status();
      }
      number.*field.member = *value;
    }
  }
  struct ListField {
    const char* name;
    std::span<const std::string_view> vocabulary;
    std::vector<std::string> NumberAssignment::*member;
  };
  for (const ListField& field :
       {ListField{"capabilities", vocab::kCapabilities, &NumberAssignment::capabilities},
        ListField{"supportedCustomerActions", vocab::kCustomerActions,
                  &NumberAssignment::supported_customer_actions},
        ListField{"reverseNumberLookupOptions", vocab::kReverseNumberLookupOptions,
                  &NumberAssignment::reverse_number_lookup_options}}) {
    if (Has(body, field.name)) {
      absl::StatusOr<std::vector<std::string>> value =
          EnumArray(body, field.name, field.vocabulary);
      if (!value.ok()) {
        return value.status();
      }
      number.*field.member = *value;
    }
  }
  struct TextField {
    const char* name;
    std::optional<std::string> NumberAssignment::*member;
  };
  for (const TextField& field :
       {TextField{"operatorId", &NumberAssignment::operator_id},
        TextField{"assignmentTargetId", &NumberAssignment::assignment_target_id},
        TextField{"city", &NumberAssignment::city},
        TextField{"isoCountryCode", &NumberAssignment::iso_country_code},
        TextField{"locationId", &NumberAssignment::location_id},
        TextField{"civicAddressId", &NumberAssignment::civic_address_id},
        TextField{"networkSiteId", &NumberAssignment::network_site_id}}) {
    if (Has(body, field.name)) {
      absl::StatusOr<std::optional<std::string>> value = OptionalString(body, field.name);
      if (!value.ok()) {
        return value.status();
      }
      number.*field.member = *value && !(*value)->empty() ? *value : std::nullopt;
    }
  }
  if (Has(body, "locationId") && !Has(body, "civicAddressId")) {
    number.civic_address_id.reset();
    if (number.location_id) {
      absl::StatusOr<std::optional<Location>> location =
          tables.locations.Get(number.tenant_id, *number.location_id);
      if (!location.ok()) {
        return location.status();
      }
      if (*location) {
        number.civic_address_id = (*location)->civic_address_id;
      }
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<HttpResponse> DriftNumber(Services& services, RequestContext& context) {
  absl::StatusOr<nlohmann::json> body = ParseJsonObject(context.request.body);
  if (!body.ok()) {
    return body.status();
  }
  if (absl::Status status = RejectUnknownFields(
          *body,
          {"operatorId", "numberType", "activationState", "assignmentStatus", "assignmentCategory",
           "assignmentTargetId", "capabilities", "supportedCustomerActions",
           "reverseNumberLookupOptions", "numberSource", "portInStatus", "city", "isoCountryCode",
           "locationId", "civicAddressId", "networkSiteId"});
      !status.ok()) {
    return status;
  }
  std::optional<std::string> telephone_number = NormalizeE164(context.Param("telephoneNumber"));
  if (!telephone_number) {
    return BadRequest("The path does not name a valid E.164 telephone number.");
  }
  const std::string tenant_id = TenantParam(context);
  nlohmann::json view;
  absl::Status status =
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        absl::StatusOr<std::optional<NumberAssignment>> number =
            tables.numbers.Get(tenant_id, *telephone_number);
        if (!number.ok()) {
          return number.status();
        }
        if (!*number) {
          return NotFoundError(
              absl::StrCat("Telephone number '", *telephone_number, "' is not in the tenant."));
        }
        if (absl::Status applied = ApplyNumberDrift(*body, tables, **number); !applied.ok()) {
          return applied;
        }
        if (absl::Status saved = tables.numbers.Upsert(tenant_id, *telephone_number, **number);
            !saved.ok()) {
          return saved;
        }
        view = NumberView(**number);
        return absl::OkStatus();
      });
  if (!status.ok()) {
    return status;
  }
  return HttpResponse::Json(200, std::move(view));
}

absl::StatusOr<HttpResponse> DeleteNumber(Services& services, RequestContext& context) {
  std::optional<std::string> telephone_number = NormalizeE164(context.Param("telephoneNumber"));
  if (!telephone_number) {
    return BadRequest("The path does not name a valid E.164 telephone number.");
  }
  absl::Status status =
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        absl::StatusOr<bool> deleted =
            tables.numbers.Delete(TenantParam(context), *telephone_number);
        if (!deleted.ok()) {
          return deleted.status();
        }
        if (!*deleted) {
          return NotFoundError(
              absl::StrCat("Telephone number '", *telephone_number, "' is not in the tenant."));
        }
        return absl::OkStatus();
      });
  if (!status.ok()) {
    return status;
  }
  return HttpResponse::Empty(204);
}

// ---- emergency addresses and locations: drift ----

absl::StatusOr<HttpResponse> DriftAddress(Services& services, RequestContext& context) {
  absl::StatusOr<nlohmann::json> body = ParseJsonObject(context.request.body);
  if (!body.ok()) {
    return body.status();
  }
  for (const auto& [key, value] : body->items()) {
    const auto& names = CivicAddressFieldNames();
    if (key != "validationStatus" && std::find(names.begin(), names.end(), key) == names.end()) {
      return BadRequest(absl::StrCat("Field '", key, "' is not a civic address field."));
    }
  }
  absl::StatusOr<std::optional<std::string>> validation =
      OptionalEnum(*body, "validationStatus", vocab::kValidationStatuses);
  if (!validation.ok()) {
    return validation.status();
  }
  const std::string tenant_id = TenantParam(context);
  const std::string id = absl::AsciiStrToLower(context.Param("civicAddressId"));
  nlohmann::json view;
  absl::Status status =
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        absl::StatusOr<std::optional<CivicAddress>> address =
            tables.civic_addresses.Get(tenant_id, id);
        if (!address.ok()) {
          return address.status();
        }
        if (!*address) {
          return NotFoundError(absl::StrCat("Civic address '", id, "' not found."));
        }
        if (absl::Status applied = ApplyCivicAddressFields(*body, **address); !applied.ok()) {
          return applied;
        }
        if (*validation) {
          (*address)->validation_status = **validation;
        }
        (*address)->last_modified_ms = context.now;
        // Locations take their country from the address.
        absl::StatusOr<std::vector<Location>> locations = tables.locations.List(tenant_id);
        if (!locations.ok()) {
          return locations.status();
        }
        for (Location& location : *locations) {
          if (location.civic_address_id == id &&
              location.country_or_region != (*address)->country_or_region) {
            location.country_or_region = (*address)->country_or_region;
            if (absl::Status saved = tables.locations.Upsert(tenant_id, location.id, location);
                !saved.ok()) {
              return saved;
            }
          }
        }
        view = CivicAddressView(**address);
        return tables.civic_addresses.Upsert(tenant_id, id, **address);
      });
  if (!status.ok()) {
    return status;
  }
  return HttpResponse::Json(200, std::move(view));
}

absl::StatusOr<HttpResponse> DeleteAddressOutOfBand(Services& services, RequestContext& context) {
  const std::string tenant_id = TenantParam(context);
  const std::string id = absl::AsciiStrToLower(context.Param("civicAddressId"));
  absl::Status status =
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        absl::StatusOr<bool> deleted = tables.civic_addresses.Delete(tenant_id, id);
        if (!deleted.ok()) {
          return deleted.status();
        }
        if (!*deleted) {
          return NotFoundError(absl::StrCat("Civic address '", id, "' not found."));
        }
        absl::StatusOr<std::vector<Location>> locations = tables.locations.List(tenant_id);
        if (!locations.ok()) {
          return locations.status();
        }
        std::set<std::string> removed;
        for (const Location& location : *locations) {
          if (location.civic_address_id == id) {
            removed.insert(location.id);
            if (absl::StatusOr<bool> gone = tables.locations.Delete(tenant_id, location.id);
                !gone.ok()) {
              return gone.status();
            }
          }
        }
        return DetachNumbersFrom(tables, tenant_id, removed);
      });
  if (!status.ok()) {
    return status;
  }
  return HttpResponse::Empty(204);
}

absl::StatusOr<HttpResponse> DriftLocation(Services& services, RequestContext& context) {
  absl::StatusOr<nlohmann::json> body = ParseJsonObject(context.request.body);
  if (!body.ok()) {
    return body.status();
  }
  if (absl::Status status = RejectUnknownFields(*body, {"description", "elin"}); !status.ok()) {
    return status;
  }
  absl::StatusOr<StringPatch> description = PatchString(*body, "description");
  absl::StatusOr<StringPatch> elin = PatchString(*body, "elin");
  if (!description.ok()) {
    return description.status();
  }
  if (!elin.ok()) {
    return elin.status();
  }
  const std::string tenant_id = TenantParam(context);
  const std::string id = absl::AsciiStrToLower(context.Param("locationId"));
  nlohmann::json view;
  absl::Status status =
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        absl::StatusOr<std::optional<Location>> location = tables.locations.Get(tenant_id, id);
        if (!location.ok()) {
          return location.status();
        }
        if (!*location) {
          return NotFoundError(absl::StrCat("Location '", id, "' not found."));
        }
        if (description->present) {
          (*location)->description = description->value;
        }
        if (elin->present) {
          (*location)->elin = elin->value && !elin->value->empty() ? elin->value : std::nullopt;
        }
        view = LocationView(**location);
        return tables.locations.Upsert(tenant_id, id, **location);
      });
  if (!status.ok()) {
    return status;
  }
  return HttpResponse::Json(200, std::move(view));
}

absl::StatusOr<HttpResponse> DeleteLocationOutOfBand(Services& services, RequestContext& context) {
  const std::string tenant_id = TenantParam(context);
  const std::string id = absl::AsciiStrToLower(context.Param("locationId"));
  absl::Status status =
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        absl::StatusOr<bool> deleted = tables.locations.Delete(tenant_id, id);
        if (!deleted.ok()) {
          return deleted.status();
        }
        if (!*deleted) {
          return NotFoundError(absl::StrCat("Location '", id, "' not found."));
        }
        return DetachNumbersFrom(tables, tenant_id, {id});
      });
  if (!status.ok()) {
    return status;
  }
  return HttpResponse::Empty(204);
}

// The administrator enables an operator in the Teams admin center: the tenant API's consent
// creation, with its rules, for the tenant in the path.
absl::StatusOr<HttpResponse> EnableOperatorInAdminCenter(Services& services,
                                                         RequestContext& context) {
  absl::Status exists =
      RunForExistingTenant(services, context, [](store::Tables&) { return absl::OkStatus(); });
  if (!exists.ok()) {
    return exists;
  }
  context.tenant_id = TenantParam(context);
  return EnableOperatorForTenant(services, context);
}

}  // namespace

void RegisterAdminTenantDataRoutes(http::Router& router, Services& services) {
  const std::string base = kTenantBase;
  const std::string consent = base + "/consents/{operatorId}";
  router.Add("GET", base + "/consents", Access::kAdmin, Bind(services, ListAllConsents));
  router.Add("POST", base + "/consents", Access::kAdmin,
             Bind(services, EnableOperatorInAdminCenter));
  router.Add("PATCH", consent, Access::kAdmin, Bind(services, DriftConsent));
  router.Add("DELETE", consent, Access::kAdmin, Bind(services, HardDeleteConsent));
  router.Add("POST", consent + "/customerRelationship", Access::kAdmin,
             Bind(services, OperatorActsOnConsent));

  const std::string operator_numbers = base + "/operators/{operatorId}/numbers";
  router.Add("POST", operator_numbers, Access::kAdmin, Bind(services, UploadNumbers));
  router.Add("POST", operator_numbers + "/release", Access::kAdmin, Bind(services, ReleaseNumbers));
  router.Add("GET", base + "/numbers", Access::kAdmin, Bind(services, ListAllNumbers));
  router.Add("PATCH", base + "/numbers/{telephoneNumber}", Access::kAdmin,
             Bind(services, DriftNumber));
  router.Add("DELETE", base + "/numbers/{telephoneNumber}", Access::kAdmin,
             Bind(services, DeleteNumber));

  router.Add("PATCH", base + "/civicAddresses/{civicAddressId}", Access::kAdmin,
             Bind(services, DriftAddress));
  router.Add("DELETE", base + "/civicAddresses/{civicAddressId}", Access::kAdmin,
             Bind(services, DeleteAddressOutOfBand));
  router.Add("PATCH", base + "/locations/{locationId}", Access::kAdmin,
             Bind(services, DriftLocation));
  router.Add("DELETE", base + "/locations/{locationId}", Access::kAdmin,
             Bind(services, DeleteLocationOutOfBand));
}

}  // namespace opcsim
