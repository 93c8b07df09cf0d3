// Reads and deletes of one stored object that answer 404 when it is not there, with one
// wording: "<what> '<id>' not found."
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "simulator/domain/errors.h"
#include "simulator/store/doc_table.h"
#include "simulator/support/status_macros.h"

namespace opcsim {

// `table`'s object `id` under `scope` (a tenant id, or "" for global data).
template <typename T>
absl::StatusOr<T> FindOrNotFound(const store::DocTable<T>& table, std::string_view scope,
                                 const std::string& id, const std::string& what) {
  ASSIGN_OR_RETURN(std::optional<T> found, table.Get(scope, id));
  if (!found) {
    return NotFoundError(absl::StrCat(what, " '", id, "' not found."));
  }
  return *std::move(found);
}

// Deletes `table`'s object `id` under `scope`.
template <typename T>
absl::Status DeleteOrNotFound(store::DocTable<T>& table, std::string_view scope,
                              const std::string& id, const std::string& what) {
  ASSIGN_OR_RETURN(bool deleted, table.Delete(scope, id));
  if (!deleted) {
    return NotFoundError(absl::StrCat(what, " '", id, "' not found."));
  }
  return absl::OkStatus();
}

}  // namespace opcsim
