#include "storyline/extract/html_extractor.h"

#include "storyline/extract/html_document.h"
#include "storyline/extract/html_metadata.h"
#include "storyline/extract/main_content.h"
#include "storyline/text/language.h"

namespace storyline::extract {

Document extract_html(std::string_view utf8_html, const PageContext& context) {
  const HtmlDocument page = HtmlDocument::parse(utf8_html);
  PageMetadata metadata = extract_html_metadata(page, context);
  MainContent content = extract_main_content(page);

  Document document;
  document.source = context.source;
  document.url = metadata.url ? metadata.url : context.url;
  document.title = metadata.title;
  if (!document.title && !content.html_title.empty()) document.title = content.html_title;
  if (!content.text.empty()) document.text = std::move(content.text);
  document.excerpt = metadata.excerpt;
  // The deck under the headline is the standfirst when the page describes itself nowhere else.
  if (!document.excerpt && !content.deck.empty()) document.excerpt = std::move(content.deck);
  document.published = metadata.published;
  document.author = metadata.author;
  document.site_name = metadata.site_name;
  document.images = std::move(metadata.images);
  // The page's declared language (<html lang>) tips identification when the text is short.
  if (metadata.language) {
    text::LanguageHints hints;
    hints.declared = metadata.language;
    document.language = text::detect_language(document.title.value_or("") + "\n" + document.text.value_or(""), hints);
  }
  return document;
}

}  // namespace storyline::extract
