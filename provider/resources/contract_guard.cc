#include "provider/resources/contract_guard.h"

#include <string>

#include "provider/resources/resource_support.h"

namespace opc::resources {
namespace {

struct AreaWords {
  std::string_view objects;  // what Microsoft publishes no API for
  std::string_view manage_instead;
};

AreaWords WordsFor(client::ContractArea area) {
  if (area == client::ContractArea::kOperatorConnect) {
    return {"Operator Connect operators and operator relationships (consents)",
            "Enable operators in the Teams admin center (Voice > Operators)"};
  }
  return {"emergency addresses and places",
          "Manage emergency addresses and places in the Teams admin center or with the "
          "Teams PowerShell cmdlets (New-CsOnlineLisCivicAddress, New-CsOnlineLisLocation)"};
}

}  // namespace

bool RequireContractArea(const client::TenantClient& client, client::ContractArea area,
                         std::string_view type_name, const CancellationToken& cancel,
                         framework::Diagnostics& diags) {
  absl::StatusOr<bool> served = client.contract().Serves(area, cancel);
  if (!served.ok()) {
    AddApiError(diags, "Checking that the endpoint serves " + std::string(type_name) + "'s API",
                served.status());
    return false;
  }
  if (*served) {
    return true;
  }
  const AreaWords words = WordsFor(area);
  // No status code or service answer here: the user needs to know why and what to do.
  diags.AddError(
      std::string(type_name) + " needs an API Microsoft does not publish",
      "Microsoft publishes no API for " + std::string(words.objects) +
          ". This provider manages them through its own tenant API contract "
          "(schemas/tenant-api.yaml, paths under " +
          std::string(client::ContractAreaPath(area)) +
          "), and the configured endpoint does not serve it: Microsoft Graph does not. "
          "Point the provider's `endpoint` at the tenant simulator (operatorconnect-sim) or at "
          "a service that implements schemas/tenant-api.yaml, or remove " +
          std::string(type_name) + " from this configuration. " +
          std::string(words.manage_instead) +
          ". Phone number assignments and the number inventory work against Microsoft Graph.");
  return false;
}

void RequireContractAreaAtPlan(const ClientSlot& slot, client::ContractArea area,
                               std::string_view type_name, const framework::ModifyPlanRequest& req,
                               framework::ModifyPlanResponse& resp) {
  if (resp.planned.IsNull()) {
    return;  // a destroy: nothing to check
  }
  RequestContext client = slot.Peek();
  if (client != nullptr) {
    RequireContractArea(*client, area, type_name, req.cancel, resp.diagnostics);
  }
}

}  // namespace opc::resources
