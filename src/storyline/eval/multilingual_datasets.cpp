#include "storyline/eval/multilingual_datasets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "storyline/core/decompress.h"
#include "storyline/core/input_files.h"
#include "storyline/core/url.h"

namespace storyline::label {
namespace {

namespace fs = std::filesystem;
using Mapping = std::map<std::string, Category, std::less<>>;

std::string read_maybe_gzip(const std::string& path) {
  std::string bytes = read_file_bytes(path);
  return is_gzip(bytes) ? gunzip(bytes) : bytes;
}

// Rows of a tab-separated file whose fields may be quoted CSV-style ("..." with "" for a quote,
// newlines allowed inside): what pandas and Python's csv module write. Hand-written because it is
// twenty lines and no Debian CSV library reads this dialect better.
std::vector<std::vector<std::string>> read_quoted_tsv(std::string_view bytes) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  bool field_started = false;
  for (size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (quoted) {
      if (c == '"' && i + 1 < bytes.size() && bytes[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = field_started = true;
    } else if (c == '\t') {
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\n') {
      if (!field.empty() && field.back() == '\r') field.pop_back();
      row.push_back(std::move(field));
      rows.push_back(std::move(row));
      row.clear();
      field.clear();
      field_started = false;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (field_started || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<Category> mapped(const Mapping& mapping, std::string_view name) {
  const auto found = mapping.find(name);
  if (found == mapping.end()) return std::nullopt;
  return found->second;
}

// Calls `each(json, line number)` for every non-empty line; a line that is not JSON names the file
// and line.
template <typename Each>
void for_each_json_line(const std::string& path, Each&& each) {
  const std::string bytes = read_maybe_gzip(path);
  size_t start = 0;
  size_t number = 0;
  while (start < bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    ++number;
    const std::string_view line(bytes.data() + start, end - start);
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    try {
      each(nlohmann::json::parse(line), number);
    } catch (const nlohmann::json::exception& error) {
      throw std::runtime_error(path + ":" + std::to_string(number) + ": " + error.what());
    }
  }
}

std::string string_field(const nlohmann::json& value, const char* name) {
  const auto found = value.find(name);
  return found != value.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// The path of a URL without host, query or fragment ("/news/business-61792300").
std::string url_path(const std::string& url) {
  size_t start = url.find("://");
  start = start == std::string::npos ? 0 : url.find('/', start + 3);
  if (start == std::string::npos) return {};
  return url.substr(start, url.find_first_of("?#", start) - start);
}

}  // namespace

std::string iso639_1(const std::string& folder) {
  static const std::map<std::string, std::string, std::less<>> kCodes = {
      {"eng", "en"}, {"fra", "fr"}, {"rus", "ru"}, {"deu", "de"}, {"spa", "es"}, {"ita", "it"}, {"por", "pt"},
      {"ukr", "uk"}, {"arb", "ar"}, {"pes", "fa"}, {"zho", "zh"}, {"jpn", "ja"}, {"kor", "ko"}, {"tur", "tr"},
      {"pol", "pl"}, {"amh", "am"}, {"hau", "ha"}, {"ibo", "ig"}, {"lin", "ln"}, {"lug", "lg"}, {"orm", "om"},
      {"run", "rn"}, {"sna", "sn"}, {"som", "so"}, {"swa", "sw"}, {"tir", "ti"}, {"xho", "xh"}, {"yor", "yo"}};
  const std::string code = folder.substr(0, folder.find('_'));
  const auto found = kCodes.find(code);
  return found == kCodes.end() ? code : found->second;
}

std::vector<std::string> language_folders(const std::string& folder) {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error))
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<LabelledText> load_masakhane(const std::string& folder, const std::string& language_folder,
                                         const std::string& split) {
  static const Mapping kMapping = {{"business", Category::kEconomy},     {"entertainment", Category::kEntertainment},
                                   {"health", Category::kScience},       {"politics", Category::kSociety},
                                   {"religion", Category::kSociety},     {"sports", Category::kSports},
                                   {"technology", Category::kTechnology}};
  const fs::path path = fs::path(folder) / language_folder / (split + ".tsv.gz");
  if (!fs::exists(path)) return {};
  const auto rows = read_quoted_tsv(read_maybe_gzip(path.string()));
  std::vector<LabelledText> texts;
  for (size_t i = 1; i < rows.size(); ++i) {  // row 0 is the header
    const auto& row = rows[i];
    if (row.size() < 4)
      throw std::runtime_error(path.string() + ": row " + std::to_string(i + 1) + " has fewer than 4 fields");
    const auto category = mapped(kMapping, row[0]);
    if (!category) continue;
    LabelledText text;
    text.id = "masakhane/" + language_folder + "/" + split + "/" + std::to_string(i);
    text.title = row[1];
    text.text = row[2];
    text.category = *category;
    text.language = iso639_1(language_folder);
    text.publisher = row[3].starts_with("http") ? url_host_without_www(row[3]) : "bbc.com";
    text.url = row[3].starts_with("http") ? url_path(row[3]) : row[3];
    texts.push_back(std::move(text));
  }
  return texts;
}

std::vector<LabelledText> load_sib200(const std::string& folder, const std::string& language_folder,
                                      const std::string& split) {
  static const Mapping kMapping = {{"politics", Category::kSociety},
                                   {"health", Category::kScience},
                                   {"sports", Category::kSports},
                                   {"entertainment", Category::kEntertainment},
                                   {"travel", Category::kOther},
                                   {"geography", Category::kOther},
                                   {"science/technology", Category::kScience}};
  const fs::path path = fs::path(folder) / language_folder / (split + ".tsv.gz");
  if (!fs::exists(path)) return {};
  const auto rows = read_quoted_tsv(read_maybe_gzip(path.string()));
  std::vector<LabelledText> texts;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    if (row.size() < 3)
      throw std::runtime_error(path.string() + ": row " + std::to_string(i + 1) + " has fewer than 3 fields");
    const auto category = mapped(kMapping, row[1]);
    if (!category) continue;
    LabelledText text;
    // The split is in the id: the translation lexicon learns from train and dev, so `eval
    // categories` scores only the test sentences.
    text.id = "sib200/" + language_folder + "/" + split + "/" + row[0];
    text.text = row[2];
    text.category = *category;
    if (row[1] == "science/technology") text.alternative = Category::kTechnology;
    text.language = iso639_1(language_folder);
    text.publisher = "flores";
    texts.push_back(std::move(text));
  }
  return texts;
}

std::vector<LabelledText> load_lenta(const std::string& jsonl_gz_path) {
  static const Mapping kMapping = {{"Society/Russia", Category::kSociety},
                                   {"Security structures", Category::kSociety},
                                   {"Former USSR", Category::kSociety},
                                   {"Economy", Category::kEconomy},
                                   {"Construction", Category::kEconomy},
                                   {"Sports", Category::kSports},
                                   {"Self-Care", Category::kScience},
                                   {"Tourism/Travel", Category::kOther},
                                   {"Science and Technology", Category::kScience}};
  std::vector<LabelledText> texts;
  for_each_json_line(jsonl_gz_path, [&](const nlohmann::json& value, size_t) {
    const std::string topic = string_field(value, "topic");
    const auto category = mapped(kMapping, topic);
    if (!category) return;
    LabelledText text;
    text.id = "lenta/" + string_field(value, "id");
    text.text = string_field(value, "text");
    text.category = *category;
    if (topic == "Science and Technology") text.alternative = Category::kTechnology;
    text.language = "ru";
    // Topic 6 was scraped from ria.ru's tag page (README), the rest from lenta.ru.
    text.publisher = topic == "Construction" ? "ria.ru" : "lenta.ru";
    texts.push_back(std::move(text));
  });
  return texts;
}

std::vector<LabelledText> load_ria(const std::string& jsonl_gz_path) {
  static const Mapping kMapping = {{"society", Category::kSociety},
                                   {"economy", Category::kEconomy},
                                   {"culture", Category::kEntertainment}};
  std::vector<LabelledText> texts;
  for_each_json_line(jsonl_gz_path, [&](const nlohmann::json& value, size_t) {
    const auto category = mapped(kMapping, string_field(value, "topic"));
    if (!category) return;
    LabelledText text;
    const auto id = value.find("id");
    text.id = "ria/" + (id == value.end() ? std::to_string(texts.size())
                        : id->is_string() ? id->get<std::string>()
                                          : id->dump());
    text.title = string_field(value, "title");
    text.text = string_field(value, "text");
    text.category = *category;
    if (const auto topics = value.find("topics"); topics != value.end() && topics->is_array())
      for (const auto& other : *topics)
        if (other.is_string())
          if (auto second = mapped(kMapping, other.get<std::string>()); second && *second != *category)
            text.alternative = second;
    text.language = "ru";
    text.publisher = "ria.ru";
    texts.push_back(std::move(text));
  });
  return texts;
}

std::vector<LabelledText> load_antcorpus(const std::string& jsonl_gz_path) {
  static const Mapping kMapping = {{"internationalNews", Category::kSociety}, {"middleEast", Category::kSociety},
                                   {"localNews", Category::kSociety},         {"politic", Category::kSociety},
                                   {"society", Category::kSociety},           {"economy", Category::kEconomy},
                                   {"technology", Category::kTechnology},     {"sport", Category::kSports},
                                   {"culture", Category::kEntertainment},     {"diverse", Category::kOther}};
  std::vector<LabelledText> texts;
  for_each_json_line(jsonl_gz_path, [&](const nlohmann::json& value, size_t) {
    const auto category = mapped(kMapping, string_field(value, "category"));
    if (!category) return;
    LabelledText text;
    text.id = "antcorpus/" + string_field(value, "id");
    text.title = string_field(value, "title");
    text.text = string_field(value, "text");
    text.category = *category;
    if (const auto also = value.find("also_in"); also != value.end() && also->is_array())
      for (const auto& other : *also)
        if (other.is_string())
          if (auto second = mapped(kMapping, other.get<std::string>()); second && *second != *category)
            text.alternative = second;
    text.language = "ar";
    text.publisher = string_field(value, "source");
    text.url = url_path(string_field(value, "url"));
    texts.push_back(std::move(text));
  });
  return texts;
}

std::vector<LabelledText> load_pt_news(const std::string& jsonl_gz_path) {
  static const Mapping kMapping = {{"politica", Category::kSociety},
                                   {"economia", Category::kEconomy},
                                   {"esportes", Category::kSports},
                                   {"entretenimento", Category::kEntertainment},
                                   {"ciencia e tecnologia", Category::kScience}};
  std::vector<LabelledText> texts;
  for_each_json_line(jsonl_gz_path, [&](const nlohmann::json& value, size_t) {
    const std::string section = string_field(value, "category");
    const auto category = mapped(kMapping, section);
    if (!category) return;
    LabelledText text;
    text.id = "ptnews/" + string_field(value, "id");
    text.title = string_field(value, "title");
    text.text = string_field(value, "text");
    // The text repeats the title as its first line.
    if (!text.title.empty() && text.text.starts_with(text.title)) text.text.erase(0, text.title.size());
    text.category = *category;
    if (section == "ciencia e tecnologia") text.alternative = Category::kTechnology;
    text.language = "pt";
    text.publisher = "pt-news";
    texts.push_back(std::move(text));
  });
  return texts;
}

std::vector<LabelledText> load_fr_headlines(const std::string& jsonl_gz_path) {
  static const Mapping kMapping = {{"france", Category::kSociety},
                                   {"international", Category::kSociety},
                                   {"economie", Category::kEconomy},
                                   {"économie", Category::kEconomy},
                                   {"science_tech", Category::kTechnology},
                                   {"science_high-tech", Category::kTechnology},
                                   {"sports", Category::kSports},
                                   {"divertissements", Category::kEntertainment},
                                   {"culture", Category::kEntertainment},
                                   {"sante", Category::kScience},
                                   {"santé", Category::kScience}};
  std::vector<LabelledText> texts;
  const std::string name = fs::path(jsonl_gz_path).filename().string();
  for_each_json_line(jsonl_gz_path, [&](const nlohmann::json& value, size_t number) {
    const std::string section = string_field(value, "section");
    const auto category = mapped(kMapping, section);
    if (!category) return;
    LabelledText text;
    text.id = "frheadlines/" + name + "/" + std::to_string(number);
    text.title = string_field(value, "title");
    text.category = *category;
    if (*category == Category::kTechnology) text.alternative = Category::kScience;
    text.language = "fr";
    text.publisher = "news.google.fr";
    texts.push_back(std::move(text));
  });
  return texts;
}

std::vector<LabelledText> load_tnews(const std::string& json_path) {
  static const Mapping kMapping = {{"news_story", Category::kOther},
                                   {"news_culture", Category::kEntertainment},
                                   {"news_entertainment", Category::kEntertainment},
                                   {"news_sports", Category::kSports},
                                   {"news_finance", Category::kEconomy},
                                   {"news_house", Category::kEconomy},
                                   {"news_car", Category::kTechnology},
                                   {"news_edu", Category::kSociety},
                                   {"news_tech", Category::kTechnology},
                                   {"news_military", Category::kSociety},
                                   {"news_travel", Category::kOther},
                                   {"news_world", Category::kSociety},
                                   {"news_stock", Category::kEconomy},
                                   {"news_agriculture", Category::kEconomy},
                                   {"news_game", Category::kEntertainment}};
  std::vector<LabelledText> texts;
  for_each_json_line(json_path, [&](const nlohmann::json& value, size_t number) {
    const auto category = mapped(kMapping, string_field(value, "label_desc"));
    if (!category) return;
    LabelledText text;
    text.id = "tnews/" + std::to_string(number);
    text.title = string_field(value, "sentence");
    text.category = *category;
    text.language = "zh";
    text.publisher = "toutiao.com";
    texts.push_back(std::move(text));
  });
  return texts;
}

std::vector<LabelledText> load_reddit_headlines(const std::string& jsonl_gz_path) {
  static const Mapping kMapping = {{"technology", Category::kTechnology}, {"science", Category::kScience},
                                   {"sports", Category::kSports},         {"television", Category::kEntertainment},
                                   {"politics", Category::kSociety},      {"ukraine", Category::kSociety},
                                   {"florida", Category::kSociety},       {"miami", Category::kSociety},
                                   {"FLgovernment", Category::kSociety}};
  std::vector<LabelledText> texts;
  for_each_json_line(jsonl_gz_path, [&](const nlohmann::json& value, size_t number) {
    const auto category = mapped(kMapping, string_field(value, "category"));
    if (!category) return;
    const std::string domain = string_field(value, "domain");
    if (domain == "twitter.com") return;  // tweets, not articles (README)
    LabelledText text;
    text.id = "reddit/" + std::to_string(number);
    text.title = string_field(value, "title");
    text.category = *category;
    text.language = "en";
    text.publisher = domain.starts_with("www.") ? domain.substr(4) : domain;
    text.url = url_path(string_field(value, "link"));
    texts.push_back(std::move(text));
  });
  return texts;
}

}  // namespace storyline::label
