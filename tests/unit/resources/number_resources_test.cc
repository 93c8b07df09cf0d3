// operatorconnect_phone_number_assignment and operatorconnect_phone_numbers: schema rules,
// plans (normalization never shows a diff, what replaces), state mapping, and the CRUD calls
// against a small in-memory tenant behind the client's fake transport.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "provider/client/tenant_client.h"
#include "provider/framework/objchange_compatible.h"
#include "provider/framework/planner.h"
#include "provider/resources/phone_number_assignment_resource.h"
#include "provider/resources/phone_numbers_data_source.h"
#include "provider/resources/provider_context.h"
#include "schema_lookup.h"
#include "tests/unit/client/fakes.h"
#include "tests/unit/resources/state_model_testing.h"

namespace opc::resources {
namespace {

using client::testing::FakeClock;
using client::testing::FakeSleeper;
using client::testing::FakeTransport;
using client::testing::FixedRandom;
using client::testing::GraphErrorResponse;
using client::testing::JsonResponse;
using client::testing::MakeResponse;
using framework::AttributePath;
using framework::Diagnostics;
using framework::Type;
using framework::Value;
using nlohmann::json;
using ::testing::HasSubstr;

constexpr char kUser[] = "a0e118f7-4ff5-40de-86ed-6d26030fd1b8";
constexpr char kOtherUser[] = "b1f229f8-5aa6-4f1e-9e1d-7e37141e1f20";
constexpr char kOperator[] = "fb450e35-d758-4caa-b81c-c98f93176c14";
constexpr char kEndpoint[] = "http://127.0.0.1:8080";

Value S(const std::string& text) { return Value::String(text); }
Value NullString() { return Value::Null(Type::String()); }

std::string Messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) {
    out += d.summary + ": " + d.detail + "\n";
  }
  return out;
}

client::NumberAssignment AssignedNumber() {
  client::NumberAssignment number;
  number.id = "opaque";
  number.telephone_number = "+442079460001";
  number.operator_id = kOperator;
  number.number_type = "operatorConnect";
  number.activation_state = "activated";
  number.assignment_status = "userAssigned";
  number.assignment_category = "primary";
  number.assignment_target_id = kUser;
  number.capabilities = {"userAssignment"};
  number.supported_customer_actions = {"locationUpdate", "release"};
  number.iso_country_code = "GB";
  number.location_id = "loc-1";
  number.civic_address_id = "addr-1";
  return number;
}

// ---------------------------------------------------------------------------------------------
// Schema, validation and plans

class AssignmentSchemaTest : public ::testing::Test {
 protected:
  framework::Schema schema_ = PhoneNumberAssignmentResource().GetSchema();
  Type type_ = schema_.ImpliedType();

  Value Config(std::map<std::string, Value> attributes) const {
    return Value::Object(type_, std::move(attributes));
  }
  Value Prior() const { return AssignmentState(type_, AssignedNumber(), Value()); }
};

TEST_F(AssignmentSchemaTest, DeclaresTheDesignedPlanBehaviour) {
  const auto* number = schema_.block.FindAttribute("telephone_number");
  ASSERT_NE(number, nullptr);
  EXPECT_TRUE(number->required && Has<framework::RequiresReplaceModifier>(*number));
  EXPECT_TRUE(static_cast<bool>(number->semantic_equality));
  EXPECT_TRUE(
      Has<framework::RequiresReplaceModifier>(AttributeOf(schema_, "assignment_target_id")));
  const auto& category = AttributeOf(schema_, "assignment_category");
  EXPECT_TRUE(category.optional && category.computed &&
              Has<framework::RequiresReplaceModifier>(category));
  EXPECT_EQ(DefaultOf(category), S("primary"));
  EXPECT_EQ(DefaultOf(AttributeOf(schema_, "number_type")), S("operatorConnect"));
  const auto& location = AttributeOf(schema_, "location_id");
  EXPECT_TRUE(location.optional && location.computed &&
              !Has<framework::RequiresReplaceModifier>(location));
  EXPECT_TRUE(Has<framework::UseStateForUnknownModifier>(AttributeOf(schema_, "id")));
  EXPECT_EQ(AttributeOf(schema_, "capabilities").type, Type::Set(Type::String()));
  for (const auto& attribute : schema_.block.attributes) {
    EXPECT_FALSE(attribute.description.empty()) << attribute.name;
  }
}

TEST_F(AssignmentSchemaTest, SpellingsOfOneNumberAreSemanticallyEqual) {
  const auto& equal = AttributeOf(schema_, "telephone_number").semantic_equality;
  EXPECT_TRUE(equal(S("+14255550100"), S("+1 425 555 0100")));
  EXPECT_TRUE(equal(S("+44 20 7946 0001"), S("+44 (0)20 7946-0001")));
  EXPECT_FALSE(equal(S("+14255550100"), S("+14255550101")));
  EXPECT_FALSE(equal(S("not a number"), S("not a number")));
}

TEST_F(AssignmentSchemaTest, InvalidValuesAreValidationErrorsNamingTheAttribute) {
  Diagnostics diags;
  framework::ValidateAgainstSchema(schema_.block,
                                   Config({{"telephone_number", S("425 555 0100")},
                                           {"assignment_target_id", S("alice")},
                                           {"assignment_category", S("secondary")}}),
                                   diags);
  ASSERT_TRUE(diags.HasError());
  std::vector<std::string> paths;
  for (const auto& d : diags.items()) {
    ASSERT_TRUE(d.attribute.has_value()) << d.summary;
    paths.push_back(d.attribute->ToString());
  }
  EXPECT_THAT(paths, ::testing::UnorderedElementsAre(HasSubstr("telephone_number"),
                                                     HasSubstr("assignment_target_id"),
                                                     HasSubstr("assignment_category")));
  EXPECT_THAT(Messages(diags), HasSubstr("425 555 0100"));

  Diagnostics ok;
  framework::ValidateAgainstSchema(
      schema_.block,
      Config({{"telephone_number", S("+44 20 7946 0001")}, {"assignment_target_id", S(kUser)}}),
      ok);
  EXPECT_FALSE(ok.HasError()) << Messages(ok);
}

TEST_F(AssignmentSchemaTest, CreatePlanFillsDefaultsAndLeavesComputedUnknown) {
  Value config =
      Config({{"telephone_number", S("+44 20 7946 0001")}, {"assignment_target_id", S(kUser)}});
  framework::PlanOutput out = framework::PlanChange({schema_, Value::Null(type_), config, config});
  ASSERT_FALSE(out.diagnostics.HasError()) << Messages(out.diagnostics);
  EXPECT_EQ(out.planned.GetAttr("telephone_number"), S("+44 20 7946 0001"));
  EXPECT_EQ(out.planned.GetAttr("assignment_category"), S("primary"));
  EXPECT_EQ(out.planned.GetAttr("number_type"), S("operatorConnect"));
  EXPECT_TRUE(out.planned.GetAttr("location_id").IsUnknown());
  EXPECT_TRUE(out.planned.GetAttr("id").IsUnknown());
}

TEST_F(AssignmentSchemaTest, ReformattedNumberPlansNoChange) {
  Value prior = Prior();
  Value config = Config({{"telephone_number", S("+44 20 7946 0001")},
                         {"assignment_target_id", S(kUser)},
                         {"location_id", S("loc-1")}});
  framework::PlanOutput out = framework::PlanChange({schema_, prior, config, config});
  ASSERT_FALSE(out.diagnostics.HasError()) << Messages(out.diagnostics);
  EXPECT_EQ(out.planned, prior) << out.planned.DebugString();
  EXPECT_TRUE(out.requires_replace.empty());
}

TEST_F(AssignmentSchemaTest, TargetChangeReplacesAndLocationChangeDoesNot) {
  Value prior = Prior();
  Value new_target = Config({{"telephone_number", S("+442079460001")},
                             {"assignment_target_id", S(kOtherUser)},
                             {"location_id", S("loc-1")}});
  framework::PlanOutput replace = framework::PlanChange({schema_, prior, new_target, new_target});
  EXPECT_THAT(replace.requires_replace,
              ::testing::Contains(AttributePath::Root("assignment_target_id")));

  Value new_location = Config({{"telephone_number", S("+442079460001")},
                               {"assignment_target_id", S(kUser)},
                               {"location_id", S("loc-2")}});
  framework::PlanOutput update =
      framework::PlanChange({schema_, prior, new_location, new_location});
  EXPECT_TRUE(update.requires_replace.empty());
  EXPECT_EQ(update.planned.GetAttr("location_id"), S("loc-2"));
  EXPECT_EQ(update.planned.GetAttr("operator_id"), S(kOperator));       // stable across updates
  EXPECT_TRUE(update.planned.GetAttr("civic_address_id").IsUnknown());  // follows the location
}

// ---------------------------------------------------------------------------------------------
// State mapping

TEST(AssignmentStateTest, KeepsTheConfiguredSpellingWhereTheServiceOnlyNormalized) {
  Type type = PhoneNumberAssignmentResource().GetSchema().ImpliedType();
  client::NumberAssignment number = AssignedNumber();
  number.assignment_target_id = "A0E118F7-4FF5-40DE-86ED-6D26030FD1B8";
  Value reference = Value::Object(
      type, {{"telephone_number", S("+44 20 7946 0001")}, {"assignment_target_id", S(kUser)}});
  Value state = AssignmentState(type, number, reference);
  EXPECT_EQ(state.GetAttr("id"), S("+442079460001"));
  EXPECT_EQ(state.GetAttr("telephone_number"), S("+44 20 7946 0001"));
  EXPECT_EQ(state.GetAttr("assignment_target_id"), S(kUser));
  EXPECT_EQ(state.GetAttr("country"), S("GB"));
  EXPECT_EQ(state.GetAttr("location_id"), S("loc-1"));
  EXPECT_EQ(state.GetAttr("civic_address_id"), S("addr-1"));
  EXPECT_EQ(state.GetAttr("capabilities"), Value::Set(Type::String(), {S("userAssignment")}));
  EXPECT_TRUE(state.IsWhollyKnown());
}

TEST(AssignmentStateTest, ReportsTheTenantsValuesWhenTheyReallyDiffer) {
  Type type = PhoneNumberAssignmentResource().GetSchema().ImpliedType();
  client::NumberAssignment number = AssignedNumber();
  number.assignment_target_id = kOtherUser;
  number.assignment_category.reset();  // the service's default
  number.location_id.reset();
  Value reference = Value::Object(type, {{"telephone_number", S("+44 20 7946 0001")},
                                         {"assignment_target_id", S(kUser)},
                                         {"location_id", S("loc-9")}});
  Value state = AssignmentState(type, number, reference);
  EXPECT_EQ(state.GetAttr("assignment_target_id"), S(kOtherUser));
  EXPECT_EQ(state.GetAttr("assignment_category"), S("primary"));
  EXPECT_EQ(state.GetAttr("location_id"), NullString());
}

TEST(AssignmentStateTest, OnlyAssignedNumbersCount) {
  client::NumberAssignment number = AssignedNumber();
  EXPECT_TRUE(IsAssigned(number));
  number.assignment_status = "unassigned";
  EXPECT_FALSE(IsAssigned(number));
  number = AssignedNumber();
  number.assignment_target_id.reset();
  EXPECT_FALSE(IsAssigned(number));
}

// ---------------------------------------------------------------------------------------------
// CRUD against an in-memory tenant

std::string PercentDecode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// Numbers keyed by E.164; assignNumber/unassignNumber finish at the first poll (or never, with
// `operations_running`); a target named in `unknown_targets` makes the assignment fail the way
// the service reports it; `after_post` runs once the service has accepted an action.
class FakeTenant {
 public:
  FakeTenant() {
    transport_->SetHandler([this](const client::HttpRequest& request) { return Handle(request); });
  }

  std::shared_ptr<const ProviderContext> Context() {
    client::ClientConfig config;
    config.tenant_id = "3a840088-465d-4709-a9d1-2c216f0cf1fa";
    config.client_id = "27f773e2-051f-4a1d-95a2-97a031009885";
    config.client_secret = "unit-test-secret";
    config.endpoint = kEndpoint;
    config.authority_url = kEndpoint;
    config.max_retries = 0;
    client::ClientDependencies deps;
    deps.transport = transport_;
    deps.clock = &clock_;
    deps.sleeper = &sleeper_;
    deps.random = &random_;
    auto created = client::TenantClient::Create(config, std::move(deps));
    EXPECT_TRUE(created.ok()) << created.status();
    auto context = std::make_shared<ProviderContext>();
    context->client = std::shared_ptr<const client::TenantClient>(*std::move(created));
    return context;
  }

  std::map<std::string, json> numbers;
  std::vector<json> operators;
  std::vector<std::string> unknown_targets;
  std::vector<std::string> posts;  // action names, in order
  bool operations_running = false;
  std::function<void()> after_post;
  size_t page_size = 1000;
  // Answers the catalog instead of `operators` (Graph has none).
  std::optional<client::HttpResponse> catalog_answer;

 private:
  absl::StatusOr<client::HttpResponse> Handle(const client::HttpRequest& request) {
    std::lock_guard lock(mu_);
    const std::string url = PercentDecode(request.url);
    if (url.ends_with("/oauth2/v2.0/token")) {
      return JsonResponse(200,
                          {{"token_type", "Bearer"}, {"expires_in", 3599}, {"access_token", "t"}});
    }
    if (url.find("/operatorConnect/operators") != std::string::npos) {
      if (catalog_answer) {
        return *catalog_answer;
      }
      return JsonResponse(200, {{"value", operators}});
    }
    if (url.find("/operations('") != std::string::npos) {
      const std::string id = url.substr(url.find("('") + 2, url.find("')") - url.find("('") - 2);
      return JsonResponse(200, operations_.at(id));
    }
    if (request.method == client::HttpMethod::kPost) {
      absl::StatusOr<client::HttpResponse> accepted =
          Post(url.substr(url.rfind('/') + 1), json::parse(request.body));
      if (after_post) {
        after_post();
      }
      return accepted;
    }
    if (url.find("/numberAssignments") != std::string::npos) {
      return List(url);
    }
    return GraphErrorResponse(404, "NotFound", "no route " + url);
  }

  absl::StatusOr<client::HttpResponse> List(const std::string& url) {
    std::vector<json> matches;
    const std::string marker = "telephoneNumber eq '";
    const size_t at = url.find(marker);
    for (const auto& [number, entity] : numbers) {
      if (at == std::string::npos || url.compare(at + marker.size(), number.size(), number) == 0) {
        matches.push_back(entity);
      }
    }
    size_t skip = 0;
    if (size_t s = url.find("$skip="); s != std::string::npos) {
      skip = std::stoul(url.substr(s + 6));
    }
    json page = {{"value", json::array()}};
    for (size_t i = skip; i < matches.size() && i < skip + page_size; ++i) {
      page["value"].push_back(matches[i]);
    }
    if (skip + page_size < matches.size()) {
      page["@odata.nextLink"] = std::string(kEndpoint) +
                                "/v1.0/admin/teams/telephoneNumberManagement/numberAssignments?"
                                "$top=" +
                                std::to_string(page_size) +
                                "&$skip=" + std::to_string(skip + page_size);
    }
    return JsonResponse(200, page);
  }

  absl::StatusOr<client::HttpResponse> Post(const std::string& action, const json& body) {
    posts.push_back(action);
    const std::string number = body.at("telephoneNumber");
    auto it = numbers.find(number);
    if (action == "updateNumber") {
      if (it == numbers.end()) {
        return GraphErrorResponse(404, "NotFound", "no number");
      }
      it->second["locationId"] = body.at("locationId");
      return MakeResponse(200);
    }
    std::optional<std::string> failure;
    if (it == numbers.end()) {
      failure = "Telephone number '" + number + "' is not found in the tenant.";
    } else if (action == "assignNumber") {
      const std::string target = body.at("assignmentTargetId");
      if (std::find(unknown_targets.begin(), unknown_targets.end(), target) !=
          unknown_targets.end()) {
        failure = "Assignment target '" + target + "' was not found in the tenant.";
      } else {
        it->second["assignmentTargetId"] = target;
        it->second["assignmentStatus"] = "userAssigned";
        it->second["assignmentCategory"] = body.value("assignmentCategory", "primary");
        if (body.contains("locationId")) {
          it->second["locationId"] = body["locationId"];
        }
      }
    } else {
      it->second["assignmentTargetId"] = nullptr;
      it->second["assignmentStatus"] = "unassigned";
      it->second["assignmentCategory"] = nullptr;
    }
    const std::string id = "op-" + std::to_string(operations_.size() + 1);
    const std::string status = operations_running ? "running" : (failure ? "failed" : "succeeded");
    operations_[id] = {{"id", id},
                       {"status", status},
                       {"numbers",
                        {{{"resourceLocation", nullptr},
                          {"status", failure ? "failed" : "succeeded"},
                          {"statusDetail", failure ? json(*failure) : json(nullptr)}}}}};
    return MakeResponse(202, "",
                        {{"Location", std::string(kEndpoint) +
                                          "/v1.0/admin/teams/telephoneNumberManagement/"
                                          "operations('" +
                                          id + "')"},
                         {"Retry-After", "0"}});
  }

  std::mutex mu_;
  std::map<std::string, json> operations_;
  FakeClock clock_;
  FakeSleeper sleeper_{clock_};
  FixedRandom random_{0.0};
  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
};

json NumberJson(const std::string& number, std::optional<std::string> target = std::nullopt,
                std::vector<std::string> actions = {"locationUpdate", "release"}) {
  return {{"id", "id-" + number},
          {"telephoneNumber", number},
          {"operatorId", kOperator},
          {"numberType", "operatorConnect"},
          {"activationState", "activated"},
          {"assignmentStatus", target ? "userAssigned" : "unassigned"},
          {"assignmentCategory", target ? json("primary") : json(nullptr)},
          {"assignmentTargetId", target ? json(*target) : json(nullptr)},
          {"capabilities", {"userAssignment"}},
          {"supportedCustomerActions", actions},
          {"reverseNumberLookupOptions", json::array()},
          {"numberSource", "online"},
          {"portInStatus", nullptr},
          {"city", "London"},
          {"isoCountryCode", "GB"},
          {"locationId", nullptr},
          {"civicAddressId", nullptr},
          {"networkSiteId", nullptr}};
}

class AssignmentCrudTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics diags;
    resource_.Configure(framework::ProviderData(tenant_.Context()), diags);
    ASSERT_FALSE(diags.HasError());
  }

  Value Planned(const std::string& number, const std::string& target,
                Value location = Value::Unknown(Type::String())) const {
    std::map<std::string, Value> attributes;
    for (const auto& attribute : resource_.GetSchema().block.attributes) {
      attributes[attribute.name] = Value::Unknown(attribute.EffectiveType());
    }
    attributes["telephone_number"] = S(number);
    attributes["assignment_target_id"] = S(target);
    attributes["assignment_category"] = S("primary");
    attributes["number_type"] = S("operatorConnect");
    attributes["location_id"] = std::move(location);
    return Value::Object(type_, std::move(attributes));
  }

  framework::CreateResponse Create(const Value& planned) {
    framework::CreateRequest req{planned, planned, "", CancellationToken()};
    framework::CreateResponse resp;
    resource_.Create(req, resp);
    return resp;
  }

  framework::ReadResponse Read(const Value& state) {
    framework::ReadRequest req{state, "", CancellationToken()};
    framework::ReadResponse resp;
    resource_.Read(req, resp);
    return resp;
  }

  FakeTenant tenant_;
  PhoneNumberAssignmentResource resource_;
  Type type_ = resource_.GetSchema().ImpliedType();
};

// Terraform stopped (Ctrl-C) after the service accepted the assignment: the assignment is
// recorded as planned, with what only the service can tell null rather than unknown, since
// Terraform reports every unknown in a state after apply as a provider bug.
TEST_F(AssignmentCrudTest, StoppedWhileTheServiceAssignsRecordsAWhollyKnownState) {
  tenant_.numbers["+442079460001"] = NumberJson("+442079460001");
  tenant_.operations_running = true;
  CancellationSource stop;
  tenant_.after_post = [&stop] { stop.Cancel(); };
  const Value planned = Planned("+44 20 7946 0001", kUser);
  framework::CreateRequest req{planned, planned, "", stop.Token()};
  framework::CreateResponse resp;
  resource_.Create(req, resp);

  EXPECT_FALSE(resp.diagnostics.HasError()) << Messages(resp.diagnostics);
  EXPECT_THAT(Messages(resp.diagnostics), HasSubstr("still in progress"));
  EXPECT_EQ(tenant_.posts, std::vector<std::string>{"assignNumber"});
  EXPECT_TRUE(resp.new_state.IsWhollyKnown()) << resp.new_state.DebugString();
  EXPECT_EQ(resp.new_state.GetAttr("id"), S("+442079460001"));
  EXPECT_EQ(resp.new_state.GetAttr("assignment_target_id"), S(kUser));
  EXPECT_TRUE(resp.new_state.GetAttr("operator_id").IsNull());
  Diagnostics applied;
  framework::CheckAppliedAgainstPlan(planned, resp.new_state, applied);
  EXPECT_FALSE(applied.HasError()) << Messages(applied);
}

TEST_F(AssignmentCrudTest, CreateAssignsWaitsAndKeepsTheConfiguredForm) {
  tenant_.numbers["+442079460001"] = NumberJson("+442079460001");
  framework::CreateResponse resp = Create(Planned("+44 20 7946 0001", kUser, S("loc-1")));
  ASSERT_FALSE(resp.diagnostics.HasError()) << Messages(resp.diagnostics);
  EXPECT_EQ(tenant_.posts, std::vector<std::string>{"assignNumber"});
  EXPECT_EQ(tenant_.numbers["+442079460001"]["assignmentTargetId"], kUser);
  EXPECT_EQ(tenant_.numbers["+442079460001"]["locationId"], "loc-1");
  EXPECT_TRUE(resp.new_state.IsWhollyKnown());
  EXPECT_EQ(resp.new_state.GetAttr("telephone_number"), S("+44 20 7946 0001"));
  EXPECT_EQ(resp.new_state.GetAttr("id"), S("+442079460001"));
  EXPECT_EQ(resp.new_state.GetAttr("location_id"), S("loc-1"));
  EXPECT_EQ(resp.new_state.GetAttr("operator_id"), S(kOperator));
}

TEST_F(AssignmentCrudTest, CreateTakesOverTheSameAssignmentAndRefusesADifferentOne) {
  // Left in place by an interrupted run: taken over, nothing assigned twice.
  tenant_.numbers["+442079460001"] = NumberJson("+442079460001", kUser);
  framework::CreateResponse same = Create(Planned("+44 20 7946 0001", kUser));
  ASSERT_FALSE(same.diagnostics.HasError()) << Messages(same.diagnostics);
  EXPECT_TRUE(tenant_.posts.empty());
  EXPECT_EQ(same.new_state.GetAttr("assignment_target_id"), S(kUser));

  // Same target, another emergency location: not what the configuration says.
  framework::CreateResponse differs = Create(Planned("+442079460001", kUser, S("loc-9")));
  ASSERT_TRUE(differs.diagnostics.HasError());
  EXPECT_THAT(Messages(differs.diagnostics), HasSubstr("`location_id`"));
  EXPECT_THAT(Messages(differs.diagnostics),
              HasSubstr("terraform import operatorconnect_phone_number_assignment.<name> "
                        "\"+442079460001\""));
  EXPECT_TRUE(differs.new_state.IsNull());
  EXPECT_TRUE(tenant_.posts.empty());
}

TEST_F(AssignmentCrudTest, FailedOperationReportsItsStatusDetailAndStoresNothing) {
  tenant_.numbers["+442079460001"] = NumberJson("+442079460001");
  tenant_.unknown_targets = {kOtherUser};
  framework::CreateResponse resp = Create(Planned("+442079460001", kOtherUser));
  ASSERT_TRUE(resp.diagnostics.HasError());
  EXPECT_THAT(Messages(resp.diagnostics), HasSubstr("was not found in the tenant"));
  EXPECT_THAT(Messages(resp.diagnostics), HasSubstr("+442079460001"));
  EXPECT_TRUE(resp.new_state.IsNull());
}

TEST_F(AssignmentCrudTest, ReadDropsUnassignedOrMissingNumbersAndReportsOtherTargets) {
  tenant_.numbers["+442079460001"] = NumberJson("+442079460001");
  Value state = Create(Planned("+44 20 7946 0001", kUser)).new_state;
  ASSERT_FALSE(state.IsNull());

  framework::ReadResponse same = Read(state);
  EXPECT_EQ(same.new_state, state) << same.new_state.DebugString();

  tenant_.numbers["+442079460001"]["assignmentTargetId"] = kOtherUser;
  framework::ReadResponse other = Read(state);
  ASSERT_FALSE(other.diagnostics.HasError()) << Messages(other.diagnostics);
  EXPECT_EQ(other.new_state.GetAttr("assignment_target_id"), S(kOtherUser));
  EXPECT_EQ(other.new_state.GetAttr("telephone_number"), S("+44 20 7946 0001"));

  tenant_.numbers["+442079460001"] = NumberJson("+442079460001");
  EXPECT_TRUE(Read(state).new_state.IsNull());
  tenant_.numbers.clear();
  framework::ReadResponse gone = Read(state);
  EXPECT_FALSE(gone.diagnostics.HasError());
  EXPECT_TRUE(gone.new_state.IsNull());
}

TEST_F(AssignmentCrudTest, LocationChangeIsAnUpdateNumberUnlessTheOperatorForbidsIt) {
  tenant_.numbers["+442079460001"] = NumberJson("+442079460001");
  Value prior = Create(Planned("+442079460001", kUser, S("loc-1"))).new_state;
  Value planned = prior.WithAttr("location_id", S("loc-2"))
                      .WithAttr("civic_address_id", Value::Unknown(Type::String()));
  framework::UpdateResponse resp;
  resource_.Update({planned, prior, planned, "", CancellationToken()}, resp);
  ASSERT_FALSE(resp.diagnostics.HasError()) << Messages(resp.diagnostics);
  EXPECT_EQ(tenant_.posts.back(), "updateNumber");
  EXPECT_EQ(resp.new_state.GetAttr("location_id"), S("loc-2"));

  tenant_.numbers["+442079460001"]["supportedCustomerActions"] = {"release"};
  framework::ModifyPlanResponse plan;
  plan.planned = planned.WithAttr("location_id", S("loc-3"));
  resource_.ModifyPlan({plan.planned, resp.new_state, plan.planned, CancellationToken()}, plan);
  ASSERT_TRUE(plan.diagnostics.HasError());
  EXPECT_EQ(plan.diagnostics.items()[0].attribute, AttributePath::Root("location_id"));
  EXPECT_THAT(Messages(plan.diagnostics), HasSubstr("locationUpdate"));

  framework::UpdateResponse refused;
  resource_.Update({plan.planned, resp.new_state, plan.planned, "", CancellationToken()}, refused);
  ASSERT_TRUE(refused.diagnostics.HasError());
  EXPECT_THAT(Messages(refused.diagnostics), HasSubstr("locationUpdate"));
  EXPECT_EQ(refused.new_state, resp.new_state);
  EXPECT_EQ(tenant_.numbers["+442079460001"]["locationId"], "loc-2");
}

TEST_F(AssignmentCrudTest, DeleteUnassignsOnlyOurOwnAssignment) {
  tenant_.numbers["+442079460001"] = NumberJson("+442079460001");
  Value state = Create(Planned("+442079460001", kUser)).new_state;

  tenant_.numbers["+442079460001"]["assignmentTargetId"] = kOtherUser;
  framework::DeleteResponse kept;
  resource_.Delete({state, "", CancellationToken()}, kept);
  EXPECT_FALSE(kept.diagnostics.HasError());
  EXPECT_EQ(tenant_.numbers["+442079460001"]["assignmentTargetId"], kOtherUser);

  tenant_.numbers["+442079460001"]["assignmentTargetId"] = kUser;
  tenant_.numbers["+442079460001"]["locationId"] = "loc-1";
  framework::DeleteResponse deleted;
  resource_.Delete({state, "", CancellationToken()}, deleted);
  ASSERT_FALSE(deleted.diagnostics.HasError()) << Messages(deleted.diagnostics);
  // The location is released with the number, so that it can be deleted.
  EXPECT_THAT(tenant_.posts,
              ::testing::ElementsAre("assignNumber", "updateNumber", "unassignNumber"));
  EXPECT_EQ(tenant_.numbers["+442079460001"]["locationId"], "");
  EXPECT_EQ(tenant_.numbers["+442079460001"]["assignmentStatus"], "unassigned");

  tenant_.numbers.clear();  // released by the operator: nothing to do
  framework::DeleteResponse gone;
  resource_.Delete({state, "", CancellationToken()}, gone);
  EXPECT_FALSE(gone.diagnostics.HasError());
}

TEST_F(AssignmentCrudTest, ImportNormalizesTheIdAndNeedsAnAssignedNumber) {
  tenant_.numbers["+442079460001"] = NumberJson("+442079460001", kUser);
  tenant_.numbers["+442079460002"] = NumberJson("+442079460002");

  framework::ImportResponse ok;
  resource_.ImportState({"+44 20 7946 0001", CancellationToken()}, ok);
  ASSERT_FALSE(ok.diagnostics.HasError()) << Messages(ok.diagnostics);
  EXPECT_EQ(ok.state.GetAttr("id"), S("+442079460001"));
  framework::ReadResponse read = Read(ok.state);
  EXPECT_EQ(read.new_state.GetAttr("assignment_target_id"), S(kUser));
  EXPECT_EQ(read.new_state.GetAttr("assignment_category"), S("primary"));
  EXPECT_EQ(read.new_state.GetAttr("number_type"), S("operatorConnect"));

  framework::ImportResponse unassigned;
  resource_.ImportState({"+442079460002", CancellationToken()}, unassigned);
  ASSERT_TRUE(unassigned.diagnostics.HasError());
  EXPECT_THAT(Messages(unassigned.diagnostics), HasSubstr("not assigned"));

  framework::ImportResponse invalid;
  resource_.ImportState({"alice", CancellationToken()}, invalid);
  ASSERT_TRUE(invalid.diagnostics.HasError());
  EXPECT_THAT(Messages(invalid.diagnostics), HasSubstr("E.164"));
}

// ---------------------------------------------------------------------------------------------
// operatorconnect_phone_numbers

TEST(PhoneNumbersDataSourceTest, ArgumentsBecomeTheFilter) {
  Type type = PhoneNumbersDataSource().GetSchema().ImpliedType();
  Value config = Value::Object(type, {{"country", S("GB")},
                                      {"operator_id", S(kOperator)},
                                      {"capability", S("userAssignment")},
                                      {"assignment_status", S("unassigned")}});
  client::NumberAssignmentFilter filter = PhoneNumbersFilter(PhoneNumbersMapping().Read(config));
  EXPECT_EQ(filter.iso_country_code, "GB");
  EXPECT_EQ(filter.operator_id, kOperator);
  EXPECT_EQ(filter.assignment_status, "unassigned");
  EXPECT_EQ(filter.number_type, std::nullopt);
  EXPECT_EQ(filter.capabilities, std::vector<std::string>{"userAssignment"});
}

TEST(PhoneNumbersDataSourceTest, ReadsEveryPageAndNamesEachOperatorFromOneCatalogRead) {
  FakeTenant tenant;
  tenant.page_size = 2;
  tenant.operators = {json{{"id", kOperator},
                           {"displayName", "Bluefin Telecom"},
                           {"offerDetailsUrl", nullptr},
                           {"offerings", json::array()},
                           {"countryCodes", {"GB"}},
                           {"offerTypes", {"calling"}}}};
  for (int i = 0; i < 5; ++i) {
    const std::string number = "+44207946000" + std::to_string(i);
    tenant.numbers[number] = NumberJson(number);
  }
  tenant.numbers["+442079460004"]["operatorId"] = "00000000-0000-0000-0000-000000000000";
  PhoneNumbersDataSource source;
  Diagnostics diags;
  source.Configure(framework::ProviderData(tenant.Context()), diags);
  framework::ReadDataRequest req{Value::Object(source.GetSchema().ImpliedType(), {}),
                                 CancellationToken()};
  framework::ReadDataResponse resp;
  source.Read(req, resp);
  ASSERT_FALSE(resp.diagnostics.HasError()) << Messages(resp.diagnostics);
  const auto& numbers = resp.state.GetAttr("numbers").Elements();
  ASSERT_EQ(numbers.size(), 5u);
  EXPECT_EQ(numbers[0].GetAttr("telephone_number"), S("+442079460000"));
  EXPECT_EQ(numbers[0].GetAttr("operator_name"), S("Bluefin Telecom"));
  EXPECT_EQ(numbers[0].GetAttr("country"), S("GB"));
  EXPECT_EQ(numbers[0].GetAttr("assignment_target_id"), NullString());
  EXPECT_EQ(numbers[4].GetAttr("operator_name"), NullString());  // not in the catalog
  EXPECT_TRUE(resp.state.IsWhollyKnown());
}

// Microsoft's Graph has no operator catalog: the inventory still reads, without names; any
// other catalog failure is still an error.
TEST(PhoneNumbersDataSourceTest, WithoutACatalogTheNumbersComeWithoutOperatorNames) {
  FakeTenant tenant;
  tenant.numbers["+442079460000"] = NumberJson("+442079460000");
  tenant.catalog_answer = GraphErrorResponse(
      400, "BadRequest", "Resource not found for the segment 'operatorConnect'.");
  PhoneNumbersDataSource source;
  Diagnostics diags;
  source.Configure(framework::ProviderData(tenant.Context()), diags);
  framework::ReadDataRequest req{Value::Object(source.GetSchema().ImpliedType(), {}),
                                 CancellationToken()};
  framework::ReadDataResponse resp;
  source.Read(req, resp);
  ASSERT_FALSE(resp.diagnostics.HasError()) << Messages(resp.diagnostics);
  const auto& numbers = resp.state.GetAttr("numbers").Elements();
  ASSERT_EQ(numbers.size(), 1u);
  EXPECT_EQ(numbers[0].GetAttr("operator_id"), S(kOperator));
  EXPECT_EQ(numbers[0].GetAttr("operator_name"), NullString());

  tenant.catalog_answer = GraphErrorResponse(400, "BadRequest", "Invalid filter clause.");
  framework::ReadDataResponse failed;
  source.Read(req, failed);
  EXPECT_TRUE(failed.diagnostics.HasError());
  EXPECT_THAT(Messages(failed.diagnostics), ::testing::HasSubstr("Invalid filter clause."));
}

TEST(PhoneNumberAssignmentModelTest, MapsEverySchemaAttributeOnce) {
  testing::ExpectMappingMatchesSchema(PhoneNumberAssignmentMapping(),
                                      PhoneNumberAssignmentResource().GetSchema());
}

TEST(PhoneNumberAssignmentModelTest, EachFieldReadsAndWritesItsOwnAttribute) {
  const Type type = PhoneNumberAssignmentResource().GetSchema().ImpliedType();
  // Every attribute a value of its own: a round trip alone passes when two fields swap.
  std::map<std::string, Value> attributes;
  for (const auto& [name, attribute_type] : type.attributes()) {
    attributes[name] = Value::String(name + "-value");
  }
  attributes["capabilities"] =
      Value::Set(Type::String(), {Value::String("InboundCalling"), Value::String("Mobile")});
  const Value state = Value::Object(type, attributes);
  const PhoneNumberAssignmentModel model = PhoneNumberAssignmentMapping().Read(state);
  EXPECT_EQ(model.id, "id-value");
  EXPECT_EQ(model.telephone_number, "telephone_number-value");
  EXPECT_EQ(model.assignment_target_id, "assignment_target_id-value");
  EXPECT_EQ(model.assignment_category, "assignment_category-value");
  EXPECT_EQ(model.number_type, "number_type-value");
  EXPECT_EQ(model.location_id, "location_id-value");
  EXPECT_EQ(model.operator_id, "operator_id-value");
  EXPECT_EQ(model.country, "country-value");
  EXPECT_EQ(model.civic_address_id, "civic_address_id-value");
  EXPECT_EQ(model.activation_state, "activation_state-value");
  EXPECT_EQ(model.assignment_status, "assignment_status-value");
  EXPECT_EQ(model.capabilities, (std::vector<std::string>{"InboundCalling", "Mobile"}));
  EXPECT_EQ(PhoneNumberAssignmentMapping().Write(model, type), state);
}

}  // namespace
}  // namespace opc::resources
