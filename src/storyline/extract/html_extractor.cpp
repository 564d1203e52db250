#include "storyline/extract/html_extractor.h"

#include "storyline/extract/html_document.h"
#include "storyline/extract/html_metadata.h"
#include "storyline/extract/main_content.h"
#include "storyline/text/html_entities.h"
#include "storyline/text/language.h"
#include "storyline/text/normalize.h"
#include "storyline/text/utf8.h"

namespace storyline::extract {
namespace {

// The article's text from its JSON-LD articleBody: plain text keeps its lines as paragraphs;
// HTML (some publishers put the rendered body there) goes through the same extraction as a page.
std::string article_body_text(std::string_view body) {
  const bool html = body.find("</p>") != std::string_view::npos || body.find("<br") != std::string_view::npos ||
                    body.find("</div>") != std::string_view::npos;
  if (html) {
    std::string page = "<html><body><article>";
    page.append(body);
    page += "</article></body></html>";
    return extract_main_content(HtmlDocument::parse(page)).text;
  }
  return text::clean_body(text::decode_html_entities(body));
}

}  // namespace

Document extract_html(std::string_view utf8_html, const PageContext& context) {
  const HtmlDocument page = HtmlDocument::parse(utf8_html);
  PageMetadata metadata = extract_html_metadata(page, context);
  MainContent content = extract_main_content(page, metadata.title.value_or(""));

  Document document;
  document.source = context.source;
  document.url = metadata.url ? metadata.url : context.url;
  document.title = metadata.title;
  if (!document.title && !content.html_title.empty()) document.title = content.html_title;
  // A page whose body is drawn by scripts holds little of it in the markup, but may give it whole
  // in its JSON-LD: that text wins when it is long and the markup's is under half of it.
  if (metadata.jsonld_article_body && metadata.jsonld_article_body->size() >= 2 * content.text.size() + 400) {
    std::string body = article_body_text(*metadata.jsonld_article_body);
    if (text::utf8_length(body) >= 400 && body.size() >= 2 * content.text.size()) content.text = std::move(body);
  }
  if (!content.text.empty()) document.text = std::move(content.text);
  document.excerpt = metadata.excerpt;
  // The deck under the headline is the standfirst when the page describes itself nowhere else.
  if (!document.excerpt && !content.deck.empty()) document.excerpt = std::move(content.deck);
  document.published = metadata.published;
  document.author = metadata.author;
  document.site_name = metadata.site_name;
  document.section = metadata.section;
  if (metadata.og_type && !metadata.og_type->empty()) document.page_types.push_back("og:" + metadata.og_type->substr(0, 40));
  for (const std::string& type : metadata.schema_types) document.page_types.push_back(type.substr(0, 60));
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
