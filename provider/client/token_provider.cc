#include "provider/client/token_provider.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "provider/client/bounded_json.h"
#include "provider/client/graph_error.h"
#include "provider/client/string_util.h"
#include "provider/client/untrusted_text.h"
#include "provider/client/url_encoding.h"

namespace opc::client {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr milliseconds kCancellationCheckInterval{50};

std::string StringField(const nlohmann::json& object, std::string_view key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// AAD sends expires_in as a number; older endpoints sent a string. Any value is clamped to
// [0, kMaxTokenLifetime] before it is turned into a duration (a hostile 9223372036854775807
// would overflow the arithmetic).
std::optional<int64_t> ExpiresIn(const nlohmann::json& body) {
  constexpr int64_t kMax = kMaxTokenLifetime.count();
  auto it = body.find("expires_in");
  if (it == body.end()) {
    return std::nullopt;
  }
  if (it->is_number_unsigned()) {
    return static_cast<int64_t>(std::min<uint64_t>(it->get<uint64_t>(), kMax));
  }
  if (it->is_number_integer()) {
    return std::clamp<int64_t>(it->get<int64_t>(), 0, kMax);
  }
  if (it->is_number_float()) {
    const double value = it->get<double>();
    if (std::isnan(value)) {
      return std::nullopt;
    }
    return static_cast<int64_t>(std::clamp(value, 0.0, static_cast<double>(kMax)));
  }
  if (!it->is_string()) {
    return std::nullopt;
  }
  std::string_view text = it->get_ref<const std::string&>();
  if (text.empty() || text.size() > 32 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return IsAsciiDigit(c); })) {
    return std::nullopt;
  }
  // All digits: anything longer than the maximum's digits is over it.
  int64_t value = 0;
  if (text.size() > 18 || !ParseInt64(text, &value)) {
    return kMax;
  }
  return std::min(value, kMax);
}

bool IsBearerTokenChar(char c) {
  return IsAsciiAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
}

absl::StatusCode StatusCodeForOAuthError(std::string_view error, int http_status) {
  if (error == "invalid_client" || error == "invalid_grant") {
    return absl::StatusCode::kUnauthenticated;
  }
  if (error == "unauthorized_client") {
    return absl::StatusCode::kPermissionDenied;
  }
  if (error == "invalid_request" || error == "invalid_scope" || error == "unsupported_grant_type") {
    return absl::StatusCode::kInvalidArgument;
  }
  if (error == "temporarily_unavailable") {
    return absl::StatusCode::kUnavailable;
  }
  return StatusCodeForHttpError(http_status, error);
}

}  // namespace

ClientCredentialsTokenProvider::ClientCredentialsTokenProvider(ClientCredentialsOptions options,
                                                               HttpTransport& transport,
                                                               const Retrier& retrier, Clock& clock,
                                                               const ClientLogger& logger)
    : options_(std::move(options)),
      transport_(transport),
      retrier_(retrier),
      clock_(clock),
      logger_(logger) {
  logger_.redactor().AddSecret(options_.client_secret);
}

std::string ClientCredentialsTokenProvider::TokenUrl() const {
  std::string_view authority = options_.authority_url;
  while (ConsumeSuffix(&authority, "/")) {
  }
  return StrCat(authority, "/", PercentEncode(options_.tenant_id), "/oauth2/v2.0/token");
}

std::optional<std::string> ClientCredentialsTokenProvider::FreshCachedToken() const {
  std::lock_guard lock(cache_mu_);
  if (cached_ && clock_.Now() < cached_->refresh_at) {
    return cached_->value;
  }
  return std::nullopt;
}

absl::StatusOr<std::string> ClientCredentialsTokenProvider::GetToken(
    const CancellationToken& cancel) {
  if (auto token = FreshCachedToken()) {
    return *token;
  }
  std::unique_lock fetch_lock(fetch_mu_, std::defer_lock);
  while (!fetch_lock.try_lock_for(kCancellationCheckInterval)) {
    if (cancel.IsCancelled()) {
      return absl::CancelledError("cancelled while waiting for an access token");
    }
  }
  // Another thread may have refreshed the token while this one waited for the lock.
  if (auto token = FreshCachedToken()) {
    return *token;
  }
  absl::StatusOr<CachedToken> fetched = Fetch(cancel);
  std::lock_guard lock(cache_mu_);
  if (!fetched.ok()) {
    if (cached_ && clock_.Now() < cached_->expires_at && !cancel.IsCancelled()) {
      logger_.Log(LogLevel::kWarning,
                  StrCat("refreshing the access token failed, using the cached one until it "
                         "expires: ",
                         fetched.status().message()));
      return cached_->value;
    }
    return fetched.status();
  }
  cached_ = *std::move(fetched);
  return cached_->value;
}

void ClientCredentialsTokenProvider::Invalidate(std::string_view token) {
  std::lock_guard lock(cache_mu_);
  if (cached_ && cached_->value == token) {
    cached_.reset();
  }
}

absl::StatusOr<ClientCredentialsTokenProvider::CachedToken> ClientCredentialsTokenProvider::Fetch(
    const CancellationToken& cancel) {
  const std::string url = TokenUrl();
  HttpRequest request;
  request.method = HttpMethod::kPost;
  request.url = url;
  request.headers.Set("Content-Type", "application/x-www-form-urlencoded");
  request.headers.Set("Accept", "application/json");
  if (!options_.user_agent.empty()) {
    request.headers.Set("User-Agent", options_.user_agent);
  }
  request.body = EncodeForm({{"grant_type", "client_credentials"},
                             {"client_id", options_.client_id},
                             {"client_secret", options_.client_secret},
                             {"scope", options_.scope}});
  logger_.Log(LogLevel::kDebug,
              StrCat("requesting an access token for client ", options_.client_id, " from ", url));

  const std::string description = StrCat("POST ", url);
  RetryOutcome outcome = retrier_.Run(
      description,
      [&](milliseconds timeout) {
        HttpRequest attempt = request;
        attempt.timeout = timeout;
        return transport_.Send(attempt, cancel);
      },
      cancel);
  if (!outcome.result.ok()) {
    absl::Status status = outcome.result.status();
    std::string message = StrCat("token request to ", url, " failed: ", status.message());
    if (!outcome.gave_up_reason.empty()) {
      StrAppend(&message, " (", outcome.gave_up_reason, ")");
    }
    return absl::Status(status.code(), logger_.redactor().Redact(message));
  }
  const HttpResponse& response = *outcome.result;
  if (response.status_code < 200 || response.status_code >= 300) {
    absl::Status status = TokenErrorToStatus(response);
    if (!outcome.gave_up_reason.empty()) {
      status =
          absl::Status(status.code(), StrCat(status.message(), " (", outcome.gave_up_reason, ")"));
    }
    logger_.Log(LogLevel::kError, StatusMessage(status));
    return status;
  }

  absl::StatusOr<nlohmann::json> parsed =
      ParseBoundedJson(response.body, kDefaultJsonLimits, &cancel);
  if (!parsed.ok()) {
    return absl::Status(
        parsed.status().code() == absl::StatusCode::kCancelled ? absl::StatusCode::kCancelled
                                                               : absl::StatusCode::kInternal,
        StrCat("token response from ", url, " was refused: ", parsed.status().message()));
  }
  const nlohmann::json& body = *parsed;
  if (!body.is_object()) {
    return absl::InternalError(StrCat("token response from ", url, " is not a JSON object"));
  }
  std::string access_token = StringField(body, "access_token");
  // Registered before anything else can quote it.
  logger_.redactor().AddRotatingSecret(access_token);
  if (absl::Status valid = CheckAccessToken(access_token); !valid.ok()) {
    return absl::InternalError(
        StrCat("token response from ", url, " was refused: ", valid.message()));
  }
  std::string token_type = StringField(body, "token_type");
  if (!token_type.empty() && !EqualsIgnoreCase(token_type, "Bearer")) {
    return absl::InternalError(StrCat(
        "token response from ", url, " has token_type '",
        UntrustedText(token_type, &logger_.redactor(), kMaxUntrustedId), "', expected 'Bearer'"));
  }

  // Without expires_in, assume the platform's usual hour.
  const int64_t lifetime_seconds = ExpiresIn(body).value_or(3600);
  const milliseconds lifetime = seconds(lifetime_seconds);
  const milliseconds margin = std::min(options_.refresh_margin, lifetime / 2);
  const auto now = clock_.Now();
  logger_.Log(LogLevel::kDebug,
              StrCat("obtained an access token valid for ", FormatDuration(lifetime)));
  return CachedToken{std::move(access_token), now + lifetime - margin, now + lifetime};
}

absl::Status ClientCredentialsTokenProvider::TokenErrorToStatus(
    const HttpResponse& response) const {
  const Redactor* redactor = &logger_.redactor();
  nlohmann::json body = ParseBoundedJson(response.body).value_or(nlohmann::json());
  std::string error;
  std::string description;
  std::string trace_id;
  std::string correlation_id;
  if (body.is_object()) {
    error = StringField(body, "error");
    description = StringField(body, "error_description");
    trace_id = StringField(body, "trace_id");
    correlation_id = StringField(body, "correlation_id");
  }
  // error_description is multi-line ("AADSTS...\r\nTrace ID: ..."): keep the first line.
  if (auto eol = description.find_first_of("\r\n"); eol != std::string::npos) {
    description.resize(eol);
  }
  std::string message = StrCat("token request to ", TokenUrl(), " failed (", response.status_code);
  if (!error.empty()) {
    StrAppend(&message, " ", UntrustedText(error, redactor, kMaxUntrustedId));
  }
  StrAppend(&message, ")");
  if (!description.empty()) {
    StrAppend(&message, ": ", UntrustedText(description, redactor, 1000));
  } else if (!body.is_object() && !response.body.empty()) {
    StrAppend(&message, ": ", UntrustedText(StripWhitespace(response.body), redactor));
  }
  if (error == "invalid_client") {
    StrAppend(&message, " (check client_id and client_secret)");
  } else if (error == "unauthorized_client") {
    StrAppend(&message, " (is the application registered in tenant ", options_.tenant_id, "?)");
  }
  if (!trace_id.empty() || !correlation_id.empty()) {
    StrAppend(&message, " [trace-id: ", UntrustedText(trace_id, redactor, kMaxUntrustedId),
              ", correlation-id: ", UntrustedText(correlation_id, redactor, kMaxUntrustedId), "]");
  }
  return absl::Status(StatusCodeForOAuthError(error, response.status_code),
                      logger_.redactor().Redact(message));
}

absl::Status CheckAccessToken(std::string_view token) {
  if (token.empty()) {
    return absl::InvalidArgumentError("it has no access_token");
  }
  if (token.size() > kMaxAccessTokenBytes) {
    return absl::InvalidArgumentError(StrCat("its access_token is ", token.size(),
                                             " bytes long, more than the ", kMaxAccessTokenBytes,
                                             " accepted"));
  }
  // RFC 6750 section 2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
  std::size_t end = token.size();
  while (end > 0 && token[end - 1] == '=') {
    --end;
  }
  for (std::size_t i = 0; i < end; ++i) {
    if (!IsBearerTokenChar(token[i])) {
      // Never quote the token, not even the offending character's neighbours.
      const auto byte = static_cast<unsigned char>(token[i]);
      return absl::InvalidArgumentError(
          StrCat("its access_token has a character a bearer token may not contain (",
                 byte < 0x20 || byte == 0x7F ? "a control character"
                 : byte >= 0x80              ? "a non-ASCII byte"
                                             : StrCat("'", static_cast<char>(byte), "'"),
                 " at offset ", i, "); it would corrupt the Authorization header"));
    }
  }
  if (end == 0) {
    return absl::InvalidArgumentError("its access_token is only padding ('=')");
  }
  return absl::OkStatus();
}

}  // namespace opc::client
