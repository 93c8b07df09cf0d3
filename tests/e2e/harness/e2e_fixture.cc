#include "e2e_fixture.h"

#include <thread>
#include <utility>

namespace opc::e2e {

std::vector<std::string> SavedPlan::Actions(const std::string& address) const {
  auto it = actions.find(address);
  return it == actions.end() ? std::vector<std::string>{} : it->second;
}

TerraformTest::TerraformTest(TerraformRunner::Options options)
    : runner_options_(std::move(options)), tf_(runner_options_) {}

TerraformRunner::Options TerraformTest::CommandTimeout(std::chrono::minutes timeout) {
  TerraformRunner::Options options;
  options.timeout = timeout;
  return options;
}

void TerraformTest::TearDown() {
  if (killed_grace_) {
    const auto deadline = std::chrono::steady_clock::now() + *killed_grace_;
    while (!tf_.ProviderProcesses().empty() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    EXPECT_TRUE(tf_.ProviderProcesses().empty()) << "a provider process outlived its terraform";
  } else {
    EXPECT_TRUE(tf_.WaitUntilNoProviderLeft())
        << tf_.ProviderProcesses().size() << " provider process(es) and "
        << tf_.SocketFiles().size() << " socket file(s) left behind";
  }
  for (const auto& tf : more_runners_) {
    EXPECT_TRUE(tf->WaitUntilNoProviderLeft())
        << "provider processes or sockets left behind in " << tf->root();
  }
}

TerraformRunner& TerraformTest::NewRunner() {
  more_runners_.push_back(std::make_unique<TerraformRunner>(runner_options_));
  Prepare(*more_runners_.back());
  return *more_runners_.back();
}

void TerraformTest::Prepare(TerraformRunner&) const {}

void TerraformTest::ApplyOk(const TerraformRunner& tf) {
  ProcessResult apply = tf.Apply();
  ASSERT_EQ(apply.exit_code, 0) << Describe(apply);
}

ProcessResult TerraformTest::DetailedPlan(const TerraformRunner& tf,
                                          std::vector<std::string> extra) {
  std::vector<std::string> args = {"plan", "-no-color", "-input=false", "-detailed-exitcode"};
  args.insert(args.end(), extra.begin(), extra.end());
  return tf.Run(args);
}

void TerraformTest::ExpectEmptyPlan(const TerraformRunner& tf, const std::string& when) {
  ProcessResult plan = DetailedPlan(tf);
  EXPECT_EQ(plan.exit_code, 0) << "plan not empty " << when << "\n" << Describe(plan);
}

SavedPlan TerraformTest::PlanToFile(const TerraformRunner& tf) {
  SavedPlan saved;
  ProcessResult plan = tf.Run({"plan", "-no-color", "-input=false", "-out=p.tfplan"});
  EXPECT_EQ(plan.exit_code, 0) << Describe(plan);
  ProcessResult json = tf.Run({"show", "-json", "p.tfplan"});
  EXPECT_EQ(json.exit_code, 0) << Describe(json);
  nlohmann::json parsed = nlohmann::json::parse(json.stdout_text, nullptr, false);
  if (parsed.is_object() && parsed.contains("resource_changes")) {
    for (const auto& change : parsed["resource_changes"]) {
      saved.actions[change.value("address", "")] =
          change["change"]["actions"].get<std::vector<std::string>>();
    }
  }
  saved.text = tf.Run({"show", "-no-color", "p.tfplan"}).stdout_text;
  return saved;
}

namespace {

// The root module's resource at `address` in `terraform show -json`, or null.
nlohmann::json FindResource(const TerraformRunner& tf, const std::string& address,
                            nlohmann::json* state) {
  *state = tf.ShowJson();
  if (state->is_object()) {
    for (const auto& resource : state->value("values", nlohmann::json::object())
                                    .value("root_module", nlohmann::json::object())
                                    .value("resources", nlohmann::json::array())) {
      if (resource.value("address", "") == address) {
        return resource;
      }
    }
  }
  return nullptr;
}

}  // namespace

nlohmann::json TerraformTest::StateValues(const TerraformRunner& tf, const std::string& address) {
  nlohmann::json state;
  nlohmann::json resource = FindResource(tf, address, &state);
  if (resource.is_null()) {
    ADD_FAILURE() << address << " not in state: " << state.dump();
    return nlohmann::json::object();
  }
  return resource["values"];
}

bool TerraformTest::InState(const TerraformRunner& tf, const std::string& address) {
  nlohmann::json state;
  return !FindResource(tf, address, &state).is_null();
}

size_t TerraformTest::StateResourceCount(const TerraformRunner& tf) {
  const nlohmann::json state = tf.ShowJson();
  if (!state.is_object()) {
    return 0;
  }
  return state.value("values", nlohmann::json::object())
      .value("root_module", nlohmann::json::object())
      .value("resources", nlohmann::json::array())
      .size();
}

nlohmann::json TerraformTest::Outputs(const TerraformRunner& tf) {
  ProcessResult out = tf.Run({"output", "-json"});
  EXPECT_EQ(out.exit_code, 0) << Describe(out);
  nlohmann::json parsed = nlohmann::json::parse(out.stdout_text, nullptr, false);
  nlohmann::json values = nlohmann::json::object();
  if (parsed.is_object()) {
    for (const auto& [name, output] : parsed.items()) {
      values[name] = output["value"];
    }
  }
  return values;
}

SimulatorProcess* SimulatorTest::sim_ = nullptr;

void SimulatorTest::StartSimulator(SimulatorProcess::Options options) {
  StopSimulator();
  std::string error;
  sim_ = SimulatorProcess::Start(std::move(options), &error).release();
  ASSERT_NE(sim_, nullptr) << "cannot start the simulator: " << error;
}

void SimulatorTest::StopSimulator() {
  delete sim_;
  sim_ = nullptr;
}

void SimulatorTest::SetUp() {
  ASSERT_NE(sim_, nullptr) << "the suite's simulator did not start (see the suite's set-up)";
  Prepare(tf_);
}

void SimulatorTest::Prepare(TerraformRunner& tf) const {
  for (const auto& [key, value] : sim_->ProviderEnvironment()) {
    tf.SetEnv(key, value);
  }
}

void SimulatorTest::Rewrite(const TerraformRunner& tf, const std::string& body) {
  tf.WriteConfig("provider \"operatorconnect\" {}\n\n" + body);
}

void SimulatorTest::WriteAndInit(const TerraformRunner& tf, const std::string& body) {
  Rewrite(tf, body);
  ProcessResult init = tf.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
}

void FreshSimulatorTest::SetUp() {
  ASSERT_NO_FATAL_FAILURE(StartSimulator(SimulatorOptions()));
  SimulatorTest::SetUp();
}

void FreshSimulatorTest::TearDown() {
  SimulatorTest::TearDown();
  StopSimulator();
}

}  // namespace opc::e2e
