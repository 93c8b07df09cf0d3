// Parsing JSON from the network with limits. nlohmann's own parser builds any document it is
// given: 16 million `{}` in a 48 MiB page cost gigabytes, and a value nested 100,000 deep is
// later formatted or copied recursively (stack overflow). This parser stops as soon as the
// document is deeper or has more values than allowed, and when the call is cancelled.
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string_view>

#include "absl/status/statusor.h"
#include "provider/common/cancellation.h"

namespace opc::client {

struct JsonLimits {
  // Nesting of arrays and objects; Graph responses need fewer than 10 levels.
  std::size_t max_depth = 64;
  // Values of every kind (each scalar, array, object and key counts once): what the parsed
  // document costs in memory grows with this, not with the size of the text. A page of 1,000
  // numbers with every field set has fewer than 50,000.
  std::size_t max_values = 500'000;
  // Items of the top-level object's "value" array (a page of a collection); 0: no limit. Lets
  // paging stop at its item budget while parsing instead of after.
  std::size_t max_page_items = 0;
};

inline constexpr JsonLimits kDefaultJsonLimits{};

// In the message of the ResourceExhausted status for a page over max_page_items.
inline constexpr std::string_view kTooManyPageItems = "\"value\" array has more than";

// Takes each object of a page's top-level "value" array as soon as it is parsed.
using JsonItemSink = std::function<void(nlohmann::json&& item)>;

// The parsed document. With `page_items`, each object of the top-level "value" array goes to it
// when its closing brace is read and is not kept: the document then holds an empty "value"
// array, and a page of 1,000 items never exists as one parsed tree (a peak of several MB per
// page). Items handed over before an error still count as delivered. InvalidArgument for text that
// is not JSON, ResourceExhausted naming the limit that was hit (never quoting the text), Cancelled
// when `cancel` fires while parsing.
absl::StatusOr<nlohmann::json> ParseBoundedJson(std::string_view text,
                                                const JsonLimits& limits = kDefaultJsonLimits,
                                                const CancellationToken* cancel = nullptr,
                                                const JsonItemSink* page_items = nullptr);

}  // namespace opc::client
