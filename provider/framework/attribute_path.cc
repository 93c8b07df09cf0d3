#include "provider/framework/attribute_path.h"

#include <nlohmann/json.hpp>

namespace opc::framework {

AttributePath AttributePath::Attr(std::string name) const {
  auto steps = steps_;
  steps.emplace_back(AttributeName{std::move(name)});
  return AttributePath(std::move(steps));
}

AttributePath AttributePath::Key(std::string key) const {
  auto steps = steps_;
  steps.emplace_back(ElementKeyString{std::move(key)});
  return AttributePath(std::move(steps));
}

AttributePath AttributePath::Index(int64_t index) const {
  auto steps = steps_;
  steps.emplace_back(ElementKeyInt{index});
  return AttributePath(std::move(steps));
}

std::string AttributePath::ToString() const {
  std::string out;
  for (const auto& step : steps_) {
    if (const auto* attr = std::get_if<AttributeName>(&step)) {
      if (!out.empty()) {
        out += '.';
      }
      out += attr->name;
    } else if (const auto* key = std::get_if<ElementKeyString>(&step)) {
      out += '[';
      out +=
          nlohmann::json(key->key).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      out += ']';
    } else {
      out += '[' + std::to_string(std::get<ElementKeyInt>(step).index) + ']';
    }
  }
  return out;
}

}  // namespace opc::framework
