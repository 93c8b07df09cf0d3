// The real terraform and provider against an endpoint that answers with hostile or broken
// responses (issue 15): a small server on loopback serves the token endpoint and the Graph
// paths. Whatever it sends, the provider must end with a clear diagnostic (no crash, no
// hang, bounded memory) and never print the token. Each test reports the provider's peak
// memory (VmHWM, sampled from /proc) and the command's time.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "harness/child_process.h"
#include "harness/e2e_fixture.h"
#include "harness/output_text.h"
#include "harness/terraform_runner.h"

namespace opc::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kTenant[] = "00000000-0000-0000-0000-0000000000aa";
constexpr char kClient[] = "00000000-0000-0000-0000-0000000000bb";
constexpr char kSecret[] = "e2e-hostile-s3cret";
constexpr char kToken[] = "hostile-access-token-0123456789";

// Serves POST /{tenant}/oauth2/v2.0/token and every GET with the handlers a test sets.
class HostileServer {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  HostileServer() {
    token_ = [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          nlohmann::json({{"token_type", "Bearer"}, {"expires_in", 3600}, {"access_token", kToken}})
              .dump(),
          "application/json");
    };
    server_.Post(R"(/[^/]+/oauth2/v2\.0/token)",
                 [this](const httplib::Request& req, httplib::Response& res) {
                   Record(req);
                   Handler handler = Get(token_);
                   handler(req, res);
                 });
    server_.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      Record(req);
      Handler handler = Get(graph_);
      if (handler) {
        handler(req, res);
      } else {
        res.set_content(R"({"value":[]})", "application/json");
      }
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  ~HostileServer() {
    server_.stop();
    thread_.join();
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  void OnToken(Handler handler) { Set(token_, std::move(handler)); }
  void OnGraph(Handler handler) { Set(graph_, std::move(handler)); }
  int requests() const { return requests_; }
  bool saw_header(const std::string& name) const {
    std::lock_guard lock(mu_);
    return seen_headers_.count(name) > 0;
  }

 private:
  void Record(const httplib::Request& req) {
    ++requests_;
    std::lock_guard lock(mu_);
    for (const auto& [name, value] : req.headers) {
      seen_headers_[name] = value;
    }
  }
  Handler Get(const Handler& handler) const {
    std::lock_guard lock(mu_);
    return handler;
  }
  void Set(Handler& slot, Handler handler) {
    std::lock_guard lock(mu_);
    slot = std::move(handler);
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mu_;
  Handler token_;
  Handler graph_;
  std::map<std::string, std::string> seen_headers_;
  std::atomic<int> requests_{0};
};

// The largest VmHWM (peak resident memory) of any provider process of `tf`, sampled every
// 20 ms while a command runs.
class PeakMemorySampler {
 public:
  explicit PeakMemorySampler(const TerraformRunner& tf)
      : thread_([this, &tf] {
          while (!stop_) {
            for (pid_t pid : tf.ProviderProcesses()) {
              std::ifstream status("/proc/" + std::to_string(pid) + "/status");
              std::string line;
              while (std::getline(status, line)) {
                if (line.rfind("VmHWM:", 0) == 0) {
                  peak_kib_ = std::max<long>(peak_kib_, std::stol(line.substr(6)));
                }
              }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
          }
        }) {}
  ~PeakMemorySampler() { Stop(); }
  long Stop() {
    stop_ = true;
    if (thread_.joinable()) {
      thread_.join();
    }
    return peak_kib_;
  }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<long> peak_kib_{0};
  std::thread thread_;
};

class HostileEndpointE2ETest : public TerraformTest {
 protected:
  void SetUp() override {
    tf_.WriteConfig(std::string("provider \"operatorconnect\" {\n") + "  tenant_id     = \"" +
                    kTenant + "\"\n" +                                 //
                    "  client_id     = \"" + kClient + "\"\n" +        //
                    "  client_secret = \"" + kSecret + "\"\n" +        //
                    "  endpoint      = \"" + server_.url() + "\"\n" +  //
                    "  authority_url = \"" + server_.url() + "\"\n" +  //
                    "  max_retries   = 0\n" + ExtraSettings() + "}\n\n" +
                    "data \"operatorconnect_operators\" \"all\" {}\n");
    ProcessResult init = tf_.Init();
    ASSERT_EQ(init.exit_code, 0) << Describe(init);
  }
  virtual std::string ExtraSettings() const { return ""; }

  // `terraform plan`, with the provider's peak memory and the time reported as properties.
  ProcessResult PlanMeasured() {
    PeakMemorySampler sampler(tf_);
    const auto start = std::chrono::steady_clock::now();
    ProcessResult plan = tf_.Plan();
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    peak_kib_ = sampler.Stop();
    RecordProperty("provider_peak_rss_kib", std::to_string(peak_kib_));
    RecordProperty("plan_ms", std::to_string(elapsed.count()));
    std::printf("[ measured ] provider peak RSS %ld KiB, terraform plan %lld ms, %d requests\n",
                peak_kib_, static_cast<long long>(elapsed.count()), server_.requests());
    // Whatever the endpoint did, the provider answered: no crash, no token in the output.
    EXPECT_THAT(plan.stderr_text, Not(HasSubstr("Plugin did not respond")));
    EXPECT_THAT(plan.stderr_text, Not(HasSubstr("invalid UTF-8")));
    EXPECT_THAT(plan.stderr_text, Not(HasSubstr("runtime error")));  // UBSan
    EXPECT_THAT(plan.stderr_text, Not(HasSubstr("AddressSanitizer")));
    // Without any whitespace: a wrapped line must not hide a token.
    std::string output = plan.stdout_text + plan.stderr_text;
    std::erase_if(output, [](char c) { return c == ' ' || c == '\n' || c == '\t'; });
    EXPECT_THAT(output, Not(HasSubstr(kToken)));
    EXPECT_THAT(output, Not(HasSubstr(kSecret)));
    return plan;
  }

  HostileServer server_;
  long peak_kib_ = 0;
};

TEST_F(HostileEndpointE2ETest, NextLinkNestedOneHundredThousandDeep) {
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  server_.OnGraph([&](const httplib::Request&, httplib::Response& res) {
    res.set_content("{\"value\":[],\"@odata.nextLink\":" + deep + "}", "application/json");
  });
  ProcessResult plan = PlanMeasured();
  EXPECT_EQ(plan.exit_code, 1) << Describe(plan);
  EXPECT_THAT(Flat(plan.stderr_text), HasSubstr("deeper than 64 levels"));
}

TEST_F(HostileEndpointE2ETest, EndlessDistinctPagesStopAtTheBudget) {
  server_.OnGraph([&](const httplib::Request&, httplib::Response& res) {
    nlohmann::json page = {{"value", nlohmann::json::array()}};
    for (int i = 0; i < 100; ++i) {
      page["value"].push_back({{"id", "op-" + std::to_string(i)}, {"displayName", "x"}});
    }
    page["@odata.nextLink"] =
        server_.url() + "/beta/operators?page=" + std::to_string(server_.requests());
    res.set_content(page.dump(), "application/json");
  });
  ProcessResult plan = PlanMeasured();
  EXPECT_EQ(plan.exit_code, 1) << Describe(plan);
  // 1000 pages of 100 items reach both budgets: the page budget is checked first.
  EXPECT_THAT(Flat(plan.stderr_text), HasSubstr("more than 1000 pages"));
  EXPECT_LE(server_.requests(), 1001 + 2);
  EXPECT_LT(peak_kib_, 512 * 1024) << "KiB";
}

TEST_F(HostileEndpointE2ETest, OneHugePageOfTinyItems) {
  // 48 MiB, under the 64 MiB response cap: 16 million "{}" items.
  std::string body = "{\"value\":[";
  body.reserve(48 << 20);
  for (int i = 0; i < 16'000'000; ++i) {
    body += "{},";
  }
  body += "{}]}";
  server_.OnGraph([&](const httplib::Request& req, httplib::Response& res) {
    // The provider first checks that the endpoint serves the catalog ($top=1, one probe per
    // run; its own value cap refuses this body too): answer it plainly so that the listing
    // itself meets the huge page and its item budget.
    if (req.get_param_value("$top") == "1") {
      res.set_content("{\"value\":[]}", "application/json");
      return;
    }
    res.set_content(body, "application/json");
  });
  ProcessResult plan = PlanMeasured();
  EXPECT_EQ(plan.exit_code, 1) << Describe(plan);
  EXPECT_THAT(Flat(plan.stderr_text), HasSubstr("more than 100000 items"));
  // Was 4.2 GiB: now the 48 MiB body plus at most 100,001 parsed items.
  EXPECT_LT(peak_kib_, 1024 * 1024) << "KiB";
}

TEST_F(HostileEndpointE2ETest, AccessTokenWithAnInjectedHeaderIsNeverSent) {
  server_.OnToken([](const httplib::Request&, httplib::Response& res) {
    res.set_content(nlohmann::json({{"token_type", "Bearer"},
                                    {"access_token", std::string(kToken) + "\r\nX-Injected: yes"}})
                        .dump(),
                    "application/json");
  });
  ProcessResult plan = PlanMeasured();
  EXPECT_EQ(plan.exit_code, 1) << Describe(plan);
  EXPECT_THAT(Flat(plan.stderr_text), HasSubstr("a control character"));
  EXPECT_FALSE(server_.saw_header("X-Injected"));
}

TEST_F(HostileEndpointE2ETest, HugeAccessTokenGetsAClearDiagnostic) {
  server_.OnToken([](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        nlohmann::json({{"token_type", "Bearer"}, {"access_token", std::string(1 << 20, 'A')}})
            .dump(),
        "application/json");
  });
  ProcessResult plan = PlanMeasured();
  EXPECT_EQ(plan.exit_code, 1) << Describe(plan);
  EXPECT_THAT(Flat(plan.stderr_text), HasSubstr("1048576 bytes long"));
  EXPECT_THAT(plan.stderr_text, Not(HasSubstr("Out of memory")));
}

TEST_F(HostileEndpointE2ETest, HugeExpiresInIsClamped) {
  // Under the sanitizer build, the old overflow was a UBSan report that killed the provider.
  server_.OnToken([](const httplib::Request&, httplib::Response& res) {
    res.set_content(nlohmann::json({{"token_type", "Bearer"},
                                    {"expires_in", 9223372036854775807LL},
                                    {"access_token", kToken}})
                        .dump(),
                    "application/json");
  });
  ProcessResult plan = PlanMeasured();
  EXPECT_EQ(plan.exit_code, 0) << Describe(plan);
}

TEST_F(HostileEndpointE2ETest, EchoedTokenNeverReachesTheDiagnostic) {
  int calls = 0;
  server_.OnGraph([&](const httplib::Request&, httplib::Response& res) {
    if (++calls == 1) {
      // A page whose nextLink carries the token, served twice.
      res.set_content(nlohmann::json({{"value", nlohmann::json::array()},
                                      {"@odata.nextLink",
                                       server_.url() + "/beta/operators?$skiptoken=" + kToken}})
                          .dump(),
                      "application/json");
      return;
    }
    res.set_content(nlohmann::json({{"value", nlohmann::json::array()},
                                    {"@odata.nextLink",
                                     server_.url() + "/beta/operators?$skiptoken=" + kToken}})
                        .dump(),
                    "application/json");
  });
  ProcessResult plan = PlanMeasured();
  EXPECT_EQ(plan.exit_code, 1) << Describe(plan);
  EXPECT_THAT(Flat(plan.stderr_text), HasSubstr("same @odata.nextLink twice"));
}

TEST_F(HostileEndpointE2ETest, EchoedRequestIdNeverReachesTheDiagnostic) {
  server_.OnGraph([&](const httplib::Request&, httplib::Response& res) {
    res.set_header("request-id", kToken);
    res.set_content("this is not JSON", "application/json");
  });
  ProcessResult plan = PlanMeasured();
  EXPECT_EQ(plan.exit_code, 1) << Describe(plan);
  EXPECT_THAT(Flat(plan.stderr_text), HasSubstr("is not valid JSON"));
  EXPECT_THAT(Flat(plan.stderr_text), HasSubstr("[REDACTED]"));
}

TEST_F(HostileEndpointE2ETest, InvalidUtf8InAnErrorBodyStillShowsTheError) {
  server_.OnGraph([&](const httplib::Request&, httplib::Response& res) {
    res.status = 400;
    res.set_content(std::string(298, 'x') + "\xE2\x82\xAC\xE2\x82\xAC \xff\xfe", "text/plain");
  });
  ProcessResult plan = PlanMeasured();
  EXPECT_EQ(plan.exit_code, 1) << Describe(plan);
  EXPECT_THAT(Flat(plan.stderr_text), HasSubstr("Bad Request (400)"));
}

TEST_F(HostileEndpointE2ETest, CtrlCStopsAHangingReadWithinSeconds) {
  // Shared with the server's thread, which may still be in the handler when the test ends.
  auto release = std::make_shared<std::atomic<bool>>(false);
  auto hanging = std::make_shared<std::atomic<int>>(0);
  struct Releaser {
    std::shared_ptr<std::atomic<bool>> flag;
    ~Releaser() { *flag = true; }
  } releaser{release};
  server_.OnGraph([release, hanging](const httplib::Request&, httplib::Response& res) {
    ++*hanging;
    // Says nothing until the test ends (the request timeout is a minute).
    for (int i = 0; i < 600 && !*release; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    res.set_content(R"({"value":[]})", "application/json");
  });
  ChildProcess::Options options;
  options.argv = {tf_.binary(), "plan", "-input=false", "-no-color"};
  options.env = tf_.BaseEnvironment();
  options.cwd = tf_.work_dir();
  std::string error;
  auto plan = ChildProcess::Start(options, &error);
  ASSERT_NE(plan, nullptr) << error;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (*hanging == 0 && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_GT(*hanging, 0) << "the provider never reached the hanging endpoint";
  const auto interrupted = std::chrono::steady_clock::now();
  plan->Signal(SIGINT);
  ProcessResult result = plan->Wait(std::chrono::seconds(30));
  const auto stop_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - interrupted)
                           .count();
  *release = true;
  RecordProperty("sigint_to_exit_ms", std::to_string(stop_ms));
  std::printf("[ measured ] SIGINT to terraform exit: %lld ms\n", static_cast<long long>(stop_ms));
  EXPECT_FALSE(result.timed_out);
  EXPECT_NE(result.exit_code, 0) << Describe(result);
  EXPECT_THAT(Flat(result.stderr_text), HasSubstr("cancelled"));
  // Terraform's own shutdown takes part of it; the provider's part is at most about a second.
  EXPECT_LT(stop_ms, 5000);
}

}  // namespace
}  // namespace opc::e2e
