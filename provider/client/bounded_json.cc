#include "provider/client/bounded_json.h"

#include <string>

#include "provider/client/string_util.h"

namespace opc::client {
namespace {

using json = nlohmann::json;

// Values between two looks at the cancellation token: a few milliseconds of parsing.
constexpr std::size_t kCancelCheckEvery = 16 * 1024;

// nlohmann's DOM builder behind a gate: every event is counted and checked before it is
// applied, and returning false stops the parser at once.
class BoundedSax {
 public:
  BoundedSax(json& result, const JsonLimits& limits, const CancellationToken* cancel,
             const JsonItemSink* page_items)
      : result_(result),
        dom_(result, /*allow_exceptions=*/false),
        limits_(limits),
        cancel_(cancel),
        page_items_sink_(page_items) {}

  bool null() { return Admit() && dom_.null(); }
  bool boolean(bool value) { return Admit() && dom_.boolean(value); }
  bool number_integer(json::number_integer_t value) {
    return Admit() && dom_.number_integer(value);
  }
  bool number_unsigned(json::number_unsigned_t value) {
    return Admit() && dom_.number_unsigned(value);
  }
  bool number_float(json::number_float_t value, const json::string_t& text) {
    return Admit() && dom_.number_float(value, text);
  }
  bool string(json::string_t& value) { return Admit() && dom_.string(value); }
  bool binary(json::binary_t& value) { return Admit() && dom_.binary(value); }
  bool start_object(std::size_t size) { return Open(false) && dom_.start_object(size); }
  bool key(json::string_t& value) {
    if (!Count()) {
      return false;
    }
    if (depth_ == 1) {
      in_page_value_ = value == "value";
    }
    return dom_.key(value);
  }
  bool end_object() {
    const bool page_item = in_page_value_ && depth_ == 3;
    --depth_;
    if (!dom_.end_object()) {
      return false;
    }
    if (page_item && page_items_sink_ != nullptr) {
      // The item is complete and the builder no longer points into it: hand it over.
      json::array_t& items = result_["value"].get_ref<json::array_t&>();
      (*page_items_sink_)(std::move(items.back()));
      items.pop_back();
    }
    return true;
  }
  bool start_array(std::size_t size) { return Open(true) && dom_.start_array(size); }
  bool end_array() {
    if (depth_ == 2 && in_page_value_) {
      in_page_value_ = false;
    }
    --depth_;
    return dom_.end_array();
  }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& /*error*/) {
    // The parser's own message quotes the input: only the position is kept.
    if (failure_.ok()) {
      failure_ = absl::InvalidArgumentError(
          StrCat("it is not valid JSON (syntax error at byte ", position, ")"));
    }
    return false;
  }

  const absl::Status& failure() const { return failure_; }

 private:
  bool Fail(absl::Status status) {
    failure_ = std::move(status);
    return false;
  }

  // Counts one value; checks the total and, now and then, cancellation.
  bool Count() {
    if (++values_ > limits_.max_values) {
      return Fail(absl::ResourceExhaustedError(
          StrCat("it has more than ", limits_.max_values, " JSON values; refusing it")));
    }
    if (cancel_ != nullptr && values_ % kCancelCheckEvery == 0 && cancel_->IsCancelled()) {
      return Fail(absl::CancelledError("cancelled while parsing the response"));
    }
    return true;
  }

  // A value about to be stored: counted, and if it is an item of the page's "value" array,
  // counted against the item limit.
  bool Admit() {
    if (!Count()) {
      return false;
    }
    if (in_page_value_ && depth_ == 2 && limits_.max_page_items > 0 &&
        ++page_items_ > limits_.max_page_items) {
      return Fail(absl::ResourceExhaustedError(
          StrCat("its ", kTooManyPageItems, " ", limits_.max_page_items, " items")));
    }
    return true;
  }

  bool Open(bool array) {
    if (!Admit()) {
      return false;
    }
    if (++depth_ > limits_.max_depth) {
      return Fail(
          absl::ResourceExhaustedError(StrCat("it nests ", array ? "arrays" : "objects",
                                              " deeper than ", limits_.max_depth, " levels")));
    }
    return true;
  }

  json& result_;
  nlohmann::detail::json_sax_dom_parser<json> dom_;
  const JsonLimits& limits_;
  const CancellationToken* cancel_;
  const JsonItemSink* page_items_sink_;
  absl::Status failure_;
  std::size_t values_ = 0;
  std::size_t depth_ = 0;
  std::size_t page_items_ = 0;
  bool in_page_value_ = false;
};

}  // namespace

absl::StatusOr<json> ParseBoundedJson(std::string_view text, const JsonLimits& limits,
                                      const CancellationToken* cancel,
                                      const JsonItemSink* page_items) {
  json result;
  BoundedSax sax(result, limits, cancel, page_items);
  const bool ok = json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json,
                                  /*strict=*/true, /*ignore_comments=*/false);
  if (!ok || !sax.failure().ok()) {
    if (!sax.failure().ok()) {
      return sax.failure();
    }
    return absl::InvalidArgumentError("it is not valid JSON");
  }
  return result;
}

}  // namespace opc::client
