#include "provider/client/operators_api.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes.h"
#include "provider/client/graph_error.h"

namespace opc::client {
namespace {

using testing::GraphErrorResponse;
using testing::GraphHarness;
using ::testing::HasSubstr;
using testing::JsonResponse;
using testing::MakeResponse;

constexpr char kBase[] = "https://graph.test/beta/admin/teams/operatorConnect";

nlohmann::json ConsentJson() {
  return {{"id", "op-1"},
          {"operatorId", "op-1"},
          {"operatorDisplayName", "Contoso Telecom"},
          {"status", "active"},
          {"consentedCountries", {"GB", "US"}},
          {"contacts",
           {{{"fullName", "Ada Lovelace"},
             {"email", "ada@example.com"},
             {"telephoneNumber", nullptr},
             {"companyName", "Example Ltd"},
             {"companySize", "L25_U99"}}}},
          {"dataTransferNoticeAccepted", true},
          {"dataTransferNoticeAcceptedDateTime", "2026-11-25T03:04:05Z"},
          {"consentedDateTime", "2026-11-25T03:04:05Z"},
          {"lastModifiedDateTime", "2026-11-25T03:04:05Z"},
          {"customerRelationship", nullptr},
          {"@odata.etag", "W/\"body-tag\""}};
}

TEST(OperatorsApi, ListOperatorsBuildsTheFilter) {
  GraphHarness h;
  h.transport.Enqueue(
      JsonResponse(200, {{"value",
                          {{{"id", "op-1"},
                            {"displayName", "Contoso"},
                            {"offerDetailsUrl", nullptr},
                            {"offerings", {{{"offerType", "calling"}, {"countryCodes", {"GB"}}}}},
                            {"countryCodes", {"GB"}},
                            {"offerTypes", {"calling"}}}}}}));
  OperatorsApi api(h.client);
  absl::StatusOr<std::vector<Operator>> operators = api.ListOperators("GB", "calling", h.cancel);
  ASSERT_TRUE(operators.ok()) << operators.status();
  ASSERT_EQ(operators->size(), 1u);
  EXPECT_EQ((*operators)[0].offerings[0].country_codes, std::vector<std::string>{"GB"});
  EXPECT_EQ(h.transport.requests()[0].url,
            std::string(kBase) +
                "/operators?$filter=countryCodes%2Fany%28c%3Ac%20eq%20%27GB%27%29%20and%20"
                "offerTypes%2Fany%28t%3At%20eq%20%27calling%27%29&$top=1000");
}

TEST(OperatorsApi, ListOperatorsWithoutFilter) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, {{"value", nlohmann::json::array()}}));
  OperatorsApi api(h.client);
  ASSERT_TRUE(api.ListOperators(OperatorFilter{}, h.cancel).ok());
  EXPECT_EQ(h.transport.requests()[0].url, std::string(kBase) + "/operators?$top=1000");
}

TEST(OperatorsApi, GetOperatorNotFound) {
  GraphHarness h;
  h.transport.Enqueue(GraphErrorResponse(404, "NotFound", "unknown operator"));
  OperatorsApi api(h.client);
  EXPECT_TRUE(absl::IsNotFound(api.GetOperator("nope", h.cancel).status()));
}

TEST(OperatorsApi, GetConsentReturnsTheEntityAndTheHeaderEtag) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, ConsentJson(), {{"ETag", "W/\"header-tag\""}}));
  OperatorsApi api(h.client);
  absl::StatusOr<Consent> consent = api.GetConsent("op-1", h.cancel);
  ASSERT_TRUE(consent.ok()) << consent.status();
  EXPECT_EQ(consent->etag, "W/\"header-tag\"");
  EXPECT_EQ(consent->consented_countries, (std::vector<std::string>{"GB", "US"}));
  EXPECT_EQ(consent->contacts.at(0).company_size, "L25_U99");
  EXPECT_EQ(consent->customer_relationship, std::nullopt);
  EXPECT_EQ(h.transport.requests()[0].url, std::string(kBase) + "/consents/op-1");
}

TEST(OperatorsApi, ListConsentsKeepsEachBodyEtag) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, {{"value", {ConsentJson()}}}));
  OperatorsApi api(h.client);
  absl::StatusOr<std::vector<Consent>> consents =
      api.ListConsents(ConsentFilter{"active", {}}, h.cancel);
  ASSERT_TRUE(consents.ok());
  EXPECT_EQ(consents->at(0).etag, "W/\"body-tag\"");
  EXPECT_EQ(h.transport.requests()[0].url,
            std::string(kBase) + "/consents?$filter=status%20eq%20%27active%27&$top=1000");
}

TEST(OperatorsApi, RefreshReadsOfConsentsShareOneListingAndOwnWritesReadAgain) {
  GraphHarness h;
  nlohmann::json other = ConsentJson();
  other["operatorId"] = "OP-2";
  h.transport.Enqueue(JsonResponse(200, {{"value", {ConsentJson(), other}}}));
  OperatorsApi api(h.client);
  absl::StatusOr<Consent> first = api.ReadConsent("op-1", h.cancel);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->etag, "W/\"body-tag\"");             // the listing's item carries its own ETag
  ASSERT_TRUE(api.ReadConsent("op-2", h.cancel).ok());  // ids compare without case
  EXPECT_TRUE(absl::IsNotFound(api.ReadConsent("op-3", h.cancel).status()));
  ASSERT_EQ(h.transport.request_count(), 1u);
  EXPECT_EQ(h.transport.requests()[0].url, std::string(kBase) + "/consents?$top=1000");

  // This process updates op-1: its next read goes to the service.
  h.transport.Enqueue(JsonResponse(200, ConsentJson()));
  ASSERT_TRUE(api.UpdateConsent("op-1", UpdateConsentRequest{}, std::nullopt, h.cancel).ok());
  h.transport.Enqueue(JsonResponse(200, ConsentJson(), {{"ETag", "W/\"header-tag\""}}));
  ASSERT_TRUE(api.ReadConsent("op-1", h.cancel).ok());
  ASSERT_EQ(h.transport.request_count(), 3u);
  EXPECT_EQ(h.transport.requests()[2].url, std::string(kBase) + "/consents/op-1");
  EXPECT_EQ(api.consent_listing_stats().pages, 1);
}

TEST(OperatorsApi, CreateConsentSendsExactlyTheContractFields) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(201, ConsentJson(), {{"ETag", "W/\"new\""}}));
  OperatorsApi api(h.client);
  CreateConsentRequest request;
  request.operator_id = "op-1";
  request.consented_countries = {"GB"};
  request.contacts = {
      {"Ada Lovelace", "ada@example.com", "+441632960001", "Example Ltd", "L25_U99"}};
  request.data_transfer_notice_accepted = true;
  absl::StatusOr<Consent> consent = api.CreateConsent(request, h.cancel);
  ASSERT_TRUE(consent.ok());
  EXPECT_EQ(consent->etag, "W/\"new\"");
  const HttpRequest sent = h.transport.requests()[0];
  EXPECT_EQ(sent.method, HttpMethod::kPost);
  EXPECT_EQ(sent.url, std::string(kBase) + "/consents");
  EXPECT_EQ(nlohmann::json::parse(sent.body),
            (nlohmann::json{{"operatorId", "op-1"},
                            {"consentedCountries", {"GB"}},
                            {"contacts",
                             {{{"fullName", "Ada Lovelace"},
                               {"email", "ada@example.com"},
                               {"telephoneNumber", "+441632960001"},
                               {"companyName", "Example Ltd"},
                               {"companySize", "L25_U99"}}}},
                            {"dataTransferNoticeAccepted", true}}));
}

TEST(OperatorsApi, CreateConsentTwiceIsAlreadyExists) {
  GraphHarness h;
  h.transport.Enqueue(GraphErrorResponse(409, "ConsentAlreadyExists", "already enabled"));
  OperatorsApi api(h.client);
  absl::Status status = api.CreateConsent({}, h.cancel).status();
  EXPECT_TRUE(absl::IsAlreadyExists(status));
  EXPECT_EQ(ServiceErrorCodeOf(status), "ConsentAlreadyExists");
}

TEST(OperatorsApi, UpdateConsentSendsIfMatchAndOnlySetFields) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, ConsentJson(), {{"ETag", "W/\"v2\""}}));
  OperatorsApi api(h.client);
  UpdateConsentRequest patch;
  patch.status = "suspended";
  absl::StatusOr<Consent> consent = api.UpdateConsent("op-1", patch, "W/\"v1\"", h.cancel);
  ASSERT_TRUE(consent.ok());
  EXPECT_EQ(consent->etag, "W/\"v2\"");
  const HttpRequest sent = h.transport.requests()[0];
  EXPECT_EQ(sent.method, HttpMethod::kPatch);
  EXPECT_EQ(sent.headers.Get("If-Match"), "W/\"v1\"");
  EXPECT_EQ(nlohmann::json::parse(sent.body), (nlohmann::json{{"status", "suspended"}}));
}

TEST(OperatorsApi, StaleEtagIsAborted) {
  GraphHarness h;
  h.transport.Enqueue(GraphErrorResponse(412, "PreconditionFailed", "etag mismatch", "r-5"));
  OperatorsApi api(h.client);
  absl::Status status = api.UpdateConsent("op-1", {}, "W/\"old\"", h.cancel).status();
  EXPECT_TRUE(absl::IsAborted(status));
  EXPECT_EQ(status.message(),
            "Precondition Failed (412 PreconditionFailed): etag mismatch [request-id: r-5]");
}

TEST(OperatorsApi, DeleteConsentWithAssignedNumbers) {
  GraphHarness h;
  h.transport.Enqueue(GraphErrorResponse(
      409, "NumbersAssigned", "numbers +441632960001 of this operator are assigned", "r-6"));
  h.transport.Enqueue(MakeResponse(204));
  OperatorsApi api(h.client);
  absl::Status status = api.DeleteConsent("op-1", std::nullopt, h.cancel);
  EXPECT_TRUE(absl::IsFailedPrecondition(status));
  EXPECT_EQ(status.message(),
            "Conflict (409 NumbersAssigned): numbers +441632960001 of this operator are "
            "assigned [request-id: r-6]");
  EXPECT_TRUE(api.DeleteConsent("op-1", "*", h.cancel).ok());
  EXPECT_EQ(h.transport.requests()[1].headers.Get("If-Match"), "*");
  EXPECT_EQ(h.transport.requests()[1].method, HttpMethod::kDelete);
}

TEST(OperatorsApi, EmptyIdsAreRejected) {
  GraphHarness h;
  OperatorsApi api(h.client);
  EXPECT_EQ(api.GetConsent("", h.cancel).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(api.DeleteConsent("", std::nullopt, h.cancel).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(h.transport.request_count(), 0u);
}

}  // namespace
}  // namespace opc::client
