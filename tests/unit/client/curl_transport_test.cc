// The one test of CurlTransport against a real (local) HTTP server: cpp-httplib on 127.0.0.1,
// port 0. Everything else in the client is tested against the fake transport.
#include "provider/client/curl_transport.h"

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <nlohmann/json.hpp>
#include <thread>

namespace opc::client {
namespace {

using std::chrono::milliseconds;
using ::testing::HasSubstr;

class CurlTransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Get("/echo", [](const httplib::Request& req, httplib::Response& res) {
      nlohmann::json body = {{"method", req.method},
                             {"x-test", req.get_header_value("X-Test")},
                             {"authorization", req.get_header_value("Authorization")},
                             {"q", req.get_param_value("q")}};
      res.status = 200;
      res.set_header("request-id", "rid-1");
      res.headers.emplace("X-Multi", "one");
      res.headers.emplace("X-Multi", "two");
      res.set_content(body.dump(), "application/json");
    });
    auto echo_body = [](const httplib::Request& req, httplib::Response& res) {
      nlohmann::json body = {{"method", req.method},
                             {"body", req.body},
                             {"content-type", req.get_header_value("Content-Type")},
                             {"if-match", req.get_header_value("If-Match")}};
      res.status = req.method == "POST" ? 201 : 200;
      res.set_content(body.dump(), "application/json");
    };
    server_.Post("/echo", echo_body);
    server_.Patch("/echo", echo_body);
    server_.Put("/echo", echo_body);
    server_.Delete("/echo", echo_body);
    server_.Get("/missing", [](const httplib::Request&, httplib::Response& res) {
      res.status = 404;
      res.set_content(R"({"error":{"code":"NotFound","message":"nope"}})", "application/json");
    });
    server_.Get("/slow", [this](const httplib::Request&, httplib::Response& res) {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, std::chrono::seconds(10), [this] { return release_; });
      res.set_content("late", "text/plain");
    });
    // Stop arrives while this write is on the wire: the answer comes after the cancellation.
    server_.Post("/stopped-meanwhile", [this](const httplib::Request&, httplib::Response& res) {
      stop_.Cancel();
      std::this_thread::sleep_for(milliseconds(300));  // several progress callbacks
      res.status = 201;
      res.set_content(R"({"id":"created"})", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) {
      std::this_thread::yield();
    }
  }

  void TearDown() override {
    // Closes the pooled keep-alive connections first, so the server need not wait them out.
    transport_.reset();
    {
      std::lock_guard lock(mu_);
      release_ = true;
    }
    cv_.notify_all();
    server_.stop();
    thread_.join();
  }

  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  bool release_ = false;
  std::unique_ptr<CurlTransport> transport_ = std::make_unique<CurlTransport>();
  CancellationToken cancel_;
  CancellationSource stop_;
};

TEST_F(CurlTransportTest, GetSendsHeadersAndReadsTheResponse) {
  HttpRequest request;
  request.url = Url("/echo?q=a%2Bb");
  request.headers.Set("X-Test", "hello");
  request.headers.Set("Authorization", "Bearer abc");
  absl::StatusOr<HttpResponse> response = transport_->Send(request, cancel_);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status_code, 200);
  EXPECT_EQ(response->headers.Get("request-id"), "rid-1");
  EXPECT_EQ(response->headers.Get("REQUEST-ID"), "rid-1");  // case-insensitive
  EXPECT_EQ(response->headers.Get("Content-Type"), "application/json");
  int multi = 0;
  for (const auto& [name, value] : response->headers.entries()) {
    multi += name == "X-Multi" ? 1 : 0;
  }
  EXPECT_EQ(multi, 2);
  nlohmann::json body = nlohmann::json::parse(response->body);
  EXPECT_EQ(body["method"], "GET");
  EXPECT_EQ(body["x-test"], "hello");
  EXPECT_EQ(body["authorization"], "Bearer abc");
  EXPECT_EQ(body["q"], "a+b");
}

TEST_F(CurlTransportTest, EveryMethodSendsItsBody) {
  for (HttpMethod method :
       {HttpMethod::kPost, HttpMethod::kPatch, HttpMethod::kPut, HttpMethod::kDelete}) {
    HttpRequest request;
    request.method = method;
    request.url = Url("/echo");
    request.headers.Set("Content-Type", "application/json");
    request.headers.Set("If-Match", "W/\"1\"");
    request.body = method == HttpMethod::kDelete ? "" : R"({"k":"v"})";
    absl::StatusOr<HttpResponse> response = transport_->Send(request, cancel_);
    ASSERT_TRUE(response.ok()) << response.status();
    EXPECT_EQ(response->status_code, method == HttpMethod::kPost ? 201 : 200);
    nlohmann::json body = nlohmann::json::parse(response->body);
    EXPECT_EQ(body["method"], std::string(HttpMethodName(method)));
    EXPECT_EQ(body["body"], request.body);
    EXPECT_EQ(body["if-match"], "W/\"1\"");
  }
}

TEST_F(CurlTransportTest, ErrorStatusIsAResponseNotAFailure) {
  HttpRequest request;
  request.url = Url("/missing");
  absl::StatusOr<HttpResponse> response = transport_->Send(request, cancel_);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status_code, 404);
  EXPECT_THAT(response->body, HasSubstr("NotFound"));
}

TEST_F(CurlTransportTest, ConnectionRefusedIsRetryable) {
  // A port that was just free: bind, read the port, close.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  socklen_t length = sizeof(address);
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
  int closed_port = ntohs(address.sin_port);
  ::close(fd);

  HttpRequest request;
  request.url = "http://127.0.0.1:" + std::to_string(closed_port) + "/x";
  absl::StatusOr<HttpResponse> response = transport_->Send(request, cancel_);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable) << response.status();
  EXPECT_TRUE(IsRetryableTransportError(response.status()));
}

TEST_F(CurlTransportTest, TimeoutIsDeadlineExceeded) {
  HttpRequest request;
  request.url = Url("/slow");
  request.timeout = milliseconds(200);
  absl::StatusOr<HttpResponse> response = transport_->Send(request, cancel_);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kDeadlineExceeded) << response.status();
  EXPECT_TRUE(IsRetryableTransportError(response.status()));
}

TEST_F(CurlTransportTest, CancellationAbortsAnExchangeInFlight) {
  CancellationSource source;
  std::thread canceller([&] {
    std::this_thread::sleep_for(milliseconds(100));
    source.Cancel();
  });
  HttpRequest request;
  request.url = Url("/slow");
  auto start = std::chrono::steady_clock::now();
  absl::StatusOr<HttpResponse> response = transport_->Send(request, source.Token());
  auto elapsed = std::chrono::steady_clock::now() - start;
  canceller.join();
  EXPECT_EQ(response.status().code(), absl::StatusCode::kCancelled) << response.status();
  EXPECT_LT(elapsed, std::chrono::seconds(5));
}

TEST_F(CurlTransportTest, AWriteOnTheWireIsAnsweredWithinItsGraceAfterCancellation) {
  HttpRequest request;
  request.method = HttpMethod::kPost;
  request.url = Url("/stopped-meanwhile");
  request.body = "{}";
  request.cancel_grace = std::chrono::seconds(10);
  absl::StatusOr<HttpResponse> response = transport_->Send(request, stop_.Token());
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status_code, 201);
  EXPECT_EQ(response->body, R"({"id":"created"})");
  // Once cancelled, nothing new is sent, grace or not.
  EXPECT_EQ(transport_->Send(request, stop_.Token()).status().code(), absl::StatusCode::kCancelled);
}

TEST_F(CurlTransportTest, WithoutGraceCancellationAbandonsTheWriteOnTheWire) {
  HttpRequest request;
  request.method = HttpMethod::kPost;
  request.url = Url("/stopped-meanwhile");
  request.body = "{}";
  absl::StatusOr<HttpResponse> response = transport_->Send(request, stop_.Token());
  EXPECT_EQ(response.status().code(), absl::StatusCode::kCancelled) << response.status();
}

TEST_F(CurlTransportTest, ResponsesAboveTheLimitAreRefused) {
  CurlTransportOptions options;
  options.max_response_bytes = 16;
  CurlTransport small(options);
  HttpRequest request;
  request.url = Url("/echo");
  absl::StatusOr<HttpResponse> response = small.Send(request, cancel_);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kResourceExhausted) << response.status();
}

TEST_F(CurlTransportTest, HandlesAreReusedAcrossThreads) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < 5; ++j) {
        HttpRequest request;
        request.url = Url("/echo");
        absl::StatusOr<HttpResponse> response = transport_->Send(request, cancel_);
        if (response.ok() && response->status_code == 200) {
          ++ok;
        }
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(ok.load(), 20);
}

TEST(CurlTransport, UnsupportedSchemeIsInvalidArgument) {
  CurlTransport transport;
  HttpRequest request;
  request.url = "file:///etc/passwd";
  EXPECT_EQ(transport.Send(request, CancellationToken()).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace opc::client
