#include "simulator/handlers/world_progress.h"

#include <array>
#include <cmath>
#include <map>

#include "simulator/domain/number_rules.h"
#include "simulator/store/schema.h"
#include "simulator/support/status_macros.h"

namespace opcsim {
namespace {

// The steps an operator that advances by itself goes through, one per interval.
constexpr std::array<const char*, 3> kAutoSteps = {"ConsentAcknowledged", "CustomerContacted",
                                                   "AgreementSigned"};

absl::Status LookUp(store::Tables& tables, const std::string& tenant_id,
                    const std::string& telephone_number, std::optional<NumberAssignment>* number) {
  ASSIGN_OR_RETURN(std::optional<NumberAssignment> found,
                   tables.numbers.Get(tenant_id, telephone_number));
  *number = std::move(found);
  return absl::OkStatus();
}

// Restores the number's activation state after a failed operation had marked it pending.
void RestoreActivation(const OperationNumber& entry, NumberAssignment& number) {
  if (number.activation_state == "assignmentPending") {
    const std::string prior = entry.prior_activation_state.value_or("activated");
    number.activation_state = prior == "assignmentPending" ? "activated" : prior;
  }
}

absl::Status SettleOperation(store::Tables& tables, Operation& operation) {
  const std::string& tenant = operation.tenant_id;
  OperationNumber& entry = operation.numbers.front();
  std::optional<NumberAssignment> number;
  RETURN_IF_ERROR(LookUp(tables, tenant, entry.telephone_number, &number));
  std::optional<std::string> failure;
  if (operation.kind == "assign") {
    const AssignRequest request = operation.request.get<AssignRequest>();
    ASSIGN_OR_RETURN(std::optional<User> target,
                     tables.users.Get(tenant, request.assignment_target_id));
    std::optional<Location> location;
    if (request.location_id) {
      ASSIGN_OR_RETURN(std::optional<Location> found,
                       tables.locations.Get(tenant, *request.location_id));
      location = found;
    }
    failure = AssignFailure(request, number ? &*number : nullptr, target ? &*target : nullptr,
                            location ? &*location : nullptr);
    if (!failure) {
      ApplyAssign(request, *target, location ? &*location : nullptr, *number);
    }
  } else {
    const UnassignRequest request = operation.request.get<UnassignRequest>();
    failure = UnassignFailure(request, number ? &*number : nullptr);
    if (!failure) {
      ApplyUnassign(*number);
    }
  }
  if (failure && number && entry.prior_activation_state) {
    RestoreActivation(entry, *number);
  }
  if (number) {
    RETURN_IF_ERROR(tables.numbers.Upsert(tenant, number->telephone_number, *number));
  }
  operation.settled = true;
  operation.final_status = failure ? "failed" : "succeeded";
  entry.status = operation.final_status;
  entry.status_detail = failure;
  return tables.operations.Upsert(tenant, operation.id, operation);
}

absl::Status SettleOperations(store::Tables& tables, const std::string& tenant_id, SimMillis now,
                              const SimSettings& settings) {
  ASSIGN_OR_RETURN(std::vector<Operation> operations,
                   tables.operations.ListWhere(tenant_id, store::kPendingOperationCondition));
  const auto complete_after =
      static_cast<SimMillis>(std::llround(settings.operation_complete_seconds * 1000));
  for (Operation& operation : operations) {  // List keeps submission order
    if (operation.settled || operation.numbers.empty() ||
        now < operation.created_ms + complete_after) {
      continue;
    }
    try {
      RETURN_IF_ERROR(SettleOperation(tables, operation));
    } catch (const nlohmann::json::exception& e) {
      return absl::DataLossError(std::string("unreadable operation request: ") + e.what());
    }
  }
  return absl::OkStatus();
}

absl::Status AdvanceConsents(store::Tables& tables, const std::string& tenant_id, SimMillis now) {
  ASSIGN_OR_RETURN(std::vector<Consent> consents, tables.consents.List(tenant_id));
  std::map<std::string, double> intervals;
  for (Consent& consent : consents) {
    if (!consent.auto_advance || consent.status == "removed") {
      continue;
    }
    if (!intervals.contains(consent.operator_id)) {
      ASSIGN_OR_RETURN(std::optional<Operator> op, tables.operators.Get("", consent.operator_id));
      intervals[consent.operator_id] = op ? op->auto_advance_seconds : 0;
    }
    const double interval_seconds = intervals[consent.operator_id];
    if (interval_seconds <= 0) {
      continue;
    }
    const auto interval = static_cast<SimMillis>(std::llround(interval_seconds * 1000));
    const SimMillis due_steps =
        std::min<SimMillis>(kAutoSteps.size(), std::max<SimMillis>(0, now - consent.consented_ms) /
                                                   std::max<SimMillis>(interval, 1));
    size_t done_steps = 0;
    if (consent.customer_relationship) {
      done_steps = kAutoSteps.size();  // anything else stops the automatic progress
      for (size_t i = 0; i < kAutoSteps.size(); ++i) {
        if (consent.customer_relationship->status == kAutoSteps[i]) {
          done_steps = i + 1;
        }
      }
    }
    if (due_steps <= static_cast<SimMillis>(done_steps)) {
      continue;
    }
    consent.customer_relationship = CustomerRelationship{
        kAutoSteps[due_steps - 1], std::nullopt, consent.consented_ms + due_steps * interval};
    RETURN_IF_ERROR(tables.consents.Upsert(tenant_id, consent.operator_id, consent));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CatchUp(store::Tables& tables, const std::string& tenant_id, SimMillis now,
                     const SimSettings& settings) {
  RETURN_IF_ERROR(SettleOperations(tables, tenant_id, now, settings));
  return AdvanceConsents(tables, tenant_id, now);
}

absl::Status RunForTenant(Services& services, const std::string& tenant_id, SimMillis now,
                          const std::function<absl::Status(store::Tables&)>& body) {
  return services.store.Run([&](store::Tables& tables) {
    RETURN_IF_ERROR(CatchUp(tables, tenant_id, now, services.settings));
    return body(tables);
  });
}

absl::Status RunForTenant(Services& services, const http::RequestContext& context,
                          const std::function<absl::Status(store::Tables&)>& body) {
  return RunForTenant(services, context.tenant_id, context.now, body);
}

}  // namespace opcsim
