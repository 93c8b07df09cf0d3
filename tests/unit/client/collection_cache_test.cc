// SharedListing (batched refresh) and NumbersApi's shared and after-write reads, on the fakes:
// a scripted page fetcher or transport and a manual clock; no wall-clock waits.

#include "provider/client/collection_cache.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <optional>
#include <thread>

#include "fakes.h"
#include "provider/client/numbers_api.h"

namespace opc::client {
namespace {

using Outcome = SharedListing::Outcome;
using testing::FakeClock;
using testing::GraphHarness;
using testing::JsonResponse;

std::string Key(int i) { return "+4416329" + std::to_string(10000 + i); }

// The outcome of a Find that must succeed; a test failure with the status (not a crash on a
// dereferenced error) when it does not.
std::optional<Outcome> OutcomeOf(const absl::StatusOr<SharedListing::Result>& found) {
  EXPECT_TRUE(found.ok()) << found.status();
  return found.ok() ? std::optional<Outcome>(found->outcome) : std::nullopt;
}

// The telephone number a read that must succeed returned.
std::string NumberOf(const absl::StatusOr<NumberAssignment>& read) {
  EXPECT_TRUE(read.ok()) << read.status();
  return read.ok() ? read->telephone_number : "(error)";
}

// An inventory of `size` items served in pages of 1,000 by a fetcher that counts its calls.
class Inventory {
 public:
  explicit Inventory(int size) : size_(size) {}

  SharedListing::PageFetcher Fetcher() {
    return [this](const std::optional<std::string>& link, const CancellationToken&,
                  const JsonItemSink&) -> absl::StatusOr<RawPage> {
      const int in_flight = ++in_flight_;
      max_in_flight_ = std::max(max_in_flight_.load(), in_flight);
      if (on_fetch) {
        on_fetch();
      }
      const int first = link ? std::stoi(*link) : 0;
      RawPage page;
      for (int i = first; i < std::min(size_, first + 1000); ++i) {
        page.items.push_back({{"telephoneNumber", Key(i)}, {"n", i}});
      }
      if (first + 1000 < size_) {
        page.next_link = std::to_string(first + 1000);
      }
      ++pages_;
      --in_flight_;
      return page;
    };
  }
  static SharedListing::KeyOf KeyOf() {
    return [](const nlohmann::json& item) -> std::optional<std::string> {
      return item["telephoneNumber"].get<std::string>();
    };
  }
  int pages() const { return pages_; }
  int max_in_flight() const { return max_in_flight_; }
  std::function<void()> on_fetch;

 private:
  int size_;
  std::atomic<int> pages_{0};
  std::atomic<int> in_flight_{0};
  std::atomic<int> max_in_flight_{0};
};

TEST(SharedListingTest, RefreshingMostOfATenantListsItOnceWithoutPerObjectReads) {
  FakeClock clock;
  Inventory inventory(2500);
  SharedListing listing(inventory.Fetcher(), Inventory::KeyOf(), clock);
  CancellationToken cancel;
  for (int i = 0; i < 2500; ++i) {
    absl::StatusOr<SharedListing::Result> result = listing.Find(Key(i), cancel);
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result->outcome, Outcome::kFound) << i;
    EXPECT_EQ(result->item["n"], i);
  }
  EXPECT_EQ(inventory.pages(), 3);
  EXPECT_EQ(listing.stats().fallbacks, 0);
  // A number the tenant does not have is absent, without another request.
  absl::StatusOr<SharedListing::Result> missing = listing.Find("+15550000000", cancel);
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing->outcome, Outcome::kAbsent);
  EXPECT_EQ(inventory.pages(), 3);
}

TEST(SharedListingTest, KeepsItemsWithoutNullMembersAndTheyDecodeAlike) {
  FakeClock clock;
  const nlohmann::json listed = {
      {"telephoneNumber", Key(1)}, {"isoCountryCode", "GB"}, {"capabilities", {"userAssignment"}},
      {"city", nullptr},           {"locationId", nullptr},  {"assignmentTargetId", nullptr}};
  SharedListing listing(
      [&](const std::optional<std::string>&, const CancellationToken&,
          const JsonItemSink&) -> absl::StatusOr<RawPage> {
        return RawPage{{listed}, {}};
      },
      Inventory::KeyOf(), clock);
  CancellationToken cancel;
  absl::StatusOr<SharedListing::Result> found = listing.Find(Key(1), cancel);
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_EQ(found->outcome, Outcome::kFound);
  EXPECT_EQ(found->item, (nlohmann::json{{"telephoneNumber", Key(1)},
                                         {"isoCountryCode", "GB"},
                                         {"capabilities", {"userAssignment"}}}));
  absl::StatusOr<NumberAssignment> from_listing = DecodeJson<NumberAssignment>(found->item, "n");
  absl::StatusOr<NumberAssignment> as_listed = DecodeJson<NumberAssignment>(listed, "n");
  ASSERT_TRUE(from_listing.ok() && as_listed.ok());
  EXPECT_EQ(*from_listing, *as_listed);
}

TEST(SharedListingTest, AFewNumbersOfAHugeTenantDoNotListItAll) {
  FakeClock clock;
  Inventory inventory(50'000);
  SharedListing listing(inventory.Fetcher(), Inventory::KeyOf(), clock);
  CancellationToken cancel;
  int read_yourself = 0;
  for (int i = 0; i < 10; ++i) {  // ten numbers near the end of the inventory
    absl::StatusOr<SharedListing::Result> result = listing.Find(Key(49'000 + i), cancel);
    ASSERT_TRUE(result.ok());
    read_yourself += result->outcome == Outcome::kReadYourself;
  }
  // Never more pages than reads: at most 10 pages and 10 direct reads, not 50 pages.
  EXPECT_EQ(inventory.pages(), 10);
  EXPECT_EQ(read_yourself, 10);
}

TEST(SharedListingTest, ConcurrentReadsWaitForThePageInFlight) {
  FakeClock clock;
  Inventory inventory(2500);
  SharedListing listing(inventory.Fetcher(), Inventory::KeyOf(), clock);
  // The first page is held until every reader has asked, so they all pile up behind it.
  std::atomic<int> asked{0};
  constexpr int kReaders = 10;
  inventory.on_fetch = [&] {
    while (asked.load() < kReaders) {
      std::this_thread::yield();
    }
  };
  std::vector<std::thread> readers;
  std::atomic<int> found{0};
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&, r] {
      for (int i = r; i < 2500; i += kReaders) {
        if (i == r) {
          ++asked;
        }
        absl::StatusOr<SharedListing::Result> result = listing.Find(Key(i), CancellationToken());
        found += result.ok() && result->outcome == Outcome::kFound;
      }
    });
  }
  for (std::thread& reader : readers) {
    reader.join();
  }
  EXPECT_EQ(found.load(), 2500);
  EXPECT_EQ(inventory.pages(), 3);
  EXPECT_EQ(inventory.max_in_flight(), 1);  // single flight
  EXPECT_EQ(listing.stats().fallbacks, 0);
}

TEST(SharedListingTest, OwnWritesAreReadFromTheServiceEvenWhileAPageIsInFlight) {
  FakeClock clock;
  Inventory inventory(1500);
  SharedListing listing(inventory.Fetcher(), Inventory::KeyOf(), clock);
  CancellationToken cancel;
  // Key(1200) is written while the page that holds it is on its way.
  inventory.on_fetch = [&] {
    if (inventory.pages() == 1) {
      listing.Invalidate(Key(1200));
    }
  };
  ASSERT_EQ(OutcomeOf(listing.Find(Key(0), cancel)), Outcome::kFound);
  ASSERT_EQ(OutcomeOf(listing.Find(Key(1100), cancel)), Outcome::kFound);
  EXPECT_EQ(OutcomeOf(listing.Find(Key(1200), cancel)), Outcome::kReadYourself);
  listing.Invalidate(Key(5));
  EXPECT_EQ(OutcomeOf(listing.Find(Key(5), cancel)), Outcome::kReadYourself);
  EXPECT_EQ(OutcomeOf(listing.Find(Key(6), cancel)), Outcome::kFound);
  EXPECT_EQ(inventory.pages(), 2);
}

TEST(SharedListingTest, InvalidateAllSendsEveryLaterReadToTheService) {
  FakeClock clock;
  Inventory inventory(10);
  SharedListing listing(inventory.Fetcher(), Inventory::KeyOf(), clock);
  CancellationToken cancel;
  ASSERT_EQ(listing.Find(Key(1), cancel)->outcome, Outcome::kFound);
  listing.InvalidateAll();
  EXPECT_EQ(listing.Find(Key(2), cancel)->outcome, Outcome::kReadYourself);
  EXPECT_EQ(listing.Find(Key(99), cancel)->outcome, Outcome::kReadYourself);  // not "absent"
  EXPECT_EQ(inventory.pages(), 1);
}

TEST(SharedListingTest, AListingIsReusedOnlyForMaxAgeOnTheInjectedClock) {
  FakeClock clock;
  Inventory inventory(10);
  SharedListingOptions options;
  options.max_age = std::chrono::seconds(120);
  SharedListing listing(inventory.Fetcher(), Inventory::KeyOf(), clock, options);
  CancellationToken cancel;
  ASSERT_EQ(OutcomeOf(listing.Find(Key(1), cancel)), Outcome::kFound);
  clock.Advance(std::chrono::seconds(119));
  ASSERT_EQ(OutcomeOf(listing.Find(Key(2), cancel)), Outcome::kFound);
  EXPECT_EQ(inventory.pages(), 1);
  clock.Advance(std::chrono::seconds(1));
  ASSERT_EQ(OutcomeOf(listing.Find(Key(3), cancel)), Outcome::kFound);
  EXPECT_EQ(inventory.pages(), 2);
  EXPECT_EQ(listing.stats().listings, 2);
}

TEST(SharedListingTest, AFailedPageSendsEveryReadToTheServiceAndCancelIsReported) {
  FakeClock clock;
  int calls = 0;
  SharedListing failing(
      [&](const std::optional<std::string>&, const CancellationToken&,
          const JsonItemSink&) -> absl::StatusOr<RawPage> {
        ++calls;
        return absl::UnavailableError("503");
      },
      Inventory::KeyOf(), clock);
  CancellationToken cancel;
  EXPECT_EQ(OutcomeOf(failing.Find(Key(1), cancel)), Outcome::kReadYourself);
  EXPECT_EQ(OutcomeOf(failing.Find(Key(2), cancel)), Outcome::kReadYourself);
  EXPECT_EQ(calls, 1);

  SharedListing cancelled(
      [&](const std::optional<std::string>&, const CancellationToken&,
          const JsonItemSink&) -> absl::StatusOr<RawPage> { return absl::CancelledError("stop"); },
      Inventory::KeyOf(), clock);
  EXPECT_TRUE(absl::IsCancelled(cancelled.Find(Key(1), cancel).status()));
}

TEST(SharedListingTest, StreamedItemsAreKeptOnlyFromAPageThatSucceeded) {
  FakeClock clock;
  bool fail = true;
  SharedListing listing(
      [&](const std::optional<std::string>&, const CancellationToken&,
          const JsonItemSink& each_item) -> absl::StatusOr<RawPage> {
        each_item({{"telephoneNumber", Key(1)}, {"n", 1}});
        if (fail) {
          return absl::InternalError("the page broke off after one item");
        }
        each_item({{"telephoneNumber", Key(2)}, {"n", 2}});
        return RawPage{};
      },
      Inventory::KeyOf(), clock);
  CancellationToken cancel;
  // The item streamed before the failure is no answer: the read goes to the service.
  EXPECT_EQ(OutcomeOf(listing.Find(Key(1), cancel)), Outcome::kReadYourself);

  fail = false;
  clock.Advance(std::chrono::minutes(3));  // the failed listing expires; the next one lists
  absl::StatusOr<SharedListing::Result> first = listing.Find(Key(1), cancel);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->outcome, Outcome::kFound);
  EXPECT_EQ(first->item["n"], 1);
  EXPECT_EQ(OutcomeOf(listing.Find(Key(2), cancel)), Outcome::kFound);
  EXPECT_EQ(OutcomeOf(listing.Find(Key(3), cancel)), Outcome::kAbsent);
}

nlohmann::json NumberJson(const std::string& number, const char* status = "unassigned") {
  return {{"id", "id-" + number},
          {"telephoneNumber", number},
          {"operatorId", "op-1"},
          {"numberType", "operatorConnect"},
          {"activationState", "activated"},
          {"assignmentStatus", status},
          {"capabilities", {"userAssignment"}},
          {"isoCountryCode", "GB"}};
}

class NumbersSharedReadTest : public ::testing::Test {
 protected:
  NumbersSharedReadTest()
      : poller_(h_.client, h_.clock, h_.sleeper, PollOptions{}),
        api_(h_.client, poller_, h_.clock, h_.sleeper) {}
  GraphHarness h_;
  OperationPoller poller_;
  NumbersApi api_;
};

constexpr char kList[] =
    "https://graph.test/v1.0/admin/teams/telephoneNumberManagement/numberAssignments";

TEST_F(NumbersSharedReadTest, RefreshReadsShareOneListingAndOwnWritesReadAgain) {
  nlohmann::json page = {{"value", {NumberJson("+441632960001"), NumberJson("+441632960002")}}};
  h_.transport.Enqueue(JsonResponse(200, page));
  ASSERT_EQ(NumberOf(api_.ReadNumber("+44 1632 960001", h_.cancel)), "+441632960001");
  ASSERT_EQ(NumberOf(api_.ReadNumber("+441632960002", h_.cancel)), "+441632960002");
  EXPECT_TRUE(absl::IsNotFound(api_.ReadNumber("+441632960009", h_.cancel).status()));
  ASSERT_EQ(h_.transport.request_count(), 1u);
  EXPECT_EQ(h_.transport.requests()[0].url, std::string(kList) + "?$top=1000");

  // updateNumber from this process: that number is read from the service again.
  h_.transport.Enqueue(testing::MakeResponse(200));
  ASSERT_TRUE(api_.UpdateNumberLocation("+441632960001", std::nullopt, h_.cancel).ok());
  h_.transport.Enqueue(JsonResponse(200, {{"value", {NumberJson("+441632960001")}}}));
  ASSERT_TRUE(api_.ReadNumber("+441632960001", h_.cancel).ok());
  ASSERT_EQ(h_.transport.request_count(), 3u);
  EXPECT_THAT(h_.transport.requests()[2].url, ::testing::HasSubstr("$filter=telephoneNumber"));
}

TEST_F(NumbersSharedReadTest, AReadAfterAWriteWaitsOutReplicationLag) {
  const nlohmann::json empty = {{"value", nlohmann::json::array()}};
  h_.transport.Enqueue(JsonResponse(200, empty));  // 404-equivalent: not replicated yet
  h_.transport.Enqueue(JsonResponse(200, {{"value", {NumberJson("+441632960001")}}}));
  h_.transport.Enqueue(JsonResponse(200, {{"value", {NumberJson("+441632960001", "assigned")}}}));
  absl::StatusOr<NumberAssignment> found = api_.FindNumberAfterWrite(
      "+441632960001", h_.cancel,
      [](const NumberAssignment& n) { return n.assignment_status == "assigned"; });
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_EQ(found->assignment_status, "assigned");
  EXPECT_EQ(h_.transport.request_count(), 3u);
  EXPECT_EQ(h_.sleeper.sleeps(), (std::vector<std::chrono::milliseconds>{std::chrono::seconds(1),
                                                                         std::chrono::seconds(1)}));
}

TEST_F(NumbersSharedReadTest, AReadAfterAWriteGivesUpAfterTheDocumentedBound) {
  h_.transport.SetHandler([](const HttpRequest&) -> absl::StatusOr<HttpResponse> {
    return JsonResponse(200, {{"value", nlohmann::json::array()}});
  });
  const auto start = h_.clock.Now();
  absl::StatusOr<NumberAssignment> found = api_.FindNumberAfterWrite("+441632960001", h_.cancel);
  EXPECT_TRUE(absl::IsNotFound(found.status()));
  EXPECT_EQ(h_.clock.Now() - start, std::chrono::seconds(30));
  EXPECT_EQ(h_.transport.request_count(), 31u);
}

}  // namespace
}  // namespace opc::client
