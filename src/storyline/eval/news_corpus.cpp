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
  examples.reserve(pages.size());
  for (const NewsPage* page : pages)
    examples.push_back({label::news_features(page->document), page->is_news, news_example_weight(*page)});
  return examples;
}

}  // namespace storyline::eval
