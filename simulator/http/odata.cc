#include "simulator/http/odata.h"

#include <cctype>
#include <cstdlib>
#include <set>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "simulator/domain/errors.h"
#include "simulator/domain/validation.h"
#include "simulator/support/status_macros.h"

namespace opcsim::http {
namespace {

enum class TokenKind {
  kIdentifier,
  kString,
  kNumber,
  kLeftParen,
  kRightParen,
  kSlash,
  kColon,
  kEnd
};

struct Token {
  TokenKind kind;
  std::string text;
};

absl::StatusOr<std::vector<Token>> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '(') {
      tokens.push_back({TokenKind::kLeftParen, "("});
      ++i;
    } else if (c == ')') {
      tokens.push_back({TokenKind::kRightParen, ")"});
      ++i;
    } else if (c == '/') {
      tokens.push_back({TokenKind::kSlash, "/"});
      ++i;
    } else if (c == ':') {
      tokens.push_back({TokenKind::kColon, ":"});
      ++i;
    } else if (c == '\'') {
      std::string value;
      ++i;
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '\'') {
          if (i + 1 < text.size() && text[i + 1] == '\'') {  // '' escapes a quote
            value.push_back('\'');
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        value.push_back(text[i++]);
      }
      if (!closed) {
        return BadRequest("Invalid $filter: unterminated string literal.");
      }
      tokens.push_back({TokenKind::kString, std::move(value)});
    } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-') {
      size_t start = i++;
      while (i < text.size() &&
             (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) {
        ++i;
      }
      tokens.push_back({TokenKind::kNumber, std::string(text.substr(start, i - start))});
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t start = i++;
      while (i < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_')) {
        ++i;
      }
      tokens.push_back({TokenKind::kIdentifier, std::string(text.substr(start, i - start))});
    } else {
      return BadRequest(
          absl::StrCat("Invalid $filter: unexpected character '", std::string(1, c), "'."));
    }
  }
  tokens.push_back({TokenKind::kEnd, ""});
  return tokens;
}

}  // namespace

// Recursive descent over: expr := primary ('and' primary)*
//   primary := '(' expr ')' | field 'eq' literal | field '/' 'any' '(' v ':' v 'eq' literal ')'
class FilterParser {
 public:
  FilterParser(std::vector<Token> tokens, const FilterSchema& schema, Filter* out)
      : tokens_(std::move(tokens)), schema_(schema), out_(out) {}

  absl::Status ParseAll() {
    RETURN_IF_ERROR(ParseExpression());
    if (Peek().kind != TokenKind::kEnd) {
      return Unexpected();
    }
    return absl::OkStatus();
  }

 private:
  const Token& Peek() const { return tokens_[position_]; }
  const Token& Next() { return tokens_[position_ < tokens_.size() - 1 ? position_++ : position_]; }
  bool IsKeyword(const Token& token, std::string_view keyword) const {
    return token.kind == TokenKind::kIdentifier && EqualsIgnoreCase(token.text, keyword);
  }
  absl::Status Unexpected() const {
    const Token& token = Peek();
    if (token.kind == TokenKind::kEnd) {
      return BadRequest("Invalid $filter: unexpected end of expression.");
    }
    if (token.kind == TokenKind::kIdentifier &&
        (EqualsIgnoreCase(token.text, "or") || EqualsIgnoreCase(token.text, "ne") ||
         EqualsIgnoreCase(token.text, "not") || EqualsIgnoreCase(token.text, "gt") ||
         EqualsIgnoreCase(token.text, "lt") || EqualsIgnoreCase(token.text, "ge") ||
         EqualsIgnoreCase(token.text, "le") || EqualsIgnoreCase(token.text, "in"))) {
      return BadRequest(absl::StrCat("Unsupported $filter operator '", token.text,
                                     "'; supported: eq, and, any()."));
    }
    return BadRequest(absl::StrCat("Invalid $filter near '", token.text, "'."));
  }

  absl::Status ParseExpression() {
    RETURN_IF_ERROR(ParsePrimary());
    while (IsKeyword(Peek(), "and")) {
      Next();
      RETURN_IF_ERROR(ParsePrimary());
    }
    return absl::OkStatus();
  }

  absl::Status ParsePrimary() {
    if (Peek().kind == TokenKind::kLeftParen) {
      Next();
      RETURN_IF_ERROR(ParseExpression());
      if (Peek().kind != TokenKind::kRightParen) {
        return Unexpected();
      }
      Next();
      return absl::OkStatus();
    }
    if (Peek().kind != TokenKind::kIdentifier) {
      return Unexpected();
    }
    const std::string field_name = Next().text;
    const FilterField* field = nullptr;
    for (const FilterField& candidate : schema_) {
      if (candidate.name == field_name) {
        field = &candidate;
      }
    }
    if (field == nullptr) {
      return BadRequest(absl::StrCat("Filtering on '", field_name, "' is not supported."));
    }
    Filter::Comparison comparison{field->name, field->collection, nullptr};
    if (field->collection) {
      // field/any(x:x eq literal)
      if (Next().kind != TokenKind::kSlash || !IsKeyword(Peek(), "any")) {
        return BadRequest(absl::StrCat("'", field_name, "' is a collection; use ", field_name,
                                       "/any(x:x eq 'value')."));
      }
      Next();
      if (Next().kind != TokenKind::kLeftParen || Peek().kind != TokenKind::kIdentifier) {
        return Unexpected();
      }
      const std::string variable = Next().text;
      if (Next().kind != TokenKind::kColon || Peek().kind != TokenKind::kIdentifier ||
          Next().text != variable || !IsKeyword(Peek(), "eq")) {
        return Unexpected();
      }
      Next();
      RETURN_IF_ERROR(ParseLiteral(*field, &comparison.literal));
      if (Peek().kind != TokenKind::kRightParen) {
        return Unexpected();
      }
      Next();
    } else {
      if (!IsKeyword(Peek(), "eq")) {
        return Unexpected();
      }
      Next();
      RETURN_IF_ERROR(ParseLiteral(*field, &comparison.literal));
    }
    out_->comparisons_.push_back(std::move(comparison));
    return absl::OkStatus();
  }

  absl::Status ParseLiteral(const FilterField& field, Filter::Literal* literal) {
    const Token& token = Peek();
    if (token.kind == TokenKind::kString) {
      std::string value = Next().text;
      if (field.normalize) {
        if (auto normalized = field.normalize(value)) {
          value = *normalized;
        }
      }
      *literal = std::move(value);
      return absl::OkStatus();
    }
    if (token.kind == TokenKind::kNumber) {
      double number = 0;
      if (!absl::SimpleAtod(token.text, &number)) {
        return Unexpected();
      }
      Next();
      *literal = number;
      return absl::OkStatus();
    }
    if (IsKeyword(token, "null")) {
      Next();
      *literal = nullptr;
      return absl::OkStatus();
    }
    if (IsKeyword(token, "true") || IsKeyword(token, "false")) {
      *literal = EqualsIgnoreCase(Next().text, "true");
      return absl::OkStatus();
    }
    return Unexpected();
  }

  std::vector<Token> tokens_;
  size_t position_ = 0;
  const FilterSchema& schema_;
  Filter* out_;
};

absl::StatusOr<Filter> Filter::Parse(std::string_view text, const FilterSchema& schema) {
  ASSIGN_OR_RETURN(std::vector<Token> tokens, Tokenize(text));
  Filter filter;
  FilterParser parser(std::move(tokens), schema, &filter);
  RETURN_IF_ERROR(parser.ParseAll());
  return filter;
}

bool Filter::Equal(const nlohmann::json& value, const Literal& literal) {
  if (std::holds_alternative<std::nullptr_t>(literal)) {
    return value.is_null();
  }
  if (const auto* text = std::get_if<std::string>(&literal)) {
    return value.is_string() && EqualsIgnoreCase(value.get_ref<const std::string&>(), *text);
  }
  if (const auto* flag = std::get_if<bool>(&literal)) {
    return value.is_boolean() && value.get<bool>() == *flag;
  }
  return value.is_number() && value.get<double>() == std::get<double>(literal);
}

bool Filter::Matches(const nlohmann::json& entity) const {
  for (const Comparison& comparison : comparisons_) {
    auto it = entity.find(comparison.field);
    const nlohmann::json value = it == entity.end() ? nlohmann::json() : *it;
    if (comparison.any) {
      bool found = false;
      if (value.is_array()) {
        for (const nlohmann::json& item : value) {
          found = found || Equal(item, comparison.literal);
        }
      }
      if (!found) {
        return false;
      }
    } else if (!Equal(value, comparison.literal)) {
      return false;
    }
  }
  return true;
}

std::optional<std::string> Filter::RequiredValue(std::string_view field) const {
  for (const Comparison& comparison : comparisons_) {
    if (!comparison.any && comparison.field == field &&
        std::holds_alternative<std::string>(comparison.literal)) {
      return std::get<std::string>(comparison.literal);
    }
  }
  return std::nullopt;
}

absl::StatusOr<CollectionQuery> ParseCollectionQuery(const httplib::Request& request) {
  CollectionQuery query;
  std::set<std::string> seen;
  for (const auto& [given_name, value] : request.params) {
    if (given_name.empty() || given_name[0] != '$') {
      continue;  // not an OData option
    }
    // OData system query option names are case-insensitive ($Top = $top); each may appear once.
    const std::string name = absl::AsciiStrToLower(given_name);
    if (!seen.insert(name).second) {
      return BadRequest(absl::StrCat("Query option '", name,
                                     "' was specified more than once; it must be "
                                     "specified at most once."));
    }
    if (name == "$top" || name == "$skip") {
      int number = 0;
      if (!absl::SimpleAtoi(value, &number)) {
        return BadRequest(absl::StrCat("Invalid ", name, " value '", value, "'."));
      }
      if (name == "$top") {
        if (number < 1 || number > kMaxPageSize) {
          return BadRequest(absl::StrCat("$top must be between 1 and ", kMaxPageSize, "."));
        }
        query.top = number;
      } else {
        if (number < 0) {
          return BadRequest("$skip must not be negative.");
        }
        query.skip = number;
      }
    } else if (name == "$filter") {
      query.filter = value;
    } else {
      return BadRequest(absl::StrCat("Query option '", given_name, "' is not supported."));
    }
  }
  return query;
}

std::string EncodeQueryValue(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0f]);
    }
  }
  return out;
}

absl::StatusOr<ListQuery> ParseListQuery(const httplib::Request& request,
                                         const FilterSchema& schema) {
  ASSIGN_OR_RETURN(CollectionQuery options, ParseCollectionQuery(request));
  ListQuery query{std::move(options), std::nullopt};
  if (query.options.filter && !query.options.filter->empty()) {
    ASSIGN_OR_RETURN(Filter parsed, Filter::Parse(*query.options.filter, schema));
    query.filter = std::move(parsed);
  }
  return query;
}

absl::StatusOr<nlohmann::json> FilterAndPage(const std::vector<nlohmann::json>& items,
                                             const FilterSchema& schema,
                                             const RequestContext& context) {
  ASSIGN_OR_RETURN(ListQuery query, ParseListQuery(context.request, schema));
  return FilterAndPage(items, query, context);
}

nlohmann::json FilterAndPage(const std::vector<nlohmann::json>& items, const ListQuery& query,
                             const RequestContext& context) {
  const std::optional<Filter>& filter = query.filter;
  nlohmann::json page = nlohmann::json::array();
  size_t matched = 0;
  bool more = false;
  const size_t first = static_cast<size_t>(query.options.skip);
  const size_t last = first + static_cast<size_t>(query.options.top);
  for (const nlohmann::json& item : items) {
    if (filter && !filter->Matches(item)) {
      continue;
    }
    if (matched >= first && matched < last) {
      page.push_back(item);
    } else if (matched >= last) {
      more = true;
      break;
    }
    ++matched;
  }
  return PageBody(std::move(page), more, query, context);
}

nlohmann::json PageBody(nlohmann::json page, bool more, const ListQuery& query,
                        const RequestContext& context) {
  nlohmann::json body = {{"value", std::move(page)}};
  if (more) {
    std::string link = absl::StrCat(context.base_url, context.request.path, "?");
    if (query.options.filter && !query.options.filter->empty()) {
      absl::StrAppend(&link, "$filter=", EncodeQueryValue(*query.options.filter), "&");
    }
    absl::StrAppend(&link, "$top=", query.options.top,
                    "&$skip=", query.options.skip + query.options.top);
    body["@odata.nextLink"] = link;
  }
  return body;
}

}  // namespace opcsim::http
