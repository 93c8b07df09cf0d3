// A small provider used only by the protocol tests: provider "test" with one attribute, the
// resource test_thing (kept in memory) and the data source test_info.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "provider/framework/provider.h"

namespace opc::protocol_test {

// What test_thing objects "exist remotely", shared by the test and the resource.
struct ThingStore {
  std::mutex mu;
  std::map<std::string, framework::Value> things;  // id -> state
  int next_id = 1;
  std::string last_terraform_version;
  std::string last_region;            // as Configure saw it: "(null)", "(unknown)" or the value
  std::string last_validated_region;  // the same, as ValidateConfig saw it
  std::string last_validated_name;    // `name` as the last resource or data source
                                      // ValidateConfig saw it
};

// Provider "test": attribute `region` (optional string; "invalid" is rejected).
// test_thing: id (computed, stable), name (required, forces replacement), size (optional
//   number; -1 makes create wait until the request is cancelled), tags (optional map of
//   string), secret (optional sensitive string). Import takes the id.
// test_info: name (required), greeting (computed: "hello <name>").
std::unique_ptr<framework::Provider> MakeTestProvider(std::shared_ptr<ThingStore> store);

}  // namespace opc::protocol_test
