#pragma once

#include <string>

#include "simulator/clock.h"
#include "simulator/handlers/replication_lag.h"
#include "simulator/http/faults.h"
#include "simulator/http/request_counts.h"
#include "simulator/http/router.h"
#include "simulator/store/store.h"

namespace opcsim {

// Timing knobs, all in simulator seconds except the token lifetime (see below).
struct SimSettings {
  // A long-running operation reports notStarted for this long, then running...
  double operation_start_seconds = 0.5;
  // ...and completes (its effects apply) at this age.
  double operation_complete_seconds = 1.5;
  // Reported as expires_in. Measured on the simulator clock at the current time scale, so a
  // token lasts this many real seconds, and /_sim/clock/advance can expire it.
  int token_lifetime_seconds = 3599;
  // Eventual consistency at start (see replication_lag.h); /_sim/replicationLag changes it.
  double replication_lag_seconds = 0;
  // Tests only (--issued-token-log): every access token issued is appended to this file, one a
  // line, so that a test can look for the tokens where they must never appear.
  std::string issued_token_log;
};

// What the handlers work with.
struct Services {
  store::Store& store;
  Clock& clock;
  http::FaultInjector& faults;
  SimSettings settings;
  http::RequestCounts& request_counts;
  ReplicationLag& replication_lag;
};

// Adapts `fn(Services&, RequestContext&)` to a route handler.
template <typename Fn>
http::Handler Bind(Services& services, Fn fn) {
  return [&services, fn](http::RequestContext& context) { return fn(services, context); };
}

// The tenant's administrator enables an operator (POST .../operatorConnect/consents) for
// context.tenant_id. The admin API offers it too, for the --graph-public-only mode where that
// path is not served (a real tenant does this in the Teams admin center).
absl::StatusOr<http::HttpResponse> EnableOperatorForTenant(Services& services,
                                                           http::RequestContext& context);

// Route registration, one function per API area (handlers/<area>_handlers.cc).
void RegisterTokenRoutes(http::Router& router, Services& services);
void RegisterNumberRoutes(http::Router& router, Services& services);
void RegisterOperationRoutes(http::Router& router, Services& services);
void RegisterOperatorRoutes(http::Router& router, Services& services);
void RegisterConsentRoutes(http::Router& router, Services& services);
void RegisterEmergencyRoutes(http::Router& router, Services& services);
// The admin API: the world (clock, faults, tenants, apps, users, operators)...
void RegisterAdminRoutes(http::Router& router, Services& services);
// ...and what operators and out-of-band administrators do to a tenant's data
// (handlers/admin_{consent,number,emergency}_handlers.cc).
void RegisterAdminConsentRoutes(http::Router& router, Services& services);
void RegisterAdminNumberRoutes(http::Router& router, Services& services);
void RegisterAdminEmergencyRoutes(http::Router& router, Services& services);
// ...and what the simulator observes or bends: request counts, replication lag.
void RegisterAdminObservabilityRoutes(http::Router& router, Services& services);

}  // namespace opcsim
