#include "storyline/extract/content_scoring.h"

#include <algorithm>

#include "storyline/extract/content_boilerplate.h"
#include "storyline/extract/page_title.h"

namespace storyline::extract {
namespace {

// Readability's starting points per tag: generic containers are likely article wrappers, list
// and heading elements unlikely.
double tag_bonus(ContentTag tag) {
  switch (tag) {
    case ContentTag::kDiv: return 5;
    case ContentTag::kArticle:
    case ContentTag::kMain: return 10;
    case ContentTag::kPre:
    case ContentTag::kTableCell:
    case ContentTag::kBlockquote: return 3;
    case ContentTag::kList:
    case ContentTag::kListItem:
    case ContentTag::kForm: return -3;
    case ContentTag::kHeading1:
    case ContentTag::kHeading: return -5;
    default: return 0;
  }
}

double link_density(const ContentElement& element) {
  return element.chars > 0 ? double(element.link_chars) / double(element.chars) : 0.0;
}

bool is_article_body(const ContentElement& element) { return element.itemprop.find("articlebody") != std::string::npos; }

// Text that is not inside links: what a reader would read.
int32_t plain_chars(const ContentElement& element) { return element.chars - element.link_chars; }

// The body containers of the common publishing systems, by a class word of their own
// (WordPress's "entry-content" and "post-content", "article-body", "story-body").
bool has_body_class(const ContentElement& element) {
  static constexpr std::string_view kBodyClasses[] = {"entry-content", "post-content", "article-body",
                                                      "article__body", "articlebody",  "story-body"};
  const std::string_view names = element.class_and_id;
  for (std::string_view body : kBodyClasses)
    for (size_t at = names.find(body); at != std::string_view::npos; at = names.find(body, at + 1)) {
      const size_t end = at + body.size();
      if ((at == 0 || names[at - 1] == ' ') && (end == names.size() || names[end] == ' ')) return true;
    }
  return false;
}

// A template's lede set apart from the body container ("entry-excerpt", "article__intro"): it
// comes before the body, inside what we had chosen, and has prose.
bool is_intro(const ContentElement& element) {
  static constexpr std::string_view kIntroNames[] = {"intro", "excerpt", "standfirst", "vorspann", "lede", "lead"};
  const std::string_view names = element.class_and_id;
  for (std::string_view name : kIntroNames)
    for (size_t at = names.find(name); at != std::string_view::npos; at = names.find(name, at + 1))
      if (!names.substr(at).starts_with("leaderboard")) return true;  // an ad's size, not a lead
  return false;
}

// A headline of the page or of its header block: an <h1>, or inside a <header> an <h2>-<h6>.
bool is_headline(const std::vector<ContentElement>& elements, int32_t index) {
  const ContentElement& element = elements[index];
  if (element.effectively_removed) return false;
  return element.tag == ContentTag::kHeading1 ||
         (element.tag == ContentTag::kHeading && element.parent >= 0 && elements[element.parent].tag == ContentTag::kHeader);
}

// A paragraph of prose set right under the headline, in the same block, is the lead even when
// no name says so (<header><h1>...</h1><p class="text-xl">...</p></header>).
bool is_unnamed_lead(const std::vector<ContentElement>& elements, int32_t index) {
  const ContentElement& element = elements[index];
  if (element.tag != ContentTag::kParagraph || plain_chars(element) < 80 || index == 0) return false;
  int32_t previous = -1;  // the element sibling just before
  for (int32_t i = element.parent + 1; i < index; i = elements[i].end) previous = i;
  return previous >= 0 && is_headline(elements, previous);
}

// Where a body container's intro may be: its <article>, else our guess when it holds the
// container, else nowhere but the container.
int32_t intro_scope(const ContentTree& tree, int32_t top, int32_t body) {
  const auto& elements = tree.elements();
  for (int32_t up = elements[body].parent; up >= 0; up = elements[up].parent)
    if (elements[up].tag == ContentTag::kArticle) return up;
  return tree.contains(top, body) ? top : body;
}

// The body container and the intros before it, in page order.
std::vector<int32_t> with_intro(const ContentTree& tree, int32_t top, int32_t body) {
  const auto& elements = tree.elements();
  std::vector<int32_t> roots;
  for (int32_t i = top + 1; i < body; ++i) {
    const ContentElement& element = elements[i];
    if (element.effectively_removed) {
      i = element.end - 1;
      continue;
    }
    if (tree.contains(i, body) || plain_chars(element) < 60 || link_density(element) > 0.25) continue;
    if (!is_intro(element) && !is_unnamed_lead(elements, i)) continue;
    roots.push_back(i);
    i = element.end - 1;  // its inside is the intro too
  }
  roots.push_back(body);
  return roots;
}

// The publisher's marking of the article: itemprop=articleBody, else a body container's class,
// else the <article> holding the most text.
int32_t find_marked_article(const std::vector<ContentElement>& elements, int32_t scope_begin, int32_t scope_end) {
  int32_t body = -1, classed = -1, article = -1;
  for (size_t i = static_cast<size_t>(scope_begin); i < static_cast<size_t>(scope_end); ++i) {
    const ContentElement& element = elements[i];
    if (element.effectively_removed) continue;
    const auto index = static_cast<int32_t>(i);
    if (is_article_body(element) && (body < 0 || element.chars > elements[body].chars)) body = index;
    if (has_body_class(element) && (classed < 0 || element.chars > elements[classed].chars)) classed = index;
    if (element.tag == ContentTag::kArticle && (article < 0 || element.chars > elements[article].chars)) article = index;
  }
  return body >= 0 ? body : classed >= 0 ? classed : article;
}

// An article split in parts each marked itemprop=articleBody (a section between every ad): the
// outermost marked elements, in page order, from the largest one's point of view.
std::vector<int32_t> marked_article_parts(const ContentTree& tree, int32_t largest) {
  const auto& elements = tree.elements();
  std::vector<int32_t> parts;
  constexpr int32_t kShortestPart = 100;
  for (int32_t i = 0; i < static_cast<int32_t>(elements.size()); ++i) {
    const ContentElement& element = elements[i];
    if (element.effectively_removed || !is_article_body(element)) continue;
    if (i != largest && plain_chars(element) < kShortestPart) continue;
    parts.push_back(i);
    i = element.end - 1;  // what is inside a part belongs to it
  }
  return parts;
}

// Siblings named alike are rows of one layout ("page-content__row ... mobile-spacing" and
// "page-content__row ... main-section"): at least half of their class and id words in common.
bool similar_names(std::string_view a, std::string_view b) {
  const auto words = [](std::string_view text) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (start < text.size()) {
      const size_t end = std::min(text.find(' ', start), text.size());
      if (end > start) out.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  const auto x = words(a), y = words(b);
  size_t common = 0;
  for (std::string_view word : x) common += std::binary_search(y.begin(), y.end(), word);
  const size_t together = x.size() + y.size() - common;
  return together > 0 && common * 2 >= together;
}

// Among several <article>s each holding a story (an infinite-scroll page appends the next ones),
// the one with a heading that is the page's title; -1 when the page has fewer than two such
// articles or none is headed by the title.
int32_t article_headed_by(const ContentTree& tree, std::string_view title) {
  if (title.empty()) return -1;
  const auto& elements = tree.elements();
  constexpr int32_t kStoryChars = 500;
  int32_t stories = 0, headed = -1;
  for (int32_t i = 0; i < static_cast<int32_t>(elements.size()); ++i) {
    const ContentElement& element = elements[i];
    if (element.tag != ContentTag::kArticle || element.effectively_removed || plain_chars(element) < kStoryChars) continue;
    ++stories;
    for (int32_t j = i + 1; j < element.end && headed < 0; ++j) {
      const ContentTag tag = elements[j].tag;
      if ((tag == ContentTag::kHeading1 || tag == ContentTag::kHeading) && !elements[j].effectively_removed &&
          similar_titles(text_content(elements[j].node), title))
        headed = i;
    }
    i = element.end - 1;  // articles inside it are its parts
  }
  return stories >= 2 ? headed : -1;
}

// A page set as sibling <article>s where the chosen one has no headline (<h1>) and exactly one
// other has it is one piece in parts (a recipe's header, ingredients and steps), not a list of
// stories: the parts with text join the chosen one, in page order. Otherwise the roots stay.
std::vector<int32_t> with_sibling_parts(const ContentTree& tree, std::vector<int32_t> roots) {
  const auto& elements = tree.elements();
  if (roots.size() != 1 || elements[roots.front()].tag != ContentTag::kArticle) return roots;
  const int32_t chosen = roots.front();
  const int32_t parent = elements[chosen].parent;
  if (parent < 0) return roots;
  std::vector<int32_t> parts;
  int headlines = 0;
  bool chosen_headed = false;
  for (int32_t i = parent + 1; i < elements[parent].end; i = elements[i].end) {
    const ContentElement& sibling = elements[i];
    if (sibling.tag != ContentTag::kArticle) continue;
    for (int32_t j = i + 1; j < sibling.end; ++j)
      if (elements[j].tag == ContentTag::kHeading1 && !elements[j].effectively_removed) {
        ++headlines;
        chosen_headed = chosen_headed || i == chosen;
        break;
      }
    if (i == chosen || (!sibling.effectively_removed && plain_chars(sibling) > 0 && link_density(sibling) < 0.33))
      parts.push_back(i);
  }
  return headlines == 1 && !chosen_headed ? parts : roots;
}

// Our guess at the article's blocks, before sibling parts join them.
std::vector<int32_t> select_roots(const ContentTree& tree, std::string_view title) {
  const auto& elements = tree.elements();
  const size_t count = elements.size();
  if (count == 0 || elements.front().chars == 0) return {};
  std::vector<double> score(count, 0.0);
  std::vector<char> is_candidate(count, 0);
  auto touch = [&](int32_t index) {
    if (!is_candidate[index]) {
      is_candidate[index] = 1;
      score[index] = tag_bonus(elements[index].tag) + class_weight(elements[index]);
    }
  };

  for (size_t i = 0; i < count; ++i) {
    const ContentElement& element = elements[i];
    if (element.effectively_removed || !is_block(element.tag)) continue;
    if (element.own_chars < 25 || element.tag == ContentTag::kHeading1 || element.tag == ContentTag::kHeading) continue;
    // Link lists (menus that escaped the pruning) give nothing.
    if (element.own_link_chars * 2 > element.own_chars) continue;
    const double points = 1.0 + element.own_commas + std::min(element.own_chars / 100.0, 3.0);
    // Text mixed with blocks (a <div> with text and <br>s) scores for the element itself, like
    // the paragraphs readability wraps such runs into; a pure paragraph scores for its parent.
    int32_t ancestor = element.has_block_children ? static_cast<int32_t>(i) : element.parent;
    for (int level = 0; ancestor >= 0 && level < 5; ++level, ancestor = elements[ancestor].parent) {
      touch(ancestor);
      const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      score[ancestor] += points / divider;
    }
  }

  int32_t top = -1;
  std::vector<int32_t> candidates;
  for (size_t i = 0; i < count; ++i) {
    if (!is_candidate[i]) continue;
    score[i] *= 1.0 - link_density(elements[i]);
    candidates.push_back(static_cast<int32_t>(i));
    if (top < 0 || score[i] > score[top]) top = static_cast<int32_t>(i);
  }
  if (top < 0) {
    // No paragraph anywhere: the body (or root) as it is.
    for (size_t i = 0; i < count; ++i)
      if (elements[i].tag == ContentTag::kBody) return {static_cast<int32_t>(i)};
    return {0};
  }

  // Several strong candidates under one ancestor: the article is split in blocks (ads between
  // paragraphs); take the ancestor holding at least three of them.
  {
    std::vector<int32_t> strong;
    for (int32_t i : candidates)
      if (i != top && score[i] >= 0.75 * score[top]) strong.push_back(i);
    if (strong.size() >= 3) {
      for (int32_t up = elements[top].parent; up >= 0 && elements[up].tag != ContentTag::kBody; up = elements[up].parent) {
        int holding = 0;
        for (int32_t i : strong)
          if (tree.contains(up, i)) ++holding;
        if (holding >= 3) {
          top = up;
          break;
        }
      }
    }
  }
  // Climb while an ancestor scores higher than the best so far (the paragraphs are spread over
  // several children of it).
  {
    double last = score[top];
    const double threshold = last / 3.0;
    for (int32_t up = elements[top].parent; up >= 0 && elements[up].tag != ContentTag::kBody; up = elements[up].parent) {
      if (!is_candidate[up]) continue;
      if (score[up] < threshold) break;
      if (score[up] > last) {
        top = up;
        break;
      }
      last = score[up];
    }
  }
  // A wrapper with nothing else in it is the same content, and scores as it does (its siblings
  // are measured against that score).
  while (elements[top].parent >= 0 && elements[elements[top].parent].tag != ContentTag::kBody &&
         elements[elements[top].parent].chars == elements[top].chars && elements[top].tag != ContentTag::kBody) {
    const int32_t wrapper = elements[top].parent;
    score[wrapper] = std::max(score[wrapper], score[top]);
    top = wrapper;
  }

  // A page of several stories: the one its title names, whatever the others hold.
  int32_t scope_begin = 0, scope_end = static_cast<int32_t>(count);
  if (const int32_t headed = article_headed_by(tree, title); headed >= 0 && !tree.contains(headed, top)) {
    if (tree.contains(top, headed)) {
      top = headed;
    } else {
      int32_t best = -1;
      for (int32_t i : candidates)
        if (tree.contains(headed, i) && (best < 0 || score[i] > score[best])) best = i;
      top = best >= 0 ? best : headed;
    }
    scope_begin = headed;
    scope_end = elements[headed].end;
  }

  // Prefer the publisher's own marking of the article (itemprop=articleBody, else the <article>
  // holding the most text) when it holds the text we found.
  const int32_t marked = find_marked_article(elements, scope_begin, scope_end);
  if (marked >= 0 && plain_chars(elements[marked]) > 0) {
    const int32_t top_plain = plain_chars(elements[top]);
    const int32_t marked_plain = plain_chars(elements[marked]);
    // An explicit articleBody elsewhere than our best guess still wins unless it is much smaller.
    const int32_t disjoint_share = is_article_body(elements[marked]) ? 3 : 8;
    if (tree.contains(top, marked) ? marked_plain * 10 >= top_plain * 6
        // A body container (not a bare <article>) may hold three times our guess: our guess is
        // then one section of a post written in several.
        : tree.contains(marked, top) ? marked_plain <= top_plain * (elements[marked].tag == ContentTag::kArticle ? 2 : 3)
                                     : marked_plain * 10 >= top_plain * disjoint_share)
      return is_article_body(elements[marked])  ? marked_article_parts(tree, marked)
             : has_body_class(elements[marked]) ? with_intro(tree, intro_scope(tree, top, marked), marked)
                                                : std::vector<int32_t>{marked};
  }

  // Siblings that look like more of the article (text split by ads or figures) join it.
  std::vector<int32_t> roots;
  const int32_t parent = elements[top].parent;
  if (parent < 0) return {top};
  const double sibling_threshold = std::max(10.0, score[top] * 0.15);
  for (int32_t i = parent + 1; i < elements[parent].end; i = elements[i].end) {
    const ContentElement& sibling = elements[i];
    if (i == top) {
      roots.push_back(i);
      continue;
    }
    if (sibling.effectively_removed || sibling.chars == 0) continue;
    bool append = false;
    double bonus = 0;
    if (!elements[top].class_and_id.empty() && similar_names(sibling.class_and_id, elements[top].class_and_id))
      bonus = score[top] * 0.2;
    if (is_candidate[i] && score[i] + bonus >= sibling_threshold) {
      append = true;
    } else if (bonus > 0 && plain_chars(sibling) >= 200 && link_density(sibling) < 0.25) {
      // A row of the same layout holding prose too deep to have scored (the story's first part).
      append = true;
    } else if (sibling.tag == ContentTag::kParagraph ||
               (sibling.tag == ContentTag::kDiv && !sibling.has_block_children && sibling.chars > 80)) {
      // A <div> of text alone is written as a paragraph (a lead set apart: "dig-vorspann").
      const double density = link_density(sibling);
      append = (sibling.chars > 80 && density < 0.25) || (sibling.chars > 0 && density == 0 && sibling.commas > 0);
    }
    if (append) roots.push_back(i);
  }
  // The lead set above the body in the article's header ("<p class="a-lead">") is its start:
  // looked for in the <article>, else in the nearest ancestor that also holds the headline.
  int32_t lead_scope = intro_scope(tree, roots.front(), roots.front());
  if (lead_scope == roots.front()) {
    int level = 0;
    for (int32_t up = elements[roots.front()].parent; up >= 0 && level < 4 && elements[up].tag != ContentTag::kBody;
         up = elements[up].parent, ++level) {
      bool headline_before = false;
      for (int32_t i = up + 1; i < roots.front() && !headline_before; ++i) headline_before = is_headline(elements, i);
      if (headline_before) {
        lead_scope = up;
        break;
      }
    }
  }
  const std::vector<int32_t> led = with_intro(tree, lead_scope, roots.front());
  if (led.size() > 1) roots.insert(roots.begin(), led.begin(), led.end() - 1);
  return roots;
}

}  // namespace

std::vector<int32_t> select_content(const ContentTree& tree, std::string_view title) {
  return with_sibling_parts(tree, select_roots(tree, title));
}

}  // namespace storyline::extract
