#pragma once
// The page's elements flattened in document order, with what the main-content extractor needs to
// know about each (tag kind, class/id words, text and link counts). Built once per page by an
// iterative walk, so no recursion depth depends on the input's nesting.
#include <cstdint>
#include <string>
#include <vector>

#include "storyline/extract/html_document.h"

namespace storyline::extract {

enum class ContentTag : uint8_t {
  kOther,  // unknown or inline: span, a, em, custom elements...
  kAnchor,
  kBreak,
  kParagraph,
  kHeading1,
  kHeading,   // h2..h6
  kList,      // ul, ol, dl
  kListItem,  // li, dt, dd
  kBlockquote,
  kPre,
  kTable,
  kTableRow,
  kTableCell,
  kDiv,  // div, section, center, details...: generic blocks
  kArticle,
  kMain,
  kBody,
  kFigure,
  kCaption,  // figcaption, table caption
  kHeader,
  kFooter,
  kNav,
  kAside,
  kForm,
  kSkipped,  // never text: script, style, svg, iframe, form controls, head...
};

// Whether text inside this tag flows in its parent's line (inline) or starts a new block.
bool is_block(ContentTag tag);

struct ContentElement {
  xmlNodePtr node = nullptr;
  int32_t parent = -1;  // index, -1 for the root
  int32_t end = 0;      // one past the last index of this element's subtree
  ContentTag tag = ContentTag::kOther;
  bool removed = false;  // boilerplate: this subtree is not article text
  bool has_block_children = false;
  bool in_anchor = false;
  bool effectively_removed = false;  // this or an ancestor is removed
  int32_t owner = -1;                // nearest block ancestor-or-self
  std::string class_and_id;          // lower-cased "class id", for the pattern rules
  std::string role, itemprop;
  // Counts over the subtree (removed subtrees excluded once marked and recounted).
  int32_t chars = 0;       // non-space characters (code points)
  int32_t link_chars = 0;  // of which inside <a>
  int32_t commas = 0;
  int32_t paragraphs = 0;     // <p> elements with text
  int32_t initial_chars = 0;  // `chars` before anything was removed
  // Counts of the text directly owned by this block (its inline content), for paragraph scoring.
  int32_t own_chars = 0;
  int32_t own_link_chars = 0;
  int32_t own_commas = 0;
};

class ContentTree {
 public:
  // A run of text (one text node) and the element that holds it.
  struct TextRun {
    int32_t element;
    int32_t chars;
    int32_t commas;
  };
  explicit ContentTree(const HtmlDocument& page);

  std::vector<ContentElement>& elements() { return elements_; }
  const std::vector<ContentElement>& elements() const { return elements_; }
  // Recomputes the counts, leaving out removed subtrees.
  void count_text();
  const std::vector<TextRun>& runs() const { return runs_; }
  // Whether `ancestor` is `index` or contains it.
  bool contains(int32_t ancestor, int32_t index) const { return index >= ancestor && index < elements_[ancestor].end; }

 private:
  std::vector<ContentElement> elements_;
  std::vector<TextRun> runs_;
};

ContentTag classify_tag(const xmlChar* name);

}  // namespace storyline::extract
