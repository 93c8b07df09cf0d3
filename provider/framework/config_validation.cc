#include "provider/framework/config_validation.h"

#include <algorithm>
#include <optional>
#include <string>

#include "provider/framework/value_access.h"

namespace opc::framework {

namespace {

using namespace internal;  // NOLINT(google-build-using-namespace): the shared cty readers

void ValidateAttrs(const std::vector<Attribute>& attrs, const Value& config,
                   const AttributePath& path, Diagnostics& diags);

void ValidateNested(const NestedAttributes& nested, const Value& v, const AttributePath& path,
                    Diagnostics& diags) {
  switch (nested.nesting) {
    case NestedAttributes::Nesting::kSingle:
      ValidateAttrs(nested.attributes, v, path, diags);
      break;
    case NestedAttributes::Nesting::kList:
    case NestedAttributes::Nesting::kSet: {
      int64_t i = 0;
      for (const auto& e : ListElements(v)) {
        bool is_set = nested.nesting == NestedAttributes::Nesting::kSet;
        ValidateAttrs(nested.attributes, e, is_set ? path : path.Index(i), diags);
        ++i;
      }
      break;
    }
    case NestedAttributes::Nesting::kMap:
      for (const auto& [key, e] : MapElements(v)) {
        ValidateAttrs(nested.attributes, e, path.Key(key), diags);
      }
      break;
  }
}

void ValidateAttrs(const std::vector<Attribute>& attrs, const Value& config,
                   const AttributePath& path, Diagnostics& diags) {
  if (!IsPresent(config)) {
    return;
  }
  for (const auto& a : attrs) {
    const Value& v = config.GetAttr(a.name);
    AttributePath at = path.Attr(a.name);
    if (a.required && v.IsNull()) {
      diags.AddError("Missing required argument",
                     "The argument \"" + a.name + "\" is required, but no definition was found.",
                     at);
      continue;
    }
    if (!IsPresent(v)) {
      continue;  // unknown values are checked again once known (at apply time)
    }
    for (const auto& validator : a.validators) {
      if (validator) {
        validator(v, at, diags);
      }
    }
    if (a.nested) {
      ValidateNested(*a.nested, v, at, diags);
    }
  }
}

void ValidateBlock(const Block& block, const Value& config, const AttributePath& path,
                   Diagnostics& diags) {
  if (!IsPresent(config)) {
    return;
  }
  ValidateAttrs(block.attributes, config, path, diags);
  for (const auto& nb : block.blocks) {
    const Value& v = config.GetAttr(nb.type_name);
    AttributePath at = path.Attr(nb.type_name);
    const Block& inner = BlockOf(nb);
    switch (nb.nesting) {
      case NestedBlock::Nesting::kSingle:
      case NestedBlock::Nesting::kGroup:
        ValidateBlock(inner, v, at, diags);
        break;
      case NestedBlock::Nesting::kList:
      case NestedBlock::Nesting::kSet: {
        int64_t i = 0;
        for (const auto& e : ListElements(v)) {
          ValidateBlock(inner, e, nb.nesting == NestedBlock::Nesting::kSet ? at : at.Index(i),
                        diags);
          ++i;
        }
        break;
      }
      case NestedBlock::Nesting::kMap:
        for (const auto& [key, e] : MapElements(v)) {
          ValidateBlock(inner, e, at.Key(key), diags);
        }
        break;
    }
  }
}

}  // namespace

void ValidateAgainstSchema(const Block& block, const Value& config, Diagnostics& diags) {
  ValidateBlock(block, config, AttributePath(), diags);
}

}  // namespace opc::framework
