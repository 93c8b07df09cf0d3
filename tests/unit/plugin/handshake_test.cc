#include "provider/plugin/handshake.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <string>

namespace opc::plugin {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(MagicCookie, AcceptsOnlyTheExactValue) {
  EXPECT_TRUE(HasMagicCookie(
      FixedEnvironment({{std::string(kMagicCookieKey), std::string(kMagicCookieValue)}})));
  EXPECT_FALSE(HasMagicCookie(FixedEnvironment({})));
  EXPECT_FALSE(HasMagicCookie(FixedEnvironment({{std::string(kMagicCookieKey), ""}})));
  EXPECT_FALSE(HasMagicCookie(
      FixedEnvironment({{std::string(kMagicCookieKey), std::string(kMagicCookieValue) + "x"}})));
  EXPECT_FALSE(HasMagicCookie(FixedEnvironment({{"TF_PLUGIN_MAGIC_COOKIE_X", "d602"}})));
}

TEST(MagicCookie, MessageTellsAPersonWhatToDo) {
  std::string message = NotAPluginMessage("terraform-provider-operatorconnect");
  EXPECT_THAT(message, HasSubstr("plugin"));
  EXPECT_THAT(message, HasSubstr("not meant to be executed directly"));
  EXPECT_THAT(message, HasSubstr("terraform-provider-operatorconnect"));
  EXPECT_THAT(message, HasSubstr("--debug"));
  EXPECT_EQ(message.back(), '\n');
}

TEST(ProtocolVersion, PicksSixInAnyOrder) {
  for (const char* offered : {"5,6", "6,5", "6", " 5 , 6 ", "4,6,7"}) {
    auto version =
        NegotiateProtocolVersion(FixedEnvironment({{"PLUGIN_PROTOCOL_VERSIONS", offered}}));
    ASSERT_TRUE(version.ok()) << offered << ": " << version.status();
    EXPECT_EQ(*version, 6) << offered;
  }
}

TEST(ProtocolVersion, UnsetMeansSix) {
  EXPECT_EQ(NegotiateProtocolVersion(FixedEnvironment({})).value(), 6);
  EXPECT_EQ(NegotiateProtocolVersion(FixedEnvironment({{"PLUGIN_PROTOCOL_VERSIONS", ""}})).value(),
            6);
}

TEST(ProtocolVersion, RejectsAListWithoutSix) {
  for (const char* offered : {"5", "4,5", "16", "x", "5,,"}) {
    auto version =
        NegotiateProtocolVersion(FixedEnvironment({{"PLUGIN_PROTOCOL_VERSIONS", offered}}));
    EXPECT_FALSE(version.ok()) << offered;
  }
  auto version = NegotiateProtocolVersion(FixedEnvironment({{"PLUGIN_PROTOCOL_VERSIONS", "4,5"}}));
  EXPECT_THAT(std::string(version.status().message()), HasSubstr("[4, 5]"));
}

TEST(Base64, MatchesGoRawStdEncoding) {
  EXPECT_EQ(Base64NoPadding(""), "");
  EXPECT_EQ(Base64NoPadding("f"), "Zg");
  EXPECT_EQ(Base64NoPadding("fo"), "Zm8");
  EXPECT_EQ(Base64NoPadding("foo"), "Zm9v");
  EXPECT_EQ(Base64NoPadding("foob"), "Zm9vYg");
  EXPECT_EQ(Base64NoPadding("fooba"), "Zm9vYmE");
  EXPECT_EQ(Base64NoPadding("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64NoPadding(std::string("\xff\xfe\x00\x3e", 4)), "//4APg");
}

TEST(HandshakeLine, UnixWithCertificateHasNoPadding) {
  ListenAddress address{ListenAddress::Network::kUnix, "/tmp/opc-1-abc.sock"};
  // 4 bytes of "DER" would need "==" padding in standard base64.
  std::string line = FormatHandshakeLine(6, address, std::string("\x30\x82\x01\x0a", 4));
  EXPECT_EQ(line, "1|6|unix|/tmp/opc-1-abc.sock|grpc|MIIBCg\n");
  EXPECT_EQ(line.find('='), std::string::npos);
}

TEST(HandshakeLine, PlaintextLeavesTheCertificateFieldEmpty) {
  ListenAddress address{ListenAddress::Network::kTcp, "127.0.0.1:12345"};
  EXPECT_EQ(FormatHandshakeLine(6, address, ""), "1|6|tcp|127.0.0.1:12345|grpc|\n");
}

TEST(ListenAddress, GrpcUri) {
  EXPECT_EQ((ListenAddress{ListenAddress::Network::kUnix, "/tmp/a.sock"}).GrpcUri(),
            "unix:/tmp/a.sock");
  EXPECT_EQ((ListenAddress{ListenAddress::Network::kTcp, "127.0.0.1:9"}).GrpcUri(), "127.0.0.1:9");
}

TEST(UnixSocketPath, UsesTmpdirAndStaysShort) {
  std::string path = NewUnixSocketPath(FixedEnvironment({{"TMPDIR", "/var/tmp/"}}));
  EXPECT_THAT(path, StartsWith("/var/tmp/opc-"));
  EXPECT_EQ(path.find("//"), std::string::npos);
  EXPECT_NE(path, NewUnixSocketPath(FixedEnvironment({{"TMPDIR", "/var/tmp/"}})));

  EXPECT_THAT(NewUnixSocketPath(FixedEnvironment({})), StartsWith("/tmp/opc-"));
  EXPECT_THAT(
      NewUnixSocketPath(FixedEnvironment({{"TMPDIR", "/x"}, {"PLUGIN_UNIX_SOCKET_DIR", "/y"}})),
      StartsWith("/y/opc-"));

  std::string deep = "/" + std::string(200, 'd');
  std::string fallback = NewUnixSocketPath(FixedEnvironment({{"TMPDIR", deep}}));
  EXPECT_THAT(fallback, StartsWith("/tmp/opc-"));
  EXPECT_LT(fallback.size(), sizeof(sockaddr_un{}.sun_path));
}

TEST(PortRange, DefaultsAndParsing) {
  auto defaults = PortRangeFromEnv(FixedEnvironment({}));
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->min, 10000);
  EXPECT_EQ(defaults->max, 25000);

  auto zeros =
      PortRangeFromEnv(FixedEnvironment({{"PLUGIN_MIN_PORT", "0"}, {"PLUGIN_MAX_PORT", "0"}}));
  ASSERT_TRUE(zeros.ok());
  EXPECT_EQ(zeros->min, 10000);

  auto custom = PortRangeFromEnv(
      FixedEnvironment({{"PLUGIN_MIN_PORT", "20000"}, {"PLUGIN_MAX_PORT", "20010"}}));
  ASSERT_TRUE(custom.ok());
  EXPECT_EQ(custom->min, 20000);
  EXPECT_EQ(custom->max, 20010);

  EXPECT_FALSE(PortRangeFromEnv(FixedEnvironment({{"PLUGIN_MIN_PORT", "abc"}})).ok());
  EXPECT_FALSE(PortRangeFromEnv(FixedEnvironment({{"PLUGIN_MAX_PORT", "70000"}})).ok());
  EXPECT_FALSE(
      PortRangeFromEnv(FixedEnvironment({{"PLUGIN_MIN_PORT", "300"}, {"PLUGIN_MAX_PORT", "200"}}))
          .ok());
}

}  // namespace
}  // namespace opc::plugin
