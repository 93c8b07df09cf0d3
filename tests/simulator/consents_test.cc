// Operator catalog and the tenant's consents (operator relationships).

#include "tests/simulator/sim_test_support.h"

namespace opcsim::testing {
namespace {

class ConsentsTest : public SimTest {
 protected:
  std::string Path(const std::string& operator_id) {
    return std::string(kConsentsPath) + "/" + operator_id;
  }
  nlohmann::json CreateBody(const std::string& operator_id,
                            const std::vector<std::string>& countries) {
    return {{"operatorId", operator_id},
            {"consentedCountries", countries},
            {"contacts", {ContactJson()}},
            {"dataTransferNoticeAccepted", true}};
  }
  std::vector<std::string> OperatorNames(const std::string& filter) {
    Reply reply = client_->Get(std::string(kOperatorsPath) + "?$filter=" + Q(filter));
    EXPECT_EQ(reply.status, 200) << reply.body.dump();
    std::vector<std::string> names;
    for (const auto& op : reply.body["value"]) {
      names.push_back(op["displayName"]);
    }
    return names;
  }
  // Assigns +441632960001 (Bluefin, GB) to Alice.
  void AssignGbNumber() {
    ASSERT_EQ(Upload(kBluefin, {{"capabilities", {"userAssignment"}},
                                {"numbers", {"+441632960001", "+441632960002"}}})
                  .status,
              201);
    nlohmann::json operation = Finish(StartAssign({{"telephoneNumber", "+441632960001"},
                                                   {"assignmentTargetId", kAlice},
                                                   {"numberType", "operatorConnect"}}));
    ASSERT_EQ(operation["status"], "succeeded") << operation.dump();
  }
};

TEST_F(ConsentsTest, CatalogFiltersByCountryAndOfferType) {
  Reply all = client_->Get(kOperatorsPath);
  ASSERT_EQ(all.status, 200);
  ASSERT_EQ(all.body["value"].size(), 10u);
  const auto& first = all.body["value"][0];  // sorted by displayName
  EXPECT_EQ(first["displayName"], "Bluefin Telecom");
  EXPECT_EQ(first["offerDetailsUrl"], "https://bluefin-telecom.example/teams");
  EXPECT_EQ(first["countryCodes"], nlohmann::json({"GB", "IE", "US"}));
  EXPECT_EQ(first["offerTypes"], nlohmann::json({"calling", "conferencing"}));
  EXPECT_EQ(first["offerings"][1]["offerType"], "conferencing");

  EXPECT_EQ(OperatorNames("countryCodes/any(c:c eq 'jp')"),
            (std::vector<std::string>{"Meridian Carrier", "Redwood Voice"}));
  EXPECT_EQ(OperatorNames("countryCodes/any(c:c eq 'GB') and "
                          "offerTypes/any(t:t eq 'teamsPhoneMobile')"),
            std::vector<std::string>{"Polaris Connect"});
  EXPECT_EQ(OperatorNames("displayName eq 'kestrel networks'"),
            std::vector<std::string>{"Kestrel Networks"});

  Reply one = client_->Get(std::string(kOperatorsPath) + "/" + kKestrel);
  EXPECT_EQ(one.status, 200);
  EXPECT_EQ(one.body["displayName"], "Kestrel Networks");
  EXPECT_EQ(client_->Get(std::string(kOperatorsPath) + "/unknown").status, 404);
}

TEST_F(ConsentsTest, CreateReadAndConditionalRequests) {
  Reply created = client_->Post(kConsentsPath, CreateBody(kKestrel, {"fr", "DE", "DE"}));
  ASSERT_EQ(created.status, 201) << created.body.dump();
  EXPECT_EQ(created.body["id"], kKestrel);
  EXPECT_EQ(created.body["operatorDisplayName"], "Kestrel Networks");
  EXPECT_EQ(created.body["status"], "active");
  EXPECT_EQ(created.body["consentedCountries"], nlohmann::json({"DE", "FR"}));
  EXPECT_EQ(created.body["contacts"][0]["companySize"], "L250_U999");
  EXPECT_TRUE(created.body["customerRelationship"].is_null());
  EXPECT_TRUE(created.body["dataTransferNoticeAccepted"]);
  const std::string etag = created.Header("ETag");
  ASSERT_EQ(etag.rfind("W/\"", 0), 0u);
  EXPECT_EQ(created.body["@odata.etag"], etag);
  EXPECT_NE(created.Header("Location").find(Path(kKestrel)), std::string::npos);

  Reply read = client_->Get(Path(kKestrel));
  EXPECT_EQ(read.status, 200);
  EXPECT_EQ(read.Header("ETag"), etag);  // same content, same tag
  EXPECT_EQ(client_->Get(Path(kKestrel), {{"If-None-Match", etag}}).status, 304);

  Reply listed = client_->Get(std::string(kConsentsPath) + "?$filter=" + Q("status eq 'Active'"));
  ASSERT_EQ(listed.body["value"].size(), 1u);
  EXPECT_EQ(listed.body["value"][0]["@odata.etag"], etag);

  Reply suspended = client_->Patch(Path(kKestrel), {{"status", "suspended"}}, {{"If-Match", etag}});
  ASSERT_EQ(suspended.status, 200) << suspended.body.dump();
  EXPECT_EQ(suspended.body["status"], "suspended");
  EXPECT_NE(suspended.Header("ETag"), etag);

  Reply stale = client_->Patch(Path(kKestrel), {{"status", "active"}}, {{"If-Match", etag}});
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(stale.ErrorCode(), "PreconditionFailed");
  EXPECT_EQ(client_->Delete(Path(kKestrel), {{"If-Match", etag}}).status, 412);
  EXPECT_EQ(client_->Patch(Path(kKestrel), {{"status", "active"}}, {{"If-Match", "*"}}).status,
            200);
}

TEST_F(ConsentsTest, ValidationErrors) {
  nlohmann::json body = CreateBody(kKestrel, {"DE"});
  body["dataTransferNoticeAccepted"] = false;
  Reply notice = client_->Post(kConsentsPath, body);
  EXPECT_EQ(notice.status, 400);
  EXPECT_EQ(notice.ErrorCode(), "DataTransferNoticeNotAccepted");

  Reply not_offered = client_->Post(kConsentsPath, CreateBody(kKestrel, {"DE", "GB"}));
  EXPECT_EQ(not_offered.status, 400);
  EXPECT_NE(not_offered.body["error"]["message"].get<std::string>().find("GB"), std::string::npos);
  EXPECT_EQ(client_->Post(kConsentsPath, CreateBody(kKestrel, {"XX"})).status, 400);
  EXPECT_EQ(client_->Post(kConsentsPath, CreateBody(kKestrel, {})).status, 400);

  for (const auto& [field, value] :
       std::vector<std::pair<std::string, nlohmann::json>>{{"companySize", "about 300"},
                                                           {"email", "not-an-email"},
                                                           {"telephoneNumber", "020 7946 0000"},
                                                           {"fullName", ""},
                                                           {"companyName", nullptr}}) {
    nlohmann::json bad = CreateBody(kKestrel, {"DE"});
    bad["contacts"][0][field] = value;
    Reply reply = client_->Post(kConsentsPath, bad);
    EXPECT_EQ(reply.status, 400) << field;
    EXPECT_NE(reply.body["error"]["message"].get<std::string>().find(field), std::string::npos)
        << reply.body.dump();
  }
  Reply unknown =
      client_->Post(kConsentsPath, CreateBody("00000000-0000-4000-8000-000000000000", {"DE"}));
  EXPECT_EQ(unknown.status, 404);

  ASSERT_EQ(client_->Post(kConsentsPath, CreateBody(kKestrel, {"DE"})).status, 201);
  Reply duplicate = client_->Post(kConsentsPath, CreateBody(kKestrel, {"FR"}));
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(duplicate.ErrorCode(), "ConsentAlreadyExists");
  EXPECT_EQ(client_->Patch(Path(kKestrel), {{"status", "removed"}}).status, 400);
  EXPECT_EQ(client_->Patch(Path(kKestrel), {{"consentedCountries", {"GB"}}}).status, 400);
  EXPECT_EQ(client_->Patch(Path(kKestrel), {{"dataTransferNoticeAccepted", false}}).status, 400);
  EXPECT_EQ(client_->Patch(Path(kHarbourline), {{"status", "active"}}).status, 404);
}

TEST_F(ConsentsTest, RemovingCountriesOrOperatorWithAssignedNumbersIsRefused) {
  Consent(kBluefin, {"GB", "IE", "US"});
  AssignGbNumber();

  // Removing an unused country is fine.
  Reply ie = client_->Patch(Path(kBluefin), {{"consentedCountries", {"GB", "US"}}});
  EXPECT_EQ(ie.status, 200);
  Reply gb = client_->Patch(Path(kBluefin), {{"consentedCountries", {"US"}}});
  EXPECT_EQ(gb.status, 409);
  EXPECT_EQ(gb.ErrorCode(), "NumbersAssigned");
  EXPECT_NE(gb.body["error"]["message"].get<std::string>().find("+441632960001"),
            std::string::npos);
  EXPECT_EQ(gb.body["error"]["message"].get<std::string>().find("+441632960002"),
            std::string::npos);  // unassigned numbers are not in the way

  Reply removed = client_->Delete(Path(kBluefin));
  EXPECT_EQ(removed.status, 409);
  EXPECT_EQ(removed.ErrorCode(), "NumbersAssigned");

  ASSERT_EQ(client_
                ->Post(std::string(kNumbersPath) + "/unassignNumber",
                       {{"telephoneNumber", "+441632960001"}, {"numberType", "operatorConnect"}})
                .status,
            202);
  Advance(2);
  EXPECT_EQ(client_->Delete(Path(kBluefin)).status, 204);
  EXPECT_EQ(client_->Get(Path(kBluefin)).status, 404);
  EXPECT_TRUE(client_->Get(kConsentsPath).body["value"].empty());
  // The operator's numbers stay until it releases them.
  EXPECT_EQ(client_->Get(kNumbersPath).body["value"].size(), 2u);
  // Enabling the operator again starts a fresh consent.
  Consent(kBluefin, {"GB"});
  EXPECT_TRUE(client_->Get(Path(kBluefin)).body["customerRelationship"].is_null());
}

TEST_F(ConsentsTest, OperatorAdvancesByItselfOnTheSimulatorClock) {
  Consent(kBluefin, {"GB"});  // auto-advances every 10 s
  EXPECT_TRUE(client_->Get(Path(kBluefin)).body["customerRelationship"].is_null());
  Advance(10);
  EXPECT_EQ(client_->Get(Path(kBluefin)).body["customerRelationship"]["status"],
            "ConsentAcknowledged");
  Advance(10);
  EXPECT_EQ(client_->Get(Path(kBluefin)).body["customerRelationship"]["status"],
            "CustomerContacted");
  Advance(25);
  Reply signed_up = client_->Get(Path(kBluefin));
  EXPECT_EQ(signed_up.body["customerRelationship"]["status"], "AgreementSigned");
  Advance(100);
  EXPECT_EQ(client_->Get(Path(kBluefin)).body["customerRelationship"]["status"], "AgreementSigned");
}

TEST_F(ConsentsTest, OperatorActsThroughTheAdminApi) {
  Consent(kHarbourline, {"US"});  // no auto-advance
  Advance(1000);
  EXPECT_TRUE(client_->Get(Path(kHarbourline)).body["customerRelationship"].is_null());
  const std::string action = std::string("/_sim/tenants/") + kTenantId + "/consents/" +
                             kHarbourline + "/customerRelationship";
  for (const char* status : {"ConsentAcknowledged", "CustomerContacted", "AgreementSigned"}) {
    Reply reply = client_->AdminPost(action, {{"status", status}});
    ASSERT_EQ(reply.status, 200) << reply.body.dump();
    EXPECT_EQ(client_->Get(Path(kHarbourline)).body["customerRelationship"]["status"], status);
  }
  EXPECT_EQ(client_->AdminPost(action, {{"status", "ContractTerminated"}}).status, 400);
  Reply terminated =
      client_->AdminPost(action, {{"status", "ContractTerminated"}, {"comment", "Unpaid bills"}});
  EXPECT_EQ(terminated.status, 200);
  nlohmann::json relationship = client_->Get(Path(kHarbourline)).body["customerRelationship"];
  EXPECT_EQ(relationship["status"], "ContractTerminated");
  EXPECT_EQ(relationship["comment"], "Unpaid bills");
  EXPECT_EQ(client_->AdminPost(action, {{"status", "Signed"}}).status, 400);

  // A manual action stops the automatic progress of an auto-advancing operator.
  Consent(kBluefin, {"GB"});
  ASSERT_EQ(client_
                ->AdminPost(std::string("/_sim/tenants/") + kTenantId + "/consents/" + kBluefin +
                                "/customerRelationship",
                            {{"status", "ConsentDeclined"}, {"comment", "Not in area"}})
                .status,
            200);
  Advance(100);
  EXPECT_EQ(client_->Get(Path(kBluefin)).body["customerRelationship"]["status"], "ConsentDeclined");
}

}  // namespace
}  // namespace opcsim::testing
