// Arbitrary-precision decimal numbers, as Terraform's cty numbers are.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace opc::framework {

// Stored as a canonical decimal string ("-12.5", "1e+400" is written out in full), so that
// numbers of any size round-trip without loss. Arithmetic is not needed by providers.
class Number {
 public:
  Number() : text_("0") {}
  static Number FromInt64(int64_t v);
  static Number FromUint64(uint64_t v);
  static Number FromDouble(double v);  // finite values only; infinities use Infinity()
  static Number Infinity(bool negative);
  // Parses decimal or scientific notation ("12", "-0.5", "1.5e3"); nullopt if malformed.
  static std::optional<Number> Parse(std::string_view text);

  const std::string& ToString() const { return text_; }  // canonical decimal text
  bool IsInteger() const;
  bool IsInfinity() const;
  std::optional<int64_t> ToInt64() const;  // exact only
  double ToDouble() const;                 // nearest

  bool operator==(const Number& o) const { return text_ == o.text_; }
  bool operator!=(const Number& o) const { return text_ != o.text_; }
  bool operator<(const Number& o) const;

 private:
  explicit Number(std::string canonical) : text_(std::move(canonical)) {}
  std::string text_;
};

}  // namespace opc::framework
