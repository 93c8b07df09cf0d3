#include "provider/client/paging.h"

#include <set>

#include "provider/client/string_util.h"

namespace opc::client {

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
  std::set<std::string> seen_links;
  for (int page = 1;; ++page) {
    absl::StatusOr<GraphResponse> response = client.Send(request, cancel);
    if (!response.ok()) {
      return response.status();
    }
    const nlohmann::json& body = response->body;
    if (!body.is_object() || !body.contains("value") || !body["value"].is_array()) {
      return absl::InternalError(
          StrCat("page ", page, " of ", request.path,
                 " has no \"value\" array [request-id: ", response->request_id, "]"));
    }
    for (const nlohmann::json& item : body["value"]) {
      if (absl::Status status = visit(item); !status.ok()) {
        return status;
      }
    }
    auto next = body.find("@odata.nextLink");
    if (next == body.end() || next->is_null()) {
      return absl::OkStatus();
    }
    if (!next->is_string() || next->get<std::string>().empty()) {
      return absl::InternalError(
          StrCat("page ", page, " has an invalid @odata.nextLink: ",
                 next->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
    }
    std::string link = next->get<std::string>();
    if (!seen_links.insert(link).second) {
      return absl::InternalError(
          StrCat("the service returned the same @odata.nextLink twice: ", link));
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
