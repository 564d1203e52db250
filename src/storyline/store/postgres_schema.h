#pragma once
// The PostgreSQL store's schema as an ordered list of migrations, one for each of the SQLite
// store's (schema.h), so that both report the same schema version for the same tables. Never edit
// a released migration: add a new one to both lists.
#include <string_view>
#include <vector>

namespace storyline::store {

const std::vector<std::string_view>& postgres_migrations();

}  // namespace storyline::store
