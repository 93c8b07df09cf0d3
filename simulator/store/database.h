#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace opcsim::store {

// A value bound to a statement parameter.
using SqlValue = std::variant<std::nullptr_t, int64_t, double, std::string>;

// One result row: text or integer columns, by position.
class Row {
 public:
  explicit Row(sqlite3_stmt* statement) : statement_(statement) {}
  std::string Text(int column) const;
  int64_t Int(int column) const;
  bool IsNull(int column) const;

 private:
  sqlite3_stmt* statement_;
};

// Valid only inside Database::InTransaction; all statements run on the transaction's
// connection.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {}

  absl::Status Exec(std::string_view sql, const std::vector<SqlValue>& params = {});
  // Calls `on_row` for each result row.
  absl::Status Query(std::string_view sql, const std::vector<SqlValue>& params,
                     const std::function<void(const Row&)>& on_row);
  // Rows changed by the last Exec.
  int64_t Changes() const;

 private:
  sqlite3* db_;
};

// One SQLite connection in WAL mode. Transactions are serialized by a mutex (the simulator's
// state is small; serializing keeps every request's read-check-write atomic) and run as
// BEGIN IMMEDIATE so a second process on the same file waits instead of corrupting state.
class Database {
 public:
  static absl::StatusOr<std::unique_ptr<Database>> Open(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs `body` in a transaction: committed if it returns OK, rolled back otherwise (and if it
  // throws, after which the exception propagates).
  absl::Status InTransaction(const std::function<absl::Status(Transaction&)>& body);

 private:
  explicit Database(sqlite3* db) : db_(db) {}

  std::mutex mutex_;
  sqlite3* db_;
};

}  // namespace opcsim::store
