// Paths into a value: .attr, ["key"], [0]; attached to diagnostics and requires_replace.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace opc::framework {

struct AttributeName {
  std::string name;
  auto operator<=>(const AttributeName&) const = default;
};
struct ElementKeyString {
  std::string key;
  auto operator<=>(const ElementKeyString&) const = default;
};
struct ElementKeyInt {
  int64_t index;
  auto operator<=>(const ElementKeyInt&) const = default;
};
using PathStep = std::variant<AttributeName, ElementKeyString, ElementKeyInt>;

class AttributePath {
 public:
  AttributePath() = default;
  explicit AttributePath(std::vector<PathStep> steps) : steps_(std::move(steps)) {}
  // Shorthand for a top-level attribute.
  static AttributePath Root(std::string attribute) {
    return AttributePath({AttributeName{std::move(attribute)}});
  }

  AttributePath Attr(std::string name) const;
  AttributePath Key(std::string key) const;
  AttributePath Index(int64_t index) const;

  const std::vector<PathStep>& steps() const { return steps_; }
  bool empty() const { return steps_.empty(); }
  bool operator==(const AttributePath& o) const { return steps_ == o.steps_; }
  // An arbitrary but fixed order (attributes, then keys, then indexes), for sorted path lists.
  bool operator<(const AttributePath& o) const { return steps_ < o.steps_; }

  // Terraform-like rendering: contact.email, countries[0], tags["env"]
  std::string ToString() const;

 private:
  std::vector<PathStep> steps_;
};

}  // namespace opc::framework
