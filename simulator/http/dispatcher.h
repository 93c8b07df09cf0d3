#pragma once

#include <httplib.h>

#include <string>

#include "simulator/clock.h"
#include "simulator/http/faults.h"
#include "simulator/http/request_counts.h"
#include "simulator/http/router.h"
#include "simulator/store/store.h"

namespace opcsim::http {

// The request pipeline around the handlers:
//   request-id -> faults (not on /_sim) -> route -> access check -> handler -> response.
// Every failure, including an exception from a handler, becomes a Graph error envelope.
// With `graph_public_only`, the contract's own paths answer as Graph answers them (see
// public_surface.h) before any route is looked up.
class Dispatcher {
 public:
  Dispatcher(const Router& router, store::Store& store, Clock& clock, FaultInjector& faults,
             std::string admin_key, bool graph_public_only = false,
             RequestCounts* request_counts = nullptr)
      : router_(router),
        store_(store),
        clock_(clock),
        faults_(faults),
        admin_key_(std::move(admin_key)),
        graph_public_only_(graph_public_only),
        request_counts_(request_counts) {}

  void Handle(const httplib::Request& request, httplib::Response& response);

  // What httplib refused before Handle ran (413 too large, 400 unreadable request): the Graph
  // envelope with a request-id, as for every other error. Leaves answered responses alone
  // (wired to httplib's error handler, which sees every status >= 400).
  void WriteRefusal(const httplib::Request& request, httplib::Response& response) const;

  // Last-resort answer when something escaped Handle (wired to httplib's exception handler).
  static void WriteInternalError(const httplib::Request& request, httplib::Response& response);

 private:
  // Applies faults; true if the request was answered (or dropped) by one.
  bool InjectFaults(const httplib::Request& request, httplib::Response& response,
                    const RequestContext& context);
  absl::StatusOr<HttpResponse> Route(RequestContext& context);
  void Write(const HttpResponse& answer, const RequestContext& context,
             httplib::Response& response) const;
  static HttpResponse ErrorResponse(const absl::Status& status, const RequestContext& context);
  void WriteStatus(const absl::Status& status, const RequestContext& context,
                   httplib::Response& response) const;

  const Router& router_;
  store::Store& store_;
  Clock& clock_;
  FaultInjector& faults_;
  std::string admin_key_;
  bool graph_public_only_;
  RequestCounts* request_counts_;  // null: not counted
};

}  // namespace opcsim::http
