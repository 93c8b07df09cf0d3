// The reader on a scripted transport: what it lists, what it leaves out, the progress it
// reports on a large inventory, the service-side country filter, and errors that say what was
// being read.
#include "provider/export/tenant_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/client/fakes.h"

namespace opc::exporter {
namespace {

using client::HttpRequest;
using client::HttpResponse;
using client::testing::FakeTransport;
using client::testing::GraphErrorResponse;
using client::testing::JsonResponse;
using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kEndpoint[] = "http://127.0.0.1:8080";
constexpr char kOperator[] = "fb450e35-d758-4caa-b81c-c98f93176c14";
constexpr int kNumbers = 2500;
constexpr int kPageSize = 1000;

client::NumberAssignment NumberAt(int i) {
  client::NumberAssignment number;
  number.id = "n" + std::to_string(i);
  number.telephone_number = "+4420794" + std::to_string(60000 + i);
  number.operator_id = kOperator;
  number.number_type = "operatorConnect";
  number.activation_state = "activated";
  number.iso_country_code = "GB";
  // Every fifth number is free.
  number.assignment_status = i % 5 == 4 ? "unassigned" : "userAssigned";
  if (i % 5 != 4) {
    number.assignment_target_id = "7e3a0000-0000-4000-8000-000000000001";
  }
  return number;
}

class TenantReaderTest : public ::testing::Test {
 protected:
  TenantReaderTest() : sleeper_(clock_) {}

  std::unique_ptr<client::TenantClient> MakeClient() {
    client::ClientConfig config;
    config.tenant_id = "3a840088-465d-4709-a9d1-2c216f0cf1fa";
    config.client_id = "27f773e2-051f-4a1d-95a2-97a031009885";
    config.client_secret = "secret";
    config.endpoint = kEndpoint;
    config.authority_url = kEndpoint;
    config.max_retries = 0;
    client::ClientDependencies deps;
    deps.transport = transport_;
    deps.clock = &clock_;
    deps.sleeper = &sleeper_;
    deps.random = &random_;
    absl::StatusOr<std::unique_ptr<client::TenantClient>> made =
        client::TenantClient::Create(std::move(config), std::move(deps));
    EXPECT_TRUE(made.ok()) << made.status();
    return *std::move(made);
  }

  // A small tenant, with an inventory of kNumbers served in pages of kPageSize.
  absl::StatusOr<HttpResponse> Serve(const HttpRequest& request) {
    const std::string& url = request.url;
    if (url.ends_with("/oauth2/v2.0/token")) {
      return JsonResponse(200,
                          {{"token_type", "Bearer"}, {"expires_in", 3599}, {"access_token", "t"}});
    }
    if (url.find("/operatorConnect/consents") != std::string::npos) {
      client::Consent consent;
      consent.id = kOperator;
      consent.operator_id = kOperator;  // no display name: the catalog has it
      consent.status = "active";
      consent.consented_countries = {"GB"};
      return JsonResponse(200, {{"value", {json(consent)}}});
    }
    if (url.find("/operatorConnect/operators") != std::string::npos) {
      client::Operator op;
      op.id = kOperator;
      op.display_name = "Bluefin Telecom";
      return JsonResponse(200, {{"value", {json(op)}}});
    }
    if (url.find("/civicAddresses") != std::string::npos) {
      client::CivicAddress address;
      address.id = "a1";
      address.company_name = "Fernleaf";
      address.country_or_region = "GB";
      address.default_location_id = "d1";
      return JsonResponse(200, {{"value", {json(address)}}});
    }
    if (url.find("/locations") != std::string::npos) {
      client::EmergencyLocation default_location;
      default_location.id = "d1";
      default_location.civic_address_id = "a1";
      default_location.is_default = true;
      client::EmergencyLocation floor;
      floor.id = "p1";
      floor.civic_address_id = "a1";
      floor.description = "Floor 2";
      return JsonResponse(200, {{"value", {json(default_location), json(floor)}}});
    }
    if (url.find("/numberAssignments") != std::string::npos) {
      number_urls_.push_back(url);
      const size_t skip = url.find("skip=");
      const int first = skip == std::string::npos ? 0 : std::stoi(url.substr(skip + 5));
      json page = {{"value", json::array()}};
      for (int i = first; i < std::min(first + kPageSize, kNumbers); ++i) {
        page["value"].push_back(json(NumberAt(i)));
      }
      if (first + kPageSize < kNumbers) {
        page["@odata.nextLink"] = std::string(kEndpoint) +
                                  "/v1.0/admin/teams/telephoneNumberManagement/"
                                  "numberAssignments?skip=" +
                                  std::to_string(first + kPageSize);
      }
      return JsonResponse(200, page);
    }
    return GraphErrorResponse(404, "NotFound", "unexpected " + url);
  }

  client::testing::FakeClock clock_;
  client::testing::FakeSleeper sleeper_;
  client::testing::FixedRandom random_{0.0};
  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
  std::vector<std::string> number_urls_;
  std::vector<std::string> progress_;
};

TEST_F(TenantReaderTest, ReadsTheTenantAndReportsProgressEveryThousandNumbers) {
  transport_->SetHandler([this](const HttpRequest& request) { return Serve(request); });
  std::unique_ptr<client::TenantClient> client = MakeClient();
  absl::StatusOr<TenantSnapshot> snapshot = ReadTenant(
      *client, {}, [this](std::string_view line) { progress_.emplace_back(line); },
      CancellationToken());
  ASSERT_TRUE(snapshot.ok()) << snapshot.status();

  ASSERT_EQ(snapshot->relationships.size(), 1u);
  EXPECT_EQ(snapshot->relationships[0].operator_display_name, "Bluefin Telecom");
  EXPECT_EQ(snapshot->addresses.size(), 1u);
  ASSERT_EQ(snapshot->places.size(), 1u);  // the default location comes with its address
  EXPECT_EQ(snapshot->places[0].id, "p1");
  EXPECT_EQ(snapshot->assigned_numbers.size(), 2000u);
  EXPECT_EQ(snapshot->unassigned_numbers.size(), 500u);
  EXPECT_THAT(
      progress_,
      ElementsAre("operator relationships: 1 read", "emergency addresses: 1 read", "places: 1 read",
                  "numbers: 1000 read", "numbers: 2000 read", "numbers: 2500 read, 2000 assigned"));
  EXPECT_EQ(number_urls_.size(), 3u);  // every page
}

TEST_F(TenantReaderTest, CountriesAreFilteredByTheServiceOneListingEach) {
  transport_->SetHandler([this](const HttpRequest& request) { return Serve(request); });
  std::unique_ptr<client::TenantClient> client = MakeClient();
  ExportFilter filter = NormalizeFilter({{"ie", "GB"}, {kOperator}, false});
  absl::StatusOr<TenantSnapshot> snapshot = ReadTenant(*client, filter, {}, CancellationToken());
  ASSERT_TRUE(snapshot.ok()) << snapshot.status();
  std::vector<std::string> first_pages;
  for (const std::string& url : number_urls_) {
    if (url.find("skip=") == std::string::npos) {
      first_pages.push_back(url);
    }
  }
  ASSERT_EQ(first_pages.size(), 2u);
  EXPECT_THAT(first_pages[0], HasSubstr("GB"));
  EXPECT_THAT(first_pages[0], HasSubstr(kOperator));
  EXPECT_THAT(first_pages[1], HasSubstr("IE"));
}

TEST_F(TenantReaderTest, AnErrorSaysWhatWasBeingRead) {
  transport_->SetHandler([this](const HttpRequest& request) -> absl::StatusOr<HttpResponse> {
    if (request.url.find("/civicAddresses") != std::string::npos) {
      return GraphErrorResponse(403, "Forbidden", "missing TeamsTelephoneNumber.ReadWrite.All");
    }
    return Serve(request);
  });
  std::unique_ptr<client::TenantClient> client = MakeClient();
  absl::StatusOr<TenantSnapshot> snapshot = ReadTenant(*client, {}, {}, CancellationToken());
  ASSERT_FALSE(snapshot.ok());
  EXPECT_EQ(snapshot.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(std::string(snapshot.status().message()),
              HasSubstr("reading the emergency addresses: "));
  EXPECT_THAT(std::string(snapshot.status().message()),
              HasSubstr("TeamsTelephoneNumber.ReadWrite.All"));
}

}  // namespace
}  // namespace opc::exporter
