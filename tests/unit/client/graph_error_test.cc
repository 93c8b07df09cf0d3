#include "provider/client/graph_error.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes.h"

namespace opc::client {
namespace {

using testing::GraphErrorResponse;
using ::testing::HasSubstr;
using testing::MakeResponse;
using ::testing::Not;

TEST(GraphError, ConflictMessageCarriesCodeMessageAndRequestId) {
  absl::Status status = StatusFromHttpResponse(GraphErrorResponse(
      409, "NumbersAssigned", "Cannot remove country GB: +441632960001 is assigned",
      "6f1c8a8e-3a2b-4c11-9d55-2f0f3c1f9a10"));
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(status.message(),
            "Conflict (409 NumbersAssigned): Cannot remove country GB: +441632960001 is "
            "assigned [request-id: 6f1c8a8e-3a2b-4c11-9d55-2f0f3c1f9a10]");
  EXPECT_EQ(HttpStatusOf(status), 409);
  EXPECT_EQ(ServiceErrorCodeOf(status), "NumbersAssigned");
}

struct MappingCase {
  int http_status;
  const char* code;
  absl::StatusCode expected;
};

class GraphErrorMapping : public ::testing::TestWithParam<MappingCase> {};

TEST_P(GraphErrorMapping, HttpStatusToStatusCode) {
  const MappingCase& c = GetParam();
  absl::Status status = StatusFromHttpResponse(GraphErrorResponse(c.http_status, c.code, "m"));
  EXPECT_EQ(status.code(), c.expected) << c.http_status << " " << c.code;
  EXPECT_EQ(HttpStatusOf(status), c.http_status);
}

INSTANTIATE_TEST_SUITE_P(
    Table, GraphErrorMapping,
    ::testing::Values(
        MappingCase{400, "BadRequest", absl::StatusCode::kInvalidArgument},
        MappingCase{400, "ElinCannotBeCleared", absl::StatusCode::kInvalidArgument},
        MappingCase{401, "InvalidAuthenticationToken", absl::StatusCode::kUnauthenticated},
        MappingCase{403, "LocationUpdateNotSupported", absl::StatusCode::kPermissionDenied},
        MappingCase{404, "NotFound", absl::StatusCode::kNotFound},
        MappingCase{409, "ConsentAlreadyExists", absl::StatusCode::kAlreadyExists},
        MappingCase{409, "InUse", absl::StatusCode::kFailedPrecondition},
        MappingCase{409, "AddressEditNotSupported", absl::StatusCode::kFailedPrecondition},
        MappingCase{412, "PreconditionFailed", absl::StatusCode::kAborted},
        MappingCase{429, "TooManyRequests", absl::StatusCode::kResourceExhausted},
        MappingCase{500, "InternalServerError", absl::StatusCode::kInternal},
        MappingCase{503, "ServiceUnavailable", absl::StatusCode::kUnavailable},
        MappingCase{504, "GatewayTimeout", absl::StatusCode::kDeadlineExceeded}));

TEST(GraphError, NonEnvelopeBodyBecomesTheMessage) {
  absl::Status status = StatusFromHttpResponse(
      MakeResponse(502, "<html>\n<body>Bad gateway</body></html>", {{"request-id", "r-9"}}));
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(status.message(),
            "Bad Gateway (502): <html> <body>Bad gateway</body></html> "
            "[request-id: r-9]");
  EXPECT_EQ(ServiceErrorCodeOf(status), std::nullopt);
}

TEST(GraphError, LongBodiesAreTruncated) {
  absl::Status status = StatusFromHttpResponse(MakeResponse(500, std::string(5000, 'x')));
  EXPECT_LT(status.message().size(), 400u);
  EXPECT_THAT(std::string(status.message()), HasSubstr("..."));
}

TEST(GraphError, CodeFromHeaderWhenTheBodyHasNone) {
  absl::Status status =
      StatusFromHttpResponse(MakeResponse(409, "", {{"x-ms-error-code", "InUse"}}));
  EXPECT_EQ(status.message(), "Conflict (409 InUse)");
  EXPECT_EQ(ServiceErrorCodeOf(status), "InUse");
}

TEST(GraphError, ParseReadsInnerError) {
  GraphError error = ParseGraphError(GraphErrorResponse(404, "NotFound", "gone", "rid"));
  EXPECT_EQ(error.http_status, 404);
  EXPECT_EQ(error.code, "NotFound");
  EXPECT_EQ(error.message, "gone");
  EXPECT_EQ(error.request_id, "rid");
  EXPECT_EQ(error.date, "2026-11-25T03:04:05Z");
}

TEST(GraphError, CredentialsInTheMessageAreRedacted) {
  Redactor redactor;
  redactor.AddSecret("the-client-secret");
  absl::Status status = StatusFromHttpResponse(
      GraphErrorResponse(400, "BadRequest", "echo: the-client-secret Bearer tok.en"), &redactor);
  EXPECT_THAT(std::string(status.message()), Not(HasSubstr("the-client-secret")));
  EXPECT_THAT(std::string(status.message()), Not(HasSubstr("tok.en")));
}

TEST(AnnotateStatus, KeepsCodeAndPayload) {
  absl::Status status = StatusFromHttpResponse(GraphErrorResponse(409, "InUse", "used", "r"));
  absl::Status annotated = AnnotateStatus(status, "deleting location l-1: ", " (try later)");
  EXPECT_EQ(annotated.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(annotated.message(),
            "deleting location l-1: Conflict (409 InUse): used [request-id: r] (try later)");
  EXPECT_EQ(ServiceErrorCodeOf(annotated), "InUse");
  EXPECT_EQ(HttpStatusOf(annotated), 409);
  EXPECT_TRUE(AnnotateStatus(absl::OkStatus(), "x").ok());
}

TEST(GraphError, StatusWithoutPayload) {
  EXPECT_EQ(HttpStatusOf(absl::NotFoundError("x")), std::nullopt);
  EXPECT_EQ(ServiceErrorCodeOf(absl::NotFoundError("x")), std::nullopt);
}

}  // namespace
}  // namespace opc::client
