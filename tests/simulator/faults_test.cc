// Fault injection: 429/503 with Retry-After, latency, dropped connections; seeded and per route.

#include <chrono>

#include "tests/simulator/sim_test_support.h"

namespace opcsim::testing {
namespace {

class FaultsTest : public SimTest {
 protected:
  std::string AddFault(const nlohmann::json& rule) {
    Reply reply = client_->AdminPost("/_sim/faults", rule);
    EXPECT_EQ(reply.status, 201) << reply.body.dump();
    return reply.status == 201 ? reply.body["id"].get<std::string>() : "";
  }
  // The statuses of `n` GETs of the operator catalog.
  std::vector<int> Statuses(int n) {
    std::vector<int> out;
    for (int i = 0; i < n; ++i) {
      out.push_back(client_->Get(kOperatorsPath).status);
    }
    return out;
  }
};

TEST_F(FaultsTest, ThrottlesWithRetryAfterForACount) {
  AddFault({{"method", "get"},
            {"pathPattern", "/operatorConnect/operators$"},
            {"kind", "throttle"},
            {"retryAfterSeconds", 7},
            {"count", 2}});
  Reply throttled = client_->Get(kOperatorsPath);
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.Header("Retry-After"), "7");
  EXPECT_EQ(throttled.ErrorCode(), "TooManyRequests");
  EXPECT_FALSE(throttled.Header("request-id").empty());
  EXPECT_EQ(Statuses(3), (std::vector<int>{429, 200, 200}));
  // Other routes and methods are untouched.
  EXPECT_EQ(client_->Get(kNumbersPath).status, 200);
  Reply rules = client_->AdminGet("/_sim/faults");
  EXPECT_EQ(rules.body["value"][0]["fired"], 2);
}

TEST_F(FaultsTest, UnavailableAppliesToTheTokenEndpointToo) {
  const std::string id = AddFault({{"pathPattern", "oauth2"}, {"kind", "unavailable"}});
  Reply token = client_->RequestToken(kTenantId, kClientId, kClientSecret);
  EXPECT_EQ(token.status, 503);
  EXPECT_EQ(token.Header("Retry-After"), "1");
  EXPECT_EQ(token.body["error"], "temporarily_unavailable");  // the identity platform's format
  EXPECT_EQ(client_->AdminDelete("/_sim/faults/" + id).status, 204);
  EXPECT_EQ(client_->RequestToken(kTenantId, kClientId, kClientSecret).status, 200);
  EXPECT_EQ(client_->AdminDelete("/_sim/faults/" + id).status, 404);
}

TEST_F(FaultsTest, AddsLatency) {
  AddFault({{"pathPattern", "operators"}, {"kind", "latency"}, {"latencyMs", 300}, {"count", 1}});
  // On the tests' frozen clock the injected delay moves simulated time instead of sleeping.
  const SimMillis start = server_->clock().Now();
  EXPECT_EQ(client_->Get(kOperatorsPath).status, 200);
  EXPECT_EQ(server_->clock().Now() - start, 300);
  EXPECT_EQ(client_->Get(kOperatorsPath).status, 200);  // count 1: spent
  EXPECT_EQ(server_->clock().Now() - start, 300);
}

TEST_F(FaultsTest, DropsTheConnectionWithoutAResponse) {
  AddFault({{"method", "POST"}, {"pathPattern", "assignNumber"}, {"kind", "drop"}, {"count", 1}});
  Reply dropped = client_->Post(std::string(kNumbersPath) + "/assignNumber",
                                {{"telephoneNumber", "+441632960001"},
                                 {"assignmentTargetId", kAlice},
                                 {"numberType", "operatorConnect"}});
  EXPECT_EQ(dropped.status, 0);  // transport error, no HTTP status
  // The server is fine afterwards and the dropped request had no effect.
  Reply next = client_->Post(std::string(kNumbersPath) + "/assignNumber",
                             {{"telephoneNumber", "+441632960001"},
                              {"assignmentTargetId", kAlice},
                              {"numberType", "operatorConnect"}});
  EXPECT_EQ(next.status, 202);
}

TEST_F(FaultsTest, ProbabilisticFaultsAreReproducibleFromTheSeed) {
  auto run = [&](int64_t seed) {
    client_->AdminDelete("/_sim/faults");
    AddFault(
        {{"pathPattern", "operators"}, {"kind", "throttle"}, {"probability", 0.5}, {"seed", seed}});
    return Statuses(24);
  };
  const std::vector<int> first = run(42);
  EXPECT_EQ(run(42), first);
  EXPECT_NE(run(7), first);
  const auto throttled = std::count(first.begin(), first.end(), 429);
  EXPECT_GT(throttled, 2);
  EXPECT_LT(throttled, 22);
}

TEST_F(FaultsTest, RulesCanTargetOneTenantAndNeverTheAdminApi) {
  AddFault({{"kind", "throttle"}, {"tenantId", "99999999-9999-4999-8999-999999999999"}});
  EXPECT_EQ(client_->Get(kOperatorsPath).status, 200);
  AddFault({{"kind", "unavailable"}, {"tenantId", kTenantId}});
  EXPECT_EQ(client_->Get(kOperatorsPath).status, 503);
  EXPECT_EQ(client_->AdminGet("/_sim/tenants").status, 200);  // admin API never faulted
  EXPECT_EQ(client_->AdminDelete("/_sim/faults").status, 204);
  EXPECT_EQ(client_->Get(kOperatorsPath).status, 200);
}

TEST_F(FaultsTest, PathPatternsMatchInLinearTime) {
  // std::regex backtracks exponentially on this pattern and path; RE2 does not.
  AddFault({{"pathPattern", "(a+)+$"}, {"kind", "unavailable"}});
  EXPECT_EQ(client_->Get("/v1.0/" + std::string(64, 'a') + "!").status, 404);
  EXPECT_EQ(client_->Get("/v1.0/aaa").status, 503);
  // Backreferences need backtracking: refused, naming the field.
  Reply refused =
      client_->AdminPost("/_sim/faults", {{"kind", "throttle"}, {"pathPattern", "(a)\\1"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.dump().find("pathPattern"), std::string::npos) << refused.body.dump();
}

TEST_F(FaultsTest, RejectsBadRules) {
  for (const nlohmann::json& rule : std::vector<nlohmann::json>{
           {{"kind", "explode"}},
           {{"kind", "throttle"}, {"pathPattern", "("}},
           {{"kind", "throttle"}, {"probability", 2}},
           {{"kind", "latency"}, {"latencyMs", -5}},
           {{"kind", "throttle"}, {"count", 0}},
           {{"kind", "throttle"}, {"extra", true}},
       }) {
    EXPECT_EQ(client_->AdminPost("/_sim/faults", rule).status, 400) << rule.dump();
  }
}

}  // namespace
}  // namespace opcsim::testing
