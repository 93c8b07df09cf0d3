// Early returns for absl::Status / absl::StatusOr, so that a step that can fail reads as one
// line instead of four:
//   RETURN_IF_ERROR(CheckGeocode(address));
//   ASSIGN_OR_RETURN(Usage usage, LoadUsage(tables, tenant));
// The declaration in ASSIGN_OR_RETURN must not contain a top-level comma (use an alias).
// The simulator's own copy: it shares no code with the provider (docs/design).
#pragma once

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define OPCSIM_STATUS_MACROS_CONCAT_INNER(a, b) a##b
#define OPCSIM_STATUS_MACROS_CONCAT(a, b) OPCSIM_STATUS_MACROS_CONCAT_INNER(a, b)

// Returns the status of `expr` (an absl::Status) from the enclosing function when it is not OK.
#define RETURN_IF_ERROR(expr)                                                     \
  do {                                                                            \
    if (::absl::Status opcsim_status_macro = (expr); !opcsim_status_macro.ok()) { \
      return opcsim_status_macro;                                                 \
    }                                                                             \
  } while (false)

// Evaluates `expr` (an absl::StatusOr<T>); returns its status when not OK, else moves its
// value into `lhs` (a declaration such as `Usage usage` or an existing variable).
#define ASSIGN_OR_RETURN(lhs, ...)                                                            \
  OPCSIM_ASSIGN_OR_RETURN_IMPL(OPCSIM_STATUS_MACROS_CONCAT(opcsim_status_or_, __LINE__), lhs, \
                               __VA_ARGS__)

#define OPCSIM_ASSIGN_OR_RETURN_IMPL(statusor, lhs, ...) \
  auto statusor = (__VA_ARGS__);                         \
  if (!statusor.ok()) {                                  \
    return std::move(statusor).status();                 \
  }                                                      \
  lhs = *std::move(statusor)
