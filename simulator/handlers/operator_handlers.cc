// GET /beta/admin/teams/operatorConnect/operators[/{operatorId}]: the operator catalog.

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "simulator/domain/errors.h"
#include "simulator/domain/views.h"
#include "simulator/handlers/services.h"
#include "simulator/http/odata.h"
#include "simulator/support/status_macros.h"

namespace opcsim {
namespace {

constexpr char kOperatorsPath[] = "/beta/admin/teams/operatorConnect/operators";

const http::FilterSchema& OperatorFilterSchema() {
  static const http::FilterSchema kSchema = {
      {"id", false, nullptr},
      {"displayName", false, nullptr},
      {"countryCodes", true, nullptr},
      {"offerTypes", true, nullptr},
  };
  return kSchema;
}

absl::StatusOr<http::HttpResponse> ListOperators(Services& services,
                                                 http::RequestContext& context) {
  std::vector<Operator> operators;
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) {
    ASSIGN_OR_RETURN(std::vector<Operator> all, tables.operators.List(""));
    operators = std::move(all);
    return absl::OkStatus();
  }));
  std::sort(operators.begin(), operators.end(), [](const Operator& a, const Operator& b) {
    return std::tie(a.display_name, a.id) < std::tie(b.display_name, b.id);
  });
  std::vector<nlohmann::json> views;
  for (const Operator& op : operators) {
    views.push_back(OperatorView(op));
  }
  ASSIGN_OR_RETURN(nlohmann::json page,
                   http::FilterAndPage(views, OperatorFilterSchema(), context));
  return http::HttpResponse::Json(200, std::move(page));
}

absl::StatusOr<http::HttpResponse> GetOperator(Services& services, http::RequestContext& context) {
  const std::string& id = context.Param("operatorId");
  std::optional<Operator> op;
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) {
    ASSIGN_OR_RETURN(std::optional<Operator> found, tables.operators.Get("", id));
    op = std::move(found);
    return absl::OkStatus();
  }));
  if (!op) {
    return NotFoundError(absl::StrCat("Operator '", id, "' not found."));
  }
  return http::HttpResponse::Json(200, OperatorView(*op));
}

}  // namespace

void RegisterOperatorRoutes(http::Router& router, Services& services) {
  router.Add("GET", kOperatorsPath, http::Access::kTenant, Bind(services, ListOperators));
  router.Add("GET", std::string(kOperatorsPath) + "/{operatorId}", http::Access::kTenant,
             Bind(services, GetOperator));
}

}  // namespace opcsim
