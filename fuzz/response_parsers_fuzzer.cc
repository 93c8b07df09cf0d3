// The tenant API client's response parsers (issue 15): whatever an endpoint answers, a page,
// an error body, a token response or an operation turns into a value or a Status whose
// message is bounded, valid UTF-8 and free of the access token. The first byte picks the
// parser and the status code; the rest is the body (and, up to a NUL, a request-id header).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "provider/client/graph_client.h"
#include "provider/client/graph_error.h"
#include "provider/client/long_running_operation.h"
#include "provider/client/paging.h"
#include "provider/client/token_provider.h"
#include "provider/common/utf8.h"

namespace opc::client {
namespace {

constexpr char kToken[] = "fuzz-access-token-0123456789";
constexpr char kSecret[] = "fuzz-client-secret";

class ScriptedTransport final : public HttpTransport {
 public:
  absl::StatusOr<HttpResponse> Send(const HttpRequest&, const CancellationToken&) override {
    return response;
  }
  HttpResponse response;
};

class FixedClock final : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override { return now; }
  std::chrono::system_clock::time_point now = std::chrono::system_clock::from_time_t(1795575845);
};

// Advances the clock instead of waiting.
class InstantSleeper final : public Sleeper {
 public:
  explicit InstantSleeper(FixedClock& clock) : clock_(clock) {}
  absl::Status Sleep(std::chrono::milliseconds duration, const CancellationToken&) override {
    clock_.now += duration;
    return absl::OkStatus();
  }

 private:
  FixedClock& clock_;
};

class ZeroRandom final : public RandomSource {
 public:
  double Uniform() override { return 0; }
};

void CheckMessage(const absl::Status& status) {
  const std::string_view message(status.message().data(), status.message().size());
  if (SanitizeUtf8(message) != message || message.find(kToken) != std::string_view::npos ||
      message.find(kSecret) != std::string_view::npos || message.size() > 16 * 1024) {
    std::abort();
  }
}

}  // namespace
}  // namespace opc::client

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace opc::client;
  if (size == 0) {
    return 0;
  }
  const int selector = data[0];
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string request_id;
  if (auto nul = rest.find('\0'); nul != std::string_view::npos && nul < 256) {
    request_id = std::string(rest.substr(0, nul)) + kToken;
    rest.remove_prefix(nul + 1);
  }
  const int status_codes[] = {200, 202, 400, 401, 404, 409, 429, 500};
  ScriptedTransport transport;
  transport.response.status_code = status_codes[(selector >> 2) % 8];
  transport.response.body = std::string(rest);
  if (!request_id.empty()) {
    transport.response.headers.Set("request-id", request_id);
  }

  FixedClock clock;
  InstantSleeper sleeper(clock);
  ZeroRandom random;
  auto redactor = std::make_shared<Redactor>();
  redactor->AddSecret(kSecret);
  redactor->AddRotatingSecret(kToken);
  ClientLogger logger(nullptr, redactor);
  RetryOptions retry;
  retry.max_retries = 0;
  Retrier retrier(retry, clock, sleeper, random, logger);
  StaticTokenProvider tokens(kToken);
  GraphClientOptions options;
  options.endpoint = "https://graph.test";
  options.max_list_pages = 3;
  options.max_list_items = 1000;
  GraphClient client(options, transport, tokens, retrier, logger);
  opc::CancellationToken cancel;

  switch (selector & 3) {
    case 0: {  // a page of a collection
      GraphRequest first;
      first.path = "/v1.0/items";
      CheckMessage(ForEachItem(
          client, first, [](const nlohmann::json&) { return absl::OkStatus(); }, cancel));
      break;
    }
    case 1: {  // an error body
      CheckMessage(StatusFromHttpResponse(transport.response, redactor.get()));
      CheckMessage(client.Get("/v1.0/x", {}, cancel).status());
      break;
    }
    case 2: {  // a token response
      ClientCredentialsOptions credentials;
      credentials.authority_url = "https://login.test";
      credentials.tenant_id = "tenant";
      credentials.client_id = "client";
      credentials.client_secret = kSecret;
      ClientCredentialsTokenProvider provider(credentials, transport, retrier, clock, logger);
      absl::StatusOr<std::string> token = provider.GetToken(cancel);
      if (token.ok()) {
        if (!CheckAccessToken(*token).ok()) {
          std::abort();
        }
      } else {
        CheckMessage(token.status());
      }
      break;
    }
    case 3: {  // an operation being polled
      PollOptions poll;
      poll.timeout = std::chrono::seconds(10);
      OperationPoller poller(client, clock, sleeper, poll);
      GraphResponse accepted;
      accepted.status_code = 202;
      accepted.headers.Set("Location", "https://graph.test/v1.0/operations('op')");
      accepted.headers.Set("Retry-After", std::string(rest.substr(0, 24)));
      CheckMessage(poller.WaitForAccepted(accepted, cancel).status());
      break;
    }
  }
  return 0;
}
