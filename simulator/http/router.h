#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "simulator/http/request_context.h"

namespace opcsim::http {

// Who may call a route.
enum class Access {
  kPublic,  // no credentials (token endpoint, health)
  kTenant,  // bearer token; RequestContext::tenant_id is set
  kAdmin,   // X-Sim-Admin-Key
};

using Handler = std::function<absl::StatusOr<HttpResponse>(RequestContext&)>;

struct Route {
  std::string method;
  std::string pattern;
  Access access = Access::kTenant;
  Handler handler;
};

// Matches paths against templates such as
//   /v1.0/admin/teams/telephoneNumberManagement/operations('{operationId}')
// A segment is a literal or `prefix{name}suffix`. Literal segments win over parameters, so
// registration order does not matter.
class Router {
 public:
  void Add(std::string method, std::string pattern, Access access, Handler handler);

  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
  };
  // The best route for method + path. If the path matches only under other methods,
  // `allowed_methods` lists them (for 405).
  std::optional<Match> Find(const std::string& method, const std::string& path,
                            std::vector<std::string>* allowed_methods) const;

 private:
  struct Segment {
    std::string prefix;  // the whole literal when !is_param
    std::string name;
    std::string suffix;
    bool is_param = false;
  };
  struct Compiled {
    Route route;
    std::vector<Segment> segments;
  };
  // Number of literal segments if it matches, else -1.
  static int MatchSegments(const std::vector<Segment>& segments,
                           const std::vector<absl::string_view>& parts,
                           std::map<std::string, std::string>* params);

  std::vector<Compiled> routes_;
};

}  // namespace opcsim::http
