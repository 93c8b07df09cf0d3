// The admin API: access, the world (tenants, apps, users), operator uploads and releases,
// out-of-band edits (drift), and tenant isolation.

#include "simulator/domain/views.h"
#include "tests/simulator/sim_test_support.h"

namespace opcsim::testing {
namespace {

class AdminTest : public SimTest {
 protected:
  std::string Tenant(const std::string& rest) {
    return std::string("/_sim/tenants/") + kTenantId + rest;
  }
  nlohmann::json Number(const std::string& tn) {
    Reply reply = client_->Get(std::string(kNumbersPath) + "/" + NumberAssignmentId(kTenantId, tn));
    EXPECT_EQ(reply.status, 200);
    return reply.body;
  }
};

TEST_F(AdminTest, RequiresTheAdminKey) {
  Reply none = ToReply(client_->raw().Get("/_sim/tenants"));
  EXPECT_EQ(none.status, 403);
  EXPECT_EQ(none.ErrorCode(), "InvalidAdminKey");
  Reply wrong = ToReply(client_->raw().Get("/_sim/tenants", {{"X-Sim-Admin-Key", "nope"}}));
  EXPECT_EQ(wrong.status, 403);
  // A tenant token is not an admin key.
  EXPECT_EQ(client_->Get("/_sim/tenants").status, 403);
  EXPECT_EQ(ToReply(client_->raw().Get("/_sim/health")).status, 200);

  options_.admin_key.clear();
  Restart();
  Reply disabled = client_->AdminGet("/_sim/tenants");
  EXPECT_EQ(disabled.status, 403);
  EXPECT_EQ(disabled.ErrorCode(), "AdminApiDisabled");
}

TEST_F(AdminTest, SeedIsLoaded) {
  Reply tenants = client_->AdminGet("/_sim/tenants");
  ASSERT_EQ(tenants.status, 200);
  ASSERT_EQ(tenants.body["value"].size(), 1u);
  EXPECT_EQ(tenants.body["value"][0]["id"], kTenantId);
  Reply users = client_->AdminGet(Tenant("/users"));
  ASSERT_EQ(users.body["value"].size(), 10u);
  Reply apps = client_->AdminGet(Tenant("/applications"));
  ASSERT_EQ(apps.body["value"].size(), 1u);
  EXPECT_FALSE(apps.body["value"][0].contains("clientSecret"));
  Reply operators = client_->AdminGet("/_sim/operators");
  EXPECT_EQ(operators.body["value"].size(), 10u);
}

TEST_F(AdminTest, ManagesUsersAndOperators) {
  Reply user = client_->AdminPost(Tenant("/users"), {{"userPrincipalName", "new@fernleaf.example"},
                                                     {"displayName", "New"},
                                                     {"accountType", "ResourceAccount"},
                                                     {"usageLocation", "se"}});
  ASSERT_EQ(user.status, 201);
  EXPECT_EQ(user.body["accountType"], "resourceAccount");
  EXPECT_EQ(user.body["usageLocation"], "SE");
  const std::string path = Tenant("/users/") + user.body["id"].get<std::string>();
  Reply moved = client_->AdminPatch(path, {{"usageLocation", "NO"}});
  EXPECT_EQ(moved.body["usageLocation"], "NO");
  EXPECT_EQ(client_
                ->AdminPost(Tenant("/users"), {{"userPrincipalName", "x@y.example"},
                                               {"displayName", "X"},
                                               {"accountType", "guest"},
                                               {"usageLocation", "SE"}})
                .status,
            400);
  EXPECT_EQ(client_->AdminDelete(path).status, 204);
  EXPECT_EQ(client_->AdminGet(path).status, 404);

  Reply op = client_->AdminPost(
      "/_sim/operators", {{"displayName", "Zephyr Lines"},
                          {"offerings", {{{"offerType", "calling"}, {"countryCodes", {"ES"}}}}}});
  ASSERT_EQ(op.status, 201) << op.body.dump();
  Reply visible =
      client_->Get(std::string(kOperatorsPath) + "/" + op.body["id"].get<std::string>());
  EXPECT_EQ(visible.body["displayName"], "Zephyr Lines");
  Reply renamed = client_->AdminPatch("/_sim/operators/" + op.body["id"].get<std::string>(),
                                      {{"displayName", "Zephyr"}, {"autoAdvanceSeconds", 5}});
  EXPECT_EQ(renamed.body["autoAdvanceSeconds"], 5);
  EXPECT_EQ(client_->AdminPost("/_sim/operators", {{"displayName", "No offerings"}}).status, 400);
}

TEST_F(AdminTest, UploadsOnlyIntoConsentedCountries) {
  Reply no_consent =
      Upload(kBluefin, {{"capabilities", {"userAssignment"}}, {"numbers", {"+441632960001"}}});
  EXPECT_EQ(no_consent.status, 409);
  EXPECT_EQ(no_consent.ErrorCode(), "CountryNotConsented");

  Consent(kBluefin, {"GB"});
  Reply wrong_country = Upload(
      kBluefin, {{"capabilities", {"userAssignment"}}, {"numbers", {"+35312345678"}}});  // IE
  EXPECT_EQ(wrong_country.status, 409);
  EXPECT_EQ(wrong_country.ErrorCode(), "CountryNotConsented");
  Reply ambiguous = Upload(kBluefin, {{"capabilities", {"userAssignment"}},
                                      {"numbers", {"+12025550100"}}});  // +1 needs a country
  EXPECT_EQ(ambiguous.status, 400);
  EXPECT_EQ(Upload(kBluefin, {{"numbers", {"+441632960001"}}}).status, 400);        // capabilities
  EXPECT_EQ(Upload(kBluefin, {{"capabilities", {"userAssignment"}}}).status, 400);  // nothing

  Reply ok = Upload(
      kBluefin,
      {{"capabilities", {"userAssignment", "teamsPhoneMobile"}},
       {"city", "London"},
       {"numbers",
        {"+441632960001",
         {{"telephoneNumber", "+441632960002"}, {"supportedCustomerActions", {"release"}}}}}});
  ASSERT_EQ(ok.status, 201) << ok.body.dump();
  EXPECT_EQ(ok.body["value"][1]["supportedCustomerActions"], nlohmann::json({"release"}));
  EXPECT_EQ(ok.body["value"][0]["city"], "London");
  Reply duplicate =
      Upload(kBluefin, {{"capabilities", {"userAssignment"}}, {"numbers", {"+441632960001"}}});
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(duplicate.ErrorCode(), "NumberExists");

  // Uploads are all or nothing.
  Reply partial = Upload(kBluefin, {{"capabilities", {"userAssignment"}},
                                    {"numbers", {"+441632960003", "+35312345678"}}});
  EXPECT_EQ(partial.status, 409);
  EXPECT_EQ(client_->Get(kNumbersPath).body["value"].size(), 2u);

  ASSERT_EQ(
      client_->Patch(std::string(kConsentsPath) + "/" + kBluefin, {{"status", "suspended"}}).status,
      200);
  Reply suspended =
      Upload(kBluefin, {{"capabilities", {"userAssignment"}}, {"numbers", {"+441632960009"}}});
  EXPECT_EQ(suspended.status, 409);
  EXPECT_EQ(suspended.ErrorCode(), "ConsentNotActive");
}

TEST_F(AdminTest, ReleasesOnlyUnassignedNumbers) {
  Consent(kBluefin, {"GB"});
  ASSERT_EQ(Upload(kBluefin, {{"capabilities", {"userAssignment"}},
                              {"numbers", {"+441632960001", "+441632960002"}}})
                .status,
            201);
  ASSERT_EQ(Finish(StartAssign({{"telephoneNumber", "+441632960001"},
                                {"assignmentTargetId", kAlice},
                                {"numberType", "operatorConnect"}}))["status"],
            "succeeded");
  const std::string release = Tenant("/operators/") + kBluefin + "/numbers/release";
  Reply refused =
      client_->AdminPost(release, {{"telephoneNumbers", {"+441632960001", "+441632960002"}}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.ErrorCode(), "NumbersAssigned");
  EXPECT_EQ(client_->Get(kNumbersPath).body["value"].size(), 2u);
  EXPECT_EQ(client_
                ->AdminPost(Tenant("/operators/") + kKestrel + "/numbers/release",
                            {{"telephoneNumbers", {"+441632960002"}}})
                .status,
            404);  // not that operator's number
  Reply released = client_->AdminPost(release, {{"telephoneNumbers", {"441632960002"}}});
  EXPECT_EQ(released.status, 200);
  EXPECT_EQ(released.body["released"], nlohmann::json({"+441632960002"}));
  EXPECT_EQ(client_->Get(kNumbersPath).body["value"].size(), 1u);
}

TEST_F(AdminTest, DriftIsVisibleThroughTheTenantApi) {
  Consent(kBluefin, {"GB", "US"});
  nlohmann::json address = CreateAddress("GB");
  ASSERT_EQ(Upload(kBluefin, {{"capabilities", {"userAssignment"}}, {"numbers", {"+441632960001"}}})
                .status,
            201);
  ASSERT_EQ(Finish(StartAssign({{"telephoneNumber", "+441632960001"},
                                {"assignmentTargetId", kAlice},
                                {"numberType", "operatorConnect"}}))["status"],
            "succeeded");

  // Numbers: unassign out of band, then reassign and move to a location.
  Reply drift =
      client_->AdminPatch(Tenant("/numbers/+441632960001"),
                          {{"assignmentStatus", "unassigned"}, {"assignmentTargetId", nullptr}});
  ASSERT_EQ(drift.status, 200) << drift.body.dump();
  EXPECT_EQ(Number("+441632960001")["assignmentStatus"], "unassigned");
  drift = client_->AdminPatch(Tenant("/numbers/441632960001"),
                              {{"assignmentStatus", "userAssigned"},
                               {"assignmentTargetId", kCarla},
                               {"locationId", address["defaultLocationId"]}});
  ASSERT_EQ(drift.status, 200);
  nlohmann::json number = Number("+441632960001");
  EXPECT_EQ(number["assignmentTargetId"], kCarla);
  EXPECT_EQ(number["civicAddressId"], address["id"]);
  EXPECT_EQ(
      client_->AdminPatch(Tenant("/numbers/+441632960001"), {{"activationState", "bogus"}}).status,
      400);

  // Consents: countries, contacts and status change without the tenant's rules.
  const std::string consent = std::string(kConsentsPath) + "/" + kBluefin;
  const std::string etag = client_->Get(consent).Header("ETag");
  ASSERT_EQ(client_
                ->AdminPatch(Tenant("/consents/") + kBluefin,
                             {{"consentedCountries", {"US"}}, {"status", "suspended"}})
                .status,
            200);
  Reply consent_now = client_->Get(consent);
  EXPECT_EQ(consent_now.body["consentedCountries"], nlohmann::json({"US"}));
  EXPECT_EQ(consent_now.body["status"], "suspended");
  EXPECT_NE(consent_now.Header("ETag"), etag);
  EXPECT_EQ(client_->Patch(consent, {{"status", "active"}}, {{"If-Match", etag}}).status, 412);
  ASSERT_EQ(client_->AdminPatch(Tenant("/consents/") + kBluefin, {{"status", "removed"}}).status,
            200);
  EXPECT_EQ(client_->Get(consent).status, 404);
  EXPECT_EQ(client_->AdminGet(Tenant("/consents")).body["value"][0]["status"], "removed");

  // Addresses and locations: edits in any country, deletes even in use.
  ASSERT_EQ(client_
                ->AdminPatch(Tenant("/civicAddresses/") + address["id"].get<std::string>(),
                             {{"streetName", "Drifted Road"}, {"validationStatus", "valid"}})
                .status,
            200);
  Reply address_now =
      client_->Get(std::string(kAddressesPath) + "/" + address["id"].get<std::string>());
  EXPECT_EQ(address_now.body["streetName"], "Drifted Road");
  EXPECT_EQ(address_now.body["validationStatus"], "valid");
  ASSERT_EQ(
      client_
          ->AdminPatch(Tenant("/locations/") + address["defaultLocationId"].get<std::string>(),
                       {{"elin", "DRIFT-1"}})
          .status,
      200);
  EXPECT_EQ(
      client_
          ->Get(std::string(kLocationsPath) + "/" + address["defaultLocationId"].get<std::string>())
          .body["elin"],
      "DRIFT-1");
  ASSERT_EQ(
      client_->AdminDelete(Tenant("/civicAddresses/") + address["id"].get<std::string>()).status,
      204);
  EXPECT_TRUE(Number("+441632960001")["locationId"].is_null());
  EXPECT_EQ(
      client_
          ->Get(std::string(kLocationsPath) + "/" + address["defaultLocationId"].get<std::string>())
          .status,
      404);

  ASSERT_EQ(client_->AdminDelete(Tenant("/numbers/+441632960001")).status, 204);
  EXPECT_TRUE(client_->Get(kNumbersPath).body["value"].empty());
}

TEST_F(AdminTest, TenantsAreIsolated) {
  Consent(kBluefin, {"GB"});
  nlohmann::json address = CreateAddress("GB");
  ASSERT_EQ(Upload(kBluefin, {{"capabilities", {"userAssignment"}}, {"numbers", {"+441632960001"}}})
                .status,
            201);
  const std::string operation = StartAssign({{"telephoneNumber", "+441632960001"},
                                             {"assignmentTargetId", kAlice},
                                             {"numberType", "operatorConnect"}});

  // A second tenant with its own app and token.
  Reply tenant = client_->AdminPost("/_sim/tenants", {{"displayName", "Other Corp"}});
  ASSERT_EQ(tenant.status, 201);
  const std::string other = tenant.body["id"];
  Reply app = client_->AdminPost("/_sim/tenants/" + other + "/applications",
                                 {{"displayName", "other"}, {"clientSecret", "other-secret-1"}});
  ASSERT_EQ(app.status, 201);
  EXPECT_EQ(app.body["clientSecret"], "other-secret-1");
  SimClient stranger(server_->port());
  stranger.set_bearer(stranger.TokenFor(other, app.body["clientId"], "other-secret-1"));

  EXPECT_TRUE(stranger.Get(kNumbersPath).body["value"].empty());
  EXPECT_TRUE(stranger.Get(kConsentsPath).body["value"].empty());
  EXPECT_TRUE(stranger.Get(kAddressesPath).body["value"].empty());
  EXPECT_TRUE(stranger.Get(kLocationsPath).body["value"].empty());
  EXPECT_EQ(
      stranger.Get(std::string(kNumbersPath) + "/" + NumberAssignmentId(kTenantId, "+441632960001"))
          .status,
      404);
  EXPECT_EQ(stranger.Get(std::string(kConsentsPath) + "/" + kBluefin).status, 404);
  EXPECT_EQ(
      stranger.Get(std::string(kAddressesPath) + "/" + address["id"].get<std::string>()).status,
      404);
  EXPECT_EQ(
      stranger.Delete(std::string(kAddressesPath) + "/" + address["id"].get<std::string>()).status,
      404);
  EXPECT_EQ(
      stranger.Get("/v1.0/admin/teams/telephoneNumberManagement/operations/" + operation).status,
      404);
  // The stranger cannot touch the first tenant's number either.
  Reply unassign =
      stranger.Post(std::string(kNumbersPath) + "/unassignNumber",
                    {{"telephoneNumber", "+441632960001"}, {"numberType", "operatorConnect"}});
  ASSERT_EQ(unassign.status, 202);
  Advance(2);
  EXPECT_EQ(Number("+441632960001")["assignmentTargetId"], kAlice);
  // The catalog is shared.
  EXPECT_EQ(stranger.Get(kOperatorsPath).body["value"].size(), 10u);

  // Deleting the tenant removes its data and invalidates its tokens.
  EXPECT_EQ(client_->AdminDelete("/_sim/tenants/" + other).status, 204);
  EXPECT_EQ(stranger.Get(kNumbersPath).status, 401);
}

TEST_F(AdminTest, ClockCanBeReadAdvancedAndScaled) {
  Reply before = client_->AdminGet("/_sim/clock");
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.body["timeScale"], 1.0);
  Reply after = client_->AdminPost("/_sim/clock/advance", {{"seconds", 3600}});
  ASSERT_EQ(after.status, 200);
  EXPECT_EQ(  // the tests' clock is frozen: only the push moved it
      after.body["nowMilliseconds"].get<int64_t>() - before.body["nowMilliseconds"].get<int64_t>(),
      3600 * 1000);
  EXPECT_EQ(client_->AdminPost("/_sim/clock/advance", {{"seconds", -1}}).status, 400);
  Reply scaled = client_->AdminPatch("/_sim/clock", {{"timeScale", 0.01}});
  EXPECT_EQ(scaled.body["timeScale"], 0.01);
  EXPECT_EQ(client_->AdminPatch("/_sim/clock", {{"timeScale", 0}}).status, 400);
}

}  // namespace
}  // namespace opcsim::testing
