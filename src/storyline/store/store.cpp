#include "storyline/store/store.h"

#include "storyline/store/postgres_store.h"
#include "storyline/store/sqlite_store.h"

namespace storyline::store {

bool is_postgres_address(const std::string& address) {
  return address.starts_with("postgresql://") || address.starts_with("postgres://");
}

std::unique_ptr<Store> open_store(const std::string& address) {
  if (is_postgres_address(address)) return std::make_unique<PostgresStore>(address);
  return std::make_unique<SqliteStore>(address);
}

}  // namespace storyline::store
