// /_sim admin API, part 3: what the simulator observes (requests per route) and bends
// (replication lag).

#include <cmath>

#include "simulator/domain/errors.h"
#include "simulator/domain/inputs.h"
#include "simulator/domain/json_fields.h"
#include "simulator/handlers/services.h"
#include "simulator/support/status_macros.h"

namespace opcsim {
namespace {

using http::Access;
using http::HttpResponse;
using http::RequestContext;

absl::StatusOr<HttpResponse> GetRequestCounts(Services& services, RequestContext&) {
  return HttpResponse::Json(200, services.request_counts.Snapshot());
}

absl::StatusOr<HttpResponse> ResetRequestCounts(Services& services, RequestContext&) {
  services.request_counts.Reset();
  return HttpResponse::Empty(204);
}

HttpResponse LagView(const ReplicationLag& lag) {
  return HttpResponse::Json(200, {{"seconds", static_cast<double>(lag.lag_ms()) / 1000.0}});
}

absl::StatusOr<HttpResponse> GetReplicationLag(Services& services, RequestContext&) {
  return LagView(services.replication_lag);
}

absl::StatusOr<HttpResponse> SetReplicationLag(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(double seconds, SingleNumberBody(context.request.body, "seconds", 0, 3600));
  services.replication_lag.set_lag_ms(static_cast<SimMillis>(std::llround(seconds * 1000)));
  return LagView(services.replication_lag);
}

}  // namespace

void RegisterAdminObservabilityRoutes(http::Router& router, Services& services) {
  router.Add("GET", "/_sim/requestCounts", Access::kAdmin, Bind(services, GetRequestCounts));
  router.Add("DELETE", "/_sim/requestCounts", Access::kAdmin, Bind(services, ResetRequestCounts));
  router.Add("GET", "/_sim/replicationLag", Access::kAdmin, Bind(services, GetReplicationLag));
  router.Add("PUT", "/_sim/replicationLag", Access::kAdmin, Bind(services, SetReplicationLag));
}

}  // namespace opcsim
