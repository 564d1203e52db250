#include "storyline/extract/content_text.h"

#include <cctype>
#include <unordered_set>

#include "storyline/core/ascii.h"
#include "storyline/extract/content_boilerplate.h"
#include "storyline/extract/content_paragraph_filter.h"

namespace storyline::extract {
namespace {

double link_density(const ContentElement& element) {
  return element.chars > 0 ? double(element.link_chars) / double(element.chars) : 0.0;
}

// Readability's conditional cleaning, simplified: inside the article, blocks made mostly of
// links are lists of other stories, tag clouds or share bars that escaped the class rules.
bool is_link_block(const ContentElement& element) {
  if (element.chars == 0) return false;
  const double density = link_density(element);
  switch (element.tag) {
    case ContentTag::kList: return density > 0.5;
    case ContentTag::kDiv:
    case ContentTag::kTable:
    case ContentTag::kForm:
    case ContentTag::kHeader:
    case ContentTag::kFigure:
      if (element.commas >= 10 && density < 0.5) return false;
      return density > (class_weight(element) >= 25 ? 0.5 : 0.33);
    default: return false;
  }
}

void append_collapsed(std::string& out, const char* text) {
  bool space = !out.empty() && out.back() == ' ';
  for (const char* c = text; *c; ++c) {
    const char ch = *c;
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f') {
      if (!space && !out.empty()) out += ' ';
      space = true;
    } else {
      out += ch;
      space = false;
    }
  }
}

// Text of an element's subtree, whitespace collapsed (for the headline).
std::string flat_text(xmlNodePtr node) {
  std::string out;
  xmlChar* content = xmlNodeGetContent(node);
  if (content) {
    append_collapsed(out, reinterpret_cast<const char*>(content));
    xmlFree(content);
  }
  return trimmed(out, " ");
}

// Alt texts long enough to be a picture's description (short ones are "photo", "logo"), whitespace
// collapsed: a block repeating one is the picture's caption.
constexpr size_t kShortestCaptionAlt = 20;

void collect_image_alts(xmlNodePtr top, std::vector<std::string>& alts) {
  for_each_descendant(top, [&](xmlNodePtr node) {
    if (node->type == XML_ELEMENT_NODE && xmlStrcasecmp(node->name, BAD_CAST "img") == 0) {
      if (xmlChar* alt = xmlGetProp(node, BAD_CAST "alt")) {
        std::string collapsed;
        append_collapsed(collapsed, reinterpret_cast<const char*>(alt));
        xmlFree(alt);
        const std::string text = trimmed(collapsed, " ");
        if (text.size() >= kShortestCaptionAlt) alts.push_back(text);  // a copy: GCC 12 warns falsely on the move
      }
    }
    return true;
  });
}

// Captions are set in plain blocks (<div>, <figcaption>, <span>); a paragraph, heading or list
// item saying what a picture shows is the text of a photo story.
bool kind_may_be_caption(ContentTag kind) {
  switch (kind) {
    case ContentTag::kParagraph:
    case ContentTag::kBlockquote:
    case ContentTag::kPre:
    case ContentTag::kHeading1:
    case ContentTag::kHeading:
    case ContentTag::kListItem: return false;
    default: return true;
  }
}

// Labels of the summary boxes some publishers set above the body, lower-case.
bool is_summary_label(const std::string& text) {
  std::string lower;
  for (unsigned char c : text)
    if (c != ':') lower += static_cast<char>(std::tolower(c));
  // Not "highlights" alone (a blog post may have a section of that name), nor "Das Wichtigste in
  // Kürze", whose bullets trafilatura-eval counts as the text.
  static constexpr std::string_view kLabels[] = {"story highlights", "key points", "key takeaways"};
  for (std::string_view label : kLabels)
    if (lower == label) return true;
  return false;
}

// A paragraph right after a picture, saying exactly its alt text (<img alt="Izaskun Lesaka."><p>Izaskun
// Lesaka.</p>), is the picture's caption.
bool repeats_image_alt(xmlNodePtr paragraph) {
  xmlNodePtr previous = paragraph->prev;
  while (previous && previous->type != XML_ELEMENT_NODE) {
    if (previous->type == XML_TEXT_NODE && previous->content) {
      for (const xmlChar* c = previous->content; *c; ++c)
        if (*c != ' ' && *c != '\n' && *c != '\t' && *c != '\r') return false;
    }
    previous = previous->prev;
  }
  if (!previous || xmlStrcasecmp(previous->name, BAD_CAST "img") != 0) return false;
  xmlChar* alt = xmlGetProp(previous, BAD_CAST "alt");
  if (!alt) return false;
  std::string alt_text;
  append_collapsed(alt_text, reinterpret_cast<const char*>(alt));
  xmlFree(alt);
  alt_text = trimmed(alt_text, " ");
  return !alt_text.empty() && flat_text(paragraph) == alt_text;
}

class ParagraphWriter {
 public:
  ParagraphWriter(std::string headline, std::vector<std::string> image_alts)
      : headline_(std::move(headline)), image_alts_(std::move(image_alts)) {}

  void start(ContentTag kind) {
    if (buffer_.empty()) kind_ = kind;
  }
  void add_text(const char* text, bool in_link) {
    const size_t before = buffer_.size();
    append_collapsed(buffer_, text);
    const size_t added = buffer_.size() - before;
    chars_ += added;
    if (in_link) link_chars_ += added;
  }
  void flush() {
    std::string paragraph = trimmed(buffer_, " ");
    const ContentTag kind = kind_;
    const double density = chars_ ? double(link_chars_) / double(chars_) : 0.0;
    buffer_.clear();
    chars_ = link_chars_ = 0;
    if (paragraph.empty()) return;
    if (kind == ContentTag::kHeading1 && paragraph == headline_) return;
    // Link-only items and cells are navigation; links inside prose paragraphs are the prose.
    const bool prose = kind == ContentTag::kParagraph || kind == ContentTag::kBlockquote || kind == ContentTag::kPre;
    if (!prose && density > 0.6) return;
    if (is_boilerplate_paragraph(paragraph) || (kind_may_be_caption(kind) && is_image_caption(paragraph))) return;
    if (kind != ContentTag::kPre && is_data_dump(paragraph)) return;  // code samples are content
    // Repeats of short lines are captions and labels; long paragraphs may repeat on purpose.
    if (paragraph.size() < 200 && !seen_.insert(paragraph).second) return;
    // Short paragraphs that are one link each, two or more in a row, are other stories'
    // headlines set in the article ("Schon gelesen?" and a list of them); one alone may be the
    // article pointing somewhere, and is kept.
    if (kind == ContentTag::kParagraph && density >= 0.95 && paragraph.size() <= 200) {
      if (link_run_++ == 0) {
        pending_link_ = std::move(paragraph);
      } else {
        pending_link_.clear();
        skipped_after_last_ = true;  // the lead-in to the list ("Schon gelesen?") goes with it
      }
      return;
    }
    release_pending_link();
    write(paragraph);
  }
  bool nothing_written() const { return text_.empty() && buffer_.find_first_not_of(' ') == std::string::npos; }
  // Something with text was left out here: a lead-in just before it has nothing to lead to.
  void note_skipped() { skipped_after_last_ = true; }
  std::string take() {
    release_pending_link();
    drop_orphaned_lead_in();
    // A short line ending in a colon that closes the text leads to something left out (a list
    // of links, a form): "Weitere Informationen zum Coronavirus in Thüringen:".
    if (last_start_ > 0 && text_.size() - last_start_ <= 120 && text_.ends_with(':')) text_.resize(last_start_ - 2);
    // A label opening the text ("Episode Description:") names it; it is not its first paragraph.
    const size_t first_end = text_.find("\n\n");
    if (first_end != std::string::npos && first_end <= 32) {
      std::string_view label = std::string_view(text_).substr(0, first_end);
      while (label.ends_with("\xC2\xA0") || label.ends_with(" ")) label.remove_suffix(label.ends_with(" ") ? 1 : 2);
      // A field's name, not a list's heading ("Osoby niewidome, słabowidzące:").
      if (label.ends_with(":") && label.find(',') == std::string_view::npos) text_.erase(0, first_end + 2);
    }
    return std::move(text_);
  }

 private:
  std::string headline_;
  std::vector<std::string> image_alts_;
  std::string buffer_;
  ContentTag kind_ = ContentTag::kOther;
  size_t chars_ = 0, link_chars_ = 0;
  std::unordered_set<std::string> seen_;
  std::string text_;
  size_t last_start_ = 0;
  bool skipped_after_last_ = false;
  std::string pending_link_;  // a link-only paragraph, written unless another follows it
  int link_run_ = 0;

  void write(const std::string& paragraph) {
    drop_orphaned_lead_in();
    if (!text_.empty()) text_ += "\n\n";
    last_start_ = text_.size();
    text_ += paragraph;
  }
  void release_pending_link() {
    if (link_run_ == 1 && !pending_link_.empty()) write(pending_link_);
    pending_link_.clear();
    link_run_ = 0;
  }

  // The alt text of a picture in the article, shown again under it (perhaps with a credit after).
  bool is_image_caption(const std::string& paragraph) const {
    for (const std::string& alt : image_alts_)
      if (paragraph.size() <= alt.size() + 60 && paragraph.starts_with(alt)) return true;
    return false;
  }

  void drop_orphaned_lead_in() {
    if (skipped_after_last_ && !text_.empty() && is_lead_in(std::string_view(text_).substr(last_start_)))
      text_.resize(last_start_ >= 2 ? last_start_ - 2 : 0);
    skipped_after_last_ = false;
  }
};

// The headline: the last <h1> before the content, else the first inside it; -1 when none.
int32_t find_headline(const ContentTree& tree, const std::vector<int32_t>& roots) {
  const auto& elements = tree.elements();
  const int32_t first = roots.front();
  const int32_t last_end = elements[roots.back()].end;
  int32_t before = -1, inside = -1;
  for (int32_t i = 0; i < last_end; ++i) {
    if (elements[i].tag != ContentTag::kHeading1 || elements[i].chars == 0) continue;
    if (i < first) before = i;
    else if (inside < 0) inside = i;
  }
  return before >= 0 ? before : inside;
}

// The heading that follows the headline as its next sibling (in the same header block, not in
// the body's container, where a heading opens a section): -1 when there is none.
int32_t find_deck(const ContentTree& tree, int32_t headline) {
  const auto& elements = tree.elements();
  if (headline < 0) return -1;
  const int32_t next = elements[headline].end;
  if (next >= static_cast<int32_t>(elements.size())) return -1;
  const ContentElement& candidate = elements[next];
  if (candidate.parent != elements[headline].parent || candidate.tag != ContentTag::kHeading || candidate.chars == 0)
    return -1;
  return next;
}

}  // namespace

ContentText collect_text(const ContentTree& tree, const std::vector<int32_t>& roots) {
  ContentText result;
  if (roots.empty()) return result;
  const auto& elements = tree.elements();
  const int32_t headline = find_headline(tree, roots);
  if (headline >= 0) result.headline = flat_text(elements[headline].node);
  const int32_t deck = find_deck(tree, headline);
  if (deck >= 0) result.deck = flat_text(elements[deck].node);
  std::vector<std::string> image_alts;
  for (const int32_t root : roots) collect_image_alts(elements[root].node, image_alts);
  ParagraphWriter writer(result.headline, std::move(image_alts));
  for (const int32_t root : roots) {
    // Walk the root's DOM subtree in the same pre-order the tree was built in, so the element
    // counter `next` stays in step with the DOM; `open` is the innermost open element.
    int32_t next = root;
    int32_t open = -1;
    bool after_summary_label = false;
    xmlNodePtr top = elements[root].node;
    xmlNodePtr node = top;
    while (node) {
      bool descend = false;
      if (node->type == XML_ELEMENT_NODE) {
        const int32_t index = next;
        const ContentElement& element = elements[index];
        next = element.end;  // skip the subtree unless we descend
        // The deck is left out only where it opens the text (a heading later on is a section's).
        const bool is_deck = index == deck && writer.nothing_written();
        // A summary box ("Story highlights" and the list under it) repeats the article in bullets.
        bool summary = false;
        if (is_block(element.tag) && element.chars > 0) {
          if (element.tag == ContentTag::kList && after_summary_label) {
            summary = true;
          } else if (element.tag != ContentTag::kList && element.chars <= 40 && is_summary_label(flat_text(node))) {
            summary = true;
            after_summary_label = true;
          }
          if (!summary || element.tag == ContentTag::kList)
            after_summary_label = summary && element.tag != ContentTag::kList;
        }
        const bool skip = is_deck || summary || element.effectively_removed || element.tag == ContentTag::kSkipped ||
                          (index != root && is_link_block(element)) ||
                          (element.tag == ContentTag::kParagraph && repeats_image_alt(node));
        if (skip && !is_deck && element.tag != ContentTag::kSkipped && element.initial_chars >= 20) {
          writer.flush();
          writer.note_skipped();
        }
        if (!skip) {
          if (is_block(element.tag) || element.tag == ContentTag::kBreak) writer.flush();
          if (is_block(element.tag)) writer.start(element.tag);
          if (node->children) {
            next = index + 1;
            open = index;
            descend = true;
          }
        }
      } else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && node->content && open >= 0) {
        writer.start(elements[elements[open].owner].tag);
        writer.add_text(reinterpret_cast<const char*>(node->content), elements[open].in_anchor);
      }
      if (descend) {
        node = node->children;
        continue;
      }
      while (node != top && !node->next) {
        node = node->parent;
        if (open >= 0 && elements[open].node == node) {
          if (is_block(elements[open].tag)) writer.flush();
          open = elements[open].parent;
        }
      }
      if (node == top) break;
      node = node->next;
    }
    writer.flush();
  }
  result.text = writer.take();
  return result;
}

}  // namespace storyline::extract
