#include "provider/resources/operators_data_source.h"

#include <algorithm>
#include <memory>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
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

std::vector<std::string> OfferTypes() {
  return {std::string(client::offer_type::kCalling), std::string(client::offer_type::kConferencing),
          std::string(client::offer_type::kTeamsPhoneMobile)};
}

Attribute ComputedStringList(std::string name, std::string description) {
  Attribute a;
  a.name = std::move(name);
  a.type = Type::List(Type::String());
  a.computed = true;
  a.description = std::move(description);
  return a;
}

Attribute ComputedNestedList(std::string name, std::string description,
                             std::vector<Attribute> attributes) {
  Attribute a;
  a.name = std::move(name);
  a.computed = true;
  a.description = std::move(description);
  a.nested = std::make_shared<NestedAttributes>();
  a.nested->nesting = NestedAttributes::Nesting::kList;
  a.nested->attributes = std::move(attributes);
  return a;
}

Attribute OfferingsAttribute() {
  return ComputedNestedList(
      "offerings", "What the operator offers, per offer type.",
      {framework::ComputedString("offer_type", "`calling`, `conferencing` or `teamsPhoneMobile`."),
       ComputedStringList(
           "countries", "Countries (ISO 3166-1 alpha-2) where this offer is available, sorted.")});
}

// The computed description of one operator, shared by both data sources.
std::vector<Attribute> OperatorDetailAttributes() {
  return {
      framework::ComputedString("offer_details_url",
                                "The operator's page about its Teams offer (may be null)."),
      OfferingsAttribute(),
      ComputedStringList("countries", "Every country where the operator offers anything, sorted."),
      ComputedStringList("offer_types", "Every offer type the operator has, sorted.")};
}

std::vector<std::string> Sorted(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  return items;
}

// Union over offerings, in case the service leaves the derived lists out.
std::vector<std::string> CountriesOf(const client::Operator& op) {
  std::vector<std::string> out = op.country_codes;
  for (const client::Offering& offering : op.offerings) {
    out.insert(out.end(), offering.country_codes.begin(), offering.country_codes.end());
  }
  return Sorted(std::move(out));
}

std::vector<std::string> OfferTypesOf(const client::Operator& op) {
  std::vector<std::string> out = op.offer_types;
  for (const client::Offering& offering : op.offerings) {
    out.push_back(offering.offer_type);
  }
  return Sorted(std::move(out));
}

std::string NamesOf(const std::vector<client::Operator>& operators) {
  std::vector<std::string> names;
  for (const client::Operator& op : operators) {
    names.push_back("\"" + op.display_name + "\"");
  }
  std::sort(names.begin(), names.end());
  return absl::StrJoin(names, ", ");
}

}  // namespace

const StateMapping<OfferingModel>& OfferingMapping() {
  using M = OfferingModel;
  static const auto* mapping = &(*new StateMapping<M>())
                                    .String("offer_type", &M::offer_type)
                                    .StringList("countries", &M::countries);
  return *mapping;
}

const StateMapping<OperatorModel>& OperatorMapping() {
  using M = OperatorModel;
  static const auto* mapping = &(*new StateMapping<M>())
                                    .String("id", &M::id)
                                    .String("display_name", &M::display_name)
                                    .String("offer_details_url", &M::offer_details_url)
                                    .ObjectList("offerings", &M::offerings, OfferingMapping())
                                    .StringList("countries", &M::countries)
                                    .StringList("offer_types", &M::offer_types);
  return *mapping;
}

const StateMapping<OperatorsModel>& OperatorsMapping() {
  using M = OperatorsModel;
  static const auto* mapping = &(*new StateMapping<M>())
                                    .String("country", &M::country)
                                    .String("offer_type", &M::offer_type)
                                    .ObjectList("operators", &M::operators, OperatorMapping());
  return *mapping;
}

OperatorModel OperatorModelOf(const client::Operator& op) {
  OperatorModel model;
  model.id = op.id;
  model.display_name = op.display_name;
  model.offer_details_url = op.offer_details_url;
  model.offerings.emplace();
  for (const client::Offering& offering : op.offerings) {
    model.offerings->push_back({offering.offer_type, Sorted(offering.country_codes)});
  }
  model.countries = CountriesOf(op);
  model.offer_types = OfferTypesOf(op);
  return model;
}

// --- operatorconnect_operators --------------------------------------------------------------

framework::Schema OperatorsDataSource::GetSchema() const {
  framework::Schema schema;
  schema.block.description =
      "The Operator Connect catalog: the operators a tenant can enable, optionally only those "
      "offering service in a country or a given offer type." +
      std::string(kUnpublishedApiNote);
  Attribute country = framework::OptionalString(
      "country", "Only operators that offer service in this country (ISO 3166-1 alpha-2, `GB`).");
  country.validators = {validators::CountryCode()};
  Attribute offer_type =
      framework::OptionalString("offer_type",
                                "Only operators with this offer: `calling`, `conferencing` or "
                                "`teamsPhoneMobile`.");
  offer_type.validators = {framework::validators::OneOf(OfferTypes())};
  std::vector<Attribute> item = {
      framework::ComputedString("id", "Catalog id (GUID) of the operator."),
      framework::ComputedString("display_name", "The operator's name.")};
  for (Attribute& detail : OperatorDetailAttributes()) {
    item.push_back(std::move(detail));
  }
  schema.block.attributes = {
      country, offer_type,
      ComputedNestedList("operators", "The matching operators, sorted by display name.",
                         std::move(item))};
  return schema;
}

void OperatorsDataSource::Configure(const framework::ProviderData& data, Diagnostics& diags) {
  client_.Configure(data);
}

void OperatorsDataSource::Read(const framework::ReadDataRequest& req,
                               framework::ReadDataResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr || !RequireContractArea(*client, client::ContractArea::kOperatorConnect,
                                                TypeName(), req.cancel, resp.diagnostics)) {
    return;
  }
  OperatorsModel state = OperatorsMapping().Read(req.config);
  client::OperatorFilter filter;
  filter.country_code = state.country;
  filter.offer_type = state.offer_type;
  absl::StatusOr<std::vector<client::Operator>> operators =
      client->operators().ListOperators(filter, req.cancel);
  if (!operators.ok()) {
    AddApiError(resp.diagnostics, "Listing the operator catalog", operators.status());
    return;
  }
  std::sort(operators->begin(), operators->end(),
            [](const client::Operator& a, const client::Operator& b) {
              return std::tie(a.display_name, a.id) < std::tie(b.display_name, b.id);
            });
  state.operators.emplace();
  for (const client::Operator& op : *operators) {
    state.operators->push_back(OperatorModelOf(op));
  }
  resp.state = OperatorsMapping().Write(state, GetSchema().ImpliedType());
}

// --- operatorconnect_operator ---------------------------------------------------------------

framework::Schema OperatorDataSource::GetSchema() const {
  framework::Schema schema;
  schema.block.description =
      "One operator from the Operator Connect catalog, looked up by `display_name` or `id`. "
      "Fails when no operator, or more than one, matches." +
      std::string(kUnpublishedApiNote);
  Attribute id = framework::OptionalComputedString(
      "id", "Catalog id (GUID) of the operator; set it, or `display_name`, to choose one.");
  id.validators = {validators::Guid("operator id")};
  Attribute display_name = framework::OptionalComputedString(
      "display_name",
      "The operator's name as the catalog shows it (e.g. `\"Bluefin Telecom\"`); an exact "
      "match wins, otherwise a case-insensitive one.");
  schema.block.attributes = {id, display_name};
  for (Attribute& detail : OperatorDetailAttributes()) {
    schema.block.attributes.push_back(std::move(detail));
  }
  return schema;
}

void OperatorDataSource::Configure(const framework::ProviderData& data, Diagnostics& diags) {
  client_.Configure(data);
}

void OperatorDataSource::ValidateConfig(const Value& config, Diagnostics& diags) {
  // Unknown counts as set: it will be known when the data source is read.
  if (config.GetAttr("id").IsNull() && config.GetAttr("display_name").IsNull()) {
    diags.AddError("Missing operator selector",
                   "Set display_name (e.g. \"Bluefin Telecom\") or id to choose the operator.",
                   AttributePath::Root("display_name"));
  }
}

void OperatorDataSource::Read(const framework::ReadDataRequest& req,
                              framework::ReadDataResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr || !RequireContractArea(*client, client::ContractArea::kOperatorConnect,
                                                TypeName(), req.cancel, resp.diagnostics)) {
    return;
  }
  const OperatorModel config = OperatorMapping().Read(req.config);
  const std::optional<std::string>& id = config.id;
  const std::optional<std::string>& name = config.display_name;
  std::optional<client::Operator> found;
  if (id) {
    absl::StatusOr<client::Operator> op =
        client->operators().GetOperator(absl::AsciiStrToLower(*id), req.cancel);
    if (absl::IsNotFound(op.status())) {
      resp.diagnostics.AddError(
          "Operator not found",
          "The Operator Connect catalog has no operator with id \"" + *id + "\".",
          AttributePath::Root("id"));
      return;
    }
    if (!op.ok()) {
      AddApiError(resp.diagnostics, "Reading operator " + *id, op.status());
      return;
    }
    if (name && !absl::EqualsIgnoreCase(op->display_name, *name)) {
      resp.diagnostics.AddError(
          "Operator name does not match",
          "Operator " + *id + " is named \"" + op->display_name + "\", not \"" + *name + "\".",
          AttributePath::Root("display_name"));
      return;
    }
    found = *std::move(op);
  } else {
    // The catalog is small: list it, so that a miss can name what exists.
    absl::StatusOr<std::vector<client::Operator>> all =
        client->operators().ListOperators(client::OperatorFilter{}, req.cancel);
    if (!all.ok()) {
      AddApiError(resp.diagnostics, "Listing the operator catalog", all.status());
      return;
    }
    std::vector<client::Operator> matches;
    for (const client::Operator& op : *all) {
      if (op.display_name == *name) {
        matches.push_back(op);
      }
    }
    if (matches.empty()) {
      for (const client::Operator& op : *all) {
        if (absl::EqualsIgnoreCase(op.display_name, *name)) {
          matches.push_back(op);
        }
      }
    }
    if (matches.empty()) {
      resp.diagnostics.AddError("Operator not found",
                                "No operator in the Operator Connect catalog is named \"" + *name +
                                    "\". Operators: " + NamesOf(*all) + ".",
                                AttributePath::Root("display_name"));
      return;
    }
    if (matches.size() > 1) {
      std::vector<std::string> ids;
      for (const client::Operator& op : matches) {
        ids.push_back(op.id + " (\"" + op.display_name + "\")");
      }
      resp.diagnostics.AddError(
          "Several operators match",
          absl::StrCat(matches.size(), " operators are named \"", *name,
                       "\": ", absl::StrJoin(ids, ", "), ". Choose one with id instead."),
          AttributePath::Root("display_name"));
      return;
    }
    found = std::move(matches.front());
  }
  resp.state = OperatorMapping().Write(OperatorModelOf(*found), GetSchema().ImpliedType());
}

}  // namespace opc::resources
