// Batched refresh: the reads of one collection within one provider process share one paged
// listing ($top=1000, following @odata.nextLink) instead of each sending its own request.
//
// Terraform refreshes every managed object of a plan in parallel (10 at a time by default),
// each in its own ReadResource call. A SharedListing sits between those calls and the service:
//
//   * Single flight: at most one page is being fetched at a time; reads whose object is not in
//     the pages fetched so far wait for that page instead of sending their own request.
//   * Adaptive: the listing only goes on while it has been asked for more reads than it has
//     fetched pages ("reads_seen > pages_fetched"). Refreshing most of a tenant lists it once
//     (2,500 reads: 3 pages, no per-object reads), while a configuration that manages 10 numbers
//     of a 50,000-number tenant stops after about 10 pages and reads the rest one by one: the
//     listing never costs more requests than the reads it serves, plus one page.
//   * Exact: a listing is the tenant as it was when the listing ran, and is reused for at most
//     `max_age` on the injected clock. Terraform starts a new provider process for every plan
//     and apply, so one plan never sees an older plan's listing. This process's own writes
//     invalidate what they touch: the key is read from the service from then on.
//
// An object the listing does not hold is "absent" only once every page has been read.
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "provider/client/clock.h"
#include "provider/client/graph_client.h"
#include "provider/client/json_fields.h"
#include "provider/common/cancellation.h"

namespace opc::client {

// One page of a collection: the items not streamed to a sink, and the absolute link to the next
// page, if any.
struct RawPage {
  std::vector<nlohmann::json> items;
  std::optional<std::string> next_link;
};

// GETs one page: `first` (with $top=1000 added unless present) when `next_link` is empty,
// else the nextLink verbatim. Each item goes to `each_item` as it is parsed (the page's items
// then stay empty). InternalError for a body without a "value" array.
absl::StatusOr<RawPage> FetchPage(const GraphClient& client, const GraphRequest& first,
                                  const std::optional<std::string>& next_link,
                                  const CancellationToken& cancel, const JsonItemSink& each_item);

struct SharedListingOptions {
  // How long a listing (complete or not) is reused. Long enough for one refresh walk of a
  // large tenant, short enough that a long-lived process re-reads the tenant.
  std::chrono::milliseconds max_age{std::chrono::minutes(2)};
};

struct SharedListingStats {
  int64_t reads = 0;      // Find calls
  int64_t pages = 0;      // pages fetched (every listing)
  int64_t hits = 0;       // reads answered from a listing (found or absent)
  int64_t fallbacks = 0;  // reads sent back to read the object themselves
  int64_t listings = 0;   // listings started
};

class SharedListing {
 public:
  // Fetches one page; the listing calls it with the previous page's nextLink (empty: first).
  // Items may come back in the page or, as they are parsed, through `each_item`.
  using PageFetcher = std::function<absl::StatusOr<RawPage>(
      const std::optional<std::string>& next_link, const CancellationToken& cancel,
      const JsonItemSink& each_item)>;
  // The key of an item (e.g. its telephone number in E.164); nullopt: not cached.
  using KeyOf = std::function<std::optional<std::string>(const nlohmann::json& item)>;

  SharedListing(PageFetcher fetch, KeyOf key_of, const Clock& clock,
                SharedListingOptions options = {});

  enum class Outcome {
    kFound,         // `item` is the object as the listing saw it
    kAbsent,        // the complete listing does not have it
    kReadYourself,  // not worth listing further (or invalidated): read the object directly
  };
  struct Result {
    Outcome outcome = Outcome::kReadYourself;
    nlohmann::json item;  // for kFound
  };

  // The object with `key`, from the listing, fetching pages when the reads so far justify it.
  // Only cancellation is an error: a page that fails makes every read fall back to its own.
  absl::StatusOr<Result> Find(const std::string& key, const CancellationToken& cancel);

  // This process changed (or created, or deleted) `key`: reads of it go to the service.
  void Invalidate(const std::string& key);
  // This process changed the collection in a way keys do not name (e.g. deleting an address
  // deletes its locations): every read from now on goes to the service.
  void InvalidateAll();

  SharedListingStats stats() const;

 private:
  // Starts over if the listing is older than max_age. Requires mu_.
  void ExpireIfStale(std::chrono::system_clock::time_point now);

  const PageFetcher fetch_;
  const KeyOf key_of_;
  const Clock& clock_;
  const SharedListingOptions options_;

  mutable std::mutex mu_;
  std::condition_variable page_arrived_;
  // The current listing.
  int64_t generation_ = 0;  // bumped when a listing is dropped; stale pages are discarded
  std::optional<std::chrono::system_clock::time_point> started_;
  // Items kept as compact JSON text and parsed again on a hit: a parsed item (a tree of maps)
  // takes several times the memory, and a listing of 5,000 numbers is held for the whole walk.
  std::map<std::string, std::string> items_;
  std::optional<std::string> next_link_;
  std::set<std::string> seen_links_;
  bool complete_ = false;
  bool failed_ = false;
  bool fetching_ = false;
  int64_t reads_seen_ = 0;
  int64_t pages_fetched_ = 0;
  // Keys this process wrote: never answered from a listing again.
  std::set<std::string> invalidated_;
  bool all_invalidated_ = false;
  SharedListingStats stats_;
};

// The fetcher of a listing of `first`'s collection from `client` (which must outlive it).
SharedListing::PageFetcher PagesOf(const GraphClient& client, GraphRequest first);

// A refresh read of the object with `key` (as the listing's KeyOf names it): from `listing`
// when it holds the answer, decoded as a `what`; NotFound (`absent_message`) when the complete
// listing does not have it; else `read_one()`, the object's own GET.
template <typename T>
absl::StatusOr<T> ReadThroughListing(SharedListing& listing, const std::string& key,
                                     std::string_view what, const std::string& absent_message,
                                     const CancellationToken& cancel,
                                     const std::function<absl::StatusOr<T>()>& read_one) {
  absl::StatusOr<SharedListing::Result> shared = listing.Find(key, cancel);
  if (!shared.ok()) {
    return shared.status();
  }
  switch (shared->outcome) {
    case SharedListing::Outcome::kFound:
      return DecodeJson<T>(shared->item, what);
    case SharedListing::Outcome::kAbsent:
      return absl::NotFoundError(absent_message);
    case SharedListing::Outcome::kReadYourself:
      break;
  }
  return read_one();
}

}  // namespace opc::client
