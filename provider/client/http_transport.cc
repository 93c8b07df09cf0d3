#include "provider/client/http_transport.h"

#include "absl/strings/cord.h"
#include "provider/client/string_util.h"

namespace opc::client {

std::string_view HttpMethodName(HttpMethod method) {
  switch (method) {
    case HttpMethod::kGet:
      return "GET";
    case HttpMethod::kPost:
      return "POST";
    case HttpMethod::kPut:
      return "PUT";
    case HttpMethod::kPatch:
      return "PATCH";
    case HttpMethod::kDelete:
      return "DELETE";
  }
  return "GET";
}

HttpHeaders::HttpHeaders(std::initializer_list<Entry> entries) : entries_(entries) {}

void HttpHeaders::Add(std::string name, std::string value) {
  entries_.emplace_back(std::move(name), std::move(value));
}

void HttpHeaders::Set(std::string name, std::string value) {
  Remove(name);
  Add(std::move(name), std::move(value));
}

void HttpHeaders::Remove(std::string_view name) {
  std::erase_if(entries_, [&](const Entry& e) { return EqualsIgnoreCase(e.first, name); });
}

std::optional<std::string> HttpHeaders::Get(std::string_view name) const {
  for (const auto& [key, value] : entries_) {
    if (EqualsIgnoreCase(key, name)) {
      return value;
    }
  }
  return std::nullopt;
}

namespace {
constexpr char kDroppedPayload[] = "type.opc/opc.client.DroppedConnection";
}  // namespace

absl::Status DroppedConnectionError(std::string_view message) {
  absl::Status status = absl::UnavailableError(std::string(message));
  status.SetPayload(kDroppedPayload, absl::Cord("1"));
  return status;
}

bool IsDroppedConnection(const absl::Status& status) {
  return absl::IsUnavailable(status) && status.GetPayload(kDroppedPayload).has_value();
}

bool IsRetryableTransportError(const absl::Status& status) {
  return status.code() == absl::StatusCode::kUnavailable ||
         status.code() == absl::StatusCode::kDeadlineExceeded;
}

}  // namespace opc::client
