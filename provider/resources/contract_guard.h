// Resources and data sources whose API Microsoft does not publish (operator relationships and
// the catalog, emergency addresses and places) use the contract's own paths
// (schemas/tenant-api.yaml). Against an endpoint that does not serve them, Microsoft's Graph
// today, they refuse at plan with one diagnostic that says so and what to do instead, rather
// than a raw API error at apply.
#pragma once

#include <string_view>

#include "provider/client/contract_areas.h"
#include "provider/client/tenant_client.h"
#include "provider/common/cancellation.h"
#include "provider/framework/diagnostics.h"
#include "provider/framework/resource.h"
#include "provider/resources/resource_support.h"

namespace opc::resources {

// The sentence each affected resource and data source page carries (its schema description).
inline constexpr std::string_view kUnpublishedApiNote =
    " Microsoft publishes no API for this object type: it works against the tenant simulator "
    "(`operatorconnect-sim`) or any service that implements `schemas/tenant-api.yaml`, not "
    "against Microsoft Graph today (see \"What works against a real tenant\" on the provider "
    "page).";

// true when the endpoint serves `area` (asked once per area and provider process, see
// client::ContractProbe). Otherwise adds one error about `type_name` and returns false: that
// Microsoft publishes no API for it and what to do instead, or, when the endpoint could not be
// asked (credentials, network), the API error.
bool RequireContractArea(const client::TenantClient& client, client::ContractArea area,
                         std::string_view type_name, const CancellationToken& cancel,
                         framework::Diagnostics& diags);

// The same as a resource's whole ModifyPlan check: skipped for a destroy, and while the
// provider is not configured yet (values known only at apply: Create and Read check then).
void RequireContractAreaAtPlan(const ClientSlot& slot, client::ContractArea area,
                               std::string_view type_name, const framework::ModifyPlanRequest& req,
                               framework::ModifyPlanResponse& resp);

}  // namespace opc::resources
