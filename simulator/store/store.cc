#include "simulator/store/store.h"

#include "simulator/store/schema.h"
#include "simulator/support/status_macros.h"

namespace opcsim::store {

absl::Status TokenTable::Insert(const std::string& token_hash, const TokenRecord& record) {
  return tx_.Exec(
      "INSERT INTO tokens (token_hash, tenant_id, client_id, expires_ms) VALUES (?1, ?2, ?3, ?4)",
      {token_hash, record.tenant_id, record.client_id, record.expires_ms});
}

absl::StatusOr<std::optional<TokenRecord>> TokenTable::Find(const std::string& token_hash) const {
  std::optional<TokenRecord> found;
  RETURN_IF_ERROR(
      tx_.Query("SELECT tenant_id, client_id, expires_ms FROM tokens WHERE token_hash = ?1",
                {token_hash}, [&](const Row& row) {
                  found = TokenRecord{row.Text(0), row.Text(1), row.Int(2)};
                }));
  return found;
}

absl::Status TokenTable::DeleteExpired(SimMillis now) {
  return tx_.Exec("DELETE FROM tokens WHERE expires_ms <= ?1", {now});
}

absl::Status TokenTable::DeleteForClient(const std::string& client_id) {
  return tx_.Exec("DELETE FROM tokens WHERE client_id = ?1", {client_id});
}

absl::Status TokenTable::DeleteForTenant(const std::string& tenant_id) {
  return tx_.Exec("DELETE FROM tokens WHERE tenant_id = ?1", {tenant_id});
}

absl::StatusOr<std::optional<std::string>> MetaTable::Get(const std::string& key) const {
  std::optional<std::string> value;
  RETURN_IF_ERROR(tx_.Query("SELECT value FROM meta WHERE key = ?1", {key},
                            [&](const Row& row) { value = row.Text(0); }));
  return value;
}

absl::Status MetaTable::Set(const std::string& key, const std::string& value) {
  return tx_.Exec(
      "INSERT INTO meta (key, value) VALUES (?1, ?2) "
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      {key, value});
}

Tables::Tables(Transaction& tx)
    : tenants(tx, "tenants"),
      applications(tx, "applications"),
      users(tx, "users"),
      operators(tx, "operators"),
      consents(tx, "consents"),
      numbers(tx, "numbers"),
      operations(tx, "operations"),
      civic_addresses(tx, "civic_addresses"),
      locations(tx, "locations"),
      tokens(tx),
      meta(tx) {}

absl::StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(path));
  std::unique_ptr<Store> store(new Store(std::move(db)));
  RETURN_IF_ERROR(store->db_->InTransaction(Migrate));
  return store;
}

absl::Status Store::Run(const std::function<absl::Status(Tables&)>& body) {
  return db_->InTransaction([&](Transaction& tx) {
    Tables tables(tx);
    return body(tables);
  });
}

}  // namespace opcsim::store
