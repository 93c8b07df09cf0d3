#include "provider/client/operators_api.h"

#include "provider/client/api_support.h"
#include "provider/client/odata_filter.h"
#include "provider/client/paging.h"
#include "provider/client/string_util.h"
#include "provider/common/status_macros.h"

namespace opc::client {
namespace {

std::string OperatorsPath() { return StrCat(kOperatorConnectPath, "/operators"); }
std::string ConsentsPath() { return StrCat(kOperatorConnectPath, "/consents"); }

// Operator ids are GUIDs, which the service compares without case.
std::string ConsentKey(std::string_view operator_id) { return AsciiStrToLower(operator_id); }

GraphRequest FilteredList(std::string path, const std::string& filter) {
  GraphRequest request;
  request.path = std::move(path);
  if (!filter.empty()) {
    request.query.emplace_back("$filter", filter);
  }
  return request;
}

}  // namespace

std::string BuildOperatorFilter(const OperatorFilter& filter) {
  ODataFilter expression;
  if (filter.country_code) {
    expression.AnyEq("countryCodes", *filter.country_code, "c");
  }
  if (filter.offer_type) {
    expression.AnyEq("offerTypes", *filter.offer_type, "t");
  }
  if (filter.display_name) {
    expression.Eq("displayName", *filter.display_name);
  }
  if (filter.id) {
    expression.Eq("id", *filter.id);
  }
  return expression.ToString();
}

std::string BuildConsentFilter(const ConsentFilter& filter) {
  ODataFilter expression;
  if (filter.status) {
    expression.Eq("status", *filter.status);
  }
  if (filter.operator_id) {
    expression.Eq("operatorId", *filter.operator_id);
  }
  return expression.ToString();
}

OperatorsApi::OperatorsApi(const GraphClient& client, const Clock& clock,
                           SharedListingOptions listing)
    : client_(client) {
  GraphRequest first;
  first.path = ConsentsPath();
  consents_ = std::make_unique<SharedListing>(
      PagesOf(client_, std::move(first)),
      [](const nlohmann::json& item) -> std::optional<std::string> {
        auto field = item.find("operatorId");
        if (field == item.end() || !field->is_string()) {
          return std::nullopt;
        }
        return ConsentKey(field->get<std::string>());
      },
      clock, listing);
}

OperatorsApi::~OperatorsApi() = default;

absl::StatusOr<std::vector<Operator>> OperatorsApi::ListOperators(
    const OperatorFilter& filter, const CancellationToken& cancel) const {
  return ListAll<Operator>(client_, FilteredList(OperatorsPath(), BuildOperatorFilter(filter)),
                           "operator", cancel);
}

absl::StatusOr<std::vector<Operator>> OperatorsApi::ListOperators(
    std::optional<std::string> country_code, std::optional<std::string> offer_type,
    const CancellationToken& cancel) const {
  OperatorFilter filter;
  filter.country_code = std::move(country_code);
  filter.offer_type = std::move(offer_type);
  return ListOperators(filter, cancel);
}

absl::StatusOr<Operator> OperatorsApi::GetOperator(std::string_view operator_id,
                                                   const CancellationToken& cancel) const {
  ASSIGN_OR_RETURN(std::string path, EntityPath(OperatorsPath(), operator_id, "operator"));
  ASSIGN_OR_RETURN(GraphResponse response, client_.Get(path, {}, cancel));
  return DecodeEntity<Operator>(response, "operator");
}

absl::StatusOr<std::vector<Consent>> OperatorsApi::ListConsents(
    const ConsentFilter& filter, const CancellationToken& cancel) const {
  return ListAll<Consent>(client_, FilteredList(ConsentsPath(), BuildConsentFilter(filter)),
                          "consent", cancel);
}

absl::StatusOr<Consent> OperatorsApi::GetConsent(std::string_view operator_id,
                                                 const CancellationToken& cancel) const {
  ASSIGN_OR_RETURN(std::string path, EntityPath(ConsentsPath(), operator_id, "operator"));
  ASSIGN_OR_RETURN(GraphResponse response, client_.Get(path, {}, cancel));
  return DecodeEntity<Consent>(response, "consent");
}

absl::StatusOr<Consent> OperatorsApi::ReadConsent(std::string_view operator_id,
                                                  const CancellationToken& cancel) const {
  return ReadThroughListing<Consent>(
      *consents_, ConsentKey(operator_id), "consent",
      StrCat("operator ", operator_id, " is not enabled for the tenant"), cancel,
      [&] { return GetConsent(operator_id, cancel); });
}

SharedListingStats OperatorsApi::consent_listing_stats() const { return consents_->stats(); }

absl::StatusOr<Consent> OperatorsApi::CreateConsent(const CreateConsentRequest& request,
                                                    const CancellationToken& cancel) const {
  consents_->Invalidate(ConsentKey(request.operator_id));
  ASSIGN_OR_RETURN(GraphResponse response, client_.Post(ConsentsPath(), request, cancel));
  return DecodeEntity<Consent>(response, "consent");
}

absl::StatusOr<Consent> OperatorsApi::UpdateConsent(std::string_view operator_id,
                                                    const UpdateConsentRequest& request,
                                                    std::optional<std::string> if_match,
                                                    const CancellationToken& cancel) const {
  ASSIGN_OR_RETURN(std::string path, EntityPath(ConsentsPath(), operator_id, "operator"));
  consents_->Invalidate(ConsentKey(operator_id));
  ASSIGN_OR_RETURN(GraphResponse response,
                   client_.Patch(path, request, std::move(if_match), cancel));
  return DecodeEntity<Consent>(response, "consent");
}

absl::Status OperatorsApi::DeleteConsent(std::string_view operator_id,
                                         std::optional<std::string> if_match,
                                         const CancellationToken& cancel) const {
  ASSIGN_OR_RETURN(std::string path, EntityPath(ConsentsPath(), operator_id, "operator"));
  consents_->Invalidate(ConsentKey(operator_id));
  return client_.Delete(path, std::move(if_match), cancel).status();
}

}  // namespace opc::client
