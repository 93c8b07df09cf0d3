#include "provider/framework/schema.h"

#include <utility>

#include "re2/re2.h"

namespace opc::framework {

namespace {

bool ContainsDynamic(const Type& type) {
  switch (type.kind()) {
    case Type::Kind::kDynamic:
      return true;
    case Type::Kind::kList:
    case Type::Kind::kSet:
    case Type::Kind::kMap:
      return ContainsDynamic(type.element());
    case Type::Kind::kObject:
      for (const auto& [name, t] : type.attributes()) {
        if (ContainsDynamic(t)) {
          return true;
        }
      }
      return false;
    case Type::Kind::kTuple:
      for (const auto& t : type.elements()) {
        if (ContainsDynamic(t)) {
          return true;
        }
      }
      return false;
    default:
      return false;
  }
}

Type ObjectOf(const std::vector<Attribute>& attributes) {
  std::map<std::string, Type> types;
  for (const auto& a : attributes) {
    types.emplace(a.name, a.EffectiveType());
  }
  return Type::Object(std::move(types));
}

Attribute StringAttribute(std::string name, std::string description, bool required, bool optional,
                          bool computed) {
  Attribute a;
  a.name = std::move(name);
  a.type = Type::String();
  a.description = std::move(description);
  a.required = required;
  a.optional = optional;
  a.computed = computed;
  return a;
}

// Number of Unicode code points, which is what Terraform's length() counts.
size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) {
      ++n;
    }
  }
  return n;
}

std::string Where(const AttributePath& path) {
  return path.empty() ? std::string("value") : "Attribute " + path.ToString();
}

std::string FormatDouble(double v) { return Number::FromDouble(v).ToString(); }

}  // namespace

Type Attribute::EffectiveType() const {
  if (!nested) {
    return type;
  }
  Type object = ObjectOf(nested->attributes);
  switch (nested->nesting) {
    case NestedAttributes::Nesting::kSingle:
      return object;
    case NestedAttributes::Nesting::kList:
      // Terraform cannot type a list of objects with dynamic parts; it uses a tuple.
      return ContainsDynamic(object) ? Type::Dynamic() : Type::List(object);
    case NestedAttributes::Nesting::kSet:
      return Type::Set(object);
    case NestedAttributes::Nesting::kMap:
      return ContainsDynamic(object) ? Type::Dynamic() : Type::Map(object);
  }
  return object;
}

const Attribute* Block::FindAttribute(std::string_view name) const {
  for (const auto& a : attributes) {
    if (a.name == name) {
      return &a;
    }
  }
  return nullptr;
}

const NestedBlock* Block::FindBlock(std::string_view name) const {
  for (const auto& b : blocks) {
    if (b.type_name == name) {
      return &b;
    }
  }
  return nullptr;
}

Type Block::ImpliedType() const {
  std::map<std::string, Type> types;
  for (const auto& a : attributes) {
    types.emplace(a.name, a.EffectiveType());
  }
  for (const auto& nb : blocks) {
    Type object = nb.block ? nb.block->ImpliedType() : Type::Object({});
    Type t;
    switch (nb.nesting) {
      case NestedBlock::Nesting::kSingle:
      case NestedBlock::Nesting::kGroup:
        t = object;
        break;
      case NestedBlock::Nesting::kList:
        // hcldec's BlockTupleSpec: the type depends on the config, so it is dynamic.
        t = ContainsDynamic(object) ? Type::Dynamic() : Type::List(object);
        break;
      case NestedBlock::Nesting::kSet:
        t = Type::Set(object);
        break;
      case NestedBlock::Nesting::kMap:
        t = ContainsDynamic(object) ? Type::Dynamic() : Type::Map(object);
        break;
    }
    types.emplace(nb.type_name, std::move(t));
  }
  return Type::Object(std::move(types));
}

Attribute RequiredString(std::string name, std::string description) {
  return StringAttribute(std::move(name), std::move(description), true, false, false);
}

Attribute OptionalString(std::string name, std::string description) {
  return StringAttribute(std::move(name), std::move(description), false, true, false);
}

Attribute ComputedString(std::string name, std::string description) {
  return StringAttribute(std::move(name), std::move(description), false, false, true);
}

Attribute OptionalComputedString(std::string name, std::string description) {
  return StringAttribute(std::move(name), std::move(description), false, true, true);
}

namespace validators {

Validator OneOf(std::vector<std::string> allowed) {
  return [allowed = std::move(allowed)](const Value& value, const AttributePath& path,
                                        Diagnostics& diags) {
    if (value.type().kind() != Type::Kind::kString) {
      return;
    }
    for (const auto& a : allowed) {
      if (value.AsString() == a) {
        return;
      }
    }
    std::string list;
    for (const auto& a : allowed) {
      list += (list.empty() ? "" : ", ") + Value::String(a).DebugString();
    }
    diags.AddError(
        "Invalid Attribute Value Match",
        Where(path) + " value must be one of: [" + list + "], got: " + value.DebugString(), path);
  };
}

Validator MatchesRegex(std::string pattern, std::string what) {
  // RE2: linear-time matching, so no pattern or input can make validation hang or overflow the
  // stack. Quiet: a bad pattern is reported as a diagnostic, not logged to stderr.
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<const RE2>(pattern, options);
  return [re, pattern = std::move(pattern), what = std::move(what)](
             const Value& value, const AttributePath& path, Diagnostics& diags) {
    if (value.type().kind() != Type::Kind::kString) {
      return;
    }
    if (!re->ok()) {
      diags.AddError("Invalid validator",
                     "The pattern " + Value::String(pattern).DebugString() +
                         " is not a valid regular expression. This is a bug "
                         "in the provider.",
                     path);
      return;
    }
    bool matches = RE2::FullMatch(value.AsString(), *re);
    if (!matches) {
      diags.AddError("Invalid Attribute Value Match",
                     Where(path) + " must be " + what + ", got: " + value.DebugString(), path);
    }
  };
}

Validator LengthBetween(size_t min, size_t max) {
  return [min, max](const Value& value, const AttributePath& path, Diagnostics& diags) {
    size_t length = 0;
    std::string noun = "string length";
    switch (value.type().kind()) {
      case Type::Kind::kString:
        length = CodePoints(value.AsString());
        break;
      case Type::Kind::kList:
      case Type::Kind::kSet:
      case Type::Kind::kTuple:
        length = value.Elements().size();
        noun = "length";
        break;
      case Type::Kind::kMap:
        length = value.MapElements().size();
        noun = "length";
        break;
      default:
        return;
    }
    if (length < min || length > max) {
      diags.AddError("Invalid Attribute Value Length",
                     Where(path) + " " + noun + " must be between " + std::to_string(min) +
                         " and " + std::to_string(max) + ", got: " + std::to_string(length),
                     path);
    }
  };
}

Validator NumberBetween(double min, double max) {
  return [min, max](const Value& value, const AttributePath& path, Diagnostics& diags) {
    if (value.type().kind() != Type::Kind::kNumber) {
      return;
    }
    const auto& n = value.AsNumber();
    if (n < Number::FromDouble(min) || Number::FromDouble(max) < n) {
      diags.AddError("Invalid Attribute Value",
                     Where(path) + " value must be between " + FormatDouble(min) + " and " +
                         FormatDouble(max) + ", got: " + n.ToString(),
                     path);
    }
  };
}

Validator SetSizeAtLeast(size_t min) {
  return [min](const Value& value, const AttributePath& path, Diagnostics& diags) {
    size_t size = 0;
    switch (value.type().kind()) {
      case Type::Kind::kList:
      case Type::Kind::kSet:
      case Type::Kind::kTuple:
        size = value.Elements().size();
        break;
      case Type::Kind::kMap:
        size = value.MapElements().size();
        break;
      default:
        return;
    }
    if (size < min) {
      diags.AddError("Invalid Attribute Value",
                     Where(path) + " must contain at least " + std::to_string(min) +
                         " elements, got: " + std::to_string(size),
                     path);
    }
  };
}

Validator EachString(Validator each) {
  return
      [each = std::move(each)](const Value& value, const AttributePath& path, Diagnostics& diags) {
        auto check = [&](const Value& element, const AttributePath& element_path) {
          if (element.IsKnown() && !element.IsNull()) {
            each(element, element_path, diags);
          }
        };
        switch (value.type().kind()) {
          case Type::Kind::kList:
          case Type::Kind::kTuple: {
            int64_t i = 0;
            for (const auto& e : value.Elements()) {
              check(e, path.Index(i++));
            }
            break;
          }
          case Type::Kind::kSet:
            // Set elements have no index; Terraform points at the set itself.
            for (const auto& e : value.Elements()) {
              check(e, path);
            }
            break;
          case Type::Kind::kMap:
            for (const auto& [key, e] : value.MapElements()) {
              check(e, path.Key(key));
            }
            break;
          default:
            break;
        }
      };
}

}  // namespace validators

}  // namespace opc::framework
