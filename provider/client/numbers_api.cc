#include "provider/client/numbers_api.h"

#include "provider/client/api_support.h"
#include "provider/client/e164.h"
#include "provider/client/graph_error.h"
#include "provider/client/odata_filter.h"
#include "provider/client/paging.h"
#include "provider/client/string_util.h"
#include "provider/common/status_macros.h"

namespace opc::client {
namespace {

std::string CollectionPath() { return StrCat(kNumberManagementPath, "/numberAssignments"); }

absl::StatusOr<GraphRequest> ListRequest(const NumberAssignmentFilter& filter) {
  ASSIGN_OR_RETURN(std::string expression, BuildNumberAssignmentFilter(filter));
  GraphRequest request;
  request.path = CollectionPath();
  if (!expression.empty()) {
    request.query.emplace_back("$filter", expression);
  }
  return request;
}

// A failed number operation is about one number: say which.
absl::Status WithNumberContext(const absl::Status& status, std::string_view action,
                               std::string_view telephone_number) {
  return AnnotateStatus(status, StrCat(action, " ", telephone_number, ": "));
}

}  // namespace

absl::StatusOr<std::string> BuildNumberAssignmentFilter(const NumberAssignmentFilter& filter) {
  ODataFilter expression;
  if (filter.telephone_number) {
    ASSIGN_OR_RETURN(std::string number, NormalizeE164(*filter.telephone_number));
    expression.Eq("telephoneNumber", number);
  }
  const std::pair<const char*, const std::optional<std::string>*> fields[] = {
      {"operatorId", &filter.operator_id},
      {"numberType", &filter.number_type},
      {"activationState", &filter.activation_state},
      {"assignmentStatus", &filter.assignment_status},
      {"assignmentCategory", &filter.assignment_category},
      {"assignmentTargetId", &filter.assignment_target_id},
      {"isoCountryCode", &filter.iso_country_code},
      {"locationId", &filter.location_id},
      {"civicAddressId", &filter.civic_address_id},
      {"networkSiteId", &filter.network_site_id},
      {"numberSource", &filter.number_source},
      {"portInStatus", &filter.port_in_status},
  };
  for (const auto& [field, value] : fields) {
    if (*value) {
      expression.Eq(field, **value);
    }
  }
  for (const std::string& capability : filter.capabilities) {
    expression.AnyEq("capabilities", capability, "c");
  }
  for (const std::string& action : filter.supported_customer_actions) {
    expression.AnyEq("supportedCustomerActions", action, "a");
  }
  for (const std::string& option : filter.reverse_number_lookup_options) {
    expression.AnyEq("reverseNumberLookupOptions", option, "r");
  }
  return expression.ToString();
}

NumbersApi::NumbersApi(const GraphClient& client, const OperationPoller& poller, const Clock& clock,
                       Sleeper& sleeper, NumberReadOptions options)
    : client_(client), poller_(poller), clock_(clock), sleeper_(sleeper), options_(options) {
  GraphRequest first;
  first.path = CollectionPath();
  listing_ = std::make_unique<SharedListing>(
      PagesOf(client_, std::move(first)),
      [](const nlohmann::json& item) -> std::optional<std::string> {
        auto field = item.find("telephoneNumber");
        if (field == item.end() || !field->is_string()) {
          return std::nullopt;
        }
        absl::StatusOr<std::string> number = NormalizeE164(field->get<std::string>());
        return number.ok() ? std::optional<std::string>(*number) : std::nullopt;
      },
      clock_, options_.listing);
}

NumbersApi::~NumbersApi() = default;

absl::StatusOr<NumberAssignment> NumbersApi::ReadNumber(std::string_view telephone_number,
                                                        const CancellationToken& cancel) const {
  ASSIGN_OR_RETURN(std::string number, NormalizeE164(telephone_number));
  ASSIGN_OR_RETURN(SharedListing::Result shared, listing_->Find(number, cancel));
  switch (shared.outcome) {
    case SharedListing::Outcome::kFound:
      return DecodeJson<NumberAssignment>(shared.item, "numberAssignment");
    case SharedListing::Outcome::kAbsent:
      return absl::NotFoundError(StrCat("number ", number, " is not in the tenant's inventory"));
    case SharedListing::Outcome::kReadYourself:
      break;
  }
  return FindNumberByTelephoneNumber(number, cancel);
}

absl::StatusOr<NumberAssignment> NumbersApi::FindNumberAfterWrite(
    std::string_view telephone_number, const CancellationToken& cancel,
    const std::function<bool(const NumberAssignment&)>& written) const {
  const auto deadline = clock_.Now() + options_.read_after_write_timeout;
  while (true) {
    absl::StatusOr<NumberAssignment> found = FindNumberByTelephoneNumber(telephone_number, cancel);
    const bool lagging =
        absl::IsNotFound(found.status()) || (found.ok() && written && !written(*found));
    if (!lagging || clock_.Now() + options_.read_after_write_interval > deadline) {
      return found;
    }
    // Not replicated yet: wait, then ask again (bounded by read_after_write_timeout).
    if (absl::Status slept = sleeper_.Sleep(options_.read_after_write_interval, cancel);
        !slept.ok()) {
      return slept;
    }
  }
}

SharedListingStats NumbersApi::listing_stats() const { return listing_->stats(); }

absl::StatusOr<std::vector<NumberAssignment>> NumbersApi::ListNumberAssignments(
    const NumberAssignmentFilter& filter, const CancellationToken& cancel) const {
  ASSIGN_OR_RETURN(GraphRequest request, ListRequest(filter));
  return ListAll<NumberAssignment>(client_, std::move(request), "numberAssignment", cancel);
}

absl::Status NumbersApi::ForEachNumberAssignment(
    const NumberAssignmentFilter& filter,
    const std::function<absl::Status(const NumberAssignment&)>& visit,
    const CancellationToken& cancel) const {
  ASSIGN_OR_RETURN(GraphRequest request, ListRequest(filter));
  return ForEachItem(
      client_, std::move(request),
      [&](const nlohmann::json& item) -> absl::Status {
        ASSIGN_OR_RETURN(NumberAssignment number,
                         DecodeJson<NumberAssignment>(item, "numberAssignment"));
        return visit(number);
      },
      cancel);
}

absl::StatusOr<NumberAssignment> NumbersApi::GetNumberAssignment(
    std::string_view id, const CancellationToken& cancel) const {
  ASSIGN_OR_RETURN(std::string path, EntityPath(CollectionPath(), id, "numberAssignment"));
  ASSIGN_OR_RETURN(GraphResponse response, client_.Get(path, {}, cancel));
  return DecodeEntity<NumberAssignment>(response, "numberAssignment");
}

absl::StatusOr<NumberAssignment> NumbersApi::FindNumberByTelephoneNumber(
    std::string_view telephone_number, const CancellationToken& cancel) const {
  ASSIGN_OR_RETURN(std::string number, NormalizeE164(telephone_number));
  NumberAssignmentFilter filter;
  filter.telephone_number = number;
  ASSIGN_OR_RETURN(std::vector<NumberAssignment> matches, ListNumberAssignments(filter, cancel));
  for (NumberAssignment& match : matches) {
    absl::StatusOr<std::string> candidate = NormalizeE164(match.telephone_number);
    if (candidate.ok() && *candidate == number) {
      return std::move(match);
    }
  }
  return absl::NotFoundError(StrCat("number ", number, " is not in the tenant's inventory"));
}

absl::StatusOr<LongRunningOperation> NumbersApi::StartAndWait(
    std::string_view action, const std::string& telephone_number, nlohmann::json body,
    const CancellationToken& cancel) const {
  absl::StatusOr<GraphResponse> accepted =
      client_.Post(StrCat(CollectionPath(), "/", action), std::move(body), cancel);
  if (!accepted.ok()) {
    return WithNumberContext(accepted.status(), action, telephone_number);
  }
  absl::StatusOr<LongRunningOperation> operation = poller_.WaitForAccepted(*accepted, cancel);
  if (!operation.ok()) {
    return WithNumberContext(operation.status(), action, telephone_number);
  }
  return operation;
}

absl::StatusOr<LongRunningOperation> NumbersApi::AssignNumber(
    AssignNumberRequest request, const CancellationToken& cancel) const {
  ASSIGN_OR_RETURN(std::string number, NormalizeE164(request.telephone_number));
  request.telephone_number = number;
  listing_->Invalidate(number);
  return StartAndWait("assignNumber", number, request, cancel);
}

absl::StatusOr<LongRunningOperation> NumbersApi::UnassignNumber(
    UnassignNumberRequest request, const CancellationToken& cancel) const {
  ASSIGN_OR_RETURN(std::string number, NormalizeE164(request.telephone_number));
  request.telephone_number = number;
  listing_->Invalidate(number);
  return StartAndWait("unassignNumber", number, request, cancel);
}

absl::Status NumbersApi::UpdateNumber(UpdateNumberRequest request,
                                      const CancellationToken& cancel) const {
  ASSIGN_OR_RETURN(std::string number, NormalizeE164(request.telephone_number));
  request.telephone_number = number;
  listing_->Invalidate(number);
  absl::StatusOr<GraphResponse> response =
      client_.Post(StrCat(CollectionPath(), "/updateNumber"), request, cancel);
  return WithNumberContext(response.status(), "updateNumber", number);
}

absl::Status NumbersApi::UpdateNumberLocation(std::string_view telephone_number,
                                              std::optional<std::string> location_id,
                                              const CancellationToken& cancel) const {
  UpdateNumberRequest request;
  request.telephone_number = std::string(telephone_number);
  request.location_id = location_id.value_or("");
  return UpdateNumber(std::move(request), cancel);
}

}  // namespace opc::client
