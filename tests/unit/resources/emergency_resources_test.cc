// Emergency address and location resources: replace rules, the latitude/longitude rule,
// and the mapping between Terraform values and the client models.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "provider/framework/planner.h"
#include "provider/resources/emergency_address_resource.h"
#include "provider/resources/emergency_data_sources.h"
#include "provider/resources/emergency_location_resource.h"
#include "schema_lookup.h"
#include "tests/unit/resources/state_model_testing.h"

namespace opc::resources {
namespace {

using framework::AttributePath;
using framework::Diagnostics;
using framework::Number;
using framework::PlanChange;
using framework::PlanInput;
using framework::PlanOutput;
using framework::Value;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

Value S(const std::string& s) { return Value::String(s); }
Value N(const std::string& text) { return Value::Number(*Number::Parse(text)); }

std::string Describe(const Diagnostics& diags) {
  std::string out;
  for (const auto& item : diags.items()) {
    out += item.summary + ": " + item.detail +
           (item.attribute ? " @" + item.attribute->ToString() : "") + "\n";
  }
  return out;
}

std::vector<std::string> Paths(const std::vector<AttributePath>& paths) {
  std::vector<std::string> out;
  for (const auto& path : paths) {
    out.push_back(path.ToString());
  }
  return out;
}

std::vector<std::string> ErrorPaths(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& item : diags.items()) {
    out.push_back(item.attribute ? item.attribute->ToString() : "");
  }
  return out;
}

class EmergencyAddressTest : public ::testing::Test {
 protected:
  EmergencyAddressTest() : schema_(resource_.GetSchema()), type_(schema_.ImpliedType()) {}

  Value Config(const std::string& country, std::map<std::string, Value> extra = {}) {
    std::map<std::string, Value> attributes = {
        {"country", S(country)}, {"company_name", S("Contoso")}, {"street_name", S("Main St")},
        {"city", S("Redmond")},  {"latitude", N("47.6396")},     {"longitude", N("-122.1283")}};
    for (auto& [key, value] : extra) {
      attributes[key] = value;
    }
    return Value::Object(type_, std::move(attributes));
  }
  Value StateFor(const Value& config) {
    return config.WithAttr("id", S("addr-1"))
        .WithAttr("default_location_id", S("loc-0"))
        .WithAttr("validation_status", S("notValidated"));
  }
  PlanOutput Plan(const Value& prior, const Value& config) {
    Value proposed = config.WithAttr("id", prior.GetAttr("id"))
                         .WithAttr("default_location_id", prior.GetAttr("default_location_id"))
                         .WithAttr("validation_status", prior.GetAttr("validation_status"));
    return PlanChange(PlanInput{schema_, prior, proposed, config});
  }
  Diagnostics Validate(const Value& config) {
    Diagnostics diags;
    framework::ValidateAgainstSchema(schema_.block, config, diags);
    resource_.ValidateConfig(config, diags);
    return diags;
  }

  EmergencyAddressResource resource_;
  framework::Schema schema_;
  framework::Type type_;
};

TEST(EmergencyCountryRulesTest, EditAndGeocodeRules) {
  EXPECT_TRUE(CivicAddressEditAllowed("US"));
  EXPECT_TRUE(CivicAddressEditAllowed("AU"));
  EXPECT_TRUE(CivicAddressEditAllowed("ZA"));
  EXPECT_FALSE(CivicAddressEditAllowed("GB"));
  EXPECT_FALSE(CivicAddressEditAllowed("DE"));
  EXPECT_FALSE(CivicAddressEditAllowed("us"));
  EXPECT_FALSE(CivicAddressGeocodeRequired("AU"));
  EXPECT_FALSE(CivicAddressGeocodeRequired("JP"));
  EXPECT_TRUE(CivicAddressGeocodeRequired("US"));
  EXPECT_TRUE(CivicAddressGeocodeRequired("GB"));
}

TEST_F(EmergencyAddressTest, EveryAttributeHasADescription) {
  for (const auto& attribute : schema_.block.attributes) {
    EXPECT_FALSE(attribute.description.empty()) << attribute.name;
  }
  EXPECT_TRUE(Has<framework::UseStateForUnknownModifier>(AttributeOf(schema_, "id")));
  EXPECT_TRUE(
      Has<framework::UseStateForUnknownModifier>(AttributeOf(schema_, "default_location_id")));
  EXPECT_EQ(AttributeOf(schema_, "latitude").type, framework::Type::Number());
}

TEST_F(EmergencyAddressTest, UsAddressChangesInPlace) {
  Value prior = StateFor(Config("US"));
  PlanOutput out = Plan(prior, Config("US", {{"city", S("Seattle")}, {"latitude", N("47.6")}}));
  ASSERT_FALSE(out.diagnostics.HasError()) << Describe(out.diagnostics);
  EXPECT_THAT(out.requires_replace, IsEmpty());
  EXPECT_EQ(out.planned.GetAttr("city"), S("Seattle"));
  EXPECT_EQ(out.planned.GetAttr("default_location_id"), S("loc-0"));
}

TEST_F(EmergencyAddressTest, GbAddressChangeForcesReplacementOnExactlyTheChangedFields) {
  Value prior = StateFor(Config("GB"));
  PlanOutput out =
      Plan(prior, Config("GB", {{"street_name", S("High St")}, {"longitude", N("-0.1")}}));
  ASSERT_FALSE(out.diagnostics.HasError()) << Describe(out.diagnostics);
  EXPECT_THAT(Paths(out.requires_replace), UnorderedElementsAre("street_name", "longitude"));
}

TEST_F(EmergencyAddressTest, CompanyNameFollowsTheEditRuleToo) {
  PlanOutput gb = Plan(StateFor(Config("GB")), Config("GB", {{"company_name", S("Fabrikam")}}));
  EXPECT_THAT(Paths(gb.requires_replace), ElementsAre("company_name"));
  PlanOutput us = Plan(StateFor(Config("US")), Config("US", {{"company_name", S("Fabrikam")}}));
  EXPECT_THAT(us.requires_replace, IsEmpty());
}

TEST_F(EmergencyAddressTest, CountryChangeReplacesEvenWhereEditsAreAllowed) {
  PlanOutput out = Plan(StateFor(Config("US")), Config("CA", {{"city", S("Toronto")}}));
  EXPECT_THAT(Paths(out.requires_replace), ElementsAre("country"));
}

TEST_F(EmergencyAddressTest, LatitudeRequiredOutsideAuAndJp) {
  Diagnostics gb = Validate(Config("GB", {{"latitude", Value()}}));
  EXPECT_TRUE(gb.HasError());
  EXPECT_THAT(ErrorPaths(gb), ElementsAre("latitude")) << Describe(gb);

  Diagnostics both = Validate(Config("US", {{"latitude", Value()}, {"longitude", Value()}}));
  EXPECT_THAT(ErrorPaths(both), UnorderedElementsAre("latitude", "longitude"));

  Diagnostics au = Validate(Config("AU", {{"latitude", Value()}, {"longitude", Value()}}));
  EXPECT_FALSE(au.HasError()) << Describe(au);

  Diagnostics jp_half = Validate(Config("JP", {{"longitude", Value()}}));
  EXPECT_THAT(ErrorPaths(jp_half), ElementsAre("longitude")) << Describe(jp_half);
}

TEST_F(EmergencyAddressTest, UnknownValuesAreNotJudgedAtValidate) {
  Value unknown_country = Config("GB", {{"latitude", Value()}})
                              .WithAttr("country", Value::Unknown(framework::Type::String()));
  EXPECT_FALSE(Validate(unknown_country).HasError());
  Value unknown_latitude = Config("GB", {{"latitude", Value::Unknown(framework::Type::Number())}});
  EXPECT_FALSE(Validate(unknown_latitude).HasError());
}

TEST_F(EmergencyAddressTest, SchemaRejectsBadInput) {
  EXPECT_THAT(ErrorPaths(Validate(Config("gb"))), ElementsAre("country"));
  EXPECT_THAT(ErrorPaths(Validate(Config("US", {{"latitude", N("91")}}))), ElementsAre("latitude"));
  EXPECT_THAT(ErrorPaths(Validate(Config("US", {{"city", S("")}}))), ElementsAre("city"));
}

TEST_F(EmergencyAddressTest, CreateRequestSendsCoordinatesAsDecimalStrings) {
  client::CreateCivicAddressRequest request =
      CivicAddressCreateRequest(Config("US", {{"latitude", N("47.60620")}}));
  EXPECT_EQ(request.country_or_region, "US");
  EXPECT_EQ(request.company_name, "Contoso");
  EXPECT_EQ(request.latitude, "47.6062");
  EXPECT_EQ(request.longitude, "-122.1283");
  EXPECT_EQ(request.city, "Redmond");
  EXPECT_EQ(request.house_number, std::nullopt);
}

client::CivicAddress ServiceAddress() {
  client::CivicAddress address;
  address.id = "addr-1";
  address.country_or_region = "US";
  address.company_name = "Contoso";
  address.street_name = "Main St";
  address.city = "Redmond";
  address.latitude = "47.63960";  // the same number as configured, written differently
  address.longitude = "-122.1283";
  address.default_location_id = "loc-0";
  address.validation_status = "notValidated";
  address.etag = "W/\"1\"";
  return address;
}

TEST_F(EmergencyAddressTest, StateKeepsNumericallyEqualCoordinates) {
  Diagnostics diags;
  Value state = CivicAddressState(ServiceAddress(), Config("US"), type_, diags);
  ASSERT_FALSE(diags.HasError()) << Describe(diags);
  EXPECT_EQ(state, StateFor(Config("US")));
}

TEST_F(EmergencyAddressTest, StateReportsMalformedCoordinates) {
  client::CivicAddress address = ServiceAddress();
  address.longitude = "west";
  Diagnostics diags;
  Value state = CivicAddressState(address, Value(), type_, diags);
  EXPECT_THAT(ErrorPaths(diags), ElementsAre("longitude"));
  EXPECT_TRUE(state.GetAttr("longitude").IsNull());
  EXPECT_EQ(state.GetAttr("latitude"), N("47.6396"));
}

TEST_F(EmergencyAddressTest, UpdateSendsOnlyWhatDiffers) {
  client::CivicAddress current = ServiceAddress();
  EXPECT_TRUE(IsEmptyUpdate(CivicAddressUpdateRequest(current, Config("US"))));

  client::UpdateCivicAddressRequest update =
      CivicAddressUpdateRequest(current, Config("US", {{"city", S("Seattle")},
                                                       {"street_name", Value()},
                                                       {"latitude", N("47.6")},
                                                       {"elin", S("E1")}}));
  client::UpdateCivicAddressRequest expected;
  expected.city = std::string("Seattle");
  expected.street_name = client::FieldUpdate<std::string>::Clear();
  expected.latitude = std::string("47.6");
  expected.elin = std::string("E1");
  EXPECT_EQ(update, expected);
}

TEST_F(EmergencyAddressTest, ImportStateCarriesTheId) {
  framework::ImportRequest req;
  req.id = "addr-9";
  framework::ImportResponse resp;
  resource_.ImportState(req, resp);
  ASSERT_FALSE(resp.diagnostics.HasError());
  EXPECT_EQ(resp.state, Value::Object(type_, {{"id", S("addr-9")}})) << "every other one null";
}

class EmergencyLocationTest : public ::testing::Test {
 protected:
  EmergencyLocationTest() : schema_(resource_.GetSchema()), type_(schema_.ImpliedType()) {}

  Value Config(Value elin, const std::string& description = "Floor 3",
               const std::string& address = "addr-1") {
    return Value::Object(type_, {{"civic_address_id", S(address)},
                                 {"description", S(description)},
                                 {"elin", std::move(elin)}});
  }
  Value StateFor(const Value& config) {
    return config.WithAttr("id", S("loc-1"))
        .WithAttr("country", S("US"))
        .WithAttr("is_default", Value::Bool(false));
  }
  PlanOutput Plan(const Value& prior, const Value& config) {
    Value proposed = config.WithAttr("id", prior.GetAttr("id"))
                         .WithAttr("country", prior.GetAttr("country"))
                         .WithAttr("is_default", prior.GetAttr("is_default"));
    return PlanChange(PlanInput{schema_, prior, proposed, config});
  }

  EmergencyLocationResource resource_;
  framework::Schema schema_;
  framework::Type type_;
};

TEST_F(EmergencyLocationTest, ElinSetOrChangedInPlaceClearedReplaces) {
  Value without = StateFor(Config(Value::Null(framework::Type::String())));
  Value with = StateFor(Config(S("E1")));
  EXPECT_THAT(Plan(without, Config(S("E1"))).requires_replace, IsEmpty());
  EXPECT_THAT(Plan(with, Config(S("E2"))).requires_replace, IsEmpty());
  EXPECT_THAT(Paths(Plan(with, Config(Value::Null(framework::Type::String()))).requires_replace),
              ElementsAre("elin"));
  EXPECT_THAT(Paths(Plan(with, Config(Value::Unknown(framework::Type::String()))).requires_replace),
              ElementsAre("elin"));
}

TEST_F(EmergencyLocationTest, DescriptionInPlaceAddressReplaces) {
  Value prior = StateFor(Config(S("E1")));
  PlanOutput description = Plan(prior, Config(S("E1"), "Floor 4"));
  EXPECT_THAT(description.requires_replace, IsEmpty());
  EXPECT_EQ(description.planned.GetAttr("country"), S("US"));
  EXPECT_THAT(Paths(Plan(prior, Config(S("E1"), "Floor 3", "addr-2")).requires_replace),
              ElementsAre("civic_address_id"));
}

TEST_F(EmergencyLocationTest, AddressIdComparesCaseInsensitively) {
  Value prior = StateFor(Config(S("E1"), "Floor 3", "abc-def"));
  PlanOutput out = Plan(prior, Config(S("E1"), "Floor 3", "ABC-DEF"));
  EXPECT_THAT(out.requires_replace, IsEmpty());
  EXPECT_EQ(out.planned, prior);

  client::EmergencyLocation location;
  location.id = "loc-1";
  location.civic_address_id = "abc-def";
  location.description = "Floor 3";
  location.elin = "E1";
  location.country_or_region = "US";
  Value state = EmergencyLocationState(location, Config(S("E1"), "Floor 3", "ABC-DEF"), type_);
  EXPECT_EQ(state.GetAttr("civic_address_id"), S("ABC-DEF"));
  EXPECT_EQ(state.GetAttr("is_default"), Value::Bool(false));
  EXPECT_EQ(state.GetAttr("country"), S("US"));
}

TEST_F(EmergencyLocationTest, UpdateSendsOnlyWhatDiffers) {
  client::EmergencyLocation current;
  current.id = "loc-1";
  current.civic_address_id = "addr-1";
  current.description = "Floor 3";
  EXPECT_EQ(EmergencyLocationUpdateRequest(current, Config(Value::Null(framework::Type::String()))),
            client::UpdateLocationRequest{});
  client::UpdateLocationRequest update =
      EmergencyLocationUpdateRequest(current, Config(S("E9"), "Floor 4"));
  EXPECT_EQ(update.description, "Floor 4");
  EXPECT_EQ(update.elin, "E9");
}

TEST(EmergencyDataSourcesTest, SchemasListTheResourceAttributes) {
  framework::Schema addresses = EmergencyAddressesDataSource().GetSchema();
  const framework::Attribute* list = addresses.block.FindAttribute("addresses");
  ASSERT_NE(list, nullptr);
  const framework::Type element = list->EffectiveType().element();
  EXPECT_EQ(element.attributes().at("latitude"), framework::Type::Number());
  EXPECT_EQ(element.attributes().count("default_location_id"), 1u);
  for (const char* filter : {"country", "description", "city"}) {
    ASSERT_NE(addresses.block.FindAttribute(filter), nullptr) << filter;
    EXPECT_TRUE(addresses.block.FindAttribute(filter)->optional) << filter;
  }
  framework::Schema locations = EmergencyLocationsDataSource().GetSchema();
  const framework::Attribute* items = locations.block.FindAttribute("locations");
  ASSERT_NE(items, nullptr);
  EXPECT_EQ(items->EffectiveType().element().attributes().at("is_default"),
            framework::Type::Bool());
  EXPECT_NE(locations.block.FindAttribute("civic_address_id"), nullptr);
}

TEST(EmergencyAddressModelTest, MapsEverySchemaAttributeOnce) {
  testing::ExpectMappingMatchesSchema(EmergencyAddressMapping(),
                                      EmergencyAddressResource().GetSchema());
}

TEST(EmergencyAddressModelTest, EachFieldReadsAndWritesItsOwnAttribute) {
  const framework::Type type = EmergencyAddressResource().GetSchema().ImpliedType();
  // Every attribute a value of its own, so a field bound to another attribute shows.
  std::map<std::string, Value> attributes;
  for (const auto& [name, attribute_type] : type.attributes()) {
    attributes[name] = S(name + "-value");
  }
  attributes["latitude"] = N("47.60620");
  attributes["longitude"] = N("-122.1283");
  const Value state = Value::Object(type, attributes);

  const EmergencyAddressModel model = EmergencyAddressMapping().Read(state);
  EXPECT_EQ(model.id, "id-value");
  EXPECT_EQ(model.country, "country-value");
  EXPECT_EQ(model.company_name, "company_name-value");
  EXPECT_EQ(model.description, "description-value");
  EXPECT_EQ(model.company_tax_id, "company_tax_id-value");
  EXPECT_EQ(model.house_number, "house_number-value");
  EXPECT_EQ(model.house_number_suffix, "house_number_suffix-value");
  EXPECT_EQ(model.pre_directional, "pre_directional-value");
  EXPECT_EQ(model.street_name, "street_name-value");
  EXPECT_EQ(model.street_suffix, "street_suffix-value");
  EXPECT_EQ(model.post_directional, "post_directional-value");
  EXPECT_EQ(model.city, "city-value");
  EXPECT_EQ(model.city_alias, "city_alias-value");
  EXPECT_EQ(model.state_or_province, "state_or_province-value");
  EXPECT_EQ(model.postal_code, "postal_code-value");
  EXPECT_EQ(model.elin, "elin-value");
  EXPECT_EQ(model.latitude, N("47.60620"));
  EXPECT_EQ(model.longitude, N("-122.1283"));
  EXPECT_EQ(model.default_location_id, "default_location_id-value");
  EXPECT_EQ(model.validation_status, "validation_status-value");
  EXPECT_EQ(EmergencyAddressMapping().Write(model, type), state);
}

TEST(EmergencyAddressModelTest, AnUnknownCoordinateStaysUnknown) {
  const framework::Type type = EmergencyAddressResource().GetSchema().ImpliedType();
  const Value plan = Value::Object(
      type, {{"country", S("US")}, {"latitude", Value::Unknown(framework::Type::Number())}});
  const EmergencyAddressModel model = EmergencyAddressMapping().Read(plan);
  EXPECT_TRUE(model.latitude.IsUnknown()) << "ValidateConfig tells unknown from null";
  EXPECT_TRUE(model.longitude.IsNull());
}

TEST(EmergencyLocationModelTest, MapsEverySchemaAttributeOnce) {
  testing::ExpectMappingMatchesSchema(EmergencyLocationMapping(),
                                      EmergencyLocationResource().GetSchema());
}

TEST(EmergencyLocationModelTest, EachFieldReadsAndWritesItsOwnAttribute) {
  const framework::Type type = EmergencyLocationResource().GetSchema().ImpliedType();
  // Every attribute a value of its own: a round trip alone passes when two fields swap.
  std::map<std::string, Value> attributes;
  for (const auto& [name, attribute_type] : type.attributes()) {
    attributes[name] = S(name + "-value");
  }
  attributes["is_default"] = Value::Bool(true);
  const Value state = Value::Object(type, attributes);
  const EmergencyLocationModel model = EmergencyLocationMapping().Read(state);
  EXPECT_EQ(model.id, "id-value");
  EXPECT_EQ(model.civic_address_id, "civic_address_id-value");
  EXPECT_EQ(model.description, "description-value");
  EXPECT_EQ(model.elin, "elin-value");
  EXPECT_EQ(model.country, "country-value");
  EXPECT_EQ(model.is_default, true);
  EXPECT_EQ(EmergencyLocationMapping().Write(model, type), state);
}

}  // namespace
}  // namespace opc::resources
