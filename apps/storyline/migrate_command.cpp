// storyline migrate [--db ADDRESS]: brings a store's schema to this build's version and says so,
// before the roles that share it start (a PostgreSQL database shared by several machines is
// migrated once, by one command, not by whichever process opens it first).
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

#include "commands.h"
#include "storyline/store/store.h"

namespace storyline::cli {
namespace {

struct MigrateOptions {
  std::string db = "storyline.db";
};

int run_migrate(const MigrateOptions& options) {
  if (!store::is_postgres_address(options.db) && !std::filesystem::exists(options.db)) {
    std::cerr << "storyline migrate: " << options.db << ": no such store (ingest or serve --create makes one)\n";
    return 1;
  }
  try {
    const std::unique_ptr<store::Store> store = store::open_store(options.db);
    const std::string integrity = store->integrity_check();
    std::cout << "schema version " << store->schema_version() << ", integrity " << integrity << "\n";
    return integrity == "ok" ? 0 : 1;
  } catch (const std::exception& error) {
    std::cerr << "storyline migrate: " << error.what() << "\n";
    return 1;
  }
}

}  // namespace

Runner add_migrate_command(CLI::App& app) {
  auto options = std::make_shared<MigrateOptions>();
  CLI::App* command = app.add_subcommand(
      "migrate", "Brings the store's schema to this build's version (a file, or postgresql://...) and checks it.");
  command->add_option("--db", options->db, "The store: a file, or postgresql://user@host/database")->capture_default_str();
  return [options] { return run_migrate(*options); };
}

}  // namespace storyline::cli
