// Reading the tenant back through the simulator's tenant API, for the suites that count what
// Terraform left there.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "simulator_process.h"

namespace opc::e2e {

// A string member, "" when absent, null or not a string (json::value throws on null).
std::string StringField(const nlohmann::json& object, const char* key);

// Every item of a tenant collection at `path`, following @odata.nextLink. A page that does not
// answer 200 is asked again up to `attempts` times in all (a simulator injecting faults), then
// is a test failure that ends the listing.
std::vector<nlohmann::json> ListAll(const SimulatorProcess& sim, std::string path,
                                    int attempts = 1);

}  // namespace opc::e2e
