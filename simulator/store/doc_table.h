#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "simulator/store/database.h"
#include "simulator/support/status_macros.h"

namespace opcsim::store {

// A table of JSON documents keyed by (scope, id). The scope is the tenant id for tenant data
// and "" for global data; rows keep their insertion order (rowid), which List returns.
template <typename T>
class DocTable {
 public:
  DocTable(Transaction& tx, std::string table) : tx_(tx), table_(std::move(table)) {}

  absl::StatusOr<std::optional<T>> Get(std::string_view scope, std::string_view id) const {
    std::optional<std::string> doc;
    absl::Status status = tx_.Query(
        absl::StrCat("SELECT doc FROM ", table_, " WHERE scope = ?1 AND id = ?2"),
        {std::string(scope), std::string(id)}, [&](const Row& row) { doc = row.Text(0); });
    if (!status.ok()) {
      return status;
    }
    if (!doc) {
      return std::optional<T>();
    }
    ASSIGN_OR_RETURN(T value, Decode(*doc));
    return std::optional<T>(std::move(value));
  }

  absl::StatusOr<std::vector<T>> List(std::string_view scope) const {
    return Select(absl::StrCat("SELECT doc FROM ", table_, " WHERE scope = ?1 ORDER BY rowid"),
                  {std::string(scope)});
  }

  // The scope's rows whose document satisfies `condition` (SQL over the column `doc`, e.g.
  // "json_extract(doc, '$.settled') = 0"), in insertion order. A partial index with the same
  // condition makes this cheap however many rows do not match.
  absl::StatusOr<std::vector<T>> ListWhere(std::string_view scope,
                                           std::string_view condition) const {
    return Select(absl::StrCat("SELECT doc FROM ", table_, " WHERE scope = ?1 AND (",
                               std::string(condition), ") ORDER BY rowid"),
                  {std::string(scope)});
  }

  // One page of the scope's rows in id order: the primary key's index answers it without
  // reading (or decoding) the rows before `offset`.
  absl::StatusOr<std::vector<T>> ListPageById(std::string_view scope, int64_t limit,
                                              int64_t offset) const {
    return Select(absl::StrCat("SELECT doc FROM ", table_, " WHERE scope = ?1 ORDER BY id LIMIT ",
                               limit, " OFFSET ", offset),
                  {std::string(scope)});
  }

  // The scope's rows whose `json_extract(doc, json_path)` equals `value`; an index on
  // (scope, json_extract(doc, json_path)) makes it read only those rows.
  absl::StatusOr<std::vector<T>> ListWhereField(std::string_view scope, std::string_view json_path,
                                                std::string_view value) const {
    return Select(
        absl::StrCat("SELECT doc FROM ", table_, " WHERE scope = ?1 AND json_extract(doc, '",
                     std::string(json_path), "') = ?2 ORDER BY rowid"),
        {std::string(scope), std::string(value)});
  }

  absl::StatusOr<std::vector<T>> ListAll() const {
    return Select(absl::StrCat("SELECT doc FROM ", table_, " ORDER BY rowid"), {});
  }

  // AlreadyExists if the key (or a unique index) is taken.
  absl::Status Insert(std::string_view scope, std::string_view id, const T& value) {
    return tx_.Exec(absl::StrCat("INSERT INTO ", table_, " (scope, id, doc) VALUES (?1, ?2, ?3)"),
                    {std::string(scope), std::string(id), Encode(value)});
  }

  // Insert or replace the document, keeping the row's position.
  absl::Status Upsert(std::string_view scope, std::string_view id, const T& value) {
    return tx_.Exec(absl::StrCat("INSERT INTO ", table_,
                                 " (scope, id, doc) VALUES (?1, ?2, ?3) "
                                 "ON CONFLICT(scope, id) DO UPDATE SET doc = excluded.doc"),
                    {std::string(scope), std::string(id), Encode(value)});
  }

  // True if a row was deleted.
  absl::StatusOr<bool> Delete(std::string_view scope, std::string_view id) {
    absl::Status status =
        tx_.Exec(absl::StrCat("DELETE FROM ", table_, " WHERE scope = ?1 AND id = ?2"),
                 {std::string(scope), std::string(id)});
    if (!status.ok()) {
      return status;
    }
    return tx_.Changes() > 0;
  }

  absl::Status DeleteScope(std::string_view scope) {
    return tx_.Exec(absl::StrCat("DELETE FROM ", table_, " WHERE scope = ?1"),
                    {std::string(scope)});
  }

  // The scope holding `id`, if any (ids unique across scopes, e.g. telephone numbers).
  absl::StatusOr<std::optional<std::string>> FindScopeOf(std::string_view id) const {
    std::optional<std::string> scope;
    absl::Status status =
        tx_.Query(absl::StrCat("SELECT scope FROM ", table_, " WHERE id = ?1 LIMIT 1"),
                  {std::string(id)}, [&](const Row& row) { scope = row.Text(0); });
    if (!status.ok()) {
      return status;
    }
    return scope;
  }

 private:
  static std::string Encode(const T& value) { return nlohmann::json(value).dump(); }

  absl::StatusOr<T> Decode(const std::string& doc) const {
    nlohmann::json parsed = nlohmann::json::parse(doc, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) {
      return absl::DataLossError(absl::StrCat("corrupt document in ", table_));
    }
    try {
      return parsed.get<T>();
    } catch (const nlohmann::json::exception& e) {
      return absl::DataLossError(absl::StrCat("bad document in ", table_, ": ", e.what()));
    }
  }

  absl::StatusOr<std::vector<T>> Select(const std::string& sql,
                                        const std::vector<SqlValue>& params) const {
    std::vector<std::string> docs;
    absl::Status status =
        tx_.Query(sql, params, [&](const Row& row) { docs.push_back(row.Text(0)); });
    if (!status.ok()) {
      return status;
    }
    std::vector<T> out;
    out.reserve(docs.size());
    for (const std::string& doc : docs) {
      ASSIGN_OR_RETURN(T value, Decode(doc));
      out.push_back(std::move(value));
    }
    return out;
  }

  Transaction& tx_;
  std::string table_;
};

}  // namespace opcsim::store
