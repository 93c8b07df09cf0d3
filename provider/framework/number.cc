#include "provider/framework/number.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace opc::framework {

namespace {

constexpr std::string_view kPositiveInfinity = "+Inf";
constexpr std::string_view kNegativeInfinity = "-Inf";
// Numbers are written out in full, so refuse absurd exponents (1e999999999) that would take
// gigabytes; Terraform itself works at 512 bits of precision.
constexpr int64_t kMaxExponent = 10000;

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Splits canonical text into sign, integer digits and fraction digits.
struct Parts {
  bool negative = false;
  std::string_view integer;
  std::string_view fraction;
};

Parts Split(std::string_view text) {
  Parts p;
  if (!text.empty() && text.front() == '-') {
    p.negative = true;
    text.remove_prefix(1);
  }
  auto dot = text.find('.');
  p.integer = text.substr(0, dot);
  if (dot != std::string_view::npos) {
    p.fraction = text.substr(dot + 1);
  }
  return p;
}

// Compares magnitudes of two canonical numbers: <0, 0, >0.
int CompareMagnitude(const Parts& a, const Parts& b) {
  if (a.integer.size() != b.integer.size()) {
    return a.integer.size() < b.integer.size() ? -1 : 1;
  }
  if (int c = a.integer.compare(b.integer); c != 0) {
    return c;
  }
  // Fractions have no trailing zeros, so plain lexicographic order is numeric order.
  return a.fraction.compare(b.fraction);
}

}  // namespace

Number Number::FromInt64(int64_t v) { return Number(std::to_string(v)); }

Number Number::FromUint64(uint64_t v) { return Number(std::to_string(v)); }

Number Number::FromDouble(double v) {
  if (std::isnan(v)) {
    return Number();  // cty has no NaN; callers reject it before getting here
  }
  if (std::isinf(v)) {
    return Infinity(v < 0);
  }
  char buf[64];
  auto result = std::to_chars(buf, buf + sizeof(buf), v);  // shortest round-trip form
  auto parsed = Parse(std::string_view(buf, result.ptr - buf));
  return parsed ? *parsed : Number();
}

Number Number::Infinity(bool negative) {
  return Number(std::string(negative ? kNegativeInfinity : kPositiveInfinity));
}

std::optional<Number> Number::Parse(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (EqualsIgnoreCase(text, "inf") || EqualsIgnoreCase(text, "infinity")) {
    return Infinity(negative);
  }
  std::string digits;
  int64_t fraction_digits = 0;
  size_t i = 0;
  bool seen_digit = false;
  for (; i < text.size() && IsDigit(text[i]); ++i) {
    digits.push_back(text[i]);
    seen_digit = true;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    for (; i < text.size() && IsDigit(text[i]); ++i) {
      digits.push_back(text[i]);
      ++fraction_digits;
      seen_digit = true;
    }
  }
  if (!seen_digit) {
    return std::nullopt;
  }
  int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
      exp_negative = text[i] == '-';
      ++i;
    }
    if (i == text.size()) {
      return std::nullopt;
    }
    for (; i < text.size() && IsDigit(text[i]); ++i) {
      exponent = exponent * 10 + (text[i] - '0');
      if (exponent > 10 * kMaxExponent) {
        return std::nullopt;
      }
    }
    if (exp_negative) {
      exponent = -exponent;
    }
  }
  if (i != text.size()) {
    return std::nullopt;
  }

  // value = digits * 10^scale
  int64_t scale = exponent - fraction_digits;
  size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) {
    return Number();  // zero, whatever its sign or exponent
  }
  digits.erase(0, first);
  while (digits.back() == '0') {
    digits.pop_back();
    ++scale;
  }
  if (scale > kMaxExponent || scale < -kMaxExponent) {
    return std::nullopt;
  }

  std::string out = negative ? "-" : "";
  if (scale >= 0) {
    out += digits;
    out.append(static_cast<size_t>(scale), '0');
  } else {
    auto frac = static_cast<size_t>(-scale);
    if (digits.size() > frac) {
      out += digits.substr(0, digits.size() - frac);
      out += '.';
      out += digits.substr(digits.size() - frac);
    } else {
      out += "0.";
      out.append(frac - digits.size(), '0');
      out += digits;
    }
  }
  return Number(std::move(out));
}

bool Number::IsInteger() const { return !IsInfinity() && text_.find('.') == std::string::npos; }

bool Number::IsInfinity() const { return text_ == kPositiveInfinity || text_ == kNegativeInfinity; }

std::optional<int64_t> Number::ToInt64() const {
  if (!IsInteger()) {
    return std::nullopt;
  }
  int64_t v = 0;
  auto result = std::from_chars(text_.data(), text_.data() + text_.size(), v);
  if (result.ec != std::errc() || result.ptr != text_.data() + text_.size()) {
    return std::nullopt;
  }
  return v;
}

double Number::ToDouble() const {
  if (IsInfinity()) {
    return text_ == kPositiveInfinity ? std::numeric_limits<double>::infinity()
                                      : -std::numeric_limits<double>::infinity();
  }
  double v = 0;
  auto result = std::from_chars(text_.data(), text_.data() + text_.size(), v);
  if (result.ec == std::errc::result_out_of_range) {
    Parts p = Split(text_);
    if (p.integer == "0") {
      return p.negative ? -0.0 : 0.0;  // underflow
    }
    return p.negative ? -std::numeric_limits<double>::infinity()
                      : std::numeric_limits<double>::infinity();
  }
  return v;
}

bool Number::operator<(const Number& o) const {
  if (text_ == o.text_) {
    return false;
  }
  if (text_ == kNegativeInfinity || o.text_ == kPositiveInfinity) {
    return true;
  }
  if (text_ == kPositiveInfinity || o.text_ == kNegativeInfinity) {
    return false;
  }
  Parts a = Split(text_);
  Parts b = Split(o.text_);
  if (a.negative != b.negative) {
    return a.negative;
  }
  int c = CompareMagnitude(a, b);
  return a.negative ? c > 0 : c < 0;
}

}  // namespace opc::framework
