// The base of every end-to-end suite, so that each suite holds only its own scenario:
//
//   TerraformTest       the real terraform (TF_BINARY) in a private directory per test, with the
//                       provider installed from a filesystem mirror (tf_), the terraform steps
//                       the suites share, and the check every test ends with: no provider
//                       process or socket left behind.
//   SimulatorTest       the same against the tenant simulator: one simulator per suite
//                       (SetUpTestSuite), its credentials in every runner's environment.
//   FreshSimulatorTest  one simulator per test, for tests that must not see each other's tenant.
//
//   class NumberE2ETest : public SimulatorTest {
//    protected:
//     static void SetUpTestSuite() {
//       ASSERT_NO_FATAL_FAILURE(StartSimulator());
//       ... seed the tenant through sim_->AdminTenant(...) ...
//     }
//   };
//   TEST_F(NumberE2ETest, Lifecycle) { WriteAndInit(config); ApplyOk(); ExpectEmptyPlan(); }
//
// A suite that overrides SetUp() or TearDown() calls the base's too. Longer command timeouts
// go through the constructor (`MySuite() : SimulatorTest(CommandTimeout(minutes(5))) {}`), not
// a second tf_.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "child_process.h"
#include "simulator_process.h"
#include "terraform_runner.h"

namespace opc::e2e {

// A plan saved with `plan -out`: the actions per resource address and `terraform show`'s text.
struct SavedPlan {
  std::map<std::string, std::vector<std::string>> actions;
  std::string text;
  // The actions planned for `address` (empty when it has none).
  std::vector<std::string> Actions(const std::string& address) const;
};

class TerraformTest : public ::testing::Test {
 protected:
  // `options` applies to tf_ and to every NewRunner().
  explicit TerraformTest(TerraformRunner::Options options = {});
  // Options whose commands may take `timeout` each (for a suite's constructor).
  static TerraformRunner::Options CommandTimeout(std::chrono::minutes timeout);

  // Every runner of the test: no provider process or plugin socket outlives its commands.
  void TearDown() override;

  // Another private directory (e.g. to import into empty state), prepared like tf_ and checked
  // at TearDown like it. The fixture owns it.
  TerraformRunner& NewRunner();
  // What a new runner needs before its first command (SimulatorTest: the simulator's settings).
  virtual void Prepare(TerraformRunner& tf) const;

  // `apply -auto-approve` must succeed.
  static void ApplyOk(const TerraformRunner& tf);
  void ApplyOk() { ApplyOk(tf_); }
  // `plan -detailed-exitcode` (0: no changes, 1: error, 2: changes) with `extra` arguments.
  static ProcessResult DetailedPlan(const TerraformRunner& tf, std::vector<std::string> extra = {});
  ProcessResult DetailedPlan(std::vector<std::string> extra = {}) const {
    return DetailedPlan(tf_, std::move(extra));
  }
  // The plan must be empty; `when` names the step in the failure message.
  static void ExpectEmptyPlan(const TerraformRunner& tf, const std::string& when);
  void ExpectEmptyPlan(const std::string& when = "") const { ExpectEmptyPlan(tf_, when); }
  // `plan -out`, then the planned actions and the plan as `terraform show` renders it.
  static SavedPlan PlanToFile(const TerraformRunner& tf);
  // The state's attribute values of `address`; a test failure (and {}) when it is not there.
  static nlohmann::json StateValues(const TerraformRunner& tf, const std::string& address);
  static bool InState(const TerraformRunner& tf, const std::string& address);
  // How many resources the root module's state holds (0 without a state).
  static size_t StateResourceCount(const TerraformRunner& tf);
  // `output -json` as name -> value.
  static nlohmann::json Outputs(const TerraformRunner& tf);

  // For a test that SIGKILLs providers on purpose: such a provider cannot remove its socket
  // file, so TearDown then counts tf_'s live provider processes only, and gives an orphaned
  // provider up to `grace` to notice and exit (a write it had on the wire first gets its grace).
  void ExpectKilledProvidersToExitWithin(std::chrono::seconds grace) { killed_grace_ = grace; }

  const TerraformRunner::Options runner_options_;
  TerraformRunner tf_;

 private:
  std::vector<std::unique_ptr<TerraformRunner>> more_runners_;
  std::optional<std::chrono::seconds> killed_grace_;
};

class SimulatorTest : public TerraformTest {
 protected:
  using TerraformTest::TerraformTest;

  // The suite's simulator. A suite that seeds its tenant hides these with its own
  // SetUpTestSuite, which calls StartSimulator() first.
  static void SetUpTestSuite() { StartSimulator(); }
  static void TearDownTestSuite() { StopSimulator(); }
  // Starts sim_ (a fatal failure when it cannot start); StopSimulator() ends it.
  static void StartSimulator(SimulatorProcess::Options options = {});
  static void StopSimulator();

  // The simulator must be running (its suite set-up succeeded); tf_ is pointed at it.
  void SetUp() override;
  // The OPERATORCONNECT_* settings of the seeded tenant's app.
  void Prepare(TerraformRunner& tf) const override;

  // main.tf: an empty provider block (its settings come from the environment) and `body`.
  static void Rewrite(const TerraformRunner& tf, const std::string& body);
  void Rewrite(const std::string& body) const { Rewrite(tf_, body); }
  // Rewrite(), then `init` must succeed.
  static void WriteAndInit(const TerraformRunner& tf, const std::string& body);
  void WriteAndInit(const std::string& body) const { WriteAndInit(tf_, body); }

  static SimulatorProcess* sim_;
};

// One simulator per test: for suites whose subject is tenant-wide (e.g. compliance), or
// whose simulator depends on the test (SimulatorOptions()).
class FreshSimulatorTest : public SimulatorTest {
 protected:
  using SimulatorTest::SimulatorTest;

  static void SetUpTestSuite() {}
  static void TearDownTestSuite() {}
  void SetUp() override;
  void TearDown() override;
  // The options each test's simulator starts with; tf_ exists already (its files may be used).
  virtual SimulatorProcess::Options SimulatorOptions() const { return {}; }
};

}  // namespace opc::e2e
