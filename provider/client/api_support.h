// Shared plumbing of the typed APIs (numbers, operators, emergency): entity decoding with its
// ETag, and path building with escaped ids.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "provider/client/graph_client.h"
#include "provider/client/json_fields.h"
#include "provider/client/url_encoding.h"

namespace opc::client {

// Decodes a single-entity response. For models with an `etag` member, the ETag header wins
// over the body's @odata.etag (they agree on a well-behaved service).
template <typename T>
absl::StatusOr<T> DecodeEntity(const GraphResponse& response, std::string_view what) {
  absl::StatusOr<T> decoded = DecodeJson<T>(response.body, what);
  if constexpr (requires(T t) { t.etag; }) {
    if (decoded.ok() && response.etag) {
      decoded->etag = response.etag;
    }
  }
  return decoded;
}

// "{base}/{escaped id}"; an empty id is rejected rather than turned into the collection URL.
inline absl::StatusOr<std::string> EntityPath(std::string_view base, std::string_view id,
                                              std::string_view what) {
  if (id.empty()) {
    return absl::InvalidArgumentError(StrCat(what, " id is empty"));
  }
  return StrCat(base, "/", PercentEncode(id));
}

}  // namespace opc::client
