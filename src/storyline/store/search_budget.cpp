#include "storyline/store/search_budget.h"

#include <sqlite3.h>

#include <string>

namespace storyline::store {
namespace {

// SQLite calls the handler every this many virtual machine instructions: often enough to stop
// within a millisecond or so, rarely enough to cost nothing measurable.
constexpr int kInstructionsBetweenChecks = 1000;

size_t term_count(std::string_view query) {
  size_t terms = 0;
  bool in_term = false, in_phrase = false;
  for (char c : query) {
    if (c == '"') {
      if (!in_phrase) ++terms;
      in_phrase = !in_phrase;
      in_term = false;
    } else if (in_phrase) {
      continue;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')') {
      in_term = false;
    } else if (!in_term) {
      in_term = true;
      ++terms;
    }
  }
  return terms;
}

}  // namespace

void check_search_query(std::string_view query) {
  if (query.size() > kMostSearchQueryBytes)
    throw std::invalid_argument("search query too long: " + std::to_string(query.size()) + " bytes, at most " +
                                std::to_string(kMostSearchQueryBytes));
  if (const size_t terms = term_count(query); terms > kMostSearchTerms)
    throw std::invalid_argument("search query has too many terms: " + std::to_string(terms) + ", at most " +
                                std::to_string(kMostSearchTerms) + " (words, \"phrases\" and OR/AND/NOT)");
}

SearchTimeout::SearchTimeout(std::chrono::milliseconds budget)
    : std::runtime_error("search took longer than its budget of " + std::to_string(budget.count()) +
                         " ms: narrow it (fewer terms, no leading wildcards)") {}

QueryDeadline::QueryDeadline(sqlite3* db, std::chrono::milliseconds budget)
    : db_(db), deadline_(std::chrono::steady_clock::now() + budget) {
  sqlite3_progress_handler(db_, kInstructionsBetweenChecks, &QueryDeadline::check, this);
}

QueryDeadline::~QueryDeadline() { sqlite3_progress_handler(db_, 0, nullptr, nullptr); }

int QueryDeadline::check(void* self) {
  auto* deadline = static_cast<QueryDeadline*>(self);
  if (std::chrono::steady_clock::now() < deadline->deadline_) return 0;
  deadline->expired_ = true;
  return 1;  // non-zero: SQLite interrupts the statement
}

}  // namespace storyline::store
