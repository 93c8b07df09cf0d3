#include "simulator/http/request_context.h"

namespace opcsim::http {

const std::string& RequestContext::Param(const std::string& name) const {
  static const std::string kEmpty;
  auto it = path_params.find(name);
  return it == path_params.end() ? kEmpty : it->second;
}

std::optional<std::string> RequestContext::Header(const std::string& name) const {
  if (!request.has_header(name.c_str())) {
    return std::nullopt;
  }
  return request.get_header_value(name.c_str());
}

HttpResponse HttpResponse::Json(int status, nlohmann::json body) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

HttpResponse HttpResponse::Empty(int status) {
  HttpResponse response;
  response.status = status;
  return response;
}

HttpResponse& HttpResponse::WithHeader(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

}  // namespace opcsim::http
