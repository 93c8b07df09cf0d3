#include "provider/client/paging.h"

#include <set>

#include "provider/client/string_util.h"
#include "provider/client/untrusted_text.h"
#include "provider/common/status_macros.h"

namespace opc::client {
namespace {

// Graph's links are a few hundred bytes; every link is remembered to detect loops.
constexpr std::size_t kMaxNextLinkBytes = 16 * 1024;

}  // namespace

absl::Status ForEachItem(const GraphClient& client, GraphRequest first,
                         const std::function<absl::Status(const nlohmann::json& item)>& visit,
                         const CancellationToken& cancel) {
  bool has_top = false;
  for (const auto& [key, value] : first.query) {
    has_top = has_top || key == "$top";
  }
  if (!has_top) {
    first.query.emplace_back("$top", std::to_string(kMaxPageSize));
  }
  first.method = HttpMethod::kGet;

  GraphRequest request = std::move(first);
  const Redactor& redactor = client.logger().redactor();
  const GraphClientOptions& budget = client.options();
  const std::string what = UntrustedText(request.path, &redactor);
  std::set<std::string> seen_links;
  std::size_t items = 0;
  for (int page = 1;; ++page) {
    if (page > budget.max_list_pages) {
      return absl::ResourceExhaustedError(
          StrCat("reading ", what, ": the service sent more than ", budget.max_list_pages,
                 " pages; stopped there (a broken or hostile endpoint?)"));
    }
    if (cancel.IsCancelled()) {
      return absl::CancelledError(StrCat("reading ", what, ": cancelled"));
    }
    // One more item than the budget allows is what tells "full" from "too many".
    request.max_page_items = budget.max_list_items - items + 1;
    absl::StatusOr<GraphResponse> response = client.Send(request, cancel);
    if (!response.ok()) {
      if (absl::IsResourceExhausted(response.status()) &&
          StatusMessage(response.status()).find(kTooManyPageItems) != std::string_view::npos) {
        return absl::ResourceExhaustedError(
            StrCat("reading ", what, ": the collection has more than ", budget.max_list_items,
                   " items, the most one read may return (max_list_items)"));
      }
      return response.status();
    }
    const nlohmann::json& body = response->body;
    if (!body.is_object() || !body.contains("value") || !body["value"].is_array()) {
      return absl::InternalError(
          StrCat("page ", page, " of ", what,
                 " has no \"value\" array [request-id: ", response->request_id, "]"));
    }
    items += body["value"].size();
    for (const nlohmann::json& item : body["value"]) {
      RETURN_IF_ERROR(visit(item));
    }
    auto next = body.find("@odata.nextLink");
    if (next == body.end() || next->is_null()) {
      return absl::OkStatus();
    }
    if (!next->is_string() || next->get<std::string>().empty()) {
      // Never format the value itself: it is untrusted and may be nested arbitrarily deep.
      return absl::InternalError(StrCat("page ", page, " of ", what,
                                        " has an invalid @odata.nextLink (a JSON ",
                                        next->type_name(), ", expected a non-empty URL)"));
    }
    std::string link = next->get<std::string>();
    if (link.size() > kMaxNextLinkBytes) {
      return absl::InternalError(StrCat("page ", page, " of ", what, " has an @odata.nextLink of ",
                                        link.size(), " bytes (at most ", kMaxNextLinkBytes,
                                        " accepted)"));
    }
    if (!seen_links.insert(link).second) {
      return absl::InternalError(StrCat("the service returned the same @odata.nextLink twice: ",
                                        UntrustedText(link, &redactor)));
    }
    request = GraphRequest{HttpMethod::kGet, std::move(link), {}, std::nullopt, std::nullopt};
  }
}

absl::StatusOr<std::vector<nlohmann::json>> ListAllItems(const GraphClient& client,
                                                         GraphRequest first,
                                                         const CancellationToken& cancel) {
  std::vector<nlohmann::json> items;
  absl::Status status = ForEachItem(
      client, std::move(first),
      [&](const nlohmann::json& item) {
        items.push_back(item);
        return absl::OkStatus();
      },
      cancel);
  if (!status.ok()) {
    return status;
  }
  return items;
}

}  // namespace opc::client
