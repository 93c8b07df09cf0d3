#include "provider/common/logger.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace opc::plugin {
namespace {

using std::chrono::microseconds;
using std::chrono::seconds;
using std::chrono::system_clock;

// 2025-11-25T03:03:48.000123Z
const system_clock::time_point kFixedTime =
    system_clock::time_point(seconds(1764039828)) + microseconds(123);

struct Captured {
  std::vector<std::string> lines;
  Logger MakeLogger(LogLevel level) {
    return Logger(
        "operatorconnect", level, [this](std::string_view line) { lines.emplace_back(line); },
        [] { return kFixedTime; });
  }
};

TEST(LogTimestamp, HasExactlySixFractionalDigitsAndZ) {
  EXPECT_EQ(FormatLogTimestamp(kFixedTime), "2025-11-25T03:03:48.000123Z");
  EXPECT_EQ(FormatLogTimestamp(system_clock::time_point(seconds(1764039828))),
            "2025-11-25T03:03:48.000000Z");
  EXPECT_EQ(FormatLogTimestamp(system_clock::time_point(seconds(0)) + microseconds(999999)),
            "1970-01-01T00:00:00.999999Z");
}

TEST(Logger, WritesOneHclogJsonObjectPerLine) {
  Captured out;
  Logger log = out.MakeLogger(LogLevel::kTrace);
  log.Info("configured", {{"endpoint", "https://graph.microsoft.com"}, {"retries", 5}});
  ASSERT_EQ(out.lines.size(), 1u);
  const std::string& line = out.lines[0];
  ASSERT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  nlohmann::json parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["@level"], "info");
  EXPECT_EQ(parsed["@message"], "configured");
  EXPECT_EQ(parsed["@timestamp"], "2025-11-25T03:03:48.000123Z");
  EXPECT_EQ(parsed["@module"], "operatorconnect");
  EXPECT_EQ(parsed["endpoint"], "https://graph.microsoft.com");
  EXPECT_EQ(parsed["retries"], 5);
  EXPECT_EQ(parsed.size(), 6u);
}

TEST(Logger, MessagesWithNewlinesStayOnOneLine) {
  Captured out;
  out.MakeLogger(LogLevel::kTrace).Error("first\nsecond", {{"bad", std::string("\xff\xfe")}});
  ASSERT_EQ(out.lines.size(), 1u);
  EXPECT_EQ(out.lines[0].find('\n'), out.lines[0].size() - 1);
  EXPECT_EQ(nlohmann::json::parse(out.lines[0])["@message"], "first\nsecond");
}

TEST(Logger, ReservedKeysCannotBeOverwritten) {
  Captured out;
  out.MakeLogger(LogLevel::kTrace).Info("m", {{"@level", "error"}, {"@module", "x"}});
  nlohmann::json parsed = nlohmann::json::parse(out.lines.at(0));
  EXPECT_EQ(parsed["@level"], "info");
  EXPECT_EQ(parsed["@module"], "operatorconnect");
}

TEST(Logger, FiltersBelowTheLevel) {
  Captured out;
  Logger log = out.MakeLogger(LogLevel::kWarn);
  log.Trace("t");
  log.Debug("d");
  log.Info("i");
  log.Warn("w");
  log.Error("e");
  ASSERT_EQ(out.lines.size(), 2u);
  EXPECT_EQ(nlohmann::json::parse(out.lines[0])["@level"], "warn");
  EXPECT_EQ(nlohmann::json::parse(out.lines[1])["@level"], "error");
  EXPECT_FALSE(log.Enabled(LogLevel::kInfo));
  EXPECT_TRUE(log.Enabled(LogLevel::kError));
}

TEST(Logger, OffEmitsNothing) {
  Captured out;
  Logger log = out.MakeLogger(LogLevel::kOff);
  log.Error("e");
  log.Trace("t");
  EXPECT_TRUE(out.lines.empty());
}

TEST(Logger, NamedSharesLevelAndSink) {
  Captured out;
  Logger root = out.MakeLogger(LogLevel::kInfo);
  Logger child = root.Named("plugin");
  EXPECT_EQ(child.module(), "operatorconnect.plugin");
  child.Debug("hidden");
  root.SetLevel(LogLevel::kDebug);
  child.Debug("shown");
  ASSERT_EQ(out.lines.size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(out.lines[0])["@module"], "operatorconnect.plugin");
}

TEST(LogLevel, ParsesTerraformSpellings) {
  EXPECT_EQ(ParseLogLevel("TRACE"), LogLevel::kTrace);
  EXPECT_EQ(ParseLogLevel("json"), LogLevel::kTrace);
  EXPECT_EQ(ParseLogLevel("Debug"), LogLevel::kDebug);
  EXPECT_EQ(ParseLogLevel("info"), LogLevel::kInfo);
  EXPECT_EQ(ParseLogLevel("WARN"), LogLevel::kWarn);
  EXPECT_EQ(ParseLogLevel("error"), LogLevel::kError);
  EXPECT_EQ(ParseLogLevel("OFF"), LogLevel::kOff);
  EXPECT_EQ(ParseLogLevel("verbose"), std::nullopt);
}

TEST(LogLevel, FromEnvironmentWithTerraformsPrecedence) {
  EXPECT_EQ(LogLevelFromEnv(FixedEnvironment({})), LogLevel::kOff);
  EXPECT_EQ(LogLevelFromEnv(FixedEnvironment({{"TF_LOG", "DEBUG"}})), LogLevel::kDebug);
  EXPECT_EQ(LogLevelFromEnv(FixedEnvironment({{"TF_LOG", "DEBUG"}, {"TF_LOG_PROVIDER", "ERROR"}})),
            LogLevel::kError);
  EXPECT_EQ(LogLevelFromEnv(FixedEnvironment(
                {{"TF_LOG_PROVIDER", "ERROR"}, {"TF_LOG_PROVIDER_OPERATORCONNECT", "info"}})),
            LogLevel::kInfo);
  EXPECT_EQ(LogLevelFromEnv(FixedEnvironment({{"TF_LOG", "nonsense"}})), LogLevel::kTrace);
  EXPECT_EQ(LogLevelFromEnv(FixedEnvironment({{"TF_LOG", ""}})), LogLevel::kOff);
}

}  // namespace
}  // namespace opc::plugin
