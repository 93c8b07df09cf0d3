#include "provider/resources/emergency_address_resource.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "provider/resources/adoption.h"
#include "provider/resources/contract_guard.h"
#include "provider/resources/elin.h"

namespace opc::resources {

using client::CivicAddress;
using client::CreateCivicAddressRequest;
using client::FieldUpdate;
using client::UpdateCivicAddressRequest;
using framework::Attribute;
using framework::AttributePath;
using framework::Diagnostics;
using framework::Number;
using framework::Type;
using framework::Value;

namespace {

constexpr std::array<std::string_view, 22> kEditableCountries = {
    "AU", "BR", "CA", "HR", "CZ", "EE", "HK", "HU", "IL", "JP", "LV",
    "LT", "MX", "NZ", "PL", "PR", "RO", "SG", "KR", "SI", "ZA", "US"};

// Said once, in the resource's description, for every attribute that EditRuled() marks.
constexpr char kEditRule[] =
    "**Edits.** Changing `country` always replaces the address. Every other argument is changed "
    "in place for addresses in AU, BR, CA, HR, CZ, EE, HK, HU, IL, JP, LV, LT, MX, NZ, PL, PR, "
    "RO, SG, KR, SI, ZA and US; elsewhere the service forbids edits, so changing any argument "
    "replaces the address (the plan shows `# forces replacement` on the changed fields) and its "
    "default location, with new IDs.";

// One optional string field of the address, in the schema, the state model, the client model
// and both requests.
struct StringField {
  const char* attribute;
  std::optional<std::string> EmergencyAddressModel::*state;
  std::optional<std::string> CivicAddress::*model;
  std::optional<std::string> CreateCivicAddressRequest::*create;
  FieldUpdate<std::string> UpdateCivicAddressRequest::*update;
  const char* description;
};

constexpr StringField kStringFields[] = {
    {"description", &EmergencyAddressModel::description, &CivicAddress::description,
     &CreateCivicAddressRequest::description, &UpdateCivicAddressRequest::description,
     "Free-text description of the address."},
    {"company_tax_id", &EmergencyAddressModel::company_tax_id, &CivicAddress::company_tax_id,
     &CreateCivicAddressRequest::company_tax_id, &UpdateCivicAddressRequest::company_tax_id,
     "Tax ID of the company at the address."},
    {"house_number", &EmergencyAddressModel::house_number, &CivicAddress::house_number,
     &CreateCivicAddressRequest::house_number, &UpdateCivicAddressRequest::house_number,
     "House number, e.g. `1`."},
    {"house_number_suffix", &EmergencyAddressModel::house_number_suffix,
     &CivicAddress::house_number_suffix, &CreateCivicAddressRequest::house_number_suffix,
     &UpdateCivicAddressRequest::house_number_suffix, "House number suffix, e.g. `A`."},
    {"pre_directional", &EmergencyAddressModel::pre_directional, &CivicAddress::pre_directional,
     &CreateCivicAddressRequest::pre_directional, &UpdateCivicAddressRequest::pre_directional,
     "Directional before the street name, e.g. `NE`."},
    {"street_name", &EmergencyAddressModel::street_name, &CivicAddress::street_name,
     &CreateCivicAddressRequest::street_name, &UpdateCivicAddressRequest::street_name,
     "Street name, e.g. `Microsoft Way`."},
    {"street_suffix", &EmergencyAddressModel::street_suffix, &CivicAddress::street_suffix,
     &CreateCivicAddressRequest::street_suffix, &UpdateCivicAddressRequest::street_suffix,
     "Street suffix, e.g. `Ave`."},
    {"post_directional", &EmergencyAddressModel::post_directional, &CivicAddress::post_directional,
     &CreateCivicAddressRequest::post_directional, &UpdateCivicAddressRequest::post_directional,
     "Directional after the street name, e.g. `NW`."},
    {"city", &EmergencyAddressModel::city, &CivicAddress::city, &CreateCivicAddressRequest::city,
     &UpdateCivicAddressRequest::city, "City."},
    {"city_alias", &EmergencyAddressModel::city_alias, &CivicAddress::city_alias,
     &CreateCivicAddressRequest::city_alias, &UpdateCivicAddressRequest::city_alias,
     "Alternative name of the city."},
    {"state_or_province", &EmergencyAddressModel::state_or_province,
     &CivicAddress::state_or_province, &CreateCivicAddressRequest::state_or_province,
     &UpdateCivicAddressRequest::state_or_province, "State or province, e.g. `WA`."},
    {"postal_code", &EmergencyAddressModel::postal_code, &CivicAddress::postal_code,
     &CreateCivicAddressRequest::postal_code, &UpdateCivicAddressRequest::postal_code,
     "Postal code."},
    {"elin", &EmergencyAddressModel::elin, &CivicAddress::elin, &CreateCivicAddressRequest::elin,
     &UpdateCivicAddressRequest::elin,
     "Emergency Location Identification Number, for ELIN gateways (Direct Routing): the "
     "number sent to emergency services, digits only (at most 15) with an optional leading "
     "`+`, e.g. `4255550100`."},
};

// latitude/longitude: numbers in Terraform, decimal strings at the service.
struct CoordinateField {
  const char* attribute;
  Value EmergencyAddressModel::*state;
  std::optional<std::string> CivicAddress::*model;
  std::optional<std::string> CreateCivicAddressRequest::*create;
  FieldUpdate<std::string> UpdateCivicAddressRequest::*update;
  double limit;
  const char* description;
};

constexpr CoordinateField kCoordinateFields[] = {
    {"latitude", &EmergencyAddressModel::latitude, &CivicAddress::latitude,
     &CreateCivicAddressRequest::latitude, &UpdateCivicAddressRequest::latitude, 90,
     "Latitude in decimal degrees (-90 to 90), e.g. `47.6396`. Required, with `longitude`, "
     "except for addresses in AU and JP."},
    {"longitude", &EmergencyAddressModel::longitude, &CivicAddress::longitude,
     &CreateCivicAddressRequest::longitude, &UpdateCivicAddressRequest::longitude, 180,
     "Longitude in decimal degrees (-180 to 180), e.g. `-122.1283`. Required, with "
     "`latitude`, except for addresses in AU and JP."},
};

// A change to an address field replaces the address unless its country allows edits. The
// prior country decides: a country change replaces the address anyway (see `country`).
bool ChangeNeedsReplacement(const framework::ReplaceContext& context) {
  const std::optional<std::string> country =
      EmergencyAddressMapping().Read(context.prior_object).country;
  return !(country && CivicAddressEditAllowed(*country));
}

Attribute EditRuled(Attribute attribute) {
  attribute.plan_modifiers.push_back(framework::planmodifier::RequiresReplaceIf(
      ChangeNeedsReplacement, "A change replaces the address unless its country allows edits."));
  return attribute;
}

std::optional<Number> ParseCoordinate(const std::optional<std::string>& text) {
  if (!text) {
    return std::nullopt;
  }
  return Number::Parse(*text);
}

std::optional<Number> OptionalNumber(const Value& value) {
  if (!value.IsKnown() || value.IsNull()) {
    return std::nullopt;
  }
  return value.AsNumber();
}

FieldUpdate<std::string> StringChange(const std::optional<std::string>& current,
                                      const std::optional<std::string>& wanted) {
  if (current == wanted) {
    return {};
  }
  return wanted ? FieldUpdate<std::string>(*wanted) : FieldUpdate<std::string>::Clear();
}

}  // namespace

const StateMapping<EmergencyAddressModel>& EmergencyAddressMapping() {
  using M = EmergencyAddressModel;
  static const auto* mapping = [] {
    auto* built = new StateMapping<M>();
    built->String("id", &M::id)
        .String("country", &M::country)
        .String("company_name", &M::company_name);
    // The address fields: their tables also give the schema and the requests.
    for (const StringField& field : kStringFields) {
      built->String(field.attribute, field.state);
    }
    for (const CoordinateField& field : kCoordinateFields) {
      built->Raw(field.attribute, field.state);
    }
    built->String("default_location_id", &M::default_location_id)
        .String("validation_status", &M::validation_status);
    return built;
  }();
  return *mapping;
}

bool CivicAddressEditAllowed(std::string_view country) {
  return std::find(kEditableCountries.begin(), kEditableCountries.end(), country) !=
         kEditableCountries.end();
}

bool CivicAddressGeocodeRequired(std::string_view country) {
  return country != "AU" && country != "JP";
}

CreateCivicAddressRequest CivicAddressCreateRequest(const Value& planned) {
  const EmergencyAddressModel plan = EmergencyAddressMapping().Read(planned);
  CreateCivicAddressRequest request;
  request.country_or_region = plan.country.value_or("");
  request.company_name = plan.company_name.value_or("");
  for (const StringField& field : kStringFields) {
    request.*field.create = plan.*field.state;
  }
  for (const CoordinateField& field : kCoordinateFields) {
    if (auto number = OptionalNumber(plan.*field.state)) {
      request.*field.create = number->ToString();
    }
  }
  return request;
}

UpdateCivicAddressRequest CivicAddressUpdateRequest(const CivicAddress& current,
                                                    const Value& planned) {
  const EmergencyAddressModel plan = EmergencyAddressMapping().Read(planned);
  UpdateCivicAddressRequest update;
  std::string company = plan.company_name.value_or("");
  if (company != current.company_name) {
    update.company_name = company;
  }
  for (const StringField& field : kStringFields) {
    update.*field.update = StringChange(current.*field.model, plan.*field.state);
  }
  for (const CoordinateField& field : kCoordinateFields) {
    std::optional<Number> wanted = OptionalNumber(plan.*field.state);
    // Compared as numbers: "47.60620" at the service is 47.6062 in the configuration.
    const std::optional<std::string>& now = current.*field.model;
    if (now.has_value() == wanted.has_value() && ParseCoordinate(now) == wanted) {
      continue;
    }
    update.*field.update =
        wanted ? FieldUpdate<std::string>(wanted->ToString()) : FieldUpdate<std::string>::Clear();
  }
  return update;
}

bool IsEmptyUpdate(const UpdateCivicAddressRequest& update) {
  return update == UpdateCivicAddressRequest{};
}

Value CivicAddressState(const CivicAddress& address, const Value& prior, const Type& type,
                        Diagnostics& diags) {
  const EmergencyAddressModel before = EmergencyAddressMapping().Read(prior);
  EmergencyAddressModel state;
  state.id = address.id;
  state.country = address.country_or_region;
  state.company_name = address.company_name;
  state.default_location_id = address.default_location_id;
  state.validation_status = address.validation_status;
  for (const StringField& field : kStringFields) {
    state.*field.state = address.*field.model;
  }
  for (const CoordinateField& field : kCoordinateFields) {
    const std::optional<std::string>& text = address.*field.model;
    Value value = Value::Null(Type::Number());
    if (text) {
      if (std::optional<Number> number = Number::Parse(*text)) {
        const Value& known = before.*field.state;
        // Equal numbers keep the form already in state or configuration.
        value = OptionalNumber(known) == number ? known : Value::Number(*number);
      } else {
        diags.AddError("Unexpected " + std::string(field.attribute) + " from the service",
                       "The service returned \"" + *text + "\" for the " + field.attribute +
                           " of civic address " + address.id + ", which is not a decimal number.",
                       AttributePath::Root(field.attribute));
      }
    }
    state.*field.state = std::move(value);
  }
  return EmergencyAddressMapping().Write(state, type);
}

framework::Schema EmergencyAddressResource::GetSchema() const {
  framework::Schema schema;
  schema.block.description = absl::StrCat(
      "An emergency (E911/LIS) civic address of the tenant. Creating it also creates its "
      "default emergency location. Import with the civic address ID.",
      std::string(kUnpublishedApiNote), "\n\n", kEditRule,
      "\n\n**Safe to repeat.** When an interrupted run left this address behind (created in "
      "the tenant, missing from the state), the next apply takes over an address of the same "
      "country identical in every field instead of creating a second one; a merely similar "
      "address is never taken over. Declare each address once.");

  Attribute id = framework::ComputedString("id", "The civic address ID.");
  id.plan_modifiers.push_back(framework::planmodifier::UseStateForUnknown());

  Attribute country = framework::RequiredString(
      "country",
      "ISO 3166-1 alpha-2 country code in upper case, e.g. `US`. The service never changes the "
      "country of an address, so a change replaces it.");
  country.plan_modifiers.push_back(framework::planmodifier::RequiresReplace());
  country.validators.push_back(validators::CountryCode());

  Attribute company = EditRuled(
      framework::RequiredString("company_name", "Name of the company (or person) at the address."));
  company.validators.push_back(framework::validators::LengthBetween(1, 1024));

  schema.block.attributes = {id, country, company};
  for (const StringField& field : kStringFields) {
    Attribute attribute = EditRuled(framework::OptionalString(field.attribute, field.description));
    // The service treats "" as unset, which would leave a permanent diff: omit it instead.
    attribute.validators.push_back(framework::validators::LengthBetween(1, 1024));
    if (attribute.name == "elin") {
      attribute.validators.push_back(ElinValidator());
    }
    schema.block.attributes.push_back(std::move(attribute));
  }
  for (const CoordinateField& field : kCoordinateFields) {
    Attribute attribute;
    attribute.name = field.attribute;
    attribute.type = Type::Number();
    attribute.optional = true;
    attribute.description = field.description;
    attribute.validators.push_back(framework::validators::NumberBetween(-field.limit, field.limit));
    schema.block.attributes.push_back(EditRuled(std::move(attribute)));
  }

  Attribute default_location = framework::ComputedString(
      "default_location_id",
      "ID of the default emergency location the service created with the address (assign it "
      "to numbers, or add more locations with `operatorconnect_emergency_location`).");
  default_location.plan_modifiers.push_back(framework::planmodifier::UseStateForUnknown());
  schema.block.attributes.push_back(std::move(default_location));
  schema.block.attributes.push_back(framework::ComputedString(
      "validation_status", "Validation status: `notValidated`, `valid` or `invalid`."));
  return schema;
}

void EmergencyAddressResource::Configure(const framework::ProviderData& data, Diagnostics& diags) {
  client_.Configure(data);
}

void EmergencyAddressResource::ValidateConfig(const Value& config, Diagnostics& diags) {
  const EmergencyAddressModel model = EmergencyAddressMapping().Read(config);
  const Value& latitude = model.latitude;
  const Value& longitude = model.longitude;
  if (!model.country) {
    return;  // unknown until apply (or missing, which the schema reports)
  }
  const std::string code = *model.country;
  const bool required = CivicAddressGeocodeRequired(code);
  for (const auto& [name, value, other_name, other] :
       {std::tuple{"latitude", &latitude, "longitude", &longitude},
        std::tuple{"longitude", &longitude, "latitude", &latitude}}) {
    if (!value->IsNull()) {
      continue;
    }
    if (required) {
      diags.AddError("Missing " + std::string(name),
                     std::string(name) + " is required for emergency addresses in " + code +
                         " (only AU and JP addresses may omit latitude and longitude).",
                     AttributePath::Root(name));
    } else if (other->IsUnknown() || !other->IsNull()) {
      diags.AddError(
          "Missing " + std::string(name),
          std::string(name) + " must be set together with " + other_name + ": set both or neither.",
          AttributePath::Root(name));
    }
  }
}

void EmergencyAddressResource::ModifyPlan(const framework::ModifyPlanRequest& req,
                                          framework::ModifyPlanResponse& resp) {
  RequireContractAreaAtPlan(client_, client::ContractArea::kEmergencyCalling, TypeName(), req,
                            resp);
}

void EmergencyAddressResource::Create(const framework::CreateRequest& req,
                                      framework::CreateResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  // Safe to repeat: an identical address left by an interrupted run is taken over.
  absl::StatusOr<CivicAddress> created = CreateOrAdoptCivicAddress(
      *client, client.adoption_claims(), CivicAddressCreateRequest(req.planned), req.cancel);
  if (!created.ok()) {
    AddApiError(resp.diagnostics, "Creating the emergency address", created.status());
    return;
  }
  resp.new_state = CivicAddressState(*created, req.planned, req.planned.type(), resp.diagnostics);
}

void EmergencyAddressResource::Read(const framework::ReadRequest& req,
                                    framework::ReadResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr || !RequireContractArea(*client, client::ContractArea::kEmergencyCalling,
                                                TypeName(), req.cancel, resp.diagnostics)) {
    return;
  }
  const std::string id = EmergencyAddressMapping().Read(req.current_state).id.value_or("");
  // A refresh: many of them share one listing of the addresses (see ReadCivicAddress).
  absl::StatusOr<CivicAddress> address = client->emergency().ReadCivicAddress(id, req.cancel);
  if (absl::IsNotFound(address.status())) {
    resp.new_state = Value::Null(req.current_state.type());  // deleted outside Terraform
    return;
  }
  if (!address.ok()) {
    AddApiError(resp.diagnostics, "Reading emergency address " + id, address.status());
    return;
  }
  resp.new_state =
      CivicAddressState(*address, req.current_state, req.current_state.type(), resp.diagnostics);
}

void EmergencyAddressResource::Update(const framework::UpdateRequest& req,
                                      framework::UpdateResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  const std::string id = EmergencyAddressMapping().Read(req.prior).id.value_or("");
  // A fresh read gives the ETag and the fields as they are now, so the PATCH sends exactly
  // what differs from the plan. One retry covers an edit that slips in between.
  for (int attempt = 0;; ++attempt) {
    absl::StatusOr<CivicAddress> current = client->emergency().GetCivicAddress(id, req.cancel);
    if (!current.ok()) {
      AddApiError(resp.diagnostics, "Reading emergency address " + id + " before updating it",
                  current.status());
      return;
    }
    UpdateCivicAddressRequest update = CivicAddressUpdateRequest(*current, req.planned);
    if (IsEmptyUpdate(update)) {
      resp.new_state =
          CivicAddressState(*current, req.planned, req.planned.type(), resp.diagnostics);
      return;
    }
    if (!CivicAddressEditAllowed(current->country_or_region)) {
      resp.new_state = CivicAddressState(*current, req.prior, req.prior.type(), resp.diagnostics);
      resp.diagnostics.AddError(
          "Emergency address changed outside Terraform",
          "Civic address " + id + " in " + current->country_or_region +
              " changed since the plan was made, and the service does not allow editing "
              "addresses there. Run `terraform plan` again: it will plan a replacement.");
      return;
    }
    absl::StatusOr<CivicAddress> updated =
        client->emergency().UpdateCivicAddress(id, update, current->etag, req.cancel);
    if (absl::IsAborted(updated.status()) && attempt == 0) {
      continue;  // 412: someone else changed it since our read
    }
    if (!updated.ok()) {
      AddApiError(resp.diagnostics, "Updating emergency address " + id, updated.status());
      resp.new_state = CivicAddressState(*current, req.prior, req.prior.type(), resp.diagnostics);
      return;
    }
    resp.new_state = CivicAddressState(*updated, req.planned, req.planned.type(), resp.diagnostics);
    return;
  }
}

void EmergencyAddressResource::Delete(const framework::DeleteRequest& req,
                                      framework::DeleteResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  const std::string id = EmergencyAddressMapping().Read(req.prior).id.value_or("");
  absl::Status status = client->emergency().DeleteCivicAddress(id, std::nullopt, req.cancel);
  if (!status.ok() && !absl::IsNotFound(status)) {
    AddApiError(resp.diagnostics, "Deleting emergency address " + id, status);
  }
}

void EmergencyAddressResource::ImportState(const framework::ImportRequest& req,
                                           framework::ImportResponse& resp) {
  if (req.id.empty()) {
    AddInvalidImportId(resp.diagnostics, "an emergency address by its civic address ID", req.id,
                       "the ID is empty");
    return;
  }
  EmergencyAddressModel imported;
  imported.id = req.id;
  resp.state = EmergencyAddressMapping().Write(imported, GetSchema().ImpliedType());
}

}  // namespace opc::resources
