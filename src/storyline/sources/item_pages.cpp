#include "storyline/sources/item_pages.h"

namespace storyline::sources {
namespace {

void fill(std::optional<std::string>& field, const std::optional<std::string>& fallback) {
  if (!field || field->empty()) field = fallback;
}

}  // namespace

bool is_teaser(const Document& item) { return item.url && (!item.text || item.text->size() < kTeaserTextChars); }

Document merge_item_page(const Document& item, Document page) {
  const size_t item_chars = item.text ? item.text->size() : 0;
  if (!page.text || page.text->size() <= item_chars) return item;
  page.id = item.id;
  page.source = item.source;
  fill(page.url, item.url);
  fill(page.title, item.title);
  fill(page.published, item.published);
  fill(page.author, item.author);
  fill(page.excerpt, item.excerpt);
  fill(page.site_name, item.site_name);
  if (page.images.empty()) page.images = item.images;
  return page;
}

}  // namespace storyline::sources
