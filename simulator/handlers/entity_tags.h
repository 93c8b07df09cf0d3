#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "simulator/http/etag.h"
#include "simulator/http/request_context.h"

namespace opcsim {

// Adds "@odata.etag" (computed over `view` as given, i.e. before any derived counters are
// added) and returns the tag.
inline std::string AttachEtag(nlohmann::json& view) {
  std::string tag = http::EtagOf(view);
  view["@odata.etag"] = tag;
  return tag;
}

// A single-entity response: body plus ETag header.
inline http::HttpResponse EntityResponse(int status, nlohmann::json view, const std::string& tag) {
  return http::HttpResponse::Json(status, std::move(view)).WithHeader("ETag", tag);
}

// The answer to a GET of one entity: 304 when If-None-Match already has `tag`, else 200 with it.
inline http::HttpResponse ConditionalGetResponse(const http::RequestContext& context,
                                                 nlohmann::json view, const std::string& tag) {
  if (http::IfNoneMatchHits(context.request, tag)) {
    return http::HttpResponse::Empty(304).WithHeader("ETag", tag);
  }
  return EntityResponse(200, std::move(view), tag);
}

}  // namespace opcsim
