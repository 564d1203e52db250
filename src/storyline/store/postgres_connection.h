#pragma once
// One libpq connection with what the PostgreSQL store's files need: statements with text
// parameters, results read by column, and errors that say what failed. Private to
// src/storyline/store. Plain libpq (Debian's libpq-dev): the C++ wrapper libpqxx 6 in Debian is
// C++17-era and adds little over these few calls.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

namespace storyline::store {

// A statement that failed: libpq's message, and the SQLSTATE code ("57014": cancelled by
// statement_timeout; "42601": syntax error).
class PgError : public std::runtime_error {
 public:
  PgError(const std::string& message, std::string state) : std::runtime_error(message), state_(std::move(state)) {}
  const std::string& state() const { return state_; }

 private:
  std::string state_;
};

// A statement's parameters, $1, $2, ... in order; nullopt is SQL NULL.
using PgParams = std::vector<std::optional<std::string>>;

class PgResult {
 public:
  explicit PgResult(pg_result* result);
  ~PgResult();
  PgResult(PgResult&& other) noexcept;
  PgResult& operator=(PgResult&&) = delete;
  PgResult(const PgResult&) = delete;

  pg_result* raw() const { return result_; }
  int rows() const;
  int affected() const;  // rows an INSERT, UPDATE or DELETE changed
  bool null(int row, int column) const;
  std::string text(int row, int column) const;
  std::optional<std::string> optional_text(int row, int column) const;
  int64_t integer(int row, int column) const;
  std::optional<int64_t> optional_integer(int row, int column) const;
  double real(int row, int column) const;
  std::string bytes(int row, int column) const;  // a bytea column, unescaped

 private:
  pg_result* result_;
};

class PgConnection {
 public:
  // `address`: a libpq connection URI (postgresql://user@host:port/database). Throws
  // std::runtime_error with libpq's reason, the password left out of the address it names.
  explicit PgConnection(const std::string& address);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs one statement; reconnects and runs it again once when the server dropped the connection
  // outside a transaction. Throws PgError.
  PgResult run(const std::string& sql, const PgParams& params = {});
  void exec(const std::string& sql);  // one or more statements, no parameters
  // A bytea parameter, escaped for a text parameter ("\x..." hex).
  static std::string bytea(const std::string& bytes);

  const std::string& address() const { return shown_address_; }
  bool in_transaction = false;  // inside in_transaction(): a write must not open its own

 private:
  PgResult run_once(const std::string& sql, const PgParams& params);
  void configure_session();

  pg_conn* connection_;
  std::string shown_address_;
  std::unordered_map<std::string, std::string> prepared_;  // statement text -> its prepared name
};

// A statement's parameter from a number.
inline std::optional<std::string> pg_number(int64_t value) { return std::to_string(value); }
std::optional<std::string> pg_number(double value);
inline std::optional<std::string> pg_number(const std::optional<int64_t>& value) {
  return value ? std::optional<std::string>(std::to_string(*value)) : std::nullopt;
}

}  // namespace storyline::store
