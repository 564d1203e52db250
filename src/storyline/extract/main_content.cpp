#include "storyline/extract/main_content.h"

#include "storyline/extract/content_boilerplate.h"
#include "storyline/extract/content_scoring.h"
#include "storyline/extract/content_text.h"
#include "storyline/extract/content_tree.h"

namespace storyline::extract {

MainContent extract_main_content(const HtmlDocument& page) {
  ContentTree tree(page);
  mark_boilerplate(tree);
  ContentText collected = collect_text(tree, select_content(tree));
  MainContent content;
  content.text = std::move(collected.text);
  content.html_title = std::move(collected.headline);
  return content;
}

}  // namespace storyline::extract
