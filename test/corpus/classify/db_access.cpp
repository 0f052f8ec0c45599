// Database clients: sqlite3, libpq (PostgreSQL), hiredis (Redis). All io.db, except helpers that
// never touch the connection.
// Traps: a repository class whose methods reach sqlite3 through a private helper; a
// string-escaping helper in the same file is cpu (a loop over the characters), not db.
#include <string>
#include <utility>
#include <vector>

#include "hiredis_api.h"
#include "libpq_api.h"
#include "sqlite3_api.h"

namespace db {

// expect: io.db
sqlite3 *open_database(const char *path) {
  sqlite3 *handle = nullptr;
  if (sqlite3_open(path, &handle) != SQLITE_OK) {
    sqlite3_close(handle);
    return nullptr;
  }
  sqlite3_exec(handle, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
  return handle;
}

// expect: io.db
int count_users(sqlite3 *handle) {
  sqlite3_stmt *stmt = nullptr;
  if (sqlite3_prepare_v2(handle, "SELECT COUNT(*) FROM users", -1, &stmt, nullptr) != SQLITE_OK)
    return -1;
  int n = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;
  sqlite3_finalize(stmt);
  return n;
}

// expect: io.db
bool insert_scores(sqlite3 *handle, const std::vector<std::pair<std::string, double>> &rows) {
  sqlite3_exec(handle, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt *stmt = nullptr;
  sqlite3_prepare_v2(handle, "INSERT INTO scores(name, value) VALUES(?, ?)", -1, &stmt, nullptr);
  for (const auto &[name, value] : rows) {
    sqlite3_bind_text(stmt, 1, name.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(stmt, 2, value);
    if (sqlite3_step(stmt) != SQLITE_DONE)
      break;
    sqlite3_reset(stmt);
  }
  sqlite3_finalize(stmt);
  return sqlite3_exec(handle, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
}

// expect: io.db
PGconn *pg_connect(const std::string &conninfo) {
  PGconn *conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    PQfinish(conn);
    return nullptr;
  }
  return conn;
}

// expect: io.db
std::vector<std::string> pg_customer_names(PGconn *conn) {
  std::vector<std::string> names;
  PGresult *res = PQexec(conn, "SELECT name FROM customers ORDER BY id");
  if (PQresultStatus(res) == PGRES_TUPLES_OK) {
    for (int i = 0; i < PQntuples(res); ++i)
      names.emplace_back(PQgetvalue(res, i, 0));
  }
  PQclear(res);
  return names;
}

// expect: io.db
bool pg_mark_shipped(PGconn *conn, const std::vector<std::string> &order_ids) {
  for (const auto &id : order_ids) {
    const char *params[1] = {id.c_str()};
    PGresult *res = PQexecParams(conn, "UPDATE orders SET shipped = true WHERE id = $1", 1,
                                 nullptr, params, nullptr, nullptr, 0);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    if (!ok)
      return false;
  }
  return true;
}

// expect: io.db
std::string redis_get(redisContext *ctx, const std::string &key) {
  auto *reply = static_cast<redisReply *>(redisCommand(ctx, "GET %s", key.c_str()));
  std::string value;
  if (reply && reply->type == REDIS_REPLY_STRING)
    value.assign(reply->str, reply->len);
  freeReplyObject(reply);
  return value;
}

// expect: io.db
long long redis_bump_all(redisContext *ctx, const std::vector<std::string> &keys) {
  long long total = 0;
  for (const auto &k : keys) {
    auto *reply = static_cast<redisReply *>(redisCommand(ctx, "INCR %s", k.c_str()));
    if (reply && reply->type == REDIS_REPLY_INTEGER)
      total += reply->integer;
    freeReplyObject(reply);
  }
  return total;
}

// expect: cpu
std::string escape_identifier(const std::string &raw) {
  std::string out = "\"";
  for (char c : raw) {
    if (c == '"')
      out += "\"\"";
    else
      out += c;
  }
  out += '"';
  return out;
}

class UserRepository {
public:
  // expect: trivial
  explicit UserRepository(sqlite3 *handle) : handle_(handle) {}

  // expect: io.db
  std::string find_name(int id) {
    sqlite3_stmt *stmt = prepare("SELECT name FROM users WHERE id = ?");
    sqlite3_bind_int(stmt, 1, id);
    std::string name;
    if (sqlite3_step(stmt) == SQLITE_ROW)
      name = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return name;
  }

  // expect: io.db
  bool rename(int id, const std::string &name) {
    sqlite3_stmt *stmt = prepare("UPDATE users SET name = ? WHERE id = ?");
    sqlite3_bind_text(stmt, 1, name.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(stmt, 2, id);
    bool ok = sqlite3_step(stmt) == SQLITE_DONE;
    sqlite3_finalize(stmt);
    ++writes_;
    return ok;
  }

  // expect: trivial
  int writes() const { return writes_; }

private:
  // expect: io.db
  sqlite3_stmt *prepare(const char *sql) {
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(handle_, sql, -1, &stmt, nullptr);
    return stmt;
  }

  sqlite3 *handle_;
  int writes_ = 0;
};

} // namespace db
