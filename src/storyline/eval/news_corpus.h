#pragma once
// Pages labelled news or not, for `storyline train news` and the news figures of
// `storyline eval categories`: WCXB's page types (article: news; product, listing, collection,
// forum, service, documentation: not), the extractor fixtures (news reports) and the Telegram
// contest stream (news pages in the main, as its publishers' feeds were).
#include <string>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/eval/news_training.h"
#include "storyline/label/news_page.h"

namespace storyline::eval {

struct NewsPage {
  Document document;
  bool is_news = true;
  std::string corpus;  // "wcxb", "fixtures", "contest"
  std::string site;    // the page's domain (whole sites are held out together)
  std::string file;    // the file name, to keep gold pages out of training
};

std::vector<NewsPage> load_news_pages(const std::string& data_folder, unsigned threads);

// Weights of the corpora in training: the contest pages are many and only mostly news, so each
// counts less than a page whose type someone checked.
double news_example_weight(const NewsPage& page);

std::vector<label::NewsExample> news_examples(const std::vector<const NewsPage*>& pages);

}  // namespace storyline::eval
