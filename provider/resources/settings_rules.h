// The rules a provider setting must satisfy, shared by ValidateConfig (values written in the
// provider block) and Configure (values after environment fallbacks). Messages quote the
// offending value, so these are never used for the client secret.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace opc::resources::rules {

// 8-4-4-4-12 hexadecimal digits, e.g. 72f988bf-86f1-41af-91ab-2d7cd011db47.
absl::Status CheckGuid(std::string_view text);
// An absolute http(s) URL with a host and no credentials, query or fragment; plain http only
// for loopback hosts (localhost, 127.0.0.0/8, [::1]), i.e. a local simulator.
absl::Status CheckServiceUrl(std::string_view text);
// An existing, readable regular file holding at least one PEM certificate.
absl::Status CheckCaFile(const std::string& path);
// Go-style durations: "30s", "2m", "1m30s", "1.5s", "500ms", "1h"; positive, at most 24h.
absl::StatusOr<std::chrono::milliseconds> ParseDuration(std::string_view text);
// A whole number between 0 and kMaxMaxRetries.
absl::StatusOr<int> ParseMaxRetries(std::string_view text);
// A whole number between 1 and kMaxMaxListItems.
absl::StatusOr<int64_t> ParseMaxListItems(std::string_view text);

}  // namespace opc::resources::rules
