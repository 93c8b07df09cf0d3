// A re-export replaces what an earlier export wrote and nothing else.
#include "provider/export/output_directory.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace opc::exporter {
namespace {

class OutputDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "opc-export-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Read(const std::string& name) const {
    std::ifstream in(dir_ / name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  void Write(const std::string& name, const std::string& contents) const {
    std::ofstream(dir_ / name) << contents;
  }
  static GeneratedFile Generated(const std::string& name, const std::string& body) {
    return {name, std::string(kGeneratedMarker) + "\n" + body};
  }

  std::filesystem::path dir_;
};

TEST_F(OutputDirectoryTest, CreatesTheDirectoryAndWritesEveryFile) {
  const std::filesystem::path nested = dir_ / "a" / "b";
  ASSERT_TRUE(WriteOutputDirectory(nested, {Generated("x.tf", "x\n")}).ok());
  EXPECT_TRUE(std::filesystem::exists(nested / "x.tf"));
  EXPECT_FALSE(std::filesystem::exists(nested / "x.tf.partial"));
}

TEST_F(OutputDirectoryTest, ReplacesEarlierExportsAndKeepsEverythingElse) {
  Write("backend.tf", "terraform {}\n");
  Write("notes.txt", "mine\n");
  ASSERT_TRUE(WriteOutputDirectory(
                  dir_, {Generated("numbers_fr.tf", "fr\n"), Generated("numbers_gb.tf", "gb\n")})
                  .ok());
  // The next export has no FR numbers left.
  ASSERT_TRUE(WriteOutputDirectory(dir_, {Generated("numbers_gb.tf", "gb 2\n")}).ok());
  EXPECT_FALSE(std::filesystem::exists(dir_ / "numbers_fr.tf"));
  EXPECT_EQ(Read("numbers_gb.tf"), std::string(kGeneratedMarker) + "\ngb 2\n");
  EXPECT_EQ(Read("backend.tf"), "terraform {}\n");
  EXPECT_EQ(Read("notes.txt"), "mine\n");
}

TEST_F(OutputDirectoryTest, RefusesToOverwriteAFileItDidNotWrite) {
  Write("operators.tf", "# my own operators\n");
  absl::Status status = WriteOutputDirectory(dir_, {Generated("operators.tf", "x\n")});
  EXPECT_TRUE(absl::IsAlreadyExists(status)) << status;
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("operators.tf"));
  EXPECT_EQ(Read("operators.tf"), "# my own operators\n");
}

}  // namespace
}  // namespace opc::exporter
