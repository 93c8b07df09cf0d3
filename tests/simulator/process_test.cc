// The real operatorconnect-sim binary: startup line, clean exit on SIGTERM/SIGINT, persistence
// across a restart, idempotent seeding; plus concurrent requests against one server.

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "tests/simulator/sim_test_support.h"

namespace opcsim::testing {
namespace {

// The simulator as a child process, reading its first stdout line.
class SimProcess {
 public:
  SimProcess(const std::string& db, std::vector<std::string> extra = {}) {
    int out[2];
    if (pipe(out) != 0) {
      return;
    }
    std::vector<std::string> args = {OPCSIM_BINARY, "--listen",        "127.0.0.1:0", "--db",   db,
                                     "--seed",      DefaultSeedPath(), "--admin-key", kAdminKey};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      std::vector<char*> argv;
      for (std::string& arg : args) {
        argv.push_back(arg.data());
      }
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(out[1]);
    FILE* stream = fdopen(out[0], "r");
    char line[256] = {};
    if (stream != nullptr && fgets(line, sizeof(line), stream) != nullptr) {
      first_line_ = line;
    }
    if (stream != nullptr) {
      fclose(stream);
    }
    const std::string prefix = "listening on http://127.0.0.1:";
    if (first_line_.rfind(prefix, 0) == 0) {
      port_ = std::stoi(first_line_.substr(prefix.size()));
    }
  }
  ~SimProcess() {
    if (pid_ > 0 && !reaped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  // Sends `signal` and returns the exit status (or -1 on a timeout or abnormal exit).
  int StopWith(int signal) {
    kill(pid_, signal);
    for (int i = 0; i < 200; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        reaped_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return -1;
  }

  int port() const { return port_; }
  const std::string& first_line() const { return first_line_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  bool reaped_ = false;
  std::string first_line_;
};

TEST(ProcessTest, PrintsItsAddressAndExitsCleanlyOnSigterm) {
  TempDir dir;
  SimProcess sim(dir.path() + "/sim.db");
  ASSERT_GT(sim.port(), 0) << "first line: " << sim.first_line();
  EXPECT_EQ(sim.first_line(), "listening on http://127.0.0.1:" + std::to_string(sim.port()) + "\n");
  SimClient client(sim.port());
  EXPECT_EQ(ToReply(client.raw().Get("/_sim/health")).status, 200);
  EXPECT_EQ(sim.StopWith(SIGTERM), 0);
}

TEST(ProcessTest, ExitsCleanlyOnSigint) {
  TempDir dir;
  SimProcess sim(dir.path() + "/sim.db");
  ASSERT_GT(sim.port(), 0);
  EXPECT_EQ(sim.StopWith(SIGINT), 0);
}

TEST(ProcessTest, KeepsDataAcrossARestartAndSeedsIdempotently) {
  TempDir dir;
  const std::string db = dir.path() + "/sim.db";
  std::string token;
  std::string address_id;
  {
    SimProcess sim(db, {"--time-scale", "0.01"});
    ASSERT_GT(sim.port(), 0);
    SimClient client(sim.port());
    token = client.TokenFor(kTenantId, kClientId, kClientSecret);
    client.set_bearer(token);
    Reply address =
        client.Post(kAddressesPath, {{"companyName", "Persisted"}, {"countryOrRegion", "JP"}});
    ASSERT_EQ(address.status, 201);
    address_id = address.body["id"];
    ASSERT_EQ(client
                  .Post(kConsentsPath, {{"operatorId", kMeridian},
                                        {"consentedCountries", {"JP"}},
                                        {"contacts", {SimTest::ContactJson()}},
                                        {"dataTransferNoticeAccepted", true}})
                  .status,
              201);
    ASSERT_EQ(client
                  .AdminPost(std::string("/_sim/tenants/") + kTenantId + "/operators/" + kMeridian +
                                 "/numbers",
                             {{"capabilities", {"userAssignment"}}, {"numbers", {"+81312345678"}}})
                  .status,
              201);
    ASSERT_EQ(sim.StopWith(SIGTERM), 0);
  }
  SimProcess sim(db, {"--time-scale", "0.01"});
  ASSERT_GT(sim.port(), 0);
  SimClient client(sim.port());
  client.set_bearer(token);  // tokens survive the restart too
  Reply address = client.Get(std::string(kAddressesPath) + "/" + address_id);
  EXPECT_EQ(address.status, 200);
  EXPECT_EQ(address.body["companyName"], "Persisted");
  EXPECT_EQ(client.Get(std::string(kConsentsPath) + "/" + kMeridian).status, 200);
  Reply numbers = client.Get(kNumbersPath);
  ASSERT_EQ(numbers.body["value"].size(), 1u);
  EXPECT_EQ(numbers.body["value"][0]["isoCountryCode"], "JP");
  // The seed was applied again without duplicating anything.
  EXPECT_EQ(client.AdminGet("/_sim/operators").body["value"].size(), 10u);
  EXPECT_EQ(
      client.AdminGet(std::string("/_sim/tenants/") + kTenantId + "/users").body["value"].size(),
      10u);
  EXPECT_EQ(sim.StopWith(SIGTERM), 0);
}

TEST(ProcessTest, RefusesBadFlags) {
  TempDir dir;
  SimProcess sim(dir.path() + "/sim.db", {"--time-scale", "0"});
  EXPECT_EQ(sim.port(), 0);
  EXPECT_EQ(sim.StopWith(SIGTERM), 1);
}

using ConcurrencyTest = SimTest;

TEST_F(ConcurrencyTest, ServesConcurrentWritersAndReadersConsistently) {
  Consent(kBluefin, {"GB"});
  ASSERT_EQ(Upload(kBluefin, {{"capabilities", {"userAssignment"}},
                              {"supportedCustomerActions", {"locationUpdate"}},
                              {"range", {{"start", "+441632960000"}, {"count", 40}}}})
                .status,
            201);
  const std::string token = client_->TokenFor(kTenantId, kClientId, kClientSecret);
  std::atomic<int> failures = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      SimClient client(server_->port());
      client.set_bearer(token);
      for (int i = 0; i < 5; ++i) {
        Reply address = client.Post(
            kAddressesPath,
            {{"companyName", "C"}, {"countryOrRegion", "AU"}, {"description", std::to_string(t)}});
        Reply update = client.Post(
            std::string(kNumbersPath) + "/updateNumber",
            {{"telephoneNumber", "+4416329600" + std::to_string(100 + t * 5 + i).substr(1)},
             {"networkSiteId", "site-" + std::to_string(t)}});
        Reply list = client.Get(std::string(kNumbersPath) + "?$top=10");
        if (address.status != 201 || update.status != 200 || list.status != 200) {
          ++failures;
        }
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(client_->Get(kAddressesPath).body["value"].size(), 40u);
  Reply sites =
      client_->Get(std::string(kNumbersPath) + "?$filter=" + Q("networkSiteId eq 'site-3'"));
  EXPECT_EQ(sites.body["value"].size(), 5u);
}

}  // namespace
}  // namespace opcsim::testing
