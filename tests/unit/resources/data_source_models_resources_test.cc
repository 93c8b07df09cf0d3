// The typed models of the data sources. For each: the mapping names every schema attribute
// (nested ones too) and nothing else; and a model whose every member holds what names its own
// attribute writes each attribute with exactly that (so a member mapped to another attribute
// fails), in the schema's type, and reads back unchanged.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "provider/framework/schema.h"
#include "provider/framework/value.h"
#include "provider/resources/client_config_data_source.h"
#include "provider/resources/emergency_compliance_data_source.h"
#include "provider/resources/emergency_data_sources.h"
#include "provider/resources/operators_data_source.h"
#include "provider/resources/phone_numbers_data_source.h"
#include "provider/resources/state_model.h"
#include "tests/unit/resources/state_model_testing.h"

namespace opc::resources {
namespace {

using framework::Type;
using framework::Value;
using testing::PathNumber;

// Writes `model` in `schema`'s type, checks each attribute holds its own path and that the value
// reads back to the same model; returns the value for the caller's bool checks.
template <typename Model>
Value ExpectMembersLandInTheirAttributes(const StateMapping<Model>& mapping, const Model& model,
                                         const framework::Schema& schema) {
  const Type type = schema.ImpliedType();
  const Value written = mapping.Write(model, type);
  EXPECT_EQ(written.type(), type);
  testing::ExpectEveryAttributeHoldsItsPath(written);
  EXPECT_EQ(mapping.Write(mapping.Read(written), type), written);
  return written;
}

std::vector<std::string> One(const std::string& path) { return {path}; }

TEST(ClientConfigModelTest, MapsEverySchemaAttributeOnce) {
  testing::ExpectMappingMatchesSchema(ClientConfigMapping(), ClientConfigDataSource().GetSchema());
}

TEST(ClientConfigModelTest, EachMemberLandsInItsAttribute) {
  ClientConfigModel model;
  model.tenant_id = "tenant_id";
  model.client_id = "client_id";
  model.endpoint = "endpoint";
  model.authority_url = "authority_url";
  ExpectMembersLandInTheirAttributes(ClientConfigMapping(), model,
                                     ClientConfigDataSource().GetSchema());
}

TEST(PhoneNumbersModelTest, MapsEverySchemaAttributeOnce) {
  testing::ExpectMappingMatchesSchema(PhoneNumbersMapping(), PhoneNumbersDataSource().GetSchema());
}

TEST(PhoneNumbersModelTest, EachMemberLandsInItsAttribute) {
  PhoneNumberItemModel item;
  item.telephone_number = "numbers.telephone_number";
  item.operator_id = "numbers.operator_id";
  item.operator_name = "numbers.operator_name";
  item.number_type = "numbers.number_type";
  item.country = "numbers.country";
  item.assignment_status = "numbers.assignment_status";
  item.assignment_target_id = "numbers.assignment_target_id";
  item.assignment_category = "numbers.assignment_category";
  item.activation_state = "numbers.activation_state";
  item.location_id = "numbers.location_id";
  item.civic_address_id = "numbers.civic_address_id";
  item.capabilities = One("numbers.capabilities");
  PhoneNumbersModel model;
  model.operator_id = "operator_id";
  model.country = "country";
  model.number_type = "number_type";
  model.assignment_status = "assignment_status";
  model.capability = "capability";
  model.numbers = {item};
  ExpectMembersLandInTheirAttributes(PhoneNumbersMapping(), model,
                                     PhoneNumbersDataSource().GetSchema());
}

OperatorModel OperatorNamingItsAttributes(const std::string& prefix) {
  OperatorModel model;
  model.id = prefix + "id";
  model.display_name = prefix + "display_name";
  model.offer_details_url = prefix + "offer_details_url";
  model.offerings = {{prefix + "offerings.offer_type", One(prefix + "offerings.countries")}};
  model.countries = One(prefix + "countries");
  model.offer_types = One(prefix + "offer_types");
  return model;
}

TEST(OperatorModelsTest, MapEverySchemaAttributeOnce) {
  testing::ExpectMappingMatchesSchema(OperatorsMapping(), OperatorsDataSource().GetSchema());
  testing::ExpectMappingMatchesSchema(OperatorMapping(), OperatorDataSource().GetSchema());
}

TEST(OperatorModelsTest, EachMemberLandsInItsAttribute) {
  ExpectMembersLandInTheirAttributes(OperatorMapping(), OperatorNamingItsAttributes(""),
                                     OperatorDataSource().GetSchema());
  OperatorsModel model;
  model.country = "country";
  model.offer_type = "offer_type";
  model.operators = {OperatorNamingItsAttributes("operators.")};
  ExpectMembersLandInTheirAttributes(OperatorsMapping(), model, OperatorsDataSource().GetSchema());
}

TEST(EmergencyComplianceModelTest, MapsEverySchemaAttributeOnce) {
  testing::ExpectMappingMatchesSchema(EmergencyComplianceMapping(),
                                      EmergencyComplianceDataSource().GetSchema());
}

TEST(EmergencyComplianceModelTest, EachMemberLandsInItsAttribute) {
  EmergencyComplianceModel model;
  model.country = "country";
  model.operator_id = "operator_id";
  model.assigned_number_count = PathNumber("assigned_number_count");
  model.numbers_without_location = One("numbers_without_location");
  model.numbers_without_location_count = PathNumber("numbers_without_location_count");
  model.numbers_with_foreign_location = {{"numbers_with_foreign_location.telephone_number",
                                          "numbers_with_foreign_location.country",
                                          "numbers_with_foreign_location.location_id",
                                          "numbers_with_foreign_location.location_country"}};
  model.numbers_with_foreign_location_count = PathNumber("numbers_with_foreign_location_count");
  model.countries_without_address = One("countries_without_address");
  model.countries_without_address_count = PathNumber("countries_without_address_count");
  model.consented_countries_without_address = One("consented_countries_without_address");
  model.consented_countries_without_address_count =
      PathNumber("consented_countries_without_address_count");
  model.unused_addresses = {
      {"unused_addresses.id", "unused_addresses.description", "unused_addresses.country"}};
  model.unused_addresses_count = PathNumber("unused_addresses_count");
  model.compliant = true;
  model.summary = "summary";
  const Value written = ExpectMembersLandInTheirAttributes(
      EmergencyComplianceMapping(), model, EmergencyComplianceDataSource().GetSchema());
  EXPECT_EQ(written.GetAttr("compliant"), Value::Bool(true));
}

TEST(EmergencyLocationsModelTest, MapsEverySchemaAttributeOnce) {
  testing::ExpectMappingMatchesSchema(EmergencyLocationsMapping(),
                                      EmergencyLocationsDataSource().GetSchema());
}

TEST(EmergencyLocationsModelTest, EachMemberLandsInItsAttribute) {
  EmergencyLocationModel location;
  location.id = "locations.id";
  location.civic_address_id = "locations.civic_address_id";
  location.description = "locations.description";
  location.elin = "locations.elin";
  location.country = "locations.country";
  location.is_default = true;
  EmergencyLocationsModel model;
  model.civic_address_id = "civic_address_id";
  model.description = "description";
  model.locations = {location};
  const Value written = ExpectMembersLandInTheirAttributes(
      EmergencyLocationsMapping(), model, EmergencyLocationsDataSource().GetSchema());
  EXPECT_EQ(written.GetAttr("locations").Elements().at(0).GetAttr("is_default"), Value::Bool(true));
}

TEST(EmergencyAddressesModelTest, MapsEverySchemaAttributeOnce) {
  testing::ExpectMappingMatchesSchema(EmergencyAddressesMapping(),
                                      EmergencyAddressesDataSource().GetSchema());
}

TEST(EmergencyAddressesModelTest, EachMemberLandsInItsAttribute) {
  const framework::Schema schema = EmergencyAddressesDataSource().GetSchema();
  EmergencyAddressesModel model;
  model.country = "country";
  model.description = "description";
  model.city = "city";
  EmergencyAddressModel address;
  address.id = "addresses.id";
  address.country = "addresses.country";
  address.company_name = "addresses.company_name";
  address.description = "addresses.description";
  address.company_tax_id = "addresses.company_tax_id";
  address.house_number = "addresses.house_number";
  address.house_number_suffix = "addresses.house_number_suffix";
  address.pre_directional = "addresses.pre_directional";
  address.street_name = "addresses.street_name";
  address.street_suffix = "addresses.street_suffix";
  address.post_directional = "addresses.post_directional";
  address.city = "addresses.city";
  address.city_alias = "addresses.city_alias";
  address.state_or_province = "addresses.state_or_province";
  address.postal_code = "addresses.postal_code";
  address.elin = "addresses.elin";
  address.latitude = Value::Int(PathNumber("addresses.latitude"));
  address.longitude = Value::Int(PathNumber("addresses.longitude"));
  address.default_location_id = "addresses.default_location_id";
  address.validation_status = "addresses.validation_status";
  model.addresses = {address};
  ExpectMembersLandInTheirAttributes(EmergencyAddressesMapping(), model, schema);
}

}  // namespace
}  // namespace opc::resources
