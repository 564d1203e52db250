#include "storyline/eval/news_corpus.h"

#include <filesystem>

#include "storyline/eval/page_corpora.h"

namespace storyline::eval {

std::vector<NewsPage> load_news_pages(const std::string& data_folder, unsigned threads) {
  std::vector<PageFile> files = wcxb_page_files(data_folder);
  for (auto& file : fixture_page_files(data_folder)) files.push_back(std::move(file));
  for (auto& file : contest_page_files(data_folder)) files.push_back(std::move(file));
  std::vector<Document> documents = read_pages(files, threads, "reading pages");
  std::vector<NewsPage> pages;
  pages.reserve(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    NewsPage page;
    page.is_news = files[i].corpus != "wcxb" || files[i].page_type == "article";
    page.corpus = files[i].corpus;
    page.file = std::filesystem::path(files[i].path).filename().string();
    page.site = documents[i].domain.value_or(page.file);
    page.document = std::move(documents[i]);
    if (!page.document.title && !page.document.text) continue;
    pages.push_back(std::move(page));
  }
  return pages;
}

double news_example_weight(const NewsPage& page) { return page.corpus == "contest" ? 0.25 : 1.0; }

std::vector<label::NewsExample> news_examples(const std::vector<const NewsPage*>& pages) {
  std::vector<label::NewsExample> examples;
  examples.reserve(2 * pages.size());
  for (const NewsPage* page : pages) {
    const double weight = news_example_weight(*page);
    if (!page->document.url) {
      examples.push_back({label::news_features(page->document), page->is_news, weight});
      continue;
    }
    // A saved page read from a file has no URL: each page is also learned without its URL, so
    // that its text and markup decide alone when the URL is missing.
    examples.push_back({label::news_features(page->document), page->is_news, weight / 2});
    Document without_url = page->document;
    without_url.url.reset();
    examples.push_back({label::news_features(without_url), page->is_news, weight / 2});
  }
  return examples;
}

}  // namespace storyline::eval
