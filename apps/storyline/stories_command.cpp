// storyline stories [--db FILE] [--json] [--format yaml] [--limit N] [--category C] : the ranked
// stories of the store (INTERFACE.md): JSON Lines, front-matter records in seeds/000's layout, or
// a readable list.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.h"
#include "storyline/core/iso_time.h"
#include "storyline/label/category.h"
#include "storyline/pipeline/story_output.h"
#include "storyline/store/store.h"

namespace storyline::cli {
namespace {

struct StoriesOptions {
  std::string db = "storyline.db";
  bool json = false;
  std::string format = "text";
  size_t limit = 20;
  size_t offset = 0;
  std::string category;
  std::string language;
  std::string since;
  std::string storyline;
};

// The readable list: rank, heat, publishers, dates, headline, then the summary bullets.
void print_text(const Story& story, size_t rank, int64_t now_unix) {
  std::cout << rank << ". " << story.title.value_or("(untitled)") << "\n   heat " << std::fixed << std::setprecision(2)
            << pipeline::shown_heat(story, now_unix) << std::defaultfloat << " · " << story.publisher_count
            << " publishers · " << story.article_count << " articles · " << story.category.value_or("?") << " · "
            << (story.first_published ? story.first_published->text() : "undated");
  if (story.last_published && story.last_published != story.first_published)
    std::cout << " – " << story.last_published->text();
  std::cout << "\n";
  for (const StoryBullet& bullet : story.overview.bullets) std::cout << "   • " << bullet.text << "\n";
}

int run_stories(const StoriesOptions& options) {
  if (!options.category.empty() && !label::category_from_name(options.category)) {
    std::cerr << "storyline stories: unknown category '" << options.category << "' (" << label::joined_category_names()
              << ")\n";
    return 2;
  }
  std::optional<int64_t> since;
  if (!options.since.empty()) {
    since = parse_time_or_unix(options.since);
    if (!since) {
      std::cerr << "storyline stories: --since '" << options.since
                << "' is neither an ISO 8601 time nor Unix seconds (e.g. 2019-11-15T00:00:00Z or 1573776000)\n";
      return 2;
    }
  }
  if (!store::is_postgres_address(options.db) && !std::filesystem::exists(options.db)) {
    std::cerr << "storyline stories: " << options.db << ": no such store; run `storyline ingest --db " << options.db
              << " PATH...` first\n";
    return 1;
  }
  std::unique_ptr<store::Store> store;
  try {
    store = store::open_store(options.db);
  } catch (const std::exception& error) {
    std::cerr << "storyline stories: " << error.what() << "\n";
    return 1;
  }
  store::StoryQuery query;
  query.limit = options.limit;
  query.offset = options.offset;
  query.since = since;
  if (!options.category.empty()) query.category = options.category;
  if (!options.language.empty()) query.language = options.language;
  if (!options.storyline.empty()) query.storyline = options.storyline;
  size_t rank = options.offset;
  const int64_t now = pipeline::heat_reference_time(*store);
  for (const Story& story : store->stories().list(query)) {
    ++rank;
    if (options.json) {
      const pipeline::StoryArticles read = pipeline::read_story_articles(*store, story.id);
      std::cout << pipeline::story_to_json(story, read.articles, now, pipeline::StoryDetail::full, read.copies) << "\n";
    } else if (options.format == "yaml") {
      std::cout << pipeline::story_to_front_matter(story, store->stories().articles(story.id), now) << "\n";
    } else {
      print_text(story, rank, now);
    }
  }
  std::cout << std::flush;
  return 0;
}

}  // namespace

Runner add_stories_command(CLI::App& app) {
  auto options = std::make_shared<StoriesOptions>();
  CLI::App* command =
      app.add_subcommand("stories",
                         "The ranked stories of the store, hottest first: a readable list, JSON Lines (--json) or "
                         "front-matter records (--format yaml) with summary bullets, quotes, topics and every article.");
  command->add_option("--db", options->db, "The store file")->capture_default_str();
  command->add_flag("--json", options->json, "One story per line as JSON (INTERFACE.md)");
  command->add_option("--format", options->format, "text, or yaml for front-matter records as in seeds/000")
      ->check(CLI::IsMember({"text", "yaml", "json"}))
      ->capture_default_str();
  command->add_option("--limit", options->limit, "How many stories")->capture_default_str()->check(CLI::Range(1, 1000000));
  command->add_option("--offset", options->offset, "Stories skipped first (the next page: --offset 20)")
      ->capture_default_str();
  command->add_option("--category", options->category, "Only this category");
  command->add_option("--language", options->language, "Only this language (ISO 639-1)");
  command->add_option("--since", options->since,
                      "Only stories with an article published at or after this time (ISO 8601, or Unix seconds)");
  command->add_option("--storyline", options->storyline, "Only the stories of this storyline");
  return [options] {
    StoriesOptions effective = *options;
    if (effective.format == "json") effective.json = true;
    return run_stories(effective);
  };
}

}  // namespace storyline::cli
