#include "simulator/store/schema.h"

#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "simulator/support/status_macros.h"

namespace opcsim::store {
namespace {

std::string DocTableSql(const std::string& table) {
  return absl::StrCat("CREATE TABLE ", table,
                      " (scope TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, "
                      "PRIMARY KEY (scope, id))");
}

// Append only: a released simulator's databases must keep opening.
std::vector<std::vector<std::string>> Migrations() {
  return {
      // 1: initial schema.
      {
          "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
          DocTableSql("tenants"),
          DocTableSql("applications"),
          DocTableSql("users"),
          DocTableSql("operators"),
          DocTableSql("consents"),
          DocTableSql("numbers"),
          // A telephone number belongs to at most one tenant.
          "CREATE UNIQUE INDEX numbers_by_number ON numbers (id)",
          DocTableSql("operations"),
          DocTableSql("civic_addresses"),
          DocTableSql("locations"),
          "CREATE TABLE tokens (token_hash TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, "
          "client_id TEXT NOT NULL, expires_ms INTEGER NOT NULL)",
      },
      // 2: every request settles the tenant's due operations; finding the pending ones must
      // not read every operation the tenant ever ran.
      {
          absl::StrCat("CREATE INDEX operations_pending ON operations (scope) WHERE ",
                       kPendingOperationCondition),
      },
      // 3: reading one civic address or location counts the numbers that use it; that must
      // not decode the tenant's whole inventory.
      {
          "CREATE INDEX numbers_by_address ON numbers "
          "(scope, json_extract(doc, '$.civic_address_id'))",
          "CREATE INDEX numbers_by_location ON numbers (scope, json_extract(doc, '$.location_id'))",
      },
  };
}

}  // namespace

absl::Status Migrate(Transaction& tx) {
  bool has_meta = false;
  absl::Status status =
      tx.Query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'", {},
               [&](const Row&) { has_meta = true; });
  if (!status.ok()) {
    return status;
  }
  int64_t version = 0;
  if (has_meta) {
    status =
        tx.Query("SELECT value FROM meta WHERE key = 'schema_version'", {}, [&](const Row& row) {
          if (!absl::SimpleAtoi(row.Text(0), &version)) {
            version = -1;
          }
        });
    if (!status.ok()) {
      return status;
    }
    if (version < 0) {
      return absl::DataLossError("unreadable schema_version in meta");
    }
  }
  const auto migrations = Migrations();
  if (version > static_cast<int64_t>(migrations.size())) {
    return absl::FailedPreconditionError(absl::StrCat("database schema version ", version,
                                                      " is newer than this simulator (",
                                                      migrations.size(), ")"));
  }
  for (size_t i = static_cast<size_t>(version); i < migrations.size(); ++i) {
    for (const std::string& sql : migrations[i]) {
      RETURN_IF_ERROR(tx.Exec(sql));
    }
    status = tx.Exec(
        "INSERT INTO meta (key, value) VALUES ('schema_version', ?1) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        {std::to_string(i + 1)});
    if (!status.ok()) {
      return status;
    }
  }
  return absl::OkStatus();
}

}  // namespace opcsim::store
