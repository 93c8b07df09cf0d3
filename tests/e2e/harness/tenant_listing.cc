#include "tenant_listing.h"

#include <gtest/gtest.h>

#include "output_text.h"

namespace opc::e2e {

using nlohmann::json;

std::string StringField(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<json> ListAll(const SimulatorProcess& sim, std::string path, int attempts) {
  std::vector<json> items;
  for (int page = 0; page < 1000 && !path.empty(); ++page) {
    SimulatorProcess::Reply reply = sim.Graph("GET", path);
    for (int attempt = 1; attempt < attempts && reply.status != 200 && reply.status != 404;
         ++attempt) {
      reply = sim.Graph("GET", path);
    }
    EXPECT_EQ(reply.status, 200) << path << ": " << Describe(reply);
    if (reply.status != 200) {
      break;
    }
    for (const json& item : reply.body.value("value", json::array())) {
      items.push_back(item);
    }
    const std::string next = StringField(reply.body, "@odata.nextLink");
    path = next.empty() ? "" : next.substr(sim.base_url().size());
  }
  return items;
}

}  // namespace opc::e2e
