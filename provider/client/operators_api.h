// The operator catalog and the tenant's consents (/beta/admin/teams/operatorConnect).
// Reads return the entity with its ETag; updates and deletes take an optional If-Match
// (a stale one is Aborted, from 412).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "provider/client/clock.h"
#include "provider/client/collection_cache.h"
#include "provider/client/graph_client.h"
#include "provider/client/operator_models.h"
#include "provider/common/cancellation.h"

namespace opc::client {

inline constexpr std::string_view kOperatorConnectPath = "/beta/admin/teams/operatorConnect";

// Conditions for ListOperators, joined by "and". Unset fields do not filter.
struct OperatorFilter {
  std::optional<std::string> country_code;  // offered in this country (ISO alpha-2)
  std::optional<std::string> offer_type;    // offers this (calling, conferencing, ...)
  std::optional<std::string> display_name;
  std::optional<std::string> id;
};

struct ConsentFilter {
  std::optional<std::string> status;
  std::optional<std::string> operator_id;
};

std::string BuildOperatorFilter(const OperatorFilter& filter);
std::string BuildConsentFilter(const ConsentFilter& filter);

class OperatorsApi {
 public:
  explicit OperatorsApi(const GraphClient& client, const Clock& clock = SystemClock(),
                        SharedListingOptions listing = {});
  ~OperatorsApi();

  absl::StatusOr<std::vector<Operator>> ListOperators(const OperatorFilter& filter,
                                                      const CancellationToken& cancel) const;
  absl::StatusOr<std::vector<Operator>> ListOperators(std::optional<std::string> country_code,
                                                      std::optional<std::string> offer_type,
                                                      const CancellationToken& cancel) const;
  // NotFound if the catalog has no such operator.
  absl::StatusOr<Operator> GetOperator(std::string_view operator_id,
                                       const CancellationToken& cancel) const;

  absl::StatusOr<std::vector<Consent>> ListConsents(const ConsentFilter& filter,
                                                    const CancellationToken& cancel) const;
  // The consent for `operator_id` with its etag. NotFound if the operator is not enabled
  // (never was, or was removed).
  absl::StatusOr<Consent> GetConsent(std::string_view operator_id,
                                     const CancellationToken& cancel) const;
  // The same consent for a refresh: answered from the listing of consents this process shares
  // between reads when enough reads ask (see SharedListing), else by GetConsent.
  absl::StatusOr<Consent> ReadConsent(std::string_view operator_id,
                                      const CancellationToken& cancel) const;
  SharedListingStats consent_listing_stats() const;
  // AlreadyExists (409 ConsentAlreadyExists) if the operator is already enabled;
  // InvalidArgument for a rejected body (e.g. DataTransferNoticeNotAccepted, see
  // ServiceErrorCodeOf); NotFound for an unknown operator.
  absl::StatusOr<Consent> CreateConsent(const CreateConsentRequest& request,
                                        const CancellationToken& cancel) const;
  // FailedPrecondition (409 NumbersAssigned) when removing a country with assigned numbers.
  absl::StatusOr<Consent> UpdateConsent(std::string_view operator_id,
                                        const UpdateConsentRequest& request,
                                        std::optional<std::string> if_match,
                                        const CancellationToken& cancel) const;
  // FailedPrecondition (409 NumbersAssigned) while any of the operator's numbers is assigned.
  absl::Status DeleteConsent(std::string_view operator_id, std::optional<std::string> if_match,
                             const CancellationToken& cancel) const;

 private:
  const GraphClient& client_;
  std::unique_ptr<SharedListing> consents_;  // keyed by lower-case operatorId
};

}  // namespace opc::client
