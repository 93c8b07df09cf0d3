// Reads what the export needs from a live tenant (or the simulator) through the API client:
// the relationships, addresses, places and the number inventory, narrowed by the filter where
// the service can do it (one listing per country), then by ApplyFilter.
#pragma once

#include <functional>
#include <string_view>

#include "absl/status/statusor.h"
#include "provider/client/tenant_client.h"
#include "provider/common/cancellation.h"
#include "provider/export/tenant_snapshot.h"

namespace opc::exporter {

// One line of progress ("numbers: 2000 read"), for stderr.
using ProgressSink = std::function<void(std::string_view line)>;

// How often a progress line is written while the inventory is read.
inline constexpr size_t kNumbersPerProgressLine = 1000;

absl::StatusOr<TenantSnapshot> ReadTenant(const client::TenantClient& client,
                                          const ExportFilter& filter, const ProgressSink& progress,
                                          const CancellationToken& cancel);

}  // namespace opc::exporter
