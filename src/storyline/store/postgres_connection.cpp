#include "storyline/store/postgres_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace storyline::store {
namespace {

// "postgresql://user:secret@host/db" is named without its password in errors and logs.
std::string without_password(const std::string& address) {
  const size_t scheme = address.find("://");
  const size_t at = address.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return address;
  const size_t colon = address.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return address;
  return address.substr(0, colon) + ":***" + address.substr(at);
}

std::string trimmed_message(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

PgResult::PgResult(pg_result* result) : result_(result) {}
PgResult::~PgResult() {
  if (result_) PQclear(result_);
}
PgResult::PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }

int PgResult::rows() const { return PQntuples(result_); }
int PgResult::affected() const {
  const char* count = PQcmdTuples(result_);
  return count && *count ? std::atoi(count) : 0;
}
bool PgResult::null(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }
std::string PgResult::text(int row, int column) const {
  return std::string(PQgetvalue(result_, row, column), static_cast<size_t>(PQgetlength(result_, row, column)));
}
std::optional<std::string> PgResult::optional_text(int row, int column) const {
  if (null(row, column)) return std::nullopt;
  return text(row, column);
}
int64_t PgResult::integer(int row, int column) const {
  const char* value = PQgetvalue(result_, row, column);
  int64_t number = 0;
  std::from_chars(value, value + PQgetlength(result_, row, column), number);
  return number;
}
std::optional<int64_t> PgResult::optional_integer(int row, int column) const {
  if (null(row, column)) return std::nullopt;
  return integer(row, column);
}
double PgResult::real(int row, int column) const { return std::strtod(PQgetvalue(result_, row, column), nullptr); }
std::string PgResult::bytes(int row, int column) const {
  size_t length = 0;
  unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row, column)), &length);
  if (!raw) return {};
  std::string value(reinterpret_cast<const char*>(raw), length);
  PQfreemem(raw);
  return value;
}

PgConnection::PgConnection(const std::string& address)
    : connection_(PQconnectdb(address.c_str())), shown_address_(without_password(address)) {
  if (!connection_ || PQstatus(connection_) != CONNECTION_OK) {
    const std::string reason = connection_ ? trimmed_message(PQerrorMessage(connection_)) : "out of memory";
    if (connection_) PQfinish(connection_);
    throw std::runtime_error(shown_address_ + ": cannot connect to PostgreSQL: " + reason);
  }
  // Notices (e.g. "relation already exists, skipping") are not errors: keep them off stderr.
  PQsetNoticeProcessor(
      connection_, [](void*, const char*) {}, nullptr);
  configure_session();
}

PgConnection::~PgConnection() { PQfinish(connection_); }

PgResult PgConnection::run(const std::string& sql, const PgParams& params) {
  try {
    return run_once(sql, params);
  } catch (const PgError&) {
    // The server went away (restarted, a proxy's idle cut): outside a transaction the statement
    // is run again once on a new connection. Every write of the store is idempotent (keyed by
    // ids), so one that did reach the server before the cut changes nothing the second time.
    // Inside a transaction the caller's work is lost with the connection: the error goes on.
    if (PQstatus(connection_) != CONNECTION_BAD || in_transaction) throw;
    PQreset(connection_);
    if (PQstatus(connection_) != CONNECTION_OK) throw;
    prepared_.clear();
    configure_session();
    return run_once(sql, params);
  }
}

void PgConnection::configure_session() {
  // Times without a zone are read as UTC, as the SQLite store reads them.
  run_once("SET TimeZone = 'UTC'", {});
}

PgResult PgConnection::run_once(const std::string& sql, const PgParams& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  pg_result* raw = nullptr;
  if (params.empty()) {
    raw = PQexec(connection_, sql.c_str());
  } else {
    // Prepared once per connection and text, then only executed: ingest runs a few statements
    // thousands of times, and parsing and planning each again cost as much as running it.
    auto [slot, inserted] = prepared_.try_emplace(sql, "s" + std::to_string(prepared_.size()));
    if (inserted) {
      PgResult prepared(PQprepare(connection_, slot->second.c_str(), sql.c_str(), static_cast<int>(values.size()), nullptr));
      if (PQresultStatus(prepared.raw()) != PGRES_COMMAND_OK) {
        const std::string message = trimmed_message(PQerrorMessage(connection_));
        const char* state = PQresultErrorField(prepared.raw(), PG_DIAG_SQLSTATE);
        prepared_.erase(slot);
        throw PgError(shown_address_ + ": " + message, state ? state : "");
      }
    }
    raw = PQexecPrepared(connection_, slot->second.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr,
                         0);
  }
  PgResult result(raw);
  const ExecStatusType status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const char* state = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
    throw PgError(shown_address_ + ": " + trimmed_message(PQerrorMessage(connection_)), state ? state : "");
  }
  return result;
}

void PgConnection::exec(const std::string& sql) { run(sql); }

std::string PgConnection::bytea(const std::string& bytes) {
  static const char* kHex = "0123456789abcdef";
  std::string text = "\\x";
  text.reserve(2 + bytes.size() * 2);
  for (const unsigned char byte : bytes) {
    text += kHex[byte >> 4];
    text += kHex[byte & 15];
  }
  return text;
}

std::optional<std::string> pg_number(double value) {
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

}  // namespace storyline::store
