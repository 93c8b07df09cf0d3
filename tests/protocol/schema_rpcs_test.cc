// GetProviderSchema, GetMetadata, identity schemas, functions, ephemeral resources, moves.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "service_fixture.h"

namespace opc::protocol_test {
namespace {

using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class SchemaRpcsTest : public ServiceFixture {
 protected:
  void SetUp() override { ServeTestProvider(); }
};

const tfplugin6::Schema::Attribute* FindAttr(const tfplugin6::Schema& schema,
                                             const std::string& name) {
  for (const auto& attr : schema.block().attributes()) {
    if (attr.name() == name) {
      return &attr;
    }
  }
  return nullptr;
}

TEST_F(SchemaRpcsTest, ProviderSchemaDescribesEverything) {
  auto response =
      Call(&tfplugin6::Provider::Stub::GetProviderSchema, tfplugin6::GetProviderSchema::Request());
  EXPECT_EQ(response.diagnostics_size(), 0) << Describe(response.diagnostics());

  ASSERT_TRUE(response.has_provider());
  ASSERT_NE(FindAttr(response.provider(), "region"), nullptr);
  EXPECT_FALSE(response.has_provider_meta());  // an empty one would crash Terraform

  ASSERT_EQ(response.resource_schemas_size(), 1);
  const tfplugin6::Schema& thing = response.resource_schemas().at("test_thing");
  EXPECT_EQ(thing.version(), 0);
  EXPECT_EQ(thing.block().description(), "A thing kept in memory.");
  EXPECT_EQ(thing.block().description_kind(), tfplugin6::MARKDOWN);
  ASSERT_EQ(thing.block().attributes_size(), 5);

  const auto* id = FindAttr(thing, "id");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->type(), "\"string\"");
  EXPECT_TRUE(id->computed());
  EXPECT_FALSE(id->optional());
  EXPECT_FALSE(id->required());
  EXPECT_EQ(id->description_kind(), tfplugin6::MARKDOWN);
  EXPECT_EQ(id->description(), "Identifier.");

  const auto* name = FindAttr(thing, "name");
  ASSERT_NE(name, nullptr);
  EXPECT_TRUE(name->required());
  EXPECT_FALSE(name->computed());

  const auto* size = FindAttr(thing, "size");
  ASSERT_NE(size, nullptr);
  EXPECT_EQ(size->type(), "\"number\"");
  EXPECT_TRUE(size->optional());

  const auto* tags = FindAttr(thing, "tags");
  ASSERT_NE(tags, nullptr);
  EXPECT_EQ(nlohmann::json::parse(tags->type()), nlohmann::json::parse(R"(["map","string"])"));

  const auto* secret = FindAttr(thing, "secret");
  ASSERT_NE(secret, nullptr);
  EXPECT_TRUE(secret->sensitive());
  EXPECT_FALSE(name->sensitive());

  ASSERT_EQ(response.data_source_schemas_size(), 1);
  const tfplugin6::Schema& info = response.data_source_schemas().at("test_info");
  ASSERT_NE(FindAttr(info, "greeting"), nullptr);
  EXPECT_TRUE(FindAttr(info, "greeting")->computed());

  ASSERT_TRUE(response.has_server_capabilities());
  EXPECT_TRUE(response.server_capabilities().plan_destroy());
  EXPECT_FALSE(response.server_capabilities().get_provider_schema_optional());
  EXPECT_FALSE(response.server_capabilities().move_resource_state());
  EXPECT_EQ(response.functions_size(), 0);
  EXPECT_EQ(response.ephemeral_resource_schemas_size(), 0);
}

TEST_F(SchemaRpcsTest, MetadataListsTypes) {
  auto response =
      Call(&tfplugin6::Provider::Stub::GetMetadata, tfplugin6::GetMetadataMsg::Request());
  EXPECT_EQ(response.diagnostics_size(), 0);
  ASSERT_EQ(response.resources_size(), 1);
  EXPECT_EQ(response.resources(0).type_name(), "test_thing");
  ASSERT_EQ(response.data_sources_size(), 1);
  EXPECT_EQ(response.data_sources(0).type_name(), "test_info");
  EXPECT_TRUE(response.server_capabilities().plan_destroy());
}

TEST_F(SchemaRpcsTest, NoIdentitiesFunctionsOrEphemeralResources) {
  auto identities = Call(&tfplugin6::Provider::Stub::GetResourceIdentitySchemas,
                         tfplugin6::GetResourceIdentitySchemas::Request());
  EXPECT_EQ(identities.identity_schemas_size(), 0);
  EXPECT_EQ(identities.diagnostics_size(), 0);

  auto functions =
      Call(&tfplugin6::Provider::Stub::GetFunctions, tfplugin6::GetFunctions::Request());
  EXPECT_EQ(functions.functions_size(), 0);
  EXPECT_EQ(functions.diagnostics_size(), 0);

  tfplugin6::CallFunction::Request call;
  call.set_name("nope");
  auto called = Call(&tfplugin6::Provider::Stub::CallFunction, call);
  EXPECT_THAT(called.error().text(), HasSubstr("nope"));

  tfplugin6::ValidateEphemeralResourceConfig::Request ephemeral;
  ephemeral.set_type_name("test_token");
  auto validated = Call(&tfplugin6::Provider::Stub::ValidateEphemeralResourceConfig, ephemeral);
  EXPECT_TRUE(HasError(validated.diagnostics()));
  EXPECT_THAT(validated.diagnostics(0).detail(), HasSubstr("test_token"));

  tfplugin6::OpenEphemeralResource::Request open;
  open.set_type_name("test_token");
  EXPECT_TRUE(
      HasError(Call(&tfplugin6::Provider::Stub::OpenEphemeralResource, open).diagnostics()));
  tfplugin6::RenewEphemeralResource::Request renew;
  EXPECT_TRUE(
      HasError(Call(&tfplugin6::Provider::Stub::RenewEphemeralResource, renew).diagnostics()));
  tfplugin6::CloseEphemeralResource::Request close;
  EXPECT_TRUE(
      HasError(Call(&tfplugin6::Provider::Stub::CloseEphemeralResource, close).diagnostics()));
}

TEST_F(SchemaRpcsTest, MoveAndIdentityUpgradeAreRefusedWithADiagnostic) {
  tfplugin6::MoveResourceState::Request move;
  move.set_source_type_name("other_thing");
  move.set_target_type_name("test_thing");
  auto moved = Call(&tfplugin6::Provider::Stub::MoveResourceState, move);
  ASSERT_TRUE(HasError(moved.diagnostics()));
  EXPECT_THAT(moved.diagnostics(0).detail(), HasSubstr("other_thing"));
  EXPECT_FALSE(moved.has_target_state());

  tfplugin6::UpgradeResourceIdentity::Request identity;
  identity.set_type_name("test_thing");
  EXPECT_TRUE(
      HasError(Call(&tfplugin6::Provider::Stub::UpgradeResourceIdentity, identity).diagnostics()));
}

}  // namespace
}  // namespace opc::protocol_test
