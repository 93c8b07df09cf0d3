#include "simulator/http/graph_error.h"

namespace opcsim::http {

nlohmann::json GraphErrorBody(const std::string& code, const std::string& message,
                              const std::string& request_id,
                              const std::optional<std::string>& client_request_id, SimMillis now) {
  return {{"error",
           {{"code", code},
            {"message", message},
            {"innerError",
             {{"request-id", request_id},
              {"client-request-id",
               client_request_id ? nlohmann::json(*client_request_id) : nlohmann::json()},
              {"date", FormatTimestamp(now)}}}}}};
}

}  // namespace opcsim::http
