#include "simulator/http/identity_error.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "simulator/support/ids.h"

namespace opcsim::http {
namespace {

// "2026-11-25 03:04:05Z": the identity platform's timestamp spelling.
std::string AadTimestamp(SimMillis now) {
  std::string iso = FormatTimestamp(now);
  iso[10] = ' ';
  return iso;
}

}  // namespace

nlohmann::json IdentityErrorBody(const std::string& error, int aadsts,
                                 const std::string& description, SimMillis now) {
  const std::string trace_id = NewGuid();
  const std::string correlation_id = NewGuid();
  const std::string timestamp = AadTimestamp(now);
  return {{"error", error},
          {"error_description",
           absl::StrCat("AADSTS", aadsts, ": ", description, "\r\nTrace ID: ", trace_id,
                        "\r\nCorrelation ID: ", correlation_id, "\r\nTimestamp: ", timestamp)},
          {"error_codes", {aadsts}},
          {"timestamp", timestamp},
          {"trace_id", trace_id},
          {"correlation_id", correlation_id}};
}

bool IsTokenEndpoint(const std::string& path) {
  return absl::EndsWith(path, "/oauth2/v2.0/token") &&
         path.find('/', 1) == path.size() - std::string("/oauth2/v2.0/token").size();
}

}  // namespace opcsim::http
