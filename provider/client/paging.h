// Reading whole collections: `{"value":[...], "@odata.nextLink": "<absolute URL>"}` pages,
// following nextLink verbatim (it carries every query parameter the next page needs).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "provider/client/graph_client.h"
#include "provider/client/json_fields.h"
#include "provider/common/cancellation.h"

namespace opc::client {

// The largest page the service serves; fewer round trips for big inventories.
inline constexpr int kMaxPageSize = 1000;

// Visits every item of every page. `first` is the first page's request (GET); $top=1000 is
// added unless it already has a $top. Stops at the first error (from the service or from
// `visit`). A nextLink that repeats an earlier page is an error, not an endless loop; so is a
// collection with more than the client's max_list_items items or max_list_pages pages
// (ResourceExhausted, see GraphClientOptions): a page is refused while it is parsed as soon
// as it would go over the item budget.
absl::Status ForEachItem(const GraphClient& client, GraphRequest first,
                         const std::function<absl::Status(const nlohmann::json& item)>& visit,
                         const CancellationToken& cancel);

// Every item of every page, in order.
absl::StatusOr<std::vector<nlohmann::json>> ListAllItems(const GraphClient& client,
                                                         GraphRequest first,
                                                         const CancellationToken& cancel);

// Every item decoded as T (see json_fields.h); `what` names T in errors.
template <typename T>
absl::StatusOr<std::vector<T>> ListAll(const GraphClient& client, GraphRequest first,
                                       std::string_view what, const CancellationToken& cancel) {
  std::vector<T> items;
  absl::Status status = ForEachItem(
      client, std::move(first),
      [&](const nlohmann::json& item) -> absl::Status {
        absl::StatusOr<T> decoded = DecodeJson<T>(item, what);
        if (!decoded.ok()) {
          return decoded.status();
        }
        items.push_back(*std::move(decoded));
        return absl::OkStatus();
      },
      cancel);
  if (!status.ok()) {
    return status;
  }
  return items;
}

}  // namespace opc::client
