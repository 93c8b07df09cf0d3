#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "simulator/domain/model.h"
#include "simulator/store/database.h"
#include "simulator/store/doc_table.h"

namespace opcsim::store {

// meta key of the simulator clock's high-water mark (a restart never moves time backwards).
inline constexpr char kClockMetaKey[] = "clock_ms";

struct TokenRecord {
  std::string tenant_id;
  std::string client_id;
  SimMillis expires_ms = 0;
};

// Access tokens, stored only as their SHA-256.
class TokenTable {
 public:
  explicit TokenTable(Transaction& tx) : tx_(tx) {}
  absl::Status Insert(const std::string& token_hash, const TokenRecord& record);
  absl::StatusOr<std::optional<TokenRecord>> Find(const std::string& token_hash) const;
  absl::Status DeleteExpired(SimMillis now);
  absl::Status DeleteForClient(const std::string& client_id);
  absl::Status DeleteForTenant(const std::string& tenant_id);

 private:
  Transaction& tx_;
};

// Small key/value settings (schema version, clock high-water mark).
class MetaTable {
 public:
  explicit MetaTable(Transaction& tx) : tx_(tx) {}
  absl::StatusOr<std::optional<std::string>> Get(const std::string& key) const;
  absl::Status Set(const std::string& key, const std::string& value);

 private:
  Transaction& tx_;
};

// Every table, bound to one transaction. Scopes: "" for global tables (tenants, operators,
// applications keyed by client id), the tenant id otherwise.
struct Tables {
  explicit Tables(Transaction& tx);

  DocTable<Tenant> tenants;
  DocTable<Application> applications;
  DocTable<User> users;
  DocTable<Operator> operators;
  DocTable<Consent> consents;
  DocTable<NumberAssignment> numbers;
  DocTable<Operation> operations;
  DocTable<CivicAddress> civic_addresses;
  DocTable<Location> locations;
  TokenTable tokens;
  MetaTable meta;
};

// The simulator's persistent state: a SQLite file, migrated on open.
class Store {
 public:
  static absl::StatusOr<std::unique_ptr<Store>> Open(const std::string& path);

  // Runs `body` atomically (see Database::InTransaction).
  absl::Status Run(const std::function<absl::Status(Tables&)>& body);

 private:
  explicit Store(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  std::unique_ptr<Database> db_;
};

}  // namespace opcsim::store
