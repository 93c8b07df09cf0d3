#include "provider/framework/objchange_compatible.h"

#include <algorithm>
#include <optional>
#include <string>

#include "provider/framework/value_access.h"

namespace opc::framework {

namespace {

using namespace internal;  // NOLINT(google-build-using-namespace): the shared cty readers

class AppliedChecker {
 public:
  explicit AppliedChecker(Diagnostics& diags) : diags_(diags) {}

  // Every unknown left in `root` (the outermost one of each branch).
  void Unknowns(const Value& root) {
    Walk(root, [&](const AttributePath& path, const Value& v) {
      if (!v.IsUnknown()) {
        return true;
      }
      diags_.AddError("Provider returned invalid result object after apply",
                      "After the apply operation, the provider still indicated an unknown value "
                      "for " +
                          (path.empty() ? std::string("the resource") : path.ToString()) +
                          ". All values must be known after apply, so this is always a bug in "
                          "the provider.",
                      path.empty() ? std::nullopt : std::optional<AttributePath>(path));
      return false;
    });
  }

  // Returns whether compatible; reports problems only when `report` is set.
  bool Compatible(const Value& planned, const Value& actual, const AttributePath& path,
                  bool report) {
    if (planned.type().IsDynamic()) {
      return true;  // anything goes
    }
    if (planned.IsUnknown()) {
      return Refined(planned, actual, path, report);
    }
    if (actual.IsNull()) {
      return planned.IsNull() ||
             Fail(path, "was " + planned.DebugString() + ", but now null", report);
    }
    if (planned.IsNull()) {
      return Fail(path, "was null, but now " + actual.DebugString(), report);
    }
    if (!actual.IsKnown()) {
      return Fail(path, "was known, but now unknown", report);
    }
    if (planned.type().kind() != actual.type().kind()) {
      return Fail(path,
                  "wrong final value type: " + actual.type().FriendlyName() + " instead of " +
                      planned.type().FriendlyName(),
                  report);
    }
    bool ok = true;
    switch (planned.type().kind()) {
      case Type::Kind::kBool:
      case Type::Kind::kNumber:
      case Type::Kind::kString:
        if (!planned.Equals(actual)) {
          return Fail(path, "was " + planned.DebugString() + ", but now " + actual.DebugString(),
                      report);
        }
        return true;
      case Type::Kind::kList:
      case Type::Kind::kTuple: {
        const auto& p = planned.Elements();
        const auto& a = actual.Elements();
        for (size_t i = 0; i < p.size(); ++i) {
          AttributePath at = path.Index(static_cast<int64_t>(i));
          if (i >= a.size()) {
            ok = Fail(path, "element " + std::to_string(i) + " has vanished", report) && ok;
            continue;
          }
          ok = Compatible(p[i], a[i], at, report) && ok;
        }
        for (size_t i = p.size(); i < a.size(); ++i) {
          ok = Fail(path, "new element " + std::to_string(i) + " has appeared", report) && ok;
        }
        return ok;
      }
      case Type::Kind::kMap:
      case Type::Kind::kObject: {
        const auto& p = MapElements(planned);
        const auto& a = MapElements(actual);
        bool is_map = IsKind(planned, Type::Kind::kMap);
        for (const auto& [key, pe] : p) {
          AttributePath at = is_map ? path.Key(key) : path.Attr(key);
          auto ai = a.find(key);
          if (ai == a.end()) {
            if (is_map) {
              ok = Fail(path, "element \"" + key + "\" has vanished", report) && ok;
            } else {
              ok = Compatible(pe, Value::Null(pe.type()), at, report) && ok;
            }
            continue;
          }
          ok = Compatible(pe, ai->second, at, report) && ok;
        }
        for (const auto& [key, ae] : a) {
          if (p.count(key) == 0) {
            ok = Fail(is_map ? path : path.Attr(key),
                      is_map ? "new element \"" + key + "\" has appeared"
                             : "unexpected attribute in the new state",
                      report) &&
                 ok;
          }
        }
        return ok;
      }
      case Type::Kind::kSet: {
        const auto& p = planned.Elements();
        const auto& a = actual.Elements();
        std::vector<bool> p_ok(p.size(), false);
        std::vector<bool> a_ok(a.size(), false);
        for (size_t i = 0; i < p.size(); ++i) {
          for (size_t j = 0; j < a.size(); ++j) {
            if (p_ok[i] && a_ok[j]) {
              continue;
            }
            if (Compatible(p[i], a[j], path, false)) {
              p_ok[i] = a_ok[j] = true;
            }
          }
        }
        auto uncorrelated = [&](const std::vector<Value>& elements, const std::vector<bool>& paired,
                                const std::string& side, const std::string& other) {
          for (size_t i = 0; i < elements.size(); ++i) {
            if (!paired[i]) {
              ok = Fail(path,
                        side + " set element " + elements[i].DebugString() +
                            " does not correlate with any element in " + other,
                        report) &&
                   ok;
            }
          }
        };
        uncorrelated(p, p_ok, "planned", "actual");
        if (ok) {
          uncorrelated(a, a_ok, "actual", "plan");
        }
        if (p.size() < a.size()) {
          ok = Fail(path,
                    "length changed from " + std::to_string(p.size()) + " to " +
                        std::to_string(a.size()),
                    report) &&
               ok;
        }
        return ok;
      }
      case Type::Kind::kDynamic:
        break;
    }
    return true;
  }

 private:
  bool Refined(const Value& planned, const Value& actual, const AttributePath& path, bool report) {
    const Refinements& r = planned.refinements();
    if (r.empty() || actual.IsUnknown()) {
      return true;
    }
    if (actual.IsNull()) {
      return !r.definitely_not_null.value_or(false) ||
             Fail(path, "final value is null, but the plan promised a non-null value", report);
    }
    if (r.string_prefix && IsKind(actual, Type::Kind::kString) &&
        actual.AsString().rfind(*r.string_prefix, 0) != 0) {
      return Fail(path,
                  "final value " + actual.DebugString() +
                      " does not start with the planned "
                      "prefix " +
                      Value::String(*r.string_prefix).DebugString(),
                  report);
    }
    if (IsKind(actual, Type::Kind::kNumber)) {
      const Number& n = actual.AsNumber();
      if (r.number_lower &&
          (n < r.number_lower->first || (!r.number_lower->second && n == r.number_lower->first))) {
        return Fail(path, "final value " + n.ToString() + " is below the planned lower bound",
                    report);
      }
      if (r.number_upper &&
          (r.number_upper->first < n || (!r.number_upper->second && n == r.number_upper->first))) {
        return Fail(path, "final value " + n.ToString() + " is above the planned upper bound",
                    report);
      }
    }
    if (actual.type().IsCollection()) {
      auto length =
          static_cast<int64_t>(IsKind(actual, Type::Kind::kMap) ? actual.MapElements().size()
                                                                : actual.Elements().size());
      if ((r.length_lower && length < *r.length_lower) ||
          (r.length_upper && length > *r.length_upper)) {
        return Fail(
            path,
            "final length " + std::to_string(length) + " is outside the planned length bounds",
            report);
      }
    }
    return true;
  }

  bool Fail(const AttributePath& path, const std::string& message, bool report) {
    if (report) {
      std::string where = path.empty() ? std::string("Root object") : path.ToString();
      diags_.AddError("Provider produced inconsistent result after apply",
                      "When applying changes, the provider produced an unexpected new value: " +
                          where + ": " + message +
                          ".\n\nThis is a bug in the provider, which should be reported in the "
                          "provider's own issue tracker.",
                      path.empty() ? std::nullopt : std::optional<AttributePath>(path));
    }
    return false;
  }

  Diagnostics& diags_;
};

}  // namespace

void CheckAppliedAgainstPlan(const Value& planned, const Value& actual, Diagnostics& diags) {
  AppliedChecker checker(diags);
  checker.Unknowns(actual);
  if (planned.IsNull() != actual.IsNull()) {
    diags.AddError("Provider produced inconsistent result after apply",
                   planned.IsNull() ? "Root object was absent, but now present."
                                    : "Root object was present, but now absent.");
    return;
  }
  checker.Compatible(planned, actual, AttributePath(), true);
}

}  // namespace opc::framework
