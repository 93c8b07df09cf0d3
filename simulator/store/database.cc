#include "simulator/store/database.h"

#include "absl/strings/str_cat.h"
#include "simulator/support/status_macros.h"

namespace opcsim::store {
namespace {

absl::Status SqliteError(sqlite3* db, absl::string_view what) {
  return absl::InternalError(absl::StrCat("sqlite ", what, ": ", sqlite3_errmsg(db)));
}

// Owns a prepared statement.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql) : db_(db) {
    status_ = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement_,
                                 nullptr) == SQLITE_OK
                  ? absl::OkStatus()
                  : SqliteError(db, "prepare");
  }
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  absl::Status Bind(const std::vector<SqlValue>& params) {
    if (!status_.ok()) {
      return status_;
    }
    for (size_t i = 0; i < params.size(); ++i) {
      const int index = static_cast<int>(i + 1);
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(params[i])) {
        rc = sqlite3_bind_null(statement_, index);
      } else if (const auto* n = std::get_if<int64_t>(&params[i])) {
        rc = sqlite3_bind_int64(statement_, index, *n);
      } else if (const auto* d = std::get_if<double>(&params[i])) {
        rc = sqlite3_bind_double(statement_, index, *d);
      } else {
        const std::string& s = std::get<std::string>(params[i]);
        rc = sqlite3_bind_text(statement_, index, s.data(), static_cast<int>(s.size()),
                               SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) {
        return SqliteError(db_, "bind");
      }
    }
    return absl::OkStatus();
  }

  // Steps to completion, calling `on_row` per row.
  absl::Status Run(const std::function<void(const Row&)>& on_row) {
    while (true) {
      const int rc = sqlite3_step(statement_);
      if (rc == SQLITE_ROW) {
        if (on_row) {
          on_row(Row(statement_));
        }
        continue;
      }
      if (rc == SQLITE_DONE) {
        return absl::OkStatus();
      }
      if (rc == SQLITE_CONSTRAINT) {
        return absl::AlreadyExistsError(absl::StrCat("sqlite constraint: ", sqlite3_errmsg(db_)));
      }
      return SqliteError(db_, "step");
    }
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
  absl::Status status_;
};

}  // namespace

std::string Row::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  if (text == nullptr) {
    return {};
  }
  return {reinterpret_cast<const char*>(text),
          static_cast<size_t>(sqlite3_column_bytes(statement_, column))};
}

int64_t Row::Int(int column) const { return sqlite3_column_int64(statement_, column); }

bool Row::IsNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

absl::Status Transaction::Exec(std::string_view sql, const std::vector<SqlValue>& params) {
  return Query(sql, params, nullptr);
}

absl::Status Transaction::Query(std::string_view sql, const std::vector<SqlValue>& params,
                                const std::function<void(const Row&)>& on_row) {
  Statement statement(db_, sql);
  RETURN_IF_ERROR(statement.Bind(params));
  return statement.Run(on_row);
}

int64_t Transaction::Changes() const { return sqlite3_changes64(db_); }

absl::StatusOr<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    absl::Status error = absl::InternalError(
        absl::StrCat("cannot open database ", path, ": ", db ? sqlite3_errmsg(db) : "no memory"));
    sqlite3_close(db);
    return error;
  }
  std::unique_ptr<Database> database(new Database(db));
  sqlite3_busy_timeout(db, 10000);
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
    if (sqlite3_exec(db, pragma, nullptr, nullptr, nullptr) != SQLITE_OK) {
      return SqliteError(db, pragma);
    }
  }
  return database;
}

Database::~Database() { sqlite3_close(db_); }

absl::Status Database::InTransaction(const std::function<absl::Status(Transaction&)>& body) {
  std::lock_guard lock(mutex_);
  if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return SqliteError(db_, "begin");
  }
  Transaction transaction(db_);
  absl::Status result;
  try {
    result = body(transaction);
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  if (!result.ok()) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return result;
  }
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    absl::Status error = SqliteError(db_, "commit");
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return error;
  }
  return absl::OkStatus();
}

}  // namespace opcsim::store
