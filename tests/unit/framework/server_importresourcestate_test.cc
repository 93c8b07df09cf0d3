// ProviderServer: ImportResourceState.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/framework/server_test_fixture.h"

namespace opc::framework::server_testing {
namespace {

using ::testing::HasSubstr;

TEST_F(ServerTest, ImportReadsTheRealObject) {
  Configure();
  Value state = CreateThing("imported", S("n"));
  auto imported = server_.ImportResourceState("fake_thing", "thing-1");
  ASSERT_FALSE(imported.diagnostics.HasError()) << Describe(imported.diagnostics);
  ASSERT_EQ(imported.imported.size(), 1u);
  EXPECT_EQ(imported.imported[0].type_name, "fake_thing");
  EXPECT_EQ(imported.imported[0].state, state);

  auto missing = server_.ImportResourceState("fake_thing", "thing-404");
  ASSERT_TRUE(HasSummary(missing.diagnostics, "Cannot import non-existent remote object"));
  EXPECT_THAT(missing.diagnostics.items()[0].detail, HasSubstr("\"thing-404\""));
  EXPECT_TRUE(missing.imported.empty());
}

}  // namespace
}  // namespace opc::framework::server_testing
