#pragma once

// The OData query subset the tenant API supports: $filter with `eq`, `and`, parentheses and
// `collection/any(x:x eq 'v')`; $top/$skip paging with an absolute @odata.nextLink.

#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "simulator/http/request_context.h"

namespace opcsim::http {

struct FilterField {
  std::string name;         // JSON property of the representation
  bool collection = false;  // filtered with any(...) rather than eq
  // Rewrites a string literal before comparing (e.g. to +E164); nullopt keeps it.
  std::function<std::optional<std::string>(std::string_view)> normalize;
};
using FilterSchema = std::vector<FilterField>;

// A parsed $filter: a conjunction of comparisons. Comparisons of strings ignore case.
class Filter {
 public:
  // 400 (naming the problem) for syntax outside the subset or fields not in `schema`.
  static absl::StatusOr<Filter> Parse(std::string_view text, const FilterSchema& schema);
  bool Matches(const nlohmann::json& entity) const;
  // The string that a `field eq '...'` term requires of every match, if the filter has one:
  // lets a handler read that one row instead of scanning the whole collection.
  std::optional<std::string> RequiredValue(std::string_view field) const;

 private:
  using Literal = std::variant<std::nullptr_t, bool, double, std::string>;
  struct Comparison {
    std::string field;
    bool any = false;
    Literal literal;
  };
  friend class FilterParser;
  static bool Equal(const nlohmann::json& value, const Literal& literal);

  std::vector<Comparison> comparisons_;
};

inline constexpr int kDefaultPageSize = 500;
inline constexpr int kMaxPageSize = 1000;

struct CollectionQuery {
  int top = kDefaultPageSize;
  int skip = 0;
  std::optional<std::string> filter;
};

// Reads $top, $skip and $filter; 400 for any other $ option or a bad value.
absl::StatusOr<CollectionQuery> ParseCollectionQuery(const httplib::Request& request);

// A list request's options with its $filter parsed against the collection's schema, for
// handlers that look at the filter before reading (e.g. to read one row rather than all).
struct ListQuery {
  CollectionQuery options;       // $top, $skip and the $filter text (repeated in nextLink)
  std::optional<Filter> filter;  // absent when there is no $filter
};
// 400 naming the problem for a bad option or filter.
absl::StatusOr<ListQuery> ParseListQuery(const httplib::Request& request,
                                         const FilterSchema& schema);

// Filters, then pages `items` (already sorted) into {"value": [...], "@odata.nextLink": ...}.
absl::StatusOr<nlohmann::json> FilterAndPage(const std::vector<nlohmann::json>& items,
                                             const FilterSchema& schema,
                                             const RequestContext& context);
// The same with the query already parsed.
nlohmann::json FilterAndPage(const std::vector<nlohmann::json>& items, const ListQuery& query,
                             const RequestContext& context);

// {"value": page, "@odata.nextLink": ...} for a page the handler read itself (`more`: rows
// follow it), with the same nextLink as FilterAndPage.
nlohmann::json PageBody(nlohmann::json page, bool more, const ListQuery& query,
                        const RequestContext& context);

// Percent-encodes a query-string value (everything but RFC 3986 unreserved characters).
std::string EncodeQueryValue(std::string_view value);

}  // namespace opcsim::http
