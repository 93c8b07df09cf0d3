#include "provider/client/collection_cache.h"

#include <iterator>
#include <utility>

#include "provider/client/paging.h"
#include "provider/client/string_util.h"
#include "provider/common/status_macros.h"

namespace opc::client {
namespace {

// The models read a missing member and a null one alike (json_fields.h), so a listing keeps
// items without their null members: about a sixth of a phone number's text, held for the walk.
void DropNullMembers(nlohmann::json& item) {
  if (!item.is_object()) {
    return;
  }
  for (auto it = item.begin(); it != item.end();) {
    it = it->is_null() ? item.erase(it) : std::next(it);
  }
}

}  // namespace

absl::StatusOr<RawPage> FetchPage(const GraphClient& client, const GraphRequest& first,
                                  const std::optional<std::string>& next_link,
                                  const CancellationToken& cancel, const JsonItemSink& each_item) {
  GraphRequest request;
  if (next_link) {
    request.path = *next_link;  // carries every query parameter the next page needs
  } else {
    request = first;
    bool has_top = false;
    for (const auto& [key, value] : request.query) {
      has_top = has_top || key == "$top";
    }
    if (!has_top) {
      request.query.emplace_back("$top", std::to_string(kMaxPageSize));
    }
  }
  request.method = HttpMethod::kGet;
  request.page_items = each_item;
  ASSIGN_OR_RETURN(GraphResponse response, client.Send(request, cancel));
  nlohmann::json& body = response.body;
  if (!body.is_object() || !body.contains("value") || !body["value"].is_array()) {
    return absl::InternalError(StrCat("a page of ", request.path,
                                      " has no \"value\" array [request-id: ", response.request_id,
                                      "]"));
  }
  RawPage page;
  page.items.reserve(body["value"].size());
  for (nlohmann::json& item : body["value"]) {
    page.items.push_back(std::move(item));
  }
  auto next = body.find("@odata.nextLink");
  if (next != body.end() && !next->is_null()) {
    if (!next->is_string() || next->get<std::string>().empty()) {
      return absl::InternalError("a page has an invalid @odata.nextLink");
    }
    page.next_link = next->get<std::string>();
  }
  return page;
}

SharedListing::PageFetcher PagesOf(const GraphClient& client, GraphRequest first) {
  return [&client, first = std::move(first)](const std::optional<std::string>& next_link,
                                             const CancellationToken& cancel,
                                             const JsonItemSink& each_item) {
    return FetchPage(client, first, next_link, cancel, each_item);
  };
}

SharedListing::SharedListing(PageFetcher fetch, KeyOf key_of, const Clock& clock,
                             SharedListingOptions options)
    : fetch_(std::move(fetch)), key_of_(std::move(key_of)), clock_(clock), options_(options) {}

void SharedListing::ExpireIfStale(std::chrono::system_clock::time_point now) {
  if (!started_ || now - *started_ < options_.max_age || fetching_) {
    return;  // (a page in flight belongs to this listing: it is dropped when it arrives)
  }
  ++generation_;
  started_.reset();
  items_.clear();
  next_link_.reset();
  seen_links_.clear();
  complete_ = false;
  failed_ = false;
  reads_seen_ = 0;
  pages_fetched_ = 0;
}

absl::StatusOr<SharedListing::Result> SharedListing::Find(const std::string& key,
                                                          const CancellationToken& cancel) {
  std::unique_lock lock(mu_);
  ExpireIfStale(clock_.Now());
  ++stats_.reads;
  ++reads_seen_;
  while (true) {
    if (cancel.IsCancelled()) {
      return absl::CancelledError("cancelled while reading");
    }
    if (all_invalidated_ || invalidated_.contains(key) || failed_) {
      ++stats_.fallbacks;
      return Result{};
    }
    if (auto it = items_.find(key); it != items_.end()) {
      ++stats_.hits;
      // The text is this process's own dump of a parsed item: it parses.
      return Result{Outcome::kFound, nlohmann::json::parse(it->second)};
    }
    if (complete_) {
      ++stats_.hits;
      return Result{Outcome::kAbsent, nullptr};
    }
    if (fetching_) {
      page_arrived_.wait(lock);  // single flight: the page in flight may hold it
      continue;
    }
    // Another page only while the reads asking for this collection outnumber the pages
    // fetched: the listing then never costs more requests than it answers (plus one page).
    if (reads_seen_ <= pages_fetched_) {
      ++stats_.fallbacks;
      return Result{};
    }
    fetching_ = true;
    if (!started_) {
      started_ = clock_.Now();
      ++stats_.listings;
    }
    const int64_t generation = generation_;
    const std::optional<std::string> link = next_link_;
    lock.unlock();
    // Each item is kept as compact JSON text as soon as it is parsed (see items_).
    std::vector<std::pair<std::string, std::string>> arrived;
    const JsonItemSink keep = [&](nlohmann::json&& item) {
      if (std::optional<std::string> item_key = key_of_(item)) {
        DropNullMembers(item);
        std::string text = item.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        // dump() grows its string by doubling (a 500-byte item ends in 960 bytes of capacity),
        // and the listing holds thousands of them for the whole walk.
        text.shrink_to_fit();
        arrived.emplace_back(*std::move(item_key), std::move(text));
      }
    };
    absl::StatusOr<RawPage> page = fetch_(link, cancel, keep);
    if (page.ok()) {
      for (nlohmann::json& item : page->items) {
        keep(std::move(item));
      }
    }
    lock.lock();
    fetching_ = false;
    ++stats_.pages;
    if (generation == generation_) {
      ++pages_fetched_;
      if (!page.ok()) {
        // Cancelled: the next read lists again. Anything else: everyone reads for themselves,
        // so that a real error reaches each resource through its own request.
        failed_ = !absl::IsCancelled(page.status());
      } else {
        for (auto& [item_key, text] : arrived) {
          items_.insert_or_assign(std::move(item_key), std::move(text));
        }
        if (!page->next_link) {
          complete_ = true;
        } else if (!seen_links_.insert(*page->next_link).second) {
          failed_ = true;  // a nextLink that repeats a page: stop rather than loop
        } else {
          next_link_ = page->next_link;
        }
      }
    }
    page_arrived_.notify_all();
    if (!page.ok() && absl::IsCancelled(page.status())) {
      return page.status();
    }
  }
}

void SharedListing::Invalidate(const std::string& key) {
  std::lock_guard lock(mu_);
  invalidated_.insert(key);
  items_.erase(key);
}

void SharedListing::InvalidateAll() {
  std::lock_guard lock(mu_);
  all_invalidated_ = true;
  items_.clear();
}

SharedListingStats SharedListing::stats() const {
  std::lock_guard lock(mu_);
  return stats_;
}

}  // namespace opc::client
