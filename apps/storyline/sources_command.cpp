// storyline sources add|list|remove|import|export : the live sources (feeds) the poller fetches.
#include <CLI/CLI.hpp>

#include <iomanip>
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "storyline/core/input_files.h"
#include "storyline/ingest/raw_input.h"
#include "storyline/sources/opml.h"
#include "storyline/sources/source_json.h"
#include "storyline/sources/source_url.h"
#include "storyline/store/store.h"

namespace storyline::cli {
namespace {

struct SourcesOptions {
  std::string db = "storyline.db";
  std::string url;  // add; remove (URL or id)
  std::optional<std::string> name;
  std::optional<std::string> category;
  std::string file;  // import
  bool json = false;
};

std::unique_ptr<store::Store> open_store(const std::string& command, const std::string& db) {
  try {
    return store::open_store(db);
  } catch (const std::exception& error) {
    std::cerr << "storyline sources " << command << ": " << error.what() << "\n";
    return nullptr;
  }
}

int run_add(const SourcesOptions& options) {
  const auto url = sources::normalized_http_url(options.url);
  if (!url) {
    std::cerr << "storyline sources add: '" << options.url << "' is not an absolute http(s) URL\n";
    return 1;
  }
  auto store = open_store("add", options.db);
  if (!store) return 2;
  store::SourceRecord source;
  source.url = *url;
  source.name = options.name;
  source.category = options.category;
  const auto added = store->sources().add(source);
  std::cout << source.id << "\t" << source.url << "\n";
  std::cerr << "storyline sources add: " << source.url
            << (added == store::SourceAdded::kAdded ? ": added" : ": already a source; unchanged") << " (id " << source.id
            << ")\n";
  return 0;
}

std::string or_dash(const std::optional<std::string>& value) { return value ? *value : "-"; }

int run_list(const SourcesOptions& options) {
  auto store = open_store("list", options.db);
  if (!store) return 2;
  for (const auto& source : store->sources().all()) {
    if (options.json) {
      std::cout << sources::source_to_json(source) << "\n";
      continue;
    }
    const auto& state = source.state;
    std::cout << source.id << "\t" << source.url << "\t" << or_dash(source.name) << "\t"
              << (state.last_fetch_at ? storyline::iso_utc(*state.last_fetch_at) : "never") << "\t"
              << (state.last_status ? std::to_string(*state.last_status) : "-") << "\t" << or_dash(state.last_outcome)
              << "\terrors " << state.consecutive_errors << "\titems " << state.items_seen;
    if (state.last_error) std::cout << "\t" << *state.last_error;
    std::cout << "\n";
  }
  return 0;
}

int run_remove(const SourcesOptions& options) {
  auto store = open_store("remove", options.db);
  if (!store) return 2;
  std::optional<store::SourceRecord> source;
  if (!options.url.empty() && options.url.find_first_not_of("0123456789") == std::string::npos) {
    source = store->sources().get(std::stoll(options.url));
  } else if (const auto url = sources::normalized_http_url(options.url)) {
    source = store->sources().by_url(*url);
  }
  if (!source) {
    std::cerr << "storyline sources remove: no source with URL or id '" << options.url << "'\n";
    return 1;
  }
  store->sources().remove(source->id);
  std::cerr << "storyline sources remove: " << source->url << " removed (id " << source->id
            << "); its stored articles stay\n";
  return 0;
}

int run_import(const SourcesOptions& options) {
  sources::OpmlReadResult read;
  try {
    read = sources::read_opml(read_file_bytes(options.file));
  } catch (const std::exception& error) {
    std::cerr << "storyline sources import: " << options.file << ": " << error.what() << "\n";
    return 1;
  }
  auto store = open_store("import", options.db);
  if (!store) return 2;
  size_t added = 0, present = 0;
  store->in_transaction([&] {
    for (const auto& feed : read.feeds) {
      store::SourceRecord source = sources::source_of(feed);
      if (store->sources().add(source) == store::SourceAdded::kAdded) ++added;
      else ++present;
    }
  });
  for (const auto& problem : read.problems)
    std::cerr << "storyline sources import: " << options.file << ": " << problem << "\n";
  std::cerr << "storyline sources import: " << options.file << ": " << added << " added, " << present << " already sources, "
            << read.problems.size() << " skipped\n";
  return read.problems.empty() ? 0 : 1;
}

int run_export(const SourcesOptions& options) {
  auto store = open_store("export", options.db);
  if (!store) return 2;
  std::cout << sources::write_opml(store->sources().all());
  return 0;
}

CLI::App* add_db_option(CLI::App* command, SourcesOptions& options) {
  command->add_option("--db", options.db, "The store file")->capture_default_str();
  return command;
}

}  // namespace

Runner add_sources_command(CLI::App& app) {
  auto options = std::make_shared<SourcesOptions>();
  CLI::App* group = command_group(app, "sources", "Live sources: the feeds `sources poll` and `serve --poll` fetch");

  CLI::App* add = add_db_option(group->add_subcommand("add", "Add a feed by its URL"), *options);
  add->add_option("url", options->url, "The feed's http(s) URL")->required();
  add->add_option("--name", options->name, "A name for the source (default: none)");
  add->add_option("--category", options->category, "A folder for it, like World/Europe (kept in OPML export)");

  CLI::App* list = add_db_option(group->add_subcommand("list", "List sources with their health"), *options);
  list->add_flag("--json", options->json, "JSON Lines, one source per line (as GET /api/sources)");

  CLI::App* remove = add_db_option(group->add_subcommand("remove", "Remove a source (its articles stay)"), *options);
  remove->add_option("source", options->url, "The source's URL or id")->required();

  CLI::App* import = add_db_option(group->add_subcommand("import", "Add the feeds of an OPML file"), *options);
  import->add_option("file", options->file, "The OPML file")->required();

  add_db_option(group->add_subcommand("export", "Print the sources as OPML 2.0"), *options);

  return [options, add, list, remove, import] {
    if (add->parsed()) return run_add(*options);
    if (list->parsed()) return run_list(*options);
    if (remove->parsed()) return run_remove(*options);
    if (import->parsed()) return run_import(*options);
    return run_export(*options);
  };
}

}  // namespace storyline::cli
