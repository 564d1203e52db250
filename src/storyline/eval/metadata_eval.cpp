#include "storyline/eval/metadata_eval.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>

#include "storyline/core/input_files.h"
#include "storyline/core/ordered_parallel.h"
#include "storyline/extract/date_parse.h"
#include "storyline/extract/page_title.h"
#include "storyline/ingest/read_documents.h"

namespace storyline::eval {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct GoldPage {
  std::string name;
  std::string html_path;
  std::optional<std::string> url;
  std::optional<std::string> title, date, author, site_name;
  std::vector<std::string> author_names;  // when the gold lists names rather than one string
  bool author_is_raw_byline = false;
};

std::string comparable(std::string_view text) { return extract::comparable_text(text); }

std::set<std::string> name_set(std::string_view names) {
  // Every name separator becomes a comma (built anew rather than replaced in place: GCC 12 warns
  // falsely about std::string::replace here).
  std::string text;
  for (size_t i = 0; i < names.size();) {
    bool separator = false;
    for (std::string_view word : {" and ", " AND ", " und ", "&", ";"}) {
      if (names.substr(i, word.size()) == word) {
        text += ',';
        i += word.size();
        separator = true;
        break;
      }
    }
    if (!separator) text += names[i++];
  }
  std::set<std::string> set;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find(',', start), text.size());
    std::string key = comparable(text.substr(start, end - start));
    if (!key.empty()) set.insert(std::move(key));
    start = end + 1;
  }
  return set;
}

std::optional<std::string> non_empty(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string() || it->get<std::string>().empty()) return std::nullopt;
  return it->get<std::string>();
}

json read_json(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return json();
  return json::parse(in, nullptr, /*allow_exceptions=*/false);
}

struct Extracted {
  bool readable = false;
  Document document;
};

Extracted extract_page(const GoldPage& page) {
  Extracted result;
  try {
    ingest::RawInput input{page.html_path, read_file_bytes(page.html_path), page.url};
    ingest::ReadResult read = ingest::read_documents(input);
    if (!read.documents.empty()) {
      result.document = std::move(read.documents.front());
      result.readable = true;
    }
  } catch (const std::exception&) {
  }
  return result;
}

void score_field(FieldScore& score, bool correct, const GoldPage& page, const char* field, const std::string& expected,
                 const std::optional<std::string>& got, MetadataScores& scores, const EvalOptions& options) {
  ++score.total;
  if (correct) {
    ++score.correct;
    return;
  }
  const size_t already = std::count_if(scores.misses.begin(), scores.misses.end(),
                                       [&](const Miss& m) { return m.field == field; });
  if (already < options.max_misses_per_field) scores.misses.push_back({page.name, field, expected, got.value_or("(null)")});
}

std::string day_of(const std::optional<std::string>& date) {
  if (!date) return {};
  const auto iso = extract::parse_date_to_iso(*date);
  return iso ? iso->substr(0, 10) : std::string();
}

bool author_matches(const GoldPage& page, const std::optional<std::string>& got) {
  if (!got) return false;
  const std::set<std::string> ours = name_set(*got);
  if (ours.empty()) return false;
  if (page.author_is_raw_byline) {
    const std::string gold = comparable(*page.author);
    return std::all_of(ours.begin(), ours.end(),
                       [&](const std::string& name) { return gold.find(name) != std::string::npos; });
  }
  std::set<std::string> gold;
  if (!page.author_names.empty()) {
    for (const auto& name : page.author_names)
      if (!comparable(name).empty()) gold.insert(comparable(name));
  } else {
    gold = name_set(*page.author);
  }
  return ours == gold;
}

MetadataScores run(const std::string& dataset, const std::vector<GoldPage>& pages, const EvalOptions& options) {
  MetadataScores scores;
  scores.dataset = dataset;
  ordered_parallel_for<Extracted>(
      pages.size(), options.threads, [&](size_t i) { return extract_page(pages[i]); },
      [&](size_t i, Extracted&& extracted) {
        const GoldPage& page = pages[i];
        ++scores.pages;
        if (!extracted.readable) ++scores.unreadable;
        const Document& document = extracted.document;
        if (page.title)
          score_field(scores.title, document.title && comparable(*document.title) == comparable(*page.title), page, "title",
                      *page.title, document.title, scores, options);
        if (page.date) {
          const std::string gold = day_of(page.date);
          score_field(scores.date, !gold.empty() && day_of(document.published) == gold, page, "date", *page.date,
                      document.published, scores, options);
        }
        if (page.author || !page.author_names.empty()) {
          std::string expected = page.author.value_or("");
          for (const auto& name : page.author_names) expected += (expected.empty() ? "" : ", ") + name;
          score_field(scores.author, author_matches(page, document.author), page, "author", expected, document.author,
                      scores, options);
        }
        if (page.site_name)
          score_field(scores.site_name, document.site_name && comparable(*document.site_name) == comparable(*page.site_name),
                      page, "site_name", *page.site_name, document.site_name, scores, options);
      });
  return scores;
}

}  // namespace

MetadataScores evaluate_trafilatura(const std::string& dataset_dir, const EvalOptions& options) {
  const json gold = read_json(fs::path(dataset_dir) / "evaldata.json");
  std::vector<GoldPage> pages;
  if (gold.is_object()) {
    for (const auto& [url, entry] : gold.items()) {
      GoldPage page;
      page.name = entry.value("file", std::string());
      for (const char* folder : {"eval", "cache"}) {
        const fs::path path = fs::path(dataset_dir) / folder / (page.name + ".gz");
        if (page.html_path.empty() && fs::exists(path)) page.html_path = path.string();
      }
      if (page.html_path.empty()) continue;
      page.url = url;
      page.title = non_empty(entry, "title");
      page.date = non_empty(entry, "date");
      page.author = non_empty(entry, "author");
      page.site_name = non_empty(entry, "sitename");
      if (page.title || page.date || page.author || page.site_name) pages.push_back(std::move(page));
    }
  }
  return run("trafilatura-eval", pages, options);
}

MetadataScores evaluate_readability(const std::string& dataset_dir, const EvalOptions& options) {
  std::vector<GoldPage> pages;
  std::vector<fs::path> folders;
  if (fs::is_directory(fs::path(dataset_dir) / "pages"))
    for (const auto& entry : fs::directory_iterator(fs::path(dataset_dir) / "pages")) folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end());
  for (const auto& folder : folders) {
    const json gold = read_json(folder / "expected-metadata.json");
    if (!gold.is_object() || !fs::exists(folder / "source.html.gz")) continue;
    GoldPage page;
    page.name = folder.filename().string();
    page.html_path = (folder / "source.html.gz").string();
    page.title = non_empty(gold, "title");
    page.date = non_empty(gold, "publishedTime");
    page.author = non_empty(gold, "byline");
    page.author_is_raw_byline = true;
    page.site_name = non_empty(gold, "siteName");
    pages.push_back(std::move(page));
  }
  return run("readability-testpages", pages, options);
}

MetadataScores evaluate_goose3(const std::string& fixtures_dir, const EvalOptions& options) {
  std::vector<GoldPage> pages;
  const fs::path root = fs::path(fixtures_dir) / "goose3" / "tests" / "data";
  std::vector<fs::path> files;
  if (fs::is_directory(root))
    for (const auto& entry : fs::recursive_directory_iterator(root))
      if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const json gold = read_json(file);
    fs::path html = file;
    html.replace_extension(".html.gz");
    if (!gold.is_object() || !gold.contains("expected") || !gold["expected"].is_object() || !fs::exists(html)) continue;
    const json& expected = gold["expected"];
    GoldPage page;
    page.name = fs::relative(file, root).string();
    page.html_path = html.string();
    page.url = non_empty(gold, "url");
    page.title = non_empty(expected, "title");
    page.date = non_empty(expected, "publish_date");
    if (expected.contains("authors") && expected["authors"].is_array())
      for (const auto& name : expected["authors"])
        if (name.is_string() && !name.get<std::string>().empty()) page.author_names.push_back(name.get<std::string>());
    if (page.title || page.date || !page.author_names.empty()) pages.push_back(std::move(page));
  }
  return run("goose3", pages, options);
}

MetadataScores evaluate_newspaper4k(const std::string& fixtures_dir, const EvalOptions& options) {
  std::vector<GoldPage> pages;
  const fs::path root = fs::path(fixtures_dir) / "newspaper4k" / "tests" / "data";
  std::vector<fs::path> files;
  if (fs::is_directory(root / "metadata"))
    for (const auto& entry : fs::directory_iterator(root / "metadata"))
      if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const json gold = read_json(file);
    const fs::path html = root / "html" / (file.stem().string() + ".html.gz");
    if (!gold.is_object() || !fs::exists(html)) continue;
    GoldPage page;
    page.name = file.stem().string();
    page.html_path = html.string();
    page.url = non_empty(gold, "url");
    page.title = non_empty(gold, "title");
    page.date = non_empty(gold, "publish_date");
    if (gold.contains("authors") && gold["authors"].is_array())
      for (const auto& name : gold["authors"])
        if (name.is_string() && !name.get<std::string>().empty()) page.author_names.push_back(name.get<std::string>());
    pages.push_back(std::move(page));
  }
  return run("newspaper4k", pages, options);
}

}  // namespace storyline::eval
