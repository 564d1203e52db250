// Over 500 lines as one piece: the quote spans, the phrase before a speech verb and the speaker
// attribution (with its memory of whom the story named) share one token model and its helpers,
// which apart would each need a header of their own.
#include "storyline/summarize/quote_finder.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "storyline/core/ascii.h"
#include "storyline/core/publisher.h"
#include "storyline/summarize/speech_words.h"
#include "storyline/text/tokenize.h"
#include "storyline/text/utf8.h"

namespace storyline::summarize {
namespace {

using std::string_view;

constexpr string_view kLeftDouble = "\xE2\x80\x9C";   // “
constexpr string_view kRightDouble = "\xE2\x80\x9D";  // ”
constexpr string_view kLeftSingle = "\xE2\x80\x98";   // ‘
constexpr string_view kRightSingle = "\xE2\x80\x99";  // ’

// Fewer words than this in quotation marks are scare quotes ("relentless", "positive step").
constexpr size_t kMinQuoteWords = 3;
constexpr size_t kMinReportedWords = 5;
// How far around a quotation its attribution is looked for, in bytes and in words.
constexpr size_t kWindowBytes = 240;
constexpr size_t kMaxSpeakerWords = 8;
// "Gregory T. Angelo, president of the Log Cabin Republicans, said": an apposition's words.
constexpr size_t kMaxAppositionWords = 12;

// A whitespace-separated token of the text, punctuation still attached, with its byte offset.
// Not text::split_words: attribution is read from the punctuation around words ("Hewitt," ends a
// name, "said:" introduces a quotation, "Rep." is no sentence end), which a word breaker drops.
struct Token {
  string_view raw;
  size_t offset = 0;
};

// The length in bytes of the space at text[at], or 0. Pages often put a no-break space (U+00A0)
// or a thin one (U+2009, U+202F) between words ("told\u00A0the Post"): they separate words too.
size_t space_length(string_view text, size_t at) {
  if (std::isspace(static_cast<unsigned char>(text[at]))) return 1;
  if (text.compare(at, 2, "\u00A0") == 0) return 2;
  if (text.compare(at, 3, "\u2009") == 0 || text.compare(at, 3, "\u202F") == 0) return 3;
  return 0;
}

std::vector<Token> tokenize(string_view text, size_t base_offset) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size())
      if (const size_t space = space_length(text, i)) i += space;
      else break;
    const size_t start = i;
    while (i < text.size() && space_length(text, i) == 0) ++i;
    if (i > start) tokens.push_back({text.substr(start, i - start), base_offset + start});
  }
  return tokens;
}

bool is_ascii_punct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }

string_view strip_marks(string_view word) {
  for (bool changed = true; changed && !word.empty();) {
    changed = false;
    for (string_view mark : {kLeftDouble, kRightDouble, kLeftSingle, kRightSingle}) {
      if (word.starts_with(mark)) word.remove_prefix(mark.size()), changed = true;
      if (word.ends_with(mark)) word.remove_suffix(mark.size()), changed = true;
    }
    while (!word.empty() && is_ascii_punct(word.front())) word.remove_prefix(1), changed = true;
    while (!word.empty() && is_ascii_punct(word.back()) && word.back() != '.') word.remove_suffix(1), changed = true;
    // A trailing period ends a sentence unless the word is an abbreviation ("U.S.").
    if (!word.empty() && word.back() == '.' && word.substr(0, word.size() - 1).find('.') == string_view::npos)
      word.remove_suffix(1), changed = true;
  }
  return word;
}

// The word itself: marks stripped and a possessive dropped ("Blinken’s" -> "Blinken").
string_view core(string_view raw) {
  string_view word = strip_marks(raw);
  for (string_view possessive : {string_view("'s"), string_view("\xE2\x80\x99s")})
    if (word.ends_with(possessive)) word.remove_suffix(possessive.size());
  return word;
}

bool is_capitalized(string_view word) {
  if (word.empty()) return false;
  size_t pos = 0;
  return u_isupper(static_cast<UChar32>(text::next_code_point(word, pos))) != 0;
}

// Punctuation that closes a clause right after this token ("Hewitt," "Kabul." "countered:").
bool ends_clause(string_view raw) {
  while (!raw.empty() && (raw.ends_with(kRightDouble) || raw.ends_with(kRightSingle))) raw.remove_suffix(3);
  if (raw.empty()) return false;
  const char last = raw.back();
  if (last == ',' || last == ';' || last == ':' || last == '?' || last == '!') return true;
  // A middle initial ("Gregory T. Angelo") is not the end of a sentence.
  const string_view word = core(raw);
  if (word.size() == 1 && is_capitalized(word)) return false;
  return last == '.' && word.find('.') == string_view::npos && !is_title_abbreviation(lower_ascii(word));
}

std::string join(const std::vector<Token>& tokens, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += i + 1 == to ? strip_marks(tokens[i].raw) : tokens[i].raw;
  }
  return out;
}

struct Speaker {
  enum class Kind { kPerson, kOrganization, kRole, kUnknownName };
  std::string name;
  std::optional<std::string> role;
  Kind kind = Kind::kUnknownName;
  std::optional<std::string> via;  // whose account carried the author's message
};

struct Person {
  std::string name;
  std::vector<std::string> words;
};

class Attributor {
 public:
  Attributor(const Document& document, string_view text) : text_(text) {
    for (const Entity& entity : document.entities) {
      if (entity.type == "person") {
        Person person{entity.text, {}};
        for (const Token& token : tokenize(entity.text, 0)) person.words.emplace_back(core(token.raw));
        if (!person.words.empty()) persons_.push_back(std::move(person));
      } else if (entity.type == "organization") {
        organizations_.push_back(entity.text);
      } else if (entity.type == "location") {
        locations_.push_back(entity.text);
      }
    }
    all_tokens_ = tokenize(text_, 0);
    for (const Token& token : all_tokens_) {
      const string_view word = core(token.raw);
      if (!word.empty() && std::islower(static_cast<unsigned char>(word.front()))) lower_case_words_.emplace(word);
    }
    // Where each person is named, for "he said" -> the last person named before. A word two
    // people share ("Lee") names the one whose full name is written there, else both.
    for (size_t t = 0; t < all_tokens_.size(); ++t) {
      const string_view word = core(all_tokens_[t].raw);
      std::vector<const Person*> named, in_full;
      for (const Person& person : persons_) {
        if (word != person.words.back() && (person.words.size() < 2 || word != person.words.front())) continue;
        named.push_back(&person);
        if (full_name_at(person, t)) in_full.push_back(&person);
      }
      for (const Person* person : in_full.empty() ? named : in_full) mentions_.emplace_back(all_tokens_[t].offset, person);
    }
  }

  // People named inside quotations are spoken of, not speaking: "he said" after `“…Donald Trump…,”`
  // is not Trump. `ranges` are [open, close) byte ranges, in order.
  void ignore_mentions_within(const std::vector<std::pair<size_t, size_t>>& ranges) {
    std::erase_if(mentions_, [&](const auto& mention) {
      auto after = std::upper_bound(ranges.begin(), ranges.end(), mention.first,
                                    [](size_t at, const auto& range) { return at < range.first; });
      return after != ranges.begin() && mention.first < std::prev(after)->second;
    });
  }

  // The speaker a phrase ("NSC spokesperson James Hewitt,", "the message", "he") names, if any.
  // `beside_quotation`: the phrase and its verb touch the quotation (`“…,” the insider said`),
  // where any "the/a/one …" phrase is the speaker, not only one headed by a role noun.
  std::optional<Speaker> resolve(const std::vector<Token>& phrase, size_t at_offset, bool beside_quotation = false) const {
    size_t begin = 0;
    while (begin < phrase.size() &&
           (core(phrase[begin].raw).empty() || is_clause_boundary(lower_ascii(core(phrase[begin].raw)))))
      ++begin;
    if (begin >= phrase.size()) return std::nullopt;
    // Comma-separated chunks: "James Hewitt, NSC spokesperson," or "The opposition leader, Tom Berg,".
    std::vector<std::vector<Token>> chunks(1);
    for (size_t i = begin; i < phrase.size(); ++i) {
      chunks.back().push_back(phrase[i]);
      if (ends_clause(phrase[i].raw) && i + 1 < phrase.size()) chunks.emplace_back();
    }
    for (size_t c = 0; c < chunks.size(); ++c) {
      auto match = match_person(chunks[c], at_offset);
      if (!match) continue;
      const auto& [person, match_begin] = *match;
      std::optional<std::string> role;
      if (match_begin > 0 && has_role_noun(chunks[c], 0, match_begin)) role = join(chunks[c], 0, match_begin);
      for (size_t other = 0; other < chunks.size() && !role; ++other)
        if (other != c && has_role_noun(chunks[other], 0, chunks[other].size()))
          role = join(chunks[other], 0, chunks[other].size());
      if (!role) role = role_of(person->name);
      return Speaker{person->name, role, Speaker::Kind::kPerson, std::nullopt};
    }
    const std::vector<Token>& main = chunks.front();
    if (main.empty() || main.size() > kMaxSpeakerWords) return std::nullopt;
    const std::string first = lower_ascii(core(main.front().raw));
    if (main.size() == 1 && (first == "he" || first == "she")) {
      const Person* person = last_person_before(at_offset);
      if (!person) return std::nullopt;
      return Speaker{person->name, role_of(person->name), Speaker::Kind::kPerson, std::nullopt};
    }
    const bool determiner = first == "the" || first == "a" || first == "an" || first == "this" || first == "its" ||
                            first == "his" || first == "her" || first == "their" || first == "one" || first == "another";
    const std::string head = lower_ascii(core(main.back().raw));
    std::string as_written = join(main, 0, main.size());
    if (determiner) as_written[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(as_written[0])));
    if (determiner && main.size() <= 3 && is_message_noun(head)) {
      if (auto author = message_author()) return author;
      return Speaker{as_written, std::nullopt, Speaker::Kind::kRole, std::nullopt};
    }
    const std::string without_article = determiner ? join(main, 1, main.size()) : join(main, 0, main.size());
    for (const std::string& organization : organizations_)
      if (organization == without_article)
        return Speaker{as_written, std::nullopt, Speaker::Kind::kOrganization, std::nullopt};
    if (determiner && main.size() >= 2 && main.size() <= 6 && (is_role_noun(head) || beside_quotation))
      return Speaker{as_written, std::nullopt, Speaker::Kind::kRole, std::nullopt};
    if (std::find(locations_.begin(), locations_.end(), without_article) != locations_.end()) return std::nullopt;
    if (main.size() <= 4 && std::all_of(main.begin(), main.end(), [&](const Token& token) {
          const string_view word = core(token.raw);
          return is_capitalized(word) && (main.size() > 1 || could_be_name(word)) &&
                 !is_clause_boundary(lower_ascii(word)) && lower_ascii(word) != "the" && lower_ascii(word) != "it" &&
                 lower_ascii(word) != "we" && lower_ascii(word) != "they" && lower_ascii(word) != "i";
        }))
      return Speaker{as_written, std::nullopt, Speaker::Kind::kUnknownName, std::nullopt};
    // A name the entities missed after its role: "Former Secretary of State Madeleine Albright",
    // "Band member Flea": the capitalised words at the end that are not role words.
    size_t name_begin = main.size();
    while (name_begin > 0 && main.size() - name_begin < 4) {
      const string_view word = core(main[name_begin - 1].raw);
      const std::string folded = lower_ascii(word);
      if (!is_capitalized(word) || is_role_noun(folded) || is_role_modifier(folded) || is_clause_boundary(folded) ||
          folded == "the" || is_title_abbreviation(folded))
        break;
      --name_begin;
    }
    const size_t name_words = main.size() - name_begin;
    if (name_begin > 0 && name_words > 0 && (name_words >= 2 || is_role_noun(lower_ascii(core(main[name_begin - 1].raw))))) {
      std::string name = join(main, name_begin, main.size());
      std::optional<std::string> role;
      if (has_role_noun(main, 0, name_begin)) role = join(main, 0, name_begin);
      return Speaker{std::move(name), std::move(role), Speaker::Kind::kUnknownName, std::nullopt};
    }
    return std::nullopt;
  }

 private:
  // Whether the person's whole name is written where token `t` begins or ends it.
  bool full_name_at(const Person& person, size_t t) const {
    const size_t n = person.words.size();
    for (size_t first : {t, t + 1 >= n ? t + 1 - n : all_tokens_.size()}) {
      if (first + n > all_tokens_.size()) continue;
      bool all = true;
      for (size_t j = 0; j < n && all; ++j) all = core(all_tokens_[first + j].raw) == person.words[j];
      if (all) return true;
    }
    return false;
  }

  // A capitalised word the text also writes in lower case ("Holding signs…", "In a statement")
  // is a word that opened a sentence, not a name; so is a single letter.
  bool could_be_name(string_view word) const { return word.size() >= 2 && !lower_case_words_.contains(lower_ascii(word)); }

  static bool has_role_noun(const std::vector<Token>& tokens, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i)
      if (is_role_noun(lower_ascii(core(tokens[i].raw)))) return true;
    return false;
  }

  // A person named in the phrase, by full name or by its last (or first) word; and where.
  // One word shared by several people ("Lee" of Lee Jae-myung and Lee Sang-min) is the one named
  // last before `at_offset`.
  std::optional<std::pair<const Person*, size_t>> match_person(const std::vector<Token>& phrase,
                                                               size_t at_offset = std::string_view::npos) const {
    for (const Person& person : persons_) {
      for (size_t i = 0; i + person.words.size() <= phrase.size(); ++i) {
        bool all = true;
        for (size_t j = 0; j < person.words.size() && all; ++j) all = core(phrase[i + j].raw) == person.words[j];
        if (all) return std::make_pair(&person, i);
      }
    }
    for (size_t i = 0; i < phrase.size(); ++i) {
      const string_view word = core(phrase[i].raw);
      const Person* chosen = nullptr;
      size_t chosen_at = 0;
      for (const Person& person : persons_) {
        if (word != person.words.back() && (person.words.size() < 2 || word != person.words.front())) continue;
        const size_t last_named = last_mention_before(person, at_offset);
        if (!chosen || last_named > chosen_at) chosen = &person, chosen_at = last_named;
      }
      if (chosen) return std::make_pair(chosen, i);
    }
    return std::nullopt;
  }

  // One past the offset where `person` was last named before `offset`; 0 when not named before.
  size_t last_mention_before(const Person& person, size_t offset) const {
    size_t last = 0;
    for (const auto& [at, named] : mentions_) {
      if (at >= offset) break;  // mentions_ is in text order
      if (named == &person) last = at + 1;
    }
    return last;
  }

  const Person* last_person_before(size_t offset) const {
    const Person* found = nullptr;
    for (const auto& [at, person] : mentions_) {
      if (at >= offset) break;
      found = person;
    }
    return found;
  }

  // The role written before a name ("NSC spokesperson James Hewitt", "U.S. Secretary of State
  // Antony Blinken") at its first mention, or in apposition after it ("James Hewitt, NSC
  // spokesperson,").
  // Cached: a speaker is usually quoted many times, and each lookup scans the text.
  std::optional<std::string> role_of(const std::string& name) const {
    auto found = roles_.find(name);
    if (found == roles_.end()) found = roles_.emplace(name, role_at(find_name(name))).first;
    return found->second;
  }

  size_t find_name(const std::string& name) const {
    const auto name_tokens = tokenize(name, 0);
    for (size_t i = 0; i + name_tokens.size() <= all_tokens_.size(); ++i) {
      bool all = true;
      for (size_t j = 0; j < name_tokens.size() && all; ++j) all = core(all_tokens_[i + j].raw) == core(name_tokens[j].raw);
      if (all) return i;
    }
    return all_tokens_.size();
  }

  std::optional<std::string> role_at(size_t name_index) const {
    if (name_index >= all_tokens_.size()) return std::nullopt;
    size_t begin = name_index;
    while (begin > 0 && name_index - begin < 6) {
      const Token& token = all_tokens_[begin - 1];
      if (ends_clause(token.raw)) break;
      const string_view word = core(token.raw);
      const std::string folded = lower_ascii(word);
      if (folded == "the" || folded == "a" || folded == "an") break;
      if (!is_role_noun(folded) && !is_role_modifier(folded) && !(is_capitalized(word) && !is_clause_boundary(folded)))
        break;
      --begin;
    }
    while (begin < name_index && lower_ascii(core(all_tokens_[begin].raw)) == "of") ++begin;
    if (begin < name_index && has_role_noun(all_tokens_, begin, name_index)) return join(all_tokens_, begin, name_index);
    // Apposition: "Name, role words,".
    size_t name_end = name_index;
    while (name_end < all_tokens_.size() && !ends_clause(all_tokens_[name_end].raw) && name_end - name_index < 4) ++name_end;
    if (name_end < all_tokens_.size() && all_tokens_[name_end].raw.ends_with(",")) {
      size_t role_end = name_end + 1;
      while (role_end < all_tokens_.size() && role_end - name_end <= 5 && !ends_clause(all_tokens_[role_end].raw))
        ++role_end;
      if (role_end < all_tokens_.size() && all_tokens_[role_end].raw.ends_with(",") &&
          has_role_noun(all_tokens_, name_end + 1, role_end + 1))
        return join(all_tokens_, name_end + 1, role_end + 1);
    }
    return std::nullopt;
  }

  // "a message from Taliban supreme leader Hibatullah Akhundzada": a message speaks for its author.
  // "a message from Taliban supreme leader Hibatullah Akhundzada posted on the account of
  // spokesman Zabihullah Mujahid": the author, and the person whose account carried it.
  std::optional<Speaker> message_author() const {
    if (!message_author_searched_) {
      message_author_searched_ = true;
      message_author_ = find_message_author();
    }
    return message_author_;
  }

  std::optional<Speaker> find_message_author() const {
    for (size_t i = 0; i + 1 < all_tokens_.size(); ++i) {
      if (!is_message_noun(lower_ascii(core(all_tokens_[i].raw))) || lower_ascii(core(all_tokens_[i + 1].raw)) != "from")
        continue;
      const size_t end = std::min(all_tokens_.size(), i + 2 + kMaxSpeakerWords);
      std::vector<Token> after(all_tokens_.begin() + static_cast<long>(i + 2), all_tokens_.begin() + static_cast<long>(end));
      auto match = match_person(after);
      if (!match) continue;
      const size_t name_index = i + 2 + match->second;
      Speaker author{match->first->name, role_at(name_index), Speaker::Kind::kPerson, std::nullopt};
      // The carrier, in the same sentence: "account of X", "via X", "through X", "posted by X".
      for (size_t j = name_index + 1; j < all_tokens_.size() && j < name_index + 24; ++j) {
        const std::string word = lower_ascii(core(all_tokens_[j].raw));
        if (word == "account" || word == "via" || word == "through" || word == "by") {
          const size_t carrier_end = std::min(all_tokens_.size(), j + 2 + kMaxSpeakerWords);
          std::vector<Token> carrier(all_tokens_.begin() + static_cast<long>(j + 1),
                                     all_tokens_.begin() + static_cast<long>(carrier_end));
          auto carrier_match = match_person(carrier);
          if (carrier_match && carrier_match->first->name != author.name) author.via = carrier_match->first->name;
          break;
        }
        if (all_tokens_[j].raw.ends_with(".") && core(all_tokens_[j].raw).find('.') == string_view::npos) break;
      }
      return author;
    }
    return std::nullopt;
  }

  string_view text_;
  std::vector<Person> persons_;
  std::vector<std::string> organizations_;
  std::vector<std::string> locations_;  // a place does not speak ("Palmer: ..." is a dateline)
  std::vector<Token> all_tokens_;
  std::set<std::string, std::less<>> lower_case_words_;
  std::vector<std::pair<size_t, const Person*>> mentions_;  // by offset
  mutable std::map<std::string, std::optional<std::string>> roles_;
  mutable bool message_author_searched_ = false;
  mutable std::optional<Speaker> message_author_;
};

struct QuoteSpan {
  size_t open = 0;  // offset of the opening mark
  size_t inner_begin = 0;
  size_t inner_end = 0;
  size_t close_end = 0;  // offset after the closing mark
};

bool space_or_start_before(string_view text, size_t at) {
  if (at == 0) return true;
  const char before = text[at - 1];
  return std::isspace(static_cast<unsigned char>(before)) || before == '(' || before == '[' || before == '-';
}

// An apostrophe inside a word (Türkiye’s, don’t) is followed by a letter; a closing quote is not.
bool closes_single_quote(string_view text, size_t after) {
  if (after >= text.size()) return true;
  const unsigned char next = static_cast<unsigned char>(text[after]);
  return std::isspace(next) || (next < 0x80 && std::ispunct(next));
}

std::vector<QuoteSpan> quote_spans(string_view paragraph, size_t base) {
  std::vector<QuoteSpan> spans;
  size_t i = 0;
  while (i < paragraph.size()) {
    if (paragraph.substr(i).starts_with(kLeftDouble)) {
      size_t close = paragraph.find(kRightDouble, i + 3);
      // Some pages close with an opening mark by mistake (“…,“ said X): a “ that ends a word closes.
      for (size_t left = paragraph.find(kLeftDouble, i + 3); left < close; left = paragraph.find(kLeftDouble, left + 3))
        if (!space_or_start_before(paragraph, left) &&
            (left + 3 >= paragraph.size() || std::isspace(static_cast<unsigned char>(paragraph[left + 3])))) {
          close = left;
          break;
        }
      // Some publishers' pages mix the marks (“…" and "…”): a straight mark closes one too.
      if (const size_t straight = paragraph.find('"', i + 3); straight < close) {
        spans.push_back({base + i, base + i + 3, base + straight, base + straight + 1});
        i = straight + 1;
        continue;
      }
      // Unclosed at the paragraph's end: the quotation runs on (news style for multi-paragraph quotes).
      const size_t inner_end = close == string_view::npos ? paragraph.size() : close;
      const size_t close_end = close == string_view::npos ? paragraph.size() : close + 3;
      spans.push_back({base + i, base + i + 3, base + inner_end, base + close_end});
      i = close_end;
    } else if (paragraph[i] == '"' && space_or_start_before(paragraph, i)) {
      const size_t close = paragraph.find('"', i + 1);
      const size_t curly = paragraph.find(kRightDouble, i + 1);
      if (curly < close) {
        spans.push_back({base + i, base + i + 1, base + curly, base + curly + 3});
        i = curly + 3;
        continue;
      }
      if (close == string_view::npos) break;
      spans.push_back({base + i, base + i + 1, base + close, base + close + 1});
      i = close + 1;
    } else if (paragraph.substr(i).starts_with(kLeftSingle) && space_or_start_before(paragraph, i)) {
      size_t close = paragraph.find(kRightSingle, i + 3);
      while (close != string_view::npos && !closes_single_quote(paragraph, close + 3))
        close = paragraph.find(kRightSingle, close + 3);
      if (close == string_view::npos) {
        i += 3;
        continue;
      }
      spans.push_back({base + i, base + i + 3, base + close, base + close + 3});
      i = close + 3;
    } else {
      ++i;
    }
  }
  return spans;
}

size_t word_count(string_view text) { return text::split_words(text).size(); }

std::vector<Token> tokens_between(string_view text, size_t from, size_t to) {
  if (to <= from) return {};
  return tokenize(text.substr(from, to - from), from);
}

// The index of the last sentence end (". ", "? ", "! ") in `text` before `to`, or `from`.
size_t sentence_start(string_view text, size_t from, size_t to) {
  for (size_t i = to; i > from + 1; --i) {
    const char c = text[i - 2];
    if ((c == '.' || c == '?' || c == '!') && std::isspace(static_cast<unsigned char>(text[i - 1]))) {
      // "U.S. Secretary": a period after a one-letter word is an abbreviation, not an end; so is
      // the period of a title ("Rep. Lewis").
      if (c == '.' && i >= 4 && text[i - 4] == '.') continue;
      if (c == '.') {
        size_t word_begin = i - 2;
        while (word_begin > from && std::isalpha(static_cast<unsigned char>(text[word_begin - 1]))) --word_begin;
        if (is_title_abbreviation(lower_ascii(text.substr(word_begin, i - 2 - word_begin)))) continue;
      }
      return i;
    }
  }
  return from;
}

std::string trim_quote_text(string_view inner) {
  while (!inner.empty() && std::isspace(static_cast<unsigned char>(inner.front()))) inner.remove_prefix(1);
  while (!inner.empty() && (std::isspace(static_cast<unsigned char>(inner.back())) || inner.back() == ','))
    inner.remove_suffix(1);
  return std::string(inner);
}

bool is_auxiliary(std::string_view folded) { return folded == "has" || folded == "had" || folded == "have"; }

// Speaker phrase ending just before tokens[verb] (an auxiliary "has" skipped): back to a clause
// boundary, at most kMaxSpeakerWords words.
std::vector<Token> phrase_before(const std::vector<Token>& tokens, size_t verb) {
  size_t end = verb;
  if (end > 0 && is_auxiliary(lower_ascii(core(tokens[end - 1].raw)))) --end;
  size_t begin = end;
  bool relative_clause = false;
  // An apposition between the name and the verb: "Anna Weiss, the chief executive, said", or a
  // relative clause: "Dick Dever, who was listed on the Cruz slate, told".
  if (begin > 1 && tokens[begin - 1].raw.ends_with(",")) {
    size_t apposition = begin - 1;
    while (apposition > 0 && begin - apposition <= kMaxAppositionWords && !ends_clause(tokens[apposition - 1].raw))
      --apposition;
    if (apposition == 0 || !tokens[apposition - 1].raw.ends_with(",")) return {};
    const std::string opener = lower_ascii(core(tokens[apposition].raw));
    relative_clause = opener == "who" || opener == "whose";
    if (!relative_clause && begin - apposition >= kMaxAppositionWords) return {};
    if (relative_clause) end = apposition;  // the speaker is the name before the clause
    begin = apposition - 1;                 // the name's last word, which carries the comma
  }
  const bool has_apposition = !relative_clause && begin < end && begin + 1 < end && tokens[end - 1].raw.ends_with(",");
  // The name before an apposition counts on its own: the apposition may be long.
  const size_t name_end = has_apposition ? begin + 1 : end;
  while (begin > 0 && name_end - begin < kMaxSpeakerWords) {
    const Token& token = tokens[begin - 1];
    const std::string folded = lower_ascii(core(token.raw));
    if (ends_clause(token.raw) || is_clause_boundary(folded) || folded.empty()) break;
    --begin;
  }
  if (has_apposition) {
    // Commas around a role ("Anna Weiss, the chief executive," / "The leader, Tom Berg,"); any other
    // comma before the verb ends a clause whose words are not a speaker.
    bool role = false;
    for (size_t i = begin; i < end; ++i) {
      role |= is_role_noun(lower_ascii(core(tokens[i].raw)));
      // An apposition that opens with an article describes the name: "Paul Huntley, a Sanders delegate,".
      if (i > begin && tokens[i - 1].raw.ends_with(",")) {
        const std::string opener = lower_ascii(core(tokens[i].raw));
        const bool age = !opener.empty() &&
                         std::all_of(opener.begin(), opener.end(), [](char c) { return c >= '0' && c <= '9'; });
        role |= opener == "a" || opener == "an" || opener == "the" || age;  // "Ramos, 58, told AFP"
      }
    }
    if (!role) return {};
  }
  return std::vector<Token>(tokens.begin() + static_cast<long>(begin), tokens.begin() + static_cast<long>(end));
}

bool is_time_or_place_word(std::string_view folded) {
  static constexpr std::string_view kWords[] = {"on",       "in",     "at",      "during",    "hours",    "after",
                                                "before",   "as",     "while",   "late",      "earlier",  "yesterday",
                                                "today",    "monday", "tuesday", "wednesday", "thursday", "friday",
                                                "saturday", "sunday", "last",    "this",      "when",     "according"};
  return std::find(std::begin(kWords), std::end(kWords), folded) != std::end(kWords);
}

bool is_adverbial_opener(std::string_view folded) {
  static constexpr std::string_view kWords[] = {"in",         "on",        "at",      "during",    "after",    "before",
                                                "since",      "when",      "while",   "as",        "speaking", "writing",
                                                "according",  "by",        "for",     "from",      "with",     "earlier",
                                                "later",      "last",      "this",    "yesterday", "today",    "asked",
                                                "addressing", "following", "despite", "over",      "under",    "through"};
  return std::find(std::begin(kWords), std::end(kWords), folded) != std::end(kWords);
}

// An adverb or auxiliary ends the speaker after its verb: "said the editorial board
// recently", "said the two-term president will".
bool ends_speaker_phrase(string_view raw) {
  const string_view word = core(raw);
  if (word.empty() || !std::islower(static_cast<unsigned char>(word.front()))) return false;
  const std::string folded = lower_ascii(word);
  static constexpr std::string_view kWords[] = {"will",       "would",   "has",        "had",      "is",         "was",
                                                "can",        "could",   "known",      "recently", "reportedly", "later",
                                                "previously", "earlier", "repeatedly", "publicly", "privately",  "quietly",
                                                "simply",     "angrily", "frequently", "once",     "again",      "then"};
  return std::find(std::begin(kWords), std::end(kWords), folded) != std::end(kWords);
}

bool is_opening_conjunction(std::string_view folded) {
  return folded == "but" || folded == "and" || folded == "so" || folded == "yet" || folded == "still";
}

bool is_speech_participle(std::string_view folded) {
  static constexpr std::string_view kWords[] = {"saying",     "adding",     "writing", "noting",     "telling",
                                                "declaring",  "explaining", "arguing", "warning",    "calling",
                                                "asking",     "urging",     "vowing",  "promising",  "describing",
                                                "labeling",   "labelling",  "dubbing", "accusing",   "insisting",
                                                "predicting", "claiming",   "stating", "announcing", "tweeting",
                                                "recalling",  "quipping",   "joking",  "replying",   "responding",
                                                "pleading",   "proclaiming"};
  return std::find(std::begin(kWords), std::end(kWords), folded) != std::end(kWords);
}

// The sentence's subject: its opening words while they are names, roles or "the" (`Clinton
// rallied supporters, saying: “…”` -> Clinton), up to `end`.
std::vector<Token> sentence_subject(const std::vector<Token>& before, size_t end) {
  std::vector<Token> subject;
  for (size_t i = 0; i < end && subject.size() < kMaxSpeakerWords; ++i) {
    const std::string_view word = core(before[i].raw);
    if (!is_capitalized(word) && !is_role_noun(lower_ascii(word)) && !is_role_modifier(lower_ascii(word)) &&
        lower_ascii(word) != "the")
      break;
    subject.push_back(before[i]);
    if (ends_clause(before[i].raw)) break;
  }
  return subject;
}

// The speaker of a quotation from the words of its sentence before it (`before`, ending at the
// quotation's opening mark).
std::optional<Speaker> speaker_before(const Attributor& attributor, const std::vector<Token>& before, size_t at_offset) {
  if (before.empty()) return std::nullopt;
  size_t verb = before.size();
  if (lower_ascii(core(before[verb - 1].raw)) == "that") --verb;
  if (verb > 0 && is_quote_verb(lower_ascii(core(before[verb - 1].raw))))
    return attributor.resolve(phrase_before(before, verb - 1), at_offset, true);
  // Inverted, the verb first: `Continued Stone: “…”`, `Said Dorothy Poynter, who grew up with Ali, “…”`.
  if (before.size() >= 2 && is_quote_verb(lower_ascii(core(before.front().raw))) &&
      is_capitalized(core(before.front().raw))) {
    std::vector<Token> phrase;
    for (size_t i = 1; i < before.size() && phrase.size() < kMaxSpeakerWords; ++i) {
      phrase.push_back(before[i]);
      if (ends_clause(before[i].raw)) break;
    }
    if (auto found = attributor.resolve(phrase, at_offset, true)) return found;
  }
  // A participle just before the quotation, its object between: `Trump went after Bush, calling
  // him “a total stiff”`, `Kasich bemoaned it, saying “…”`: the sentence's subject.
  constexpr size_t kMaxObjectWords = 3;
  for (size_t v = verb; v-- > 0 && verb - v <= kMaxObjectWords + 1;) {
    if (v + 1 < verb && ends_clause(before[v].raw)) break;
    if (!is_speech_participle(lower_ascii(core(before[v].raw)))) continue;
    const std::vector<Token> subject = sentence_subject(before, v);
    if (!subject.empty()) return attributor.resolve(subject, at_offset);
    break;
  }
  // Words between the verb and the quotation end with a comma or colon: `X said on Monday, “…”`.
  const std::string_view last = before.back().raw;
  if (!last.ends_with(",") && !last.ends_with(":")) return std::nullopt;
  for (size_t i = 0; i + 2 < before.size(); ++i)
    if (lower_ascii(core(before[i].raw)) == "according" && lower_ascii(core(before[i + 1].raw)) == "to")
      return attributor.resolve(std::vector<Token>(before.begin() + static_cast<long>(i + 2), before.end()), at_offset);
  constexpr size_t kMaxWordsAfterVerb = 6;
  for (size_t v = before.size(); v-- > 0 && before.size() - v <= kMaxWordsAfterVerb + 1;) {
    const std::string folded = lower_ascii(core(before[v].raw));
    if (is_speech_participle(folded)) {
      // `Clinton rallied supporters, saying: “…”`: the sentence's subject, its opening words.
      const std::vector<Token> subject = sentence_subject(before, v);
      return subject.empty() ? std::nullopt : attributor.resolve(subject, at_offset);
    }
    if (is_quote_verb(folded)) return attributor.resolve(phrase_before(before, v), at_offset);
    if (v + 1 < before.size() && ends_clause(before[v].raw)) break;  // another clause
  }
  // A colon right before the quotation introduces it, whatever the verb: `Cruz called them on it:
  // “…”`, `Politico reveals a few relevant facts: “…”`. The sentence's subject, when it is a
  // person or an organisation the article names.
  if (last.ends_with(":")) {
    const std::vector<Token> subject = sentence_subject(before, before.size() - 1);
    if (subject.empty()) return std::nullopt;
    auto found = attributor.resolve(subject, at_offset);
    if (found && (found->kind == Speaker::Kind::kPerson || found->kind == Speaker::Kind::kOrganization)) return found;
  }
  return std::nullopt;
}

}  // namespace

std::vector<Quote> find_quotes(const Document& document) {
  std::vector<Quote> quotes;
  const std::string* body = document.text && !document.text->empty() ? &*document.text
                            : document.excerpt                       ? &*document.excerpt
                                                                     : nullptr;
  if (!body) return quotes;
  const string_view text = *body;
  Attributor attributor(document, text);
  // Each paragraph's quotations, found once: the attributor needs all of them before any is read.
  std::vector<std::vector<QuoteSpan>> spans_of_paragraph;
  {
    std::vector<std::pair<size_t, size_t>> quoted;
    for (size_t begin = 0; begin < text.size();) {
      size_t end = text.find('\n', begin);
      if (end == string_view::npos) end = text.size();
      spans_of_paragraph.push_back(quote_spans(text.substr(begin, end - begin), begin));
      for (const QuoteSpan& span : spans_of_paragraph.back()) quoted.emplace_back(span.open, span.close_end);
      begin = end + 1;
    }
    attributor.ignore_mentions_within(quoted);
  }
  const std::string publisher = publisher_of(document).name;

  auto add = [&](std::string quoted, const Speaker& speaker, bool reported, std::optional<std::string> told_to) {
    Quote quote;
    quote.text = std::move(quoted);
    quote.speaker = speaker.name;
    quote.speaker_role = speaker.role;
    quote.reported = reported;
    quote.told_to = std::move(told_to);
    quote.via = speaker.via;
    quote.document_id = document.id;
    quote.publisher = publisher;
    quotes.push_back(std::move(quote));
  };

  std::optional<Speaker> previous_paragraph_speaker;
  string_view previous_paragraph;  // the last one with words, trimmed
  size_t paragraph_begin = 0;
  size_t paragraph_index = 0;  // into spans_of_paragraph: the same paragraphs, in order
  while (paragraph_begin < text.size()) {
    size_t paragraph_end = text.find('\n', paragraph_begin);
    if (paragraph_end == string_view::npos) paragraph_end = text.size();
    const string_view paragraph = text.substr(paragraph_begin, paragraph_end - paragraph_begin);
    const std::vector<QuoteSpan>& spans = spans_of_paragraph[paragraph_index++];
    std::optional<Speaker> last_speaker;
    std::vector<std::pair<size_t, size_t>> direct_ranges;          // long quotations: no reported speech there
    std::vector<std::optional<Speaker>> speaker_of(spans.size());  // each quotation's, once known
    std::vector<bool> shown(spans.size(), false);                  // long enough to be shown

    for (size_t k = 0; k < spans.size(); ++k) {
      const QuoteSpan& span = spans[k];
      const string_view inner = text.substr(span.inner_begin, span.inner_end - span.inner_begin);
      // A short quotation ("“It’s fine,” Trump said. “And ...”") is not shown, but its attribution
      // carries on to the quotation that continues it.
      const bool too_short = word_count(inner) < kMinQuoteWords;
      shown[k] = !too_short;
      if (!too_short) direct_ranges.emplace_back(span.open, span.close_end);
      const size_t next_open = k + 1 < spans.size() ? spans[k + 1].open : paragraph_end;
      const size_t previous_close = k > 0 ? spans[k - 1].close_end : paragraph_begin;
      std::optional<Speaker> speaker;

      // After the quotation: ", said X" / ", X said" / ", according to X".
      size_t after_end = std::min(next_open, span.close_end + kWindowBytes);
      auto after = tokens_between(text, span.close_end, after_end);
      while (!after.empty() && core(after.front().raw).empty()) after.erase(after.begin());
      if (!after.empty()) {
        const std::string first = lower_ascii(core(after.front().raw));
        if (is_quote_verb(first) && !ends_clause(after.front().raw)) {
          std::vector<Token> phrase;
          for (size_t i = 1; i < after.size() && phrase.size() < kMaxSpeakerWords; ++i) {
            const std::string folded = lower_ascii(core(after[i].raw));
            // "said Trump in his speech": the speaker ends where the circumstances begin.
            if (phrase.size() > 0 &&
                (is_clause_boundary(folded) || is_time_or_place_word(folded) || ends_speaker_phrase(after[i].raw)))
              break;
            phrase.push_back(after[i]);
            if (ends_clause(after[i].raw)) break;
          }
          speaker = attributor.resolve(phrase, span.open, true);
        } else if (first == "according" && after.size() > 2 && lower_ascii(core(after[1].raw)) == "to") {
          std::vector<Token> phrase;
          for (size_t i = 2; i < after.size() && phrase.size() < kMaxSpeakerWords; ++i) {
            phrase.push_back(after[i]);
            if (ends_clause(after[i].raw)) break;
          }
          speaker = attributor.resolve(phrase, span.open);
        } else {
          // Up to a name and an apposition: `”, Fred Kagan, director of the Critical Threats Project, said`.
          for (size_t v = 1; v < after.size() && v <= kMaxSpeakerWords + kMaxAppositionWords && !speaker; ++v) {
            if (!is_quote_verb(lower_ascii(core(after[v].raw)))) continue;
            auto phrase = phrase_before(after, v);
            // The phrase must start right after the quotation: `”, X said`, not a later clause.
            if (!phrase.empty() && phrase.front().offset == after.front().offset)
              speaker = attributor.resolve(phrase, span.open, true);
            break;
          }
        }
      }
      // Before the quotation: `X said: “…”`, `X stated, “…”`, `X said that “…”`, `X said on
      // Monday, “…”`, `According to X, “…”`, `…, saying: “…”`.
      if (!speaker) {
        const size_t window_begin = std::max(previous_close, span.open > kWindowBytes ? span.open - kWindowBytes : 0);
        const size_t start = sentence_start(text, window_begin, span.open);
        speaker = speaker_before(attributor, tokens_between(text, start, span.open), span.open);
      }
      // `X continued:` closing the paragraph before one that opens with the quotation.
      if (!speaker && k == 0 && span.open == paragraph_begin && !previous_paragraph.empty() &&
          previous_paragraph.back() == ':') {
        const size_t previous_begin = static_cast<size_t>(previous_paragraph.data() - text.data());
        const size_t start = sentence_start(text, previous_begin, previous_begin + previous_paragraph.size());
        speaker = speaker_before(attributor, tokens_between(text, start, previous_begin + previous_paragraph.size()),
                                 span.open);
      }
      // Continuation: a second quotation in the same paragraph, or a paragraph that is only a
      // quotation right after an attributed one, is the same speaker's.
      if (!speaker && last_speaker) speaker = last_speaker;
      if (!speaker && k == 0 && span.open == paragraph_begin && previous_paragraph_speaker)
        speaker = previous_paragraph_speaker;
      // Inside reported speech: `X said (that) he is “…”`, `X told reporters that “…”`: the
      // sentence's speech verb and its speaker, earlier in the sentence.
      if (!speaker && !too_short) {
        // From the sentence's start, across earlier quotations in it: `X said agents would be “screaming” if “…”`.
        const size_t window_begin = std::max(paragraph_begin, span.open > kWindowBytes ? span.open - kWindowBytes : 0);
        const size_t start = sentence_start(text, window_begin, span.open);
        const auto before = tokens_between(text, start, span.open);
        for (size_t v = 1; v < before.size() && !speaker; ++v) {
          if (!is_embedding_verb(lower_ascii(core(before[v].raw))) || ends_clause(before[v].raw)) continue;
          auto phrase = phrase_before(before, v);
          // The sentence's subject only: at its start, or after a fronted adverbial ("On Monday, Trump said ...").
          if (phrase.empty()) break;
          const auto first = std::find_if(before.begin(), before.end(),
                                          [&](const Token& t) { return t.offset == phrase.front().offset; });
          // A conjunction may open the sentence: "But despite the kind words, Trump says …".
          auto opening = before.begin();
          if (is_opening_conjunction(lower_ascii(core(opening->raw)))) ++opening;
          const bool at_start = first == opening;
          const std::string opener = lower_ascii(core(opening->raw));
          // "On Monday, …", "Promising that …, Bolton said …": a fronted adverbial or participle.
          const bool after_adverbial = first > opening && (first - 1)->raw.ends_with(",") &&
                                       (is_adverbial_opener(opener) || opener.ends_with("ing"));
          if (!at_start && !after_adverbial) break;
          auto found = attributor.resolve(phrase, span.open);
          if (found) speaker = found;
          break;
        }
        // Otherwise a person who is the sentence's subject, whatever the verb, speaks the
        // quotation later in it: `Cruz blamed the law on “knuckleheaded Democratic politicians.”`.
        if (!speaker && !before.empty()) {
          auto opening = before.begin();
          if (is_opening_conjunction(lower_ascii(core(opening->raw)))) ++opening;
          const std::vector<Token> rest(opening, before.end());
          const std::vector<Token> subject = sentence_subject(rest, rest.size());
          if (!subject.empty() && subject.size() < rest.size() && !ends_clause(subject.back().raw)) {
            auto found = attributor.resolve(subject, span.open);
            if (found && found->kind != Speaker::Kind::kUnknownName) speaker = found;
          }
        }
      }
      if (!speaker) continue;
      last_speaker = speaker;
      speaker_of[k] = speaker;
    }
    // `“…”  “…,” X said.`: a quotation right before an attributed one, nothing but spaces
    // between them, is the same speaker's.
    for (size_t k = spans.size(); k-- > 1;) {
      if (speaker_of[k - 1] || !speaker_of[k]) continue;
      const string_view between = text.substr(spans[k - 1].close_end, spans[k].open - spans[k - 1].close_end);
      if (std::all_of(between.begin(), between.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }))
        speaker_of[k - 1] = speaker_of[k];
    }
    for (size_t k = 0; k < spans.size(); ++k)
      if (speaker_of[k] && shown[k])
        add(trim_quote_text(text.substr(spans[k].inner_begin, spans[k].inner_end - spans[k].inner_begin)), *speaker_of[k],
            false, std::nullopt);

    // Reported speech: "X said (that) …" in sentences that are not themselves quotations.
    for (string_view sentence : text::split_sentences(paragraph)) {
      const size_t sentence_begin = static_cast<size_t>(sentence.data() - text.data());
      const size_t sentence_end = sentence_begin + sentence.size();
      const bool quoted = std::any_of(direct_ranges.begin(), direct_ranges.end(), [&](const auto& range) {
        return range.first < sentence_end && range.second > sentence_begin;
      });
      if (quoted) continue;
      const auto tokens = tokenize(sentence, sentence_begin);
      for (size_t v = 1; v < tokens.size(); ++v) {
        const std::string verb = lower_ascii(core(tokens[v].raw));
        if (!is_reporting_verb(verb)) continue;
        // Inverted: "No one was hurt, said the fire chief, James Steele."
        if (tokens[v - 1].raw.ends_with(",") && v + 1 < tokens.size() && tokens.size() - v - 1 <= kMaxSpeakerWords) {
          std::vector<Token> after(tokens.begin() + static_cast<long>(v + 1), tokens.end());
          auto speaker = attributor.resolve(after, tokens[v].offset);
          if (speaker && (speaker->kind == Speaker::Kind::kPerson || speaker->kind == Speaker::Kind::kOrganization)) {
            std::string content = join(tokens, 0, v);
            while (!content.empty() && (content.back() == '.' || content.back() == ',')) content.pop_back();
            if (word_count(content) >= kMinReportedWords && !is_adverbial_opener(lower_ascii(core(tokens[0].raw))))
              add(std::move(content), *speaker, true, std::nullopt);
            break;
          }
        }
        auto phrase = phrase_before(tokens, v);
        if (phrase.empty()) break;
        auto speaker = attributor.resolve(phrase, tokens[v].offset);
        if (!speaker || (speaker->kind != Speaker::Kind::kPerson && speaker->kind != Speaker::Kind::kOrganization)) break;
        // Where the reported words are: after "that", after the verb, or before ", X said on …".
        size_t content_begin = v + 1;
        std::optional<std::string> told_to;
        size_t that = tokens.size();
        for (size_t i = v + 1; i < tokens.size() && i <= v + 8; ++i)
          if (lower_ascii(core(tokens[i].raw)) == "that") {
            that = i;
            break;
          }
        std::string content;
        if (that < tokens.size()) {
          if (verb == "told" && that > v + 1) told_to = join(tokens, v + 1, that);
          content_begin = that + 1;
          content = content_begin < tokens.size() ? join(tokens, content_begin, tokens.size()) : "";
        } else if (verb == "told") {
          break;
        } else if (v + 1 >= tokens.size() || is_time_or_place_word(lower_ascii(core(tokens[v + 1].raw))) ||
                   ends_clause(tokens[v].raw)) {
          const size_t phrase_begin = static_cast<size_t>(
              std::find_if(tokens.begin(), tokens.end(), [&](const Token& t) { return t.offset == phrase.front().offset; }) -
              tokens.begin());
          if (phrase_begin == 0 || !tokens[phrase_begin - 1].raw.ends_with(",")) break;
          // "In an e-mail on Thursday, Henry said ...": a fronted adverbial, not what was said.
          if (is_adverbial_opener(lower_ascii(core(tokens[0].raw)))) break;
          content = join(tokens, 0, phrase_begin);
        } else {
          content = join(tokens, content_begin, tokens.size());
        }
        while (!content.empty() && (content.back() == '.' || content.back() == ',')) content.pop_back();
        if (word_count(content) >= kMinReportedWords) add(std::move(content), *speaker, true, std::move(told_to));
        break;
      }
    }

    if (!spans.empty()) previous_paragraph_speaker = last_speaker;
    else if (!paragraph.empty()) previous_paragraph_speaker.reset();
    string_view trimmed = paragraph;
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.remove_suffix(1);
    if (!trimmed.empty()) previous_paragraph = trimmed;
    paragraph_begin = paragraph_end + 1;
  }
  // Paragraph order; within a paragraph, its direct quotations before its reported speech.
  return quotes;
}

}  // namespace storyline::summarize
