// Early returns for absl::Status / absl::StatusOr, so that a call that can fail reads as one
// line instead of four:
//   RETURN_IF_ERROR(Validate(request));
//   ASSIGN_OR_RETURN(GraphResponse response, client.Get(path, {}, cancel));
// The declaration in ASSIGN_OR_RETURN must not contain a top-level comma (use an alias).
#pragma once

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define OPC_STATUS_MACROS_CONCAT_INNER(a, b) a##b
#define OPC_STATUS_MACROS_CONCAT(a, b) OPC_STATUS_MACROS_CONCAT_INNER(a, b)

// Returns the status of `expr` (an absl::Status) from the enclosing function when it is not OK.
#define RETURN_IF_ERROR(expr)                                                             \
  do {                                                                                    \
    if (::absl::Status opc_status_macro_status = (expr); !opc_status_macro_status.ok()) { \
      return opc_status_macro_status;                                                     \
    }                                                                                     \
  } while (false)

// Evaluates `expr` (an absl::StatusOr<T>); returns its status when not OK, else moves its
// value into `lhs` (a declaration such as `std::string name` or an existing variable).
#define ASSIGN_OR_RETURN(lhs, ...)                                                         \
  OPC_ASSIGN_OR_RETURN_IMPL(OPC_STATUS_MACROS_CONCAT(opc_status_macro_or_, __LINE__), lhs, \
                            __VA_ARGS__)

#define OPC_ASSIGN_OR_RETURN_IMPL(statusor, lhs, ...) \
  auto statusor = (__VA_ARGS__);                      \
  if (!statusor.ok()) {                               \
    return std::move(statusor).status();              \
  }                                                   \
  lhs = *std::move(statusor)
