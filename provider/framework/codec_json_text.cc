// The exact-number JSON text pass: JSON numbers have no range or precision limit, so number
// tokens a double cannot hold exactly are kept as their text.
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "provider/framework/codec.h"

namespace opc::framework {

namespace {

// Builds a JSON document, keeping number tokens a double cannot hold exactly as strings.
class PreciseSax : public nlohmann::json_sax<nlohmann::json> {
 public:
  nlohmann::json& root() { return root_; }
  const std::string& error() const { return error_; }

  bool null() override { return Add(nullptr); }
  bool boolean(bool v) override { return Add(v); }
  bool number_integer(number_integer_t v) override { return Add(v); }
  bool number_unsigned(number_unsigned_t v) override { return Add(v); }
  bool number_float(number_float_t v, const string_t& text) override {
    auto exact = Number::Parse(text);
    if (exact && std::isfinite(v) && Number::FromDouble(v) == *exact) {
      return Add(v);
    }
    return Add(exact ? exact->ToString() : text);
  }
  bool string(string_t& v) override { return Add(std::move(v)); }
  bool binary(binary_t& v) override { return Add(nlohmann::json::binary(std::move(v))); }
  bool start_object(std::size_t) override {
    nlohmann::json* added = Insert(nlohmann::json::object());
    stack_.push_back(added);
    return true;
  }
  bool key(string_t& k) override {
    key_ = std::move(k);
    return true;
  }
  bool end_object() override {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    nlohmann::json* added = Insert(nlohmann::json::array());
    stack_.push_back(added);
    return true;
  }
  bool end_array() override {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    error_ = ex.what();
    return false;
  }

 private:
  bool Add(nlohmann::json v) {
    Insert(std::move(v));
    return true;
  }
  // Only the innermost open container grows, so pointers to the open ones stay valid.
  nlohmann::json* Insert(nlohmann::json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    nlohmann::json* top = stack_.back();
    if (top->is_array()) {
      top->push_back(std::move(v));
      return &top->back();
    }
    nlohmann::json& slot = (*top)[key_];
    slot = std::move(v);
    return &slot;
  }

  nlohmann::json root_;
  std::vector<nlohmann::json*> stack_;
  std::string key_;
  std::string error_;
};

// nlohmann's parser rejects numbers beyond double range (1e400); JSON numbers have no range,
// so such tokens are turned into strings first, which keeps their exact text.
std::string QuoteOverflowingNumbers(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) {
        out += text[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
      out += c;
      continue;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      size_t end = i;
      while (end < text.size() &&
             std::string_view("0123456789+-.eE").find(text[end]) != std::string_view::npos) {
        ++end;
      }
      std::string_view token = text.substr(i, end - i);
      auto n = Number::Parse(token);
      if (n && !n->IsInfinity() && std::isinf(n->ToDouble())) {
        out += '"';
        out += n->ToString();
        out += '"';
      } else {
        out += token;
      }
      i = end - 1;
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

absl::StatusOr<nlohmann::json> ParseJsonPreservingNumbers(std::string_view text) {
  try {
    PreciseSax sax;
    std::string quoted = QuoteOverflowingNumbers(text);
    bool ok = nlohmann::json::sax_parse(quoted.begin(), quoted.end(), &sax);
    if (!ok) {
      return absl::InvalidArgumentError("malformed JSON: " + sax.error());
    }
    return std::move(sax.root());
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(std::string("malformed JSON: ") + e.what());
  }
}

absl::StatusOr<Value> DecodeJsonText(std::string_view text, const Type& type) {
  auto json = ParseJsonPreservingNumbers(text);
  if (!json.ok()) {
    return json.status();
  }
  return DecodeJson(*json, type);
}

}  // namespace opc::framework
