#include "storyline/extract/main_content.h"

#include "storyline/extract/content_boilerplate.h"
#include "storyline/extract/content_scoring.h"
#include "storyline/extract/content_text.h"
#include "storyline/extract/content_tree.h"

namespace storyline::extract {

namespace {

// Below this many bytes of text the class/id rules probably removed the article itself (a
// wrapper named "sidebar-layout"), and the extraction is retried without them.
constexpr size_t kTooLittleText = 300;

}  // namespace

MainContent extract_main_content(const HtmlDocument& page, std::string_view title) {
  ContentTree tree(page);
  mark_boilerplate(tree);
  ContentText collected = collect_text(tree, select_content(tree, title));
  if (collected.text.size() < kTooLittleText) {
    mark_boilerplate(tree, /*trust_names=*/false);
    ContentText retry = collect_text(tree, select_content(tree, title));
    // A short article found with the names is kept unless the names hid much more text: what
    // the retry adds to a short article is mostly the chrome the names removed.
    if (retry.text.size() > 2 * collected.text.size()) collected = std::move(retry);
  }
  MainContent content;
  content.text = std::move(collected.text);
  content.html_title = std::move(collected.headline);
  content.deck = std::move(collected.deck);
  return content;
}

}  // namespace storyline::extract
