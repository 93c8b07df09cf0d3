#include "provider/client/redaction.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>

#include "provider/client/client_logger.h"

namespace opc::client {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(RedactCredentialPatterns, BearerTokens) {
  EXPECT_EQ(RedactCredentialPatterns("Authorization: Bearer abc.def-ghi_123=="),
            "Authorization: Bearer [REDACTED]");
  EXPECT_EQ(RedactCredentialPatterns("authorization: bearer xyz and more"),
            "authorization: bearer [REDACTED] and more");
  // Errs on the side of hiding: whatever follows the word is treated as a token.
  EXPECT_EQ(RedactCredentialPatterns("the bearer of news"), "the bearer [REDACTED] news");
  EXPECT_EQ(RedactCredentialPatterns("bearer"), "bearer");
}

TEST(RedactCredentialPatterns, FormAndQueryValues) {
  EXPECT_EQ(RedactCredentialPatterns("grant_type=client_credentials&client_secret=s3cr%2Ft&"
                                     "scope=x"),
            "grant_type=client_credentials&client_secret=[REDACTED]&scope=x");
  EXPECT_EQ(RedactCredentialPatterns("?access_token=abc"), "?access_token=[REDACTED]");
}

TEST(RedactCredentialPatterns, JsonValues) {
  EXPECT_EQ(RedactCredentialPatterns(R"({"access_token":"tok","expires_in":3599})"),
            R"({"access_token":"[REDACTED]","expires_in":3599})");
  EXPECT_EQ(RedactCredentialPatterns(R"({"client_secret" : "a\"b", "x": 1})"),
            R"({"client_secret" : "[REDACTED]", "x": 1})");
}

TEST(RedactCredentialPatterns, Jwts) {
  std::string jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
  EXPECT_EQ(RedactCredentialPatterns("token " + jwt + " end"), "token [REDACTED] end");
  // Not three parts: left alone.
  EXPECT_EQ(RedactCredentialPatterns("eyJonly"), "eyJonly");
}

TEST(RedactCredentialPatterns, LeavesOrdinaryTextAlone) {
  std::string text = "Conflict (409 NumbersAssigned): numbers +441632960001 are assigned";
  EXPECT_EQ(RedactCredentialPatterns(text), text);
}

TEST(Redactor, KnownSecretsAnywhere) {
  Redactor redactor;
  redactor.AddSecret("Sup3r-S3cret~value");
  redactor.AddRotatingSecret("opaque-token-123");
  std::string out = redactor.Redact(
      "secret Sup3r-S3cret~value in text, token opaque-token-123, again Sup3r-S3cret~value");
  EXPECT_THAT(out, Not(HasSubstr("Sup3r-S3cret~value")));
  EXPECT_THAT(out, Not(HasSubstr("opaque-token-123")));
  EXPECT_EQ(out, "secret [REDACTED] in text, token [REDACTED], again [REDACTED]");
}

TEST(Redactor, IgnoresTooShortSecrets) {
  Redactor redactor;
  redactor.AddSecret("ab");
  EXPECT_EQ(redactor.Redact("abc"), "abc");
}

TEST(Redactor, KeepsThePermanentSecretWhileTokensRotate) {
  Redactor redactor;
  redactor.AddSecret("client-secret-value");
  for (int i = 0; i < 40; ++i) {
    redactor.AddRotatingSecret("rotating-token-" + std::to_string(i));
  }
  std::string out = redactor.Redact("client-secret-value rotating-token-39 rotating-token-0");
  EXPECT_THAT(out, Not(HasSubstr("client-secret-value")));
  EXPECT_THAT(out, Not(HasSubstr("rotating-token-39")));
  // The oldest tokens are forgotten (they expired long ago).
  EXPECT_THAT(out, HasSubstr("rotating-token-0"));
}

TEST(ClientLogger, EveryLineIsRedacted) {
  auto redactor = std::make_shared<Redactor>();
  redactor->AddSecret("hunter2-secret");
  std::vector<std::string> lines;
  ClientLogger logger([&](LogLevel, std::string_view line) { lines.emplace_back(line); }, redactor);
  logger.Log(LogLevel::kInfo, "sending hunter2-secret with Bearer abcdef");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "sending [REDACTED] with Bearer [REDACTED]");
}

}  // namespace
}  // namespace opc::client
