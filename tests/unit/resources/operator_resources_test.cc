// operatorconnect_operator_relationship and the catalog data sources against a scripted
// tenant (a fake transport that plays the consent API): schema rules, plan hooks, state
// mapping, ETags, waiting for the operator's agreement and the service's refusals.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "provider/framework/planner.h"
#include "provider/resources/operator_relationship_resource.h"
#include "provider/resources/operators_data_source.h"
#include "provider/resources/provider_context.h"
#include "schema_lookup.h"
#include "tests/unit/client/fakes.h"
#include "tests/unit/resources/state_model_testing.h"

namespace opc::resources {
namespace {

using client::HttpMethod;
using client::HttpRequest;
using client::HttpResponse;
using client::testing::GraphErrorResponse;
using client::testing::JsonResponse;
using client::testing::MakeResponse;
using framework::AttributePath;
using framework::Diagnostics;
using framework::Type;
using framework::Value;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kBluefin[] = "fb450e35-d758-4caa-b81c-c98f93176c14";
constexpr char kTenant[] = "11111111-2222-3333-4444-555555555555";

Value S(const std::string& text) { return Value::String(text); }

std::string Describe(const Diagnostics& diags) {
  std::string out;
  for (const auto& item : diags.items()) {
    out += item.summary + ": " + item.detail +
           (item.attribute ? " @" + item.attribute->ToString() : std::string()) + "\n";
  }
  return out;
}

bool HasErrorAt(const Diagnostics& diags, const std::string& attribute, const std::string& text) {
  for (const auto& item : diags.items()) {
    if (item.attribute && item.attribute->ToString() == attribute &&
        (absl::StrContains(item.summary, text) || absl::StrContains(item.detail, text))) {
      return true;
    }
  }
  return false;
}

nlohmann::json BluefinOperator() {
  return {{"id", kBluefin},
          {"displayName", "Bluefin Telecom"},
          {"offerDetailsUrl", "https://bluefin-telecom.example/teams"},
          {"offerings",
           {{{"offerType", "calling"}, {"countryCodes", {"GB", "IE", "US"}}},
            {{"offerType", "conferencing"}, {"countryCodes", {"GB", "US"}}}}},
          {"countryCodes", {"GB", "IE", "US"}},
          {"offerTypes", {"calling", "conferencing"}}};
}

// The consent API of one tenant, just enough of it for the resource.
class FakeTenant {
 public:
  // Statuses the operator reaches, one per GET of the consent after its creation.
  std::vector<std::string> relationship_script;
  std::string relationship_comment;
  bool numbers_assigned = false;
  // DELETEs refused with NumbersAssigned before one succeeds (the run unassigning them).
  int refused_deletes = 0;
  int stale_patches = 0;  // how many PATCHes answer 412 before one succeeds
  // Answer the consent API as Microsoft's Graph does (it does not serve it).
  bool graph_only = false;
  std::vector<HttpRequest> requests;

  absl::StatusOr<HttpResponse> Handle(const HttpRequest& request) {
    std::lock_guard lock(mu_);
    requests.push_back(request);
    const std::string& url = request.url;
    if (absl::StrContains(url, "/oauth2/v2.0/token")) {
      return JsonResponse(
          200, {{"token_type", "Bearer"}, {"expires_in", 3599}, {"access_token", "test-token"}});
    }
    if (graph_only && absl::StrContains(url, "/beta/admin/teams/operatorConnect")) {
      return GraphErrorResponse(400, "BadRequest",
                                "Resource not found for the segment 'operatorConnect'.");
    }
    const std::string consents = "/beta/admin/teams/operatorConnect/consents";
    const std::string operators = "/beta/admin/teams/operatorConnect/operators";
    if (absl::StrContains(url, operators + "/" + kBluefin)) {
      return JsonResponse(200, BluefinOperator());
    }
    if (absl::StrContains(url, operators + "/")) {
      return GraphErrorResponse(404, "NotFound", "Operator not found.");
    }
    if (absl::StrContains(url, operators)) {
      return JsonResponse(200, {{"value", {BluefinOperator()}}});
    }
    if (request.method == HttpMethod::kPost && absl::EndsWith(url, consents)) {
      nlohmann::json body = nlohmann::json::parse(request.body);
      if (!consent_.is_null()) {
        return GraphErrorResponse(409, "ConsentAlreadyExists", "Already enabled.");
      }
      consent_ = {{"id", body["operatorId"]},
                  {"operatorId", body["operatorId"]},
                  {"operatorDisplayName", "Bluefin Telecom"},
                  {"status", "active"},
                  {"consentedCountries", body["consentedCountries"]},
                  {"contacts", body["contacts"]},
                  {"dataTransferNoticeAccepted", true},
                  {"consentedDateTime", "2026-11-25T03:04:05Z"},
                  {"customerRelationship", nullptr}};
      return Entity(201);
    }
    if (!absl::StrContains(url, consents + "/")) {
      return GraphErrorResponse(400, "BadRequest", "unexpected " + url);
    }
    if (consent_.is_null()) {
      return GraphErrorResponse(404, "NotFound", "No consent for this operator.");
    }
    switch (request.method) {
      case HttpMethod::kGet:
        if (!relationship_script.empty()) {
          consent_["customerRelationship"] = {{"status", relationship_script.front()},
                                              {"comment", relationship_comment}};
          relationship_script.erase(relationship_script.begin());
        }
        return Entity(200);
      case HttpMethod::kPatch: {
        if (stale_patches > 0 || request.headers.Get("If-Match") != Etag()) {
          --stale_patches;
          ++version_;  // someone else's write
          return GraphErrorResponse(412, "PreconditionFailed", "The entity changed.");
        }
        const nlohmann::json patch = nlohmann::json::parse(request.body);
        for (const auto& [key, value] : patch.items()) {
          consent_[key] = value;
        }
        ++version_;
        return Entity(200);
      }
      case HttpMethod::kDelete:
        if (numbers_assigned || refused_deletes > 0) {
          --refused_deletes;
          return GraphErrorResponse(409, "NumbersAssigned",
                                    "Cannot remove the consent: 1 of this operator's numbers are "
                                    "assigned (+442079460018). Unassign them first.");
        }
        consent_ = nullptr;
        return MakeResponse(204);
      default:
        return GraphErrorResponse(405, "MethodNotAllowed", "no");
    }
  }

  nlohmann::json consent() {
    std::lock_guard lock(mu_);
    return consent_;
  }
  void set_consent(nlohmann::json consent) {
    std::lock_guard lock(mu_);
    consent_ = std::move(consent);
  }
  std::vector<HttpRequest> RequestsWith(HttpMethod method) {
    std::lock_guard lock(mu_);
    std::vector<HttpRequest> out;
    for (const HttpRequest& request : requests) {
      if (request.method == method && absl::StrContains(request.url, "/consents")) {
        out.push_back(request);
      }
    }
    return out;
  }

 private:
  std::string Etag() const { return "W/\"v" + std::to_string(version_) + "\""; }
  HttpResponse Entity(int status) {
    nlohmann::json body = consent_;
    body["@odata.etag"] = Etag();
    client::HttpHeaders headers;
    headers.Set("ETag", Etag());
    return JsonResponse(status, body, headers);
  }

  std::mutex mu_;
  nlohmann::json consent_;
  int version_ = 1;
};

class OperatorRelationshipTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client::ClientConfig config;
    config.tenant_id = kTenant;
    config.client_id = "22222222-3333-4444-5555-666666666666";
    config.client_secret = "unit-test-secret";
    config.endpoint = "http://127.0.0.1:9";
    config.authority_url = "http://127.0.0.1:9";
    config.max_retries = 0;
    auto transport = std::make_shared<client::testing::FakeTransport>();
    transport->SetHandler([this](const HttpRequest& request) { return tenant_.Handle(request); });
    client::ClientDependencies deps;
    deps.transport = transport;
    deps.clock = &clock_;
    deps.sleeper = &sleeper_;
    auto client = client::TenantClient::Create(config, deps);
    ASSERT_TRUE(client.ok()) << client.status();
    auto context = std::make_shared<ProviderContext>();
    context->client = std::shared_ptr<const client::TenantClient>(std::move(*client));
    Diagnostics diags;
    resource_.Configure(std::shared_ptr<const ProviderContext>(context), diags);
    operators_.Configure(std::shared_ptr<const ProviderContext>(context), diags);
    operator_.Configure(std::shared_ptr<const ProviderContext>(context), diags);
    type_ = resource_.GetSchema().ImpliedType();
  }

  Value Contact(const std::string& phone = "+44 20 7946 0018") {
    return Value::Object(type_.attributes().at("contact"),
                         {{"full_name", S("Alice Hughes")},
                          {"email", S("alice.hughes@fernleaf.example")},
                          {"telephone_number", S(phone)},
                          {"company_name", S("Fernleaf Outfitters")},
                          {"company_size", S("L100_U249")}});
  }

  // A config as Terraform sends it (computed attributes null).
  Value Config(std::map<std::string, Value> overrides = {}) {
    std::map<std::string, Value> attributes = {
        {"operator_id", S(kBluefin)},
        {"countries", Value::Set(Type::String(), {S("GB"), S("US")})},
        {"contact", Contact()},
        {"data_transfer_notice_accepted", Value::Bool(true)}};
    for (auto& [name, value] : overrides) {
      attributes[name] = value;
    }
    return Value::Object(type_, attributes);
  }

  // The generic planner followed by the resource's hook, as the server runs them.
  framework::ModifyPlanResponse Plan(const Value& prior, const Value& config) {
    framework::Schema schema = resource_.GetSchema();
    framework::PlanOutput plan = framework::PlanChange({schema, prior, config, config});
    framework::ModifyPlanResponse resp;
    resp.planned = plan.planned;
    resp.requires_replace = plan.requires_replace;
    resp.diagnostics = plan.diagnostics;
    resource_.ModifyPlan({config, prior, config, CancellationToken()}, resp);
    Diagnostics valid;
    framework::CheckPlanValid(schema.block, prior, config, resp.planned, valid);
    EXPECT_FALSE(valid.HasError()) << Describe(valid);
    return resp;
  }

  Value CreateFrom(const Value& config, Diagnostics* diags = nullptr) {
    framework::ModifyPlanResponse plan = Plan(Value::Null(type_), config);
    EXPECT_FALSE(plan.diagnostics.HasError()) << Describe(plan.diagnostics);
    framework::CreateResponse resp;
    resource_.Create({config, plan.planned, "", CancellationToken()}, resp);
    if (diags != nullptr) {
      *diags = resp.diagnostics;
    } else {
      EXPECT_FALSE(resp.diagnostics.HasError()) << Describe(resp.diagnostics);
      Diagnostics consistent;
      framework::CheckAppliedAgainstPlan(plan.planned, resp.new_state, consistent);
      EXPECT_FALSE(consistent.HasError()) << Describe(consistent);
    }
    return resp.new_state;
  }

  Value Read(const Value& state) {
    framework::ReadResponse resp;
    resource_.Read({state, "", CancellationToken()}, resp);
    EXPECT_FALSE(resp.diagnostics.HasError()) << Describe(resp.diagnostics);
    return resp.new_state;
  }

  Diagnostics Validate(const Value& config) {
    Diagnostics diags;
    framework::ValidateAgainstSchema(resource_.GetSchema().block, config, diags);
    resource_.ValidateConfig(config, diags);
    return diags;
  }

  client::testing::FakeClock clock_;
  client::testing::FakeSleeper sleeper_{clock_};
  FakeTenant tenant_;
  OperatorRelationshipResource resource_;  // default polling: waits run on the fake clock
  OperatorsDataSource operators_;
  OperatorDataSource operator_;
  Type type_;
};

TEST_F(OperatorRelationshipTest, SchemaDescribesEveryAttributeAndReplacesOnlyOnOperatorChange) {
  framework::Schema schema = resource_.GetSchema();
  for (const auto& attribute : schema.block.attributes) {
    EXPECT_FALSE(attribute.description.empty()) << attribute.name;
    EXPECT_EQ(Has<framework::RequiresReplaceModifier>(attribute), attribute.name == "operator_id")
        << attribute.name;
  }
  EXPECT_TRUE(Has<framework::UseStateForUnknownModifier>(AttributeOf(schema, "id")));
  EXPECT_FALSE(
      Has<framework::UseStateForUnknownModifier>(AttributeOf(schema, "relationship_status")))
      << "the operator changes it, so an update must not promise the prior value";
}

TEST_F(OperatorRelationshipTest, NoticeNotAcceptedIsAValidateErrorThatExplainsTheNotice) {
  Diagnostics diags = Validate(Config({{"data_transfer_notice_accepted", Value::Bool(false)}}));
  EXPECT_TRUE(HasErrorAt(diags, "data_transfer_notice_accepted", "data transfer notice"))
      << Describe(diags);
  EXPECT_TRUE(HasErrorAt(diags, "data_transfer_notice_accepted", "must be true"))
      << Describe(diags);
}

TEST_F(OperatorRelationshipTest, BadInputIsRejectedAtItsAttribute) {
  Value bad_contact = Contact("555-0100").WithAttr("company_size", S("about 200"));
  Diagnostics diags = Validate(Config({{"operator_id", S("bluefin")},
                                       {"countries", Value::Set(Type::String(), {S("gb")})},
                                       {"contact", bad_contact},
                                       {"agreement_timeout", S("30 minutes")}}));
  EXPECT_TRUE(HasErrorAt(diags, "operator_id", "GUID")) << Describe(diags);
  EXPECT_TRUE(HasErrorAt(diags, "countries", "ISO 3166-1 alpha-2")) << Describe(diags);
  EXPECT_TRUE(HasErrorAt(diags, "contact.company_size", "L100_U249")) << Describe(diags);
  EXPECT_TRUE(HasErrorAt(diags, "contact.telephone_number", "international")) << Describe(diags);
  EXPECT_TRUE(HasErrorAt(diags, "agreement_timeout", "duration")) << Describe(diags);
  EXPECT_FALSE(Validate(Config()).HasError()) << Describe(Validate(Config()));
}

TEST_F(OperatorRelationshipTest, PlanRejectsCountriesTheOperatorDoesNotOffer) {
  framework::ModifyPlanResponse plan = Plan(
      Value::Null(type_), Config({{"countries", Value::Set(Type::String(), {S("GB"), S("FR")})}}));
  EXPECT_TRUE(HasErrorAt(plan.diagnostics, "countries", "does not offer service in FR"))
      << Describe(plan.diagnostics);
  EXPECT_THAT(Describe(plan.diagnostics), HasSubstr("It offers: GB, IE, US"));

  plan = Plan(Value::Null(type_),
              Config({{"operator_id", S("00000000-0000-0000-0000-000000000001")}}));
  EXPECT_TRUE(HasErrorAt(plan.diagnostics, "operator_id", "no operator with id"))
      << Describe(plan.diagnostics);
}

TEST_F(OperatorRelationshipTest, CreateMapsTheConsentAndAReplanIsEmpty) {
  Value state = CreateFrom(Config());
  nlohmann::json consent = tenant_.consent();
  EXPECT_EQ(consent["consentedCountries"], nlohmann::json({"GB", "US"}));
  EXPECT_EQ(consent["contacts"][0]["telephoneNumber"], "+442079460018") << "sent in E.164";

  EXPECT_EQ(state.GetAttr("id"), S(kBluefin));
  EXPECT_EQ(state.GetAttr("operator_name"), S("Bluefin Telecom"));
  EXPECT_EQ(state.GetAttr("status"), S("active"));
  EXPECT_EQ(state.GetAttr("suspended"), Value::Bool(false));
  EXPECT_EQ(state.GetAttr("relationship_status"), S(kRelationshipPending));
  EXPECT_TRUE(state.GetAttr("relationship_comment").IsNull());
  EXPECT_EQ(state.GetAttr("agreement_timeout"), S("30m"));
  EXPECT_EQ(state.GetAttr("contact").GetAttr("telephone_number"), S("+44 20 7946 0018"))
      << "the configured spelling stays";

  // The operator acts; a refresh sees it, and the plan still proposes nothing.
  tenant_.relationship_script = {"CustomerContacted"};
  Value refreshed = Read(state);
  EXPECT_EQ(refreshed.GetAttr("relationship_status"), S("CustomerContacted"));
  framework::ModifyPlanResponse plan = Plan(refreshed, Config());
  EXPECT_EQ(plan.planned, refreshed) << plan.planned.DebugString();
  EXPECT_TRUE(plan.requires_replace.empty());
}

TEST_F(OperatorRelationshipTest, DriftShowsAndUpdateSendsOnlyTheDifferenceWithIfMatch) {
  Value state = CreateFrom(Config());
  nlohmann::json drifted = tenant_.consent();
  drifted["consentedCountries"] = {"GB"};
  drifted["status"] = "suspended";
  tenant_.set_consent(drifted);
  Value refreshed = Read(state);
  EXPECT_EQ(refreshed.GetAttr("countries"), Value::Set(Type::String(), {S("GB")}));
  EXPECT_EQ(refreshed.GetAttr("suspended"), Value::Bool(true));

  framework::ModifyPlanResponse plan = Plan(refreshed, Config());
  EXPECT_EQ(plan.planned.GetAttr("status"), S("active")) << "status follows suspended";
  EXPECT_TRUE(plan.planned.GetAttr("relationship_status").IsUnknown());
  EXPECT_TRUE(plan.requires_replace.empty());

  tenant_.stale_patches = 1;  // someone writes between our read and our PATCH: retried
  framework::UpdateResponse resp;
  resource_.Update({Config(), refreshed, plan.planned, "", CancellationToken()}, resp);
  ASSERT_FALSE(resp.diagnostics.HasError()) << Describe(resp.diagnostics);
  Diagnostics consistent;
  framework::CheckAppliedAgainstPlan(plan.planned, resp.new_state, consistent);
  EXPECT_FALSE(consistent.HasError()) << Describe(consistent);

  std::vector<HttpRequest> patches = tenant_.RequestsWith(HttpMethod::kPatch);
  ASSERT_EQ(patches.size(), 2u);
  for (const HttpRequest& patch : patches) {
    EXPECT_TRUE(patch.headers.Get("If-Match").has_value());
  }
  nlohmann::json body = nlohmann::json::parse(patches.back().body);
  EXPECT_EQ(body["consentedCountries"], nlohmann::json({"GB", "US"}));
  EXPECT_EQ(body["status"], "active");
  EXPECT_FALSE(body.contains("contacts")) << "unchanged fields are not rewritten";
  EXPECT_EQ(tenant_.consent()["status"], "active");
}

TEST_F(OperatorRelationshipTest, SuspendedOnCreateAndSpellingOnlyChangesPlanNothing) {
  Value state = CreateFrom(Config({{"suspended", Value::Bool(true)}}));
  EXPECT_EQ(state.GetAttr("status"), S("suspended"));
  EXPECT_EQ(tenant_.consent()["status"], "suspended");

  Value config = Config({{"suspended", Value::Bool(true)}, {"contact", Contact("+442079460018")}});
  framework::ModifyPlanResponse plan = Plan(state, config);
  EXPECT_EQ(plan.planned, state) << "another spelling of the same number is no change";
}

TEST_F(OperatorRelationshipTest, WaitForAgreementPollsUntilSigned) {
  tenant_.relationship_script = {"ConsentAcknowledged", "CustomerContacted", "AgreementSigned"};
  Value state = CreateFrom(Config({{"wait_for_agreement", Value::Bool(true)}}));
  EXPECT_EQ(state.GetAttr("relationship_status"), S("AgreementSigned"));
  EXPECT_EQ(state.GetAttr("wait_for_agreement"), Value::Bool(true));
}

TEST_F(OperatorRelationshipTest, WaitForAgreementFailsOnDeclineAndKeepsTheConsent) {
  tenant_.relationship_script = {"ConsentAcknowledged", "ConsentDeclined"};
  tenant_.relationship_comment = "Not serving this region yet";
  Diagnostics diags;
  Value state = CreateFrom(Config({{"wait_for_agreement", Value::Bool(true)}}), &diags);
  EXPECT_TRUE(HasErrorAt(diags, "wait_for_agreement", "declined")) << Describe(diags);
  EXPECT_THAT(Describe(diags), HasSubstr("Not serving this region yet"));
  ASSERT_FALSE(state.IsNull()) << "the consent exists, so it stays in the state";
  EXPECT_EQ(state.GetAttr("relationship_status"), S("ConsentDeclined"));
  EXPECT_FALSE(tenant_.consent().is_null());
}

TEST_F(OperatorRelationshipTest, WaitForAgreementTimesOutOnTheClientsClock) {
  Diagnostics diags;
  Value state = CreateFrom(
      Config({{"wait_for_agreement", Value::Bool(true)}, {"agreement_timeout", S("1m")}}), &diags);
  EXPECT_TRUE(HasErrorAt(diags, "wait_for_agreement", "has not signed the agreement within 1m"))
      << Describe(diags);
  EXPECT_EQ(state.GetAttr("relationship_status"), S(kRelationshipPending));
  // Every wait went through the client's sleeper: doubling from 1s, capped at 15s, and the
  // last one ends exactly at the timeout (one minute of fake time, none of the wall clock's).
  using std::chrono::milliseconds;
  using std::chrono::seconds;
  EXPECT_EQ(sleeper_.sleeps(),
            (std::vector<milliseconds>{seconds(1), seconds(2), seconds(4), seconds(8), seconds(15),
                                       seconds(15), seconds(15)}));
}

TEST_F(OperatorRelationshipTest, DestroyRefusedWhileNumbersAreAssignedNamesThem) {
  Value state = CreateFrom(Config());
  tenant_.numbers_assigned = true;
  framework::DeleteResponse refused;
  resource_.Delete({state, "", CancellationToken()}, refused);
  EXPECT_THAT(Describe(refused.diagnostics), HasSubstr("+442079460018"));
  EXPECT_THAT(Describe(refused.diagnostics), HasSubstr("NumbersAssigned"));
  // Nobody unassigns them (the refusal never changes): the wait ends after a minute of fake
  // time without progress, well before the 5-minute cap.
  using std::chrono::seconds;
  EXPECT_EQ(sleeper_.sleeps(),
            (std::vector<std::chrono::milliseconds>{seconds(1), seconds(2), seconds(4), seconds(8),
                                                    seconds(15), seconds(15), seconds(15)}));
  EXPECT_THAT(Describe(refused.diagnostics), HasSubstr("without any being unassigned"));
  ASSERT_FALSE(tenant_.RequestsWith(HttpMethod::kDelete).empty());
  EXPECT_TRUE(tenant_.RequestsWith(HttpMethod::kDelete).back().headers.Get("If-Match"));

  tenant_.numbers_assigned = false;
  framework::DeleteResponse deleted;
  resource_.Delete({state, "", CancellationToken()}, deleted);
  EXPECT_FALSE(deleted.diagnostics.HasError()) << Describe(deleted.diagnostics);
  EXPECT_TRUE(tenant_.consent().is_null());
  EXPECT_TRUE(Read(state).IsNull()) << "gone: Terraform plans a create";
}

TEST_F(OperatorRelationshipTest, ImportFillsEveryConfiguredAttributeWithDefaults) {
  CreateFrom(Config());
  framework::ImportResponse imported;
  resource_.ImportState({std::string(kBluefin), CancellationToken()}, imported);
  ASSERT_FALSE(imported.diagnostics.HasError()) << Describe(imported.diagnostics);
  Value state = Read(imported.state);
  EXPECT_EQ(state.GetAttr("wait_for_agreement"), Value::Bool(false));
  EXPECT_EQ(state.GetAttr("agreement_timeout"), S("30m"));
  // The config's spelling of the number differs from the service's: still no change.
  framework::ModifyPlanResponse plan = Plan(state, Config());
  EXPECT_EQ(plan.planned, state) << plan.planned.DebugString();

  framework::ImportResponse bad;
  resource_.ImportState({"Bluefin Telecom", CancellationToken()}, bad);
  EXPECT_THAT(Describe(bad.diagnostics), HasSubstr("operator id"));
}

TEST_F(OperatorRelationshipTest, CreateTakesOverAnIdenticalConsentAndRefusesADifferentOne) {
  Value first = CreateFrom(Config());
  // Left behind by an interrupted run: the same consent is taken over, not refused.
  Value again = CreateFrom(Config());
  EXPECT_EQ(again, first) << again.DebugString();
  EXPECT_EQ(tenant_.RequestsWith(HttpMethod::kPost).size(), 2u);  // the second got 409

  // Enabled with other countries: never taken over; the error names the attribute.
  Diagnostics diags;
  Value state =
      CreateFrom(Config({{"countries", Value::Set(Type::String(), {S("GB"), S("IE")})}}), &diags);
  EXPECT_TRUE(HasErrorAt(diags, "countries", "terraform import")) << Describe(diags);
  EXPECT_TRUE(HasErrorAt(diags, "countries", "\"" + std::string(kBluefin) + "\""))
      << Describe(diags);
  EXPECT_TRUE(state.IsNull());
}

TEST_F(OperatorRelationshipTest, DestroyWaitsWhileTheSameRunUnassignsTheNumbers) {
  Value state = CreateFrom(Config());
  tenant_.refused_deletes = 2;
  framework::DeleteResponse deleted;
  resource_.Delete({state, "", CancellationToken()}, deleted);
  EXPECT_FALSE(deleted.diagnostics.HasError()) << Describe(deleted.diagnostics);
  EXPECT_EQ(tenant_.RequestsWith(HttpMethod::kDelete).size(), 3u);
  EXPECT_TRUE(tenant_.consent().is_null());
}

TEST_F(OperatorRelationshipTest, ASettingsOnlyChangeKeepsTheTenantsValuesKnown) {
  Value state = CreateFrom(Config());
  Value config = Config({{"agreement_timeout", S("10m")}});
  framework::ModifyPlanResponse plan = Plan(state, config);
  EXPECT_EQ(plan.planned.GetAttr("agreement_timeout"), S("10m"));
  for (const char* read : {"status", "relationship_status", "consented_at", "operator_name"}) {
    EXPECT_EQ(plan.planned.GetAttr(read), state.GetAttr(read)) << read;
  }
  framework::UpdateResponse updated;
  resource_.Update({config, state, plan.planned, "", CancellationToken()}, updated);
  EXPECT_FALSE(updated.diagnostics.HasError()) << Describe(updated.diagnostics);
  EXPECT_EQ(updated.new_state, plan.planned);
  EXPECT_TRUE(tenant_.RequestsWith(HttpMethod::kPatch).empty());

  // Waiting for an agreement not signed yet: the status the wait ends with is not known.
  framework::ModifyPlanResponse waiting =
      Plan(state, Config({{"wait_for_agreement", Value::Bool(true)}}));
  EXPECT_FALSE(waiting.planned.GetAttr("relationship_status").IsKnown());
}

TEST_F(OperatorRelationshipTest, OperatorDataSourceFindsByNameAndExplainsAMiss) {
  Type type = operator_.GetSchema().ImpliedType();
  framework::ReadDataResponse found;
  operator_.Read(
      {Value::Object(type, {{"display_name", S("bluefin telecom")}}), CancellationToken()}, found);
  ASSERT_FALSE(found.diagnostics.HasError()) << Describe(found.diagnostics);
  EXPECT_EQ(found.state.GetAttr("id"), S(kBluefin));
  EXPECT_EQ(found.state.GetAttr("countries"), StringList({"GB", "IE", "US"}));
  EXPECT_EQ(found.state.GetAttr("offerings").Elements()[1].GetAttr("offer_type"),
            S("conferencing"));

  framework::ReadDataResponse missing;
  operator_.Read({Value::Object(type, {{"display_name", S("Nobody")}}), CancellationToken()},
                 missing);
  EXPECT_TRUE(HasErrorAt(missing.diagnostics, "display_name", "\"Bluefin Telecom\""))
      << Describe(missing.diagnostics);

  Diagnostics neither;
  operator_.ValidateConfig(Value::Object(type, {}), neither);
  EXPECT_TRUE(neither.HasError());
}

TEST_F(OperatorRelationshipTest, OperatorsDataSourceSendsTheFilters) {
  Type type = operators_.GetSchema().ImpliedType();
  framework::ReadDataResponse resp;
  operators_.Read({Value::Object(type, {{"country", S("GB")}, {"offer_type", S("calling")}}),
                   CancellationToken()},
                  resp);
  ASSERT_FALSE(resp.diagnostics.HasError()) << Describe(resp.diagnostics);
  ASSERT_EQ(resp.state.GetAttr("operators").Elements().size(), 1u);
  EXPECT_EQ(resp.state.GetAttr("operators").Elements()[0].GetAttr("display_name"),
            S("Bluefin Telecom"));
  const std::string& url = tenant_.requests.back().url;
  EXPECT_THAT(url, HasSubstr("countryCodes"));
  EXPECT_THAT(url, HasSubstr("offerTypes"));
}

// Against an endpoint that does not serve the consent API (Microsoft's Graph), a create plan
// and a read are refused with one diagnostic that names no HTTP answer, and the endpoint is
// asked once for the whole process.
TEST_F(OperatorRelationshipTest, RefusedAtPlanWhereTheEndpointDoesNotServeTheApi) {
  tenant_.graph_only = true;
  framework::ModifyPlanResponse plan = Plan(Value::Null(type_), Config());
  ASSERT_EQ(plan.diagnostics.items().size(), 1u) << Describe(plan.diagnostics);
  const auto& error = plan.diagnostics.items()[0];
  EXPECT_EQ(error.summary,
            "operatorconnect_operator_relationship needs an API Microsoft does not publish");
  EXPECT_THAT(error.detail, HasSubstr("Microsoft publishes no API for Operator Connect operators"));
  EXPECT_THAT(error.detail, HasSubstr("schemas/tenant-api.yaml"));
  for (const char* raw : {"400", "BadRequest", "Resource not found", "request-id"}) {
    EXPECT_THAT(error.summary + error.detail, Not(HasSubstr(raw)));
  }

  framework::ReadResponse read;
  resource_.Read({Config().WithAttr("id", S(kBluefin)), "", CancellationToken()}, read);
  ASSERT_EQ(read.diagnostics.items().size(), 1u) << Describe(read.diagnostics);
  EXPECT_EQ(read.diagnostics.items()[0].summary, error.summary);

  framework::ReadDataResponse catalog;
  operators_.Read({Value::Null(operators_.GetSchema().ImpliedType()), CancellationToken()},
                  catalog);
  EXPECT_TRUE(catalog.diagnostics.HasError());

  size_t probes = 0;
  for (const HttpRequest& request : tenant_.requests) {
    probes += absl::StrContains(request.url, "/operatorConnect/") ? 1 : 0;
  }
  EXPECT_EQ(probes, 1u) << "one question per area and process";
}

TEST_F(OperatorRelationshipTest, PlansAsBeforeWhereTheEndpointServesTheApi) {
  framework::ModifyPlanResponse plan = Plan(Value::Null(type_), Config());
  EXPECT_FALSE(plan.diagnostics.HasError()) << Describe(plan.diagnostics);
}

TEST(OperatorRelationshipModelTest, MapsEverySchemaAttributeOnce) {
  testing::ExpectMappingMatchesSchema(OperatorRelationshipMapping(),
                                      OperatorRelationshipResource().GetSchema());
}

TEST(OperatorRelationshipModelTest, EachFieldReadsAndWritesItsOwnAttribute) {
  const Type type = OperatorRelationshipResource().GetSchema().ImpliedType();
  // Every attribute a value of its own, so a field bound to another attribute shows.
  std::map<std::string, Value> attributes;
  for (const auto& [name, attribute_type] : type.attributes()) {
    if (attribute_type == Type::String()) {
      attributes[name] = S(name + "-value");
    }
  }
  attributes["countries"] = Value::Set(Type::String(), {S("GB"), S("IE")});
  const Type& contact_type = type.attributes().at("contact");
  std::map<std::string, Value> contact;
  for (const auto& [name, attribute_type] : contact_type.attributes()) {
    contact[name] = S("contact." + name);
  }
  attributes["contact"] = Value::Object(contact_type, contact);
  const char* kBools[] = {"data_transfer_notice_accepted", "suspended", "wait_for_agreement"};
  // One bool true at a time: two bools bound to each other's member would pass with equal values.
  for (const std::string on : kBools) {
    for (const char* name : kBools) {
      attributes[name] = Value::Bool(name == on);
    }
    const Value state = Value::Object(type, attributes);
    const OperatorRelationshipModel model = OperatorRelationshipMapping().Read(state);
    EXPECT_EQ(model.data_transfer_notice_accepted, on == "data_transfer_notice_accepted");
    EXPECT_EQ(model.suspended, on == "suspended");
    EXPECT_EQ(model.wait_for_agreement, on == "wait_for_agreement");
    EXPECT_EQ(model.id, "id-value");
    EXPECT_EQ(model.operator_id, "operator_id-value");
    EXPECT_EQ(model.countries, (std::vector<std::string>{"GB", "IE"}));
    ASSERT_TRUE(model.contact.has_value());
    EXPECT_EQ(model.contact->full_name, "contact.full_name");
    EXPECT_EQ(model.contact->email, "contact.email");
    EXPECT_EQ(model.contact->telephone_number, "contact.telephone_number");
    EXPECT_EQ(model.contact->company_name, "contact.company_name");
    EXPECT_EQ(model.contact->company_size, "contact.company_size");
    EXPECT_EQ(model.agreement_timeout, "agreement_timeout-value");
    EXPECT_EQ(model.operator_name, "operator_name-value");
    EXPECT_EQ(model.status, "status-value");
    EXPECT_EQ(model.relationship_status, "relationship_status-value");
    EXPECT_EQ(model.relationship_comment, "relationship_comment-value");
    EXPECT_EQ(model.consented_at, "consented_at-value");
    EXPECT_EQ(OperatorRelationshipMapping().Write(model, type), state) << on;
  }
}

}  // namespace
}  // namespace opc::resources
