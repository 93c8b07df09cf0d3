#include "provider/export/hcl.h"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace opc::exporter::hcl {
namespace {

constexpr size_t kMaxIdentifierLength = 60;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

// ASCII for the Latin-1 letters U+00C0..U+00FF (UTF-8 0xC3 0x80..0xBF), so that "Büro" names
// a resource "buro" rather than "b_ro". Index: second byte - 0x80; "" for × and ÷.
constexpr const char* kLatin1Letters[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

std::string Indentation(int indent) { return std::string(static_cast<size_t>(indent) * 2, ' '); }

}  // namespace

std::string Quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool template_start = i + 1 < text.size() && text[i + 1] == '{';
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '$':
      case '%':
        // "${" and "%{" open an interpolation or directive; doubling the sign escapes them.
        out.push_back(c);
        if (template_start) {
          out.push_back(c);
        }
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
          out += escaped;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
  return out;
}

std::string Identifier(std::string_view text, std::string_view prefix) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (IsAsciiLower(c) || IsAsciiDigit(c)) {
      out.push_back(c);
    } else if (IsAsciiUpper(c)) {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (static_cast<unsigned char>(c) == 0xC3 && next >= 0x80 && next <= 0xBF &&
               *kLatin1Letters[next - 0x80] != '\0') {
      out += kLatin1Letters[next - 0x80];
      ++i;
    } else if (!out.empty() && out.back() != '_') {
      out.push_back('_');  // a run of anything else (spaces, punctuation, UTF-8) is one '_'
    }
  }
  if (out.size() > kMaxIdentifierLength) {
    out.resize(kMaxIdentifierLength);
  }
  while (!out.empty() && out.back() == '_') {
    out.pop_back();
  }
  if (out.empty() || IsAsciiDigit(out.front())) {
    out = out.empty() ? std::string(prefix) : std::string(prefix) + "_" + out;
  }
  return out;
}

std::string NameAllocator::Allocate(const std::string& wanted) {
  std::string name = wanted;
  for (int n = 2; used_.count(name) != 0; ++n) {
    name = wanted + "_" + std::to_string(n);
  }
  used_.insert(name);
  return name;
}

struct Body::Item {
  enum class Kind { kAttribute, kObject, kList, kBlock, kComment, kBlank };
  Kind kind;
  std::string name;  // attribute name, block header or comment text
  std::string expression;
  std::vector<std::string> items;
  Body body;
};

Body::Body() = default;
Body::~Body() = default;
Body::Body(Body&&) noexcept = default;
Body& Body::operator=(Body&&) noexcept = default;

Body& Body::Attribute(std::string name, std::string expression) {
  auto item = std::make_unique<Item>();
  item->kind = Item::Kind::kAttribute;
  item->name = std::move(name);
  item->expression = std::move(expression);
  items_.push_back(std::move(item));
  return *this;
}

Body& Body::Object(std::string name, Body body) {
  auto item = std::make_unique<Item>();
  item->kind = Item::Kind::kObject;
  item->name = std::move(name);
  item->body = std::move(body);
  items_.push_back(std::move(item));
  return *this;
}

Body& Body::List(std::string name, std::vector<std::string> items) {
  if (items.size() <= 1) {
    return Attribute(std::move(name), InlineList(items));
  }
  auto item = std::make_unique<Item>();
  item->kind = Item::Kind::kList;
  item->name = std::move(name);
  item->items = std::move(items);
  items_.push_back(std::move(item));
  return *this;
}

Body& Body::Block(std::string header, Body body) {
  auto item = std::make_unique<Item>();
  item->kind = Item::Kind::kBlock;
  item->name = std::move(header);
  item->body = std::move(body);
  items_.push_back(std::move(item));
  return *this;
}

Body& Body::Comment(std::string_view text) {
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    auto item = std::make_unique<Item>();
    item->kind = Item::Kind::kComment;
    item->name = std::string(text.substr(start, end == std::string_view::npos ? end : end - start));
    items_.push_back(std::move(item));
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return *this;
}

Body& Body::Blank() {
  auto item = std::make_unique<Item>();
  item->kind = Item::Kind::kBlank;
  items_.push_back(std::move(item));
  return *this;
}

bool Body::empty() const { return items_.empty(); }

std::string Body::Render(int indent) const {
  const std::string pad = Indentation(indent);
  std::string out;
  size_t i = 0;
  while (i < items_.size()) {
    const Item& item = *items_[i];
    if (item.kind == Item::Kind::kAttribute) {
      // A run of single-line attributes: pad every name to the longest one.
      size_t end = i;
      size_t width = 0;
      while (end < items_.size() && items_[end]->kind == Item::Kind::kAttribute) {
        width = std::max(width, items_[end]->name.size());
        ++end;
      }
      for (; i < end; ++i) {
        const Item& attribute = *items_[i];
        out += pad + attribute.name + std::string(width - attribute.name.size(), ' ') + " = " +
               attribute.expression + "\n";
      }
      continue;
    }
    switch (item.kind) {
      case Item::Kind::kObject:
        out += pad + item.name + " = {\n" + item.body.Render(indent + 1) + pad + "}\n";
        break;
      case Item::Kind::kList:
        out += pad + item.name + " = [\n";
        for (const std::string& element : item.items) {
          out += Indentation(indent + 1) + element + ",\n";
        }
        out += pad + "]\n";
        break;
      case Item::Kind::kBlock:
        out += item.body.empty()
                   ? pad + item.name + " {}\n"
                   : pad + item.name + " {\n" + item.body.Render(indent + 1) + pad + "}\n";
        break;
      case Item::Kind::kComment:
        out += item.name.empty() ? pad + "#\n" : pad + "# " + item.name + "\n";
        break;
      case Item::Kind::kBlank:
        out += "\n";
        break;
      case Item::Kind::kAttribute:
        break;
    }
    ++i;
  }
  return out;
}

std::string InlineList(const std::vector<std::string>& expressions) {
  std::string out = "[";
  for (size_t i = 0; i < expressions.size(); ++i) {
    out += (i == 0 ? "" : ", ") + expressions[i];
  }
  return out + "]";
}

}  // namespace opc::exporter::hcl
