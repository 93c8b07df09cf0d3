// Percent-encoding for URL paths, query strings and form bodies (RFC 3986 section 2).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace opc::client {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Encodes every byte except the unreserved set A-Z a-z 0-9 - . _ ~ . Safe for a path segment
// (e.g. an id) and for a query value: '+' becomes %2B, so "+1425..." survives the trip.
std::string PercentEncode(std::string_view text);

// "k1=v1&k2=v2" with both sides percent-encoded; '$' is kept in keys for OData's "$filter".
std::string EncodeQuery(const QueryParams& params);

// application/x-www-form-urlencoded body.
std::string EncodeForm(const QueryParams& params);

// Appends `params` to `url`, with '?' or '&' as needed. `url` is used verbatim otherwise.
std::string AppendQuery(std::string url, const QueryParams& params);

}  // namespace opc::client
