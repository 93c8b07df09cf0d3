#include "simulator/handlers/replication_lag.h"

#include "absl/strings/str_cat.h"
#include "simulator/support/status_macros.h"

namespace opcsim {

absl::StatusOr<std::set<std::string>> NumbersHiddenByLag(store::Tables& tables,
                                                         const std::string& tenant_id,
                                                         SimMillis now, SimMillis complete_after_ms,
                                                         const ReplicationLag& lag) {
  std::set<std::string> hidden;
  const SimMillis lag_ms = lag.lag_ms();
  if (lag_ms <= 0) {
    return hidden;
  }
  // Only operations accepted recently enough can have completed within the lag.
  const SimMillis since = now - lag_ms - complete_after_ms;
  ASSIGN_OR_RETURN(
      std::vector<Operation> recent,
      tables.operations.ListWhere(
          tenant_id, absl::StrCat("json_extract(doc, '$.kind') = 'assign' AND "
                                  "json_extract(doc, '$.final_status') = 'succeeded' AND "
                                  "json_extract(doc, '$.created_ms') >= ",
                                  since)));
  for (const Operation& operation : recent) {
    if (lag.Hides(operation.created_ms + complete_after_ms, now)) {
      for (const OperationNumber& number : operation.numbers) {
        hidden.insert(number.telephone_number);
      }
    }
  }
  return hidden;
}

}  // namespace opcsim
