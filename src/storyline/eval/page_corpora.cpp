#include "storyline/eval/page_corpora.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "storyline/core/decompress.h"
#include "storyline/core/input_files.h"
#include "storyline/core/ordered_parallel.h"
#include "storyline/core/progress_bar.h"
#include "storyline/core/url.h"
#include "storyline/ingest/read_documents.h"
#include "storyline/label/section_category.h"

namespace storyline::eval {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> files_under(const fs::path& folder, std::string_view suffix) {
  std::vector<std::string> paths;
  std::error_code error;
  if (!fs::is_directory(folder, error)) return paths;
  for (const auto& entry : fs::recursive_directory_iterator(folder, error))
    if (entry.is_regular_file() && entry.path().string().ends_with(suffix)) paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  return paths;
}

nlohmann::json read_json_file(const std::string& path) {
  std::string bytes = read_file_bytes(path);
  if (is_gzip(bytes)) bytes = gunzip(bytes);
  return nlohmann::json::parse(bytes);
}

}  // namespace

std::vector<PageFile> contest_page_files(const std::string& data_folder) {
  std::vector<PageFile> files;
  for (auto& path : files_under(fs::path(data_folder) / "news" / "telegram-contest-2019-11", ".html.gz"))
    files.push_back({std::move(path), std::nullopt, "contest", ""});
  return files;
}

std::vector<PageFile> trafilatura_page_files(const std::string& data_folder) {
  const fs::path root = fs::path(data_folder) / "extraction" / "trafilatura-eval";
  std::vector<PageFile> files;
  if (!fs::exists(root / "evaldata.json")) return files;
  const nlohmann::json gold = read_json_file((root / "evaldata.json").string());
  for (const auto& [url, entry] : gold.items()) {
    const std::string name = entry.value("file", "") + ".gz";
    for (const char* folder : {"eval", "cache"})
      if (fs::exists(root / folder / name)) {
        files.push_back({(root / folder / name).string(), url, "trafilatura", ""});
        break;
      }
  }
  std::sort(files.begin(), files.end(), [](const PageFile& a, const PageFile& b) { return a.path < b.path; });
  return files;
}

std::vector<PageFile> wcxb_page_files(const std::string& data_folder) {
  const fs::path root = fs::path(data_folder) / "extraction" / "wcxb-dev";
  std::vector<PageFile> files;
  std::ifstream types(root / "page_types.tsv");
  std::string line;
  std::getline(types, line);  // header: id, page_type, domain, spa
  while (std::getline(types, line)) {
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const std::string id = line.substr(0, tab);
    const std::string type = line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1);
    if (type.empty() || type == "unlabelled") continue;
    const fs::path html = root / "html" / (id + ".html.gz");
    const fs::path truth = root / "ground-truth" / (id + ".json.gz");
    if (!fs::exists(html)) continue;
    std::optional<std::string> url;
    if (fs::exists(truth)) {
      const nlohmann::json gold = read_json_file(truth.string());
      if (gold.contains("url") && gold["url"].is_string()) url = gold["url"].get<std::string>();
    }
    files.push_back({html.string(), url, "wcxb", type});
  }
  return files;
}

std::vector<PageFile> fixture_page_files(const std::string& data_folder) {
  std::vector<PageFile> files;
  for (auto& path : files_under(fs::path(data_folder) / "extraction" / "extractor-test-fixtures", ".html.gz"))
    files.push_back({std::move(path), std::nullopt, "fixtures", ""});
  return files;
}

std::vector<Document> read_pages(const std::vector<PageFile>& files, unsigned threads, const std::string& label) {
  std::vector<Document> documents(files.size());
  ProgressBar progress(label, files.size());
  ordered_parallel_for<Document>(
      files.size(), threads,
      [&](size_t i) {
        Document document;
        try {
          ingest::RawInput input{files[i].path, read_file_bytes(files[i].path), files[i].url};
          auto result = ingest::read_documents(input);
          if (!result.documents.empty()) document = std::move(result.documents.front());
        } catch (const std::exception&) {
          // An unreadable page teaches nothing; it stays empty and is skipped by the labellers.
        }
        document.source = files[i].path;
        if (!document.url && files[i].url) document.url = files[i].url;
        return document;
      },
      [&](size_t i, Document&& document) {
        documents[i] = std::move(document);
        progress.advance();
      });
  return documents;
}

label::LabelledText as_labelled_text(const Document& document, const std::string& id, label::Category category) {
  label::LabelledText text;
  text.id = id;
  text.title = document.title.value_or("");
  text.text = document.text && !document.text->empty() ? *document.text : document.excerpt.value_or("");
  text.category = category;
  text.language = document.language.value_or("");
  text.url = document.url.value_or("");
  text.section = document.section.value_or("");
  text.publisher = document.domain ? *document.domain : url_host_without_www(text.url);
  return text;
}

namespace {

// Every readable page with the category its section names (nullopt: none), in order.
template <typename Visit>
void for_each_page_section(const std::vector<PageFile>& files, const std::vector<Document>& documents, Visit&& visit) {
  for (size_t i = 0; i < files.size() && i < documents.size(); ++i) {
    const Document& document = documents[i];
    if (!document.title && !document.text) continue;
    visit(files[i], document, label::section_category(document.url.value_or(""), document.section.value_or("")));
  }
}

}  // namespace

std::vector<label::LabelledText> section_labelled(const std::vector<PageFile>& files,
                                                  const std::vector<Document>& documents) {
  std::vector<label::LabelledText> texts;
  for_each_page_section(files, documents,
                        [&](const PageFile& file, const Document& document, std::optional<label::Category> category) {
                          if (category)
                            texts.push_back(as_labelled_text(document,
                                                             file.corpus + "/" + fs::path(file.path).filename().string(),
                                                             *category));
                        });
  return texts;
}

std::vector<label::LabelledText> unlabelled_pages(const std::vector<PageFile>& files,
                                                  const std::vector<Document>& documents) {
  std::vector<label::LabelledText> texts;
  for_each_page_section(files, documents,
                        [&](const PageFile& file, const Document& document, std::optional<label::Category> category) {
                          if (!category)
                            texts.push_back(as_labelled_text(document, "pseudo/" + fs::path(file.path).filename().string(),
                                                             label::Category::kOther));
                        });
  return texts;
}

}  // namespace storyline::eval
