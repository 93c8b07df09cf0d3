#pragma once

#include <httplib.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "simulator/clock.h"

namespace opcsim::http {

// What a handler knows about the request it serves.
struct RequestContext {
  explicit RequestContext(const httplib::Request& http_request) : request(http_request) {}

  const httplib::Request& request;
  std::string request_id;                        // GUID, also sent as the request-id header
  std::optional<std::string> client_request_id;  // echoed when the client sent one
  std::map<std::string, std::string> path_params;
  std::string base_url;   // "http://host:port" as the client addressed us (for absolute URLs)
  SimMillis now = 0;      // simulator time when the request arrived
  std::string tenant_id;  // the authenticated tenant (tenant-API routes only)

  // The decoded path parameter (empty if absent).
  const std::string& Param(const std::string& name) const;
  std::optional<std::string> Header(const std::string& name) const;
};

// What a handler answers. The dispatcher adds request-id and serializes the body.
struct HttpResponse {
  int status = 200;
  std::optional<nlohmann::json> body;
  std::vector<std::pair<std::string, std::string>> headers;

  static HttpResponse Json(int status, nlohmann::json body);
  static HttpResponse Empty(int status);
  HttpResponse& WithHeader(std::string name, std::string value);
};

}  // namespace opcsim::http
