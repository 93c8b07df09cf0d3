// ProviderServer: ReadResource.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/framework/server_test_fixture.h"

namespace opc::framework::server_testing {
namespace {

TEST_F(ServerTest, ReadOfAVanishedObjectIsNull) {
  Configure();
  Value state = CreateThing("gone");
  tenant_->things.clear();
  auto read = server_.ReadResource("fake_thing", state, "");
  ASSERT_FALSE(read.diagnostics.HasError()) << Describe(read.diagnostics);
  EXPECT_EQ(read.new_state, Value::Null(type_));
}

}  // namespace
}  // namespace opc::framework::server_testing
