#pragma once
// Everything a page says about itself, gathered in one walk over its DOM: the <meta> tags, title,
// headings, canonical link, language and JSON-LD blocks, and the candidates for its date and its
// author (itemprop, <time>, rel=author, bylines, datelines, microformats, short texts holding a
// digit). html_metadata.h chooses each field from these.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storyline/extract/html_document.h"

namespace storyline::extract {

struct PageFacts {
  std::vector<std::pair<std::string, std::string>> metas;  // lower-cased name/property/itemprop -> content
  std::string title_tag;
  std::vector<std::string> h1s;
  std::vector<std::string> h2s;            // blogs often give the post's title an <h2> (the <h1> is the blog)
  std::vector<std::string> site_headings;  // <h1>/<h2> that are the site's logo or name, not a headline
  std::string canonical;
  std::string html_lang;
  std::vector<std::string> jsonld;
  std::vector<std::string> itemprop_dates;     // itemprop=datePublished on visible elements
  std::vector<std::string> marked_time_dates;  // <time pubdate>, <time class="...publish...">
  std::vector<std::string> time_dates;         // any other <time datetime>
  std::vector<std::string> itemprop_authors;
  std::vector<std::string> rel_authors;
  std::vector<std::string> class_bylines;      // class/id author or byline
  std::vector<std::string> labelled_bylines;   // <address>, or short text starting "By", "Von", "Posted by"
  std::vector<std::string> datelines;          // short texts of class/id date, time, publish...
  std::vector<std::string> microformat_dates;  // class="published" title="2013-04-04T18:52:11"
  std::vector<std::string> text_dates;         // any short visible text with a digit, in page order

  std::vector<std::string> meta_all(std::string_view key) const {
    std::vector<std::string> values;
    for (const auto& [name, content] : metas)
      if (name == key && !content.empty()) values.push_back(content);
    return values;
  }
  std::optional<std::string> meta(std::initializer_list<std::string_view> keys) const {
    for (auto key : keys)
      for (const auto& [name, content] : metas)
        if (name == key && !content.empty()) return content;
    return std::nullopt;
  }
};

PageFacts collect_page_facts(const HtmlDocument& page);

}  // namespace storyline::extract
