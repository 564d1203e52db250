#include "storyline/label/entity_recognizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <unordered_set>
#include <utility>

#include "storyline/label/gazetteer.h"
#include "storyline/label/name_cues.h"
#include "storyline/text/stop_words.h"
#include "storyline/text/tokenize.h"
#include "storyline/text/utf8.h"

namespace storyline::label {
namespace {

using Words = std::vector<text::Word>;

bool starts_upper(std::string_view word) {
  size_t pos = 0;
  const char32_t first = text::next_code_point(word, pos);
  return u_isupper(static_cast<UChar32>(first)) || u_istitle(static_cast<UChar32>(first));
}

bool is_acronym(std::string_view word) {
  size_t letters = 0;
  for (char c : word) {
    if (std::isupper(static_cast<unsigned char>(c))) ++letters;
    else if (c != '.') return false;
  }
  return letters >= 2 && letters <= 6;
}

struct Candidate {
  std::string text;
  size_t offset = 0;
  size_t word_count = 0;
  bool sentence_initial = false;
  bool person_cue = false;
  bool location_cue = false;
  // Written just before a title: the title holder's employer ("Alibaba Chief Executive Officer").
  bool employer_cue = false;
};

std::string join_words(std::string_view sentence, const Words& words, size_t begin, size_t end) {
  const size_t from = words[begin].offset;
  const size_t to = words[end - 1].offset + words[end - 1].text.size();
  std::string joined(sentence.substr(from, to - from));
  // Keep an initial's final period ("J.D. Vance" is written "J.D" by the word breaker).
  return joined;
}

// Only spaces (or an initial's period) between two words keep them in one name.
bool joined_by_space(std::string_view sentence, const text::Word& left, const text::Word& right) {
  const size_t from = left.offset + left.text.size();
  std::string_view gap = sentence.substr(from, right.offset - from);
  if (gap.starts_with('.') && (left.text.size() <= 3)) gap.remove_prefix(1);
  if (gap.empty()) return !left.text.empty();  // "al-Adha": hyphen-joined words come apart in the breaker
  return gap.find_first_not_of(' ') == std::string_view::npos;
}

std::string_view gap_between(std::string_view sentence, const text::Word& left, const text::Word& right) {
  const size_t from = left.offset + left.text.size();
  return right.offset < from ? std::string_view() : sentence.substr(from, right.offset - from);
}

// "Kuo-yu", "Sang-min": a hyphen joins the parts of one given name, whatever their case.
bool joined_by_hyphen(std::string_view sentence, const text::Word& left, const text::Word& right) {
  const std::string_view gap = gap_between(sentence, left, right);
  return gap == "-" || gap == "\u2010" || gap == "\u2011";
}

// Words as names need them: possessives cut ("Pakistan’s" -> "Pakistan"), an initialism's final
// period kept ("U.S" -> "U.S.").
Words name_words(std::string_view sentence) {
  Words words = text::split_words(sentence);
  for (auto& word : words) {
    for (std::string_view suffix : {"\u2019s", "'s"}) {
      if (word.text.size() > suffix.size() + 1 && word.text.ends_with(suffix)) word.text.remove_suffix(suffix.size());
    }
    const size_t end = word.offset + word.text.size();
    if (word.text.find('.') != std::string_view::npos && end < sentence.size() && sentence[end] == '.')
      word.text = sentence.substr(word.offset, word.text.size() + 1);
  }
  return words;
}

// Headlines capitalize every word, so capitalization says nothing there: most words capitalized
// and the rest only function words ("Taliban Offers to Open Relations with America").
bool is_title_case(const Words& words) {
  size_t capitalized = 0;
  for (const auto& word : words) {
    if (starts_upper(word.text)) {
      ++capitalized;
    } else if (std::isalpha(static_cast<unsigned char>(word.text[0])) &&
               !text::is_stop_word("en", text::fold_case(word.text))) {
      return false;
    }
  }
  return words.size() >= 4 && capitalized * 10 >= words.size() * 6;
}

// Splits words[begin, end) into the longest gazetteer names (up to 4 words); true when every word
// is covered, which makes "Pakistan Afghan" two names rather than one unknown.
bool gazetteer_segments(std::string_view sentence, const Words& words, size_t begin, size_t end,
                        std::vector<std::pair<size_t, size_t>>& segments) {
  const Gazetteer& gazetteer = Gazetteer::instance();
  segments.clear();
  bool covered = true;
  for (size_t k = begin; k < end;) {
    size_t best = 0;
    for (size_t length = std::min<size_t>(4, end - k); length >= 1; --length) {
      const size_t from = words[k].offset, to = words[k + length - 1].offset + words[k + length - 1].text.size();
      if (gazetteer.lookup(sentence.substr(from, to - from))) {
        best = length;
        break;
      }
    }
    if (best == 0) {
      covered = false;
      ++k;
    } else {
      segments.emplace_back(k, k + best);
      k += best;
    }
  }
  return covered;
}

bool opens_quote(std::string_view sentence, const text::Word& word) {
  if (word.offset == 0) return false;
  const std::string_view before = sentence.substr(0, word.offset);
  return before.ends_with("\"") || before.ends_with("\u201c") || before.ends_with("'") || before.ends_with("\u2018");
}

void candidates_in_sentence(std::string_view sentence, size_t sentence_offset, std::vector<Candidate>& out) {
  const Words words = name_words(sentence);
  std::vector<std::pair<size_t, size_t>> segments;
  if (is_title_case(words)) {
    // Only names the gazetteer knows; others are found where the body mentions them.
    for (size_t i = 0; i < words.size(); ++i) {
      if (!starts_upper(words[i].text)) continue;
      size_t end = i + 1;
      while (end < words.size() && starts_upper(words[end].text) && joined_by_space(sentence, words[end - 1], words[end]))
        ++end;
      gazetteer_segments(sentence, words, i, end, segments);
      for (const auto& [from, to] : segments) {
        // Lone capitalized headline words that are also an organization's name ("International")
        // are too ambiguous; the body names such organizations if they matter.
        const auto type = Gazetteer::instance().lookup(join_words(sentence, words, from, to));
        if (to - from == 1 && type != NameType::kLocation) continue;
        out.push_back(
            {join_words(sentence, words, from, to), sentence_offset + words[from].offset, to - from, true, false, false});
      }
      i = end - 1;
    }
    return;
  }
  bool previous_was_person = false;
  size_t previous_candidate = SIZE_MAX;  // the last candidate of the run before, in `out`
  size_t previous_end = 0;
  size_t i = 0;
  while (i < words.size()) {
    if (!starts_upper(words[i].text)) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < words.size() && (joined_by_space(sentence, words[end - 1], words[end]) ||
                                  joined_by_hyphen(sentence, words[end - 1], words[end]))) {
      if (starts_upper(words[end].text)) {
        ++end;
      } else if (joined_by_hyphen(sentence, words[end - 1], words[end]) && !is_hyphen_suffix(words[end].text)) {
        ++end;
      } else if (is_name_connector(words[end].text) && end + 1 < words.size() && starts_upper(words[end + 1].text) &&
                 joined_by_space(sentence, words[end], words[end + 1])) {
        end += 2;
      } else {
        break;
      }
    }
    // Context just outside the run.
    const std::string before = i > 0 ? text::fold_case(words[i - 1].text) : "";
    const std::string after = end < words.size() ? text::fold_case(words[end].text) : "";
    size_t begin = i;
    // "Adam Boehler and Zalmay Khalilzad": a name joined by "and" to a person is a person.
    const bool conjoined_person = previous_was_person && before == "and" && previous_end + 1 == i;
    bool person_cue = is_person_context_before(before) || is_speech_verb(after) || conjoined_person;
    const bool location_cue = is_location_context_before(before);
    const bool sentence_initial = i == 0 || opens_quote(sentence, words[i]);
    const size_t out_before = out.size();
    // Split the run at titles: "Taliban Foreign Minister Amir Khan Muttaqi" -> "Taliban" + person.
    for (size_t k = begin; k < end; ++k) {
      if (!is_title_word(words[k].text)) continue;
      // "Daniel Zhang, Alibaba Chief Executive Officer,": the name the title is set beside is a person.
      if (previous_end == i && i > 0 && previous_candidate < out.size() && out[previous_candidate].word_count >= 2 &&
          gap_between(sentence, words[i - 1], words[i]) == ", ")
        out[previous_candidate].person_cue = true;
      if (k > begin) {
        out.push_back({join_words(sentence, words, begin, k), sentence_offset + words[begin].offset, k - begin,
                       sentence_initial && begin == i, false, location_cue, true});
      }
      size_t name = k;
      while (name < end && is_title_filler(words[name].text)) ++name;
      begin = name;
      person_cue = true;
      break;
    }
    // Sentence openers ("The United States", "However Biden") lose their first word.
    while (begin < end && begin == i && sentence_initial && is_common_capitalized(words[begin].text)) ++begin;
    while (begin < end && is_common_capitalized(words[begin].text) && end - begin == 1) ++begin;
    // "The US", "the Taliban": a leading article goes when what follows is a known name.
    if (end - begin >= 2 && (words[begin].text == "The" || words[begin].text == "A")) {
      const std::string rest = join_words(sentence, words, begin + 1, end);
      if (Gazetteer::instance().lookup(rest) || is_acronym(rest)) ++begin;
    }
    if (begin < end) {
      const std::string name = join_words(sentence, words, begin, end);
      // A known person's single name opening a longer run is a given name and the rest its
      // surname ("Hillary Clinton", not the person Hillary and the town of Clinton).
      const auto opener = Gazetteer::instance().lookup(words[begin].text);
      const bool given_name = end - begin >= 2 && end - begin <= 3 && opener == NameType::kPerson;
      if (given_name) person_cue = true;
      if (end - begin >= 2 && !Gazetteer::instance().lookup(name) && !person_cue &&
          gazetteer_segments(sentence, words, begin, end, segments)) {
        for (const auto& [from, to] : segments)
          out.push_back({join_words(sentence, words, from, to), sentence_offset + words[from].offset, to - from,
                         sentence_initial && from == i, false, location_cue && from == i});
      } else {
        out.push_back({name, sentence_offset + words[begin].offset, end - begin, sentence_initial && begin == i, person_cue,
                       location_cue && begin == i});
      }
    }
    previous_was_person = out.size() > out_before && out.back().person_cue;
    previous_candidate = out.size() > out_before ? out.size() - 1 : SIZE_MAX;
    previous_end = end;
    i = end;
  }
}

struct Tally {
  std::string type;
  int count = 0;
  size_t first_offset = 0;
  int person_votes = 0;
  int location_votes = 0;
  int employer_votes = 0;
  bool mid_sentence = false;
  size_t word_count = 0;
};

// One name for the forms news uses for the same country.
std::string canonical_name(const std::string& name) {
  for (std::string_view us : {"U.S.", "US", "USA", "U.S.A.", "America"})
    if (name == us) return "United States";
  for (std::string_view uk : {"UK", "U.K.", "Britain", "Great Britain"})
    if (name == uk) return "United Kingdom";
  return name;
}

std::optional<std::string> fixed_type(const std::string& name) {
  const Gazetteer& gazetteer = Gazetteer::instance();
  if (auto type = gazetteer.lookup(name)) return std::string(name_type_label(*type));
  return std::nullopt;
}

}  // namespace

std::vector<EntityMention> recognize_entities(std::string_view utf8_text) {
  std::vector<Candidate> candidates;
  size_t paragraph_start = 0;
  while (paragraph_start < utf8_text.size()) {
    size_t paragraph_end = utf8_text.find('\n', paragraph_start);
    if (paragraph_end == std::string_view::npos) paragraph_end = utf8_text.size();
    const std::string_view paragraph = utf8_text.substr(paragraph_start, paragraph_end - paragraph_start);
    for (std::string_view sentence : text::split_sentences(paragraph))
      candidates_in_sentence(sentence, paragraph_start + static_cast<size_t>(sentence.data() - paragraph.data()),
                             candidates);
    paragraph_start = paragraph_end + 1;
  }

  std::map<std::string, Tally> tallies;
  for (const Candidate& candidate : candidates) {
    Tally& tally = tallies[canonical_name(candidate.text)];
    if (tally.count == 0) tally.first_offset = candidate.offset;
    ++tally.count;
    tally.person_votes += candidate.person_cue;
    tally.location_votes += candidate.location_cue;
    tally.employer_votes += candidate.employer_cue;
    tally.mid_sentence = tally.mid_sentence || !candidate.sentence_initial;
    tally.word_count = candidate.word_count;
  }

  // A full name is a person's when its last word, written alone, is: "Donald Trump" where the text
  // also has "Trump said".
  for (auto& [name, tally] : tallies) {
    const size_t space = name.rfind(' ');
    if (tally.person_votes > 0 || tally.word_count < 2 || tally.word_count > 3 || space == std::string::npos) continue;
    const auto surname = tallies.find(name.substr(space + 1));
    if (surname != tallies.end() && surname->second.person_votes > 0) tally.person_votes = 1;
  }
  // Type each distinct name.
  for (auto& [name, tally] : tallies) {
    if (auto type = fixed_type(name)) {
      tally.type = *type;
    } else if (tally.employer_votes > 0 && tally.employer_votes >= tally.person_votes) {
      // "Alibaba" in "Alibaba Chief Executive Officer Daniel Zhang", even where "Alibaba said".
      tally.type = "organization";
    } else if (tally.person_votes > 0 && tally.word_count <= 4) {
      tally.type = "person";
    } else if (is_acronym(name) || is_organization_suffix(name.substr(name.rfind(' ') + 1))) {
      tally.type = "organization";
    } else if (tally.location_votes > 0 && tally.word_count <= 3) {
      tally.type = "location";
    } else if (tally.word_count >= 2 || (tally.mid_sentence && tally.count >= 2)) {
      tally.type = "other";
    }
  }
  // Short forms join the full name they abbreviate: "Blinken" -> "Antony Blinken".
  for (auto& [name, tally] : tallies) {
    if (tally.word_count != 1) continue;
    for (auto& [full, full_tally] : tallies) {
      if (full_tally.word_count < 2 || full_tally.type != "person" || &full_tally == &tally) continue;
      const bool is_last = full.size() > name.size() && full.ends_with(name) && full[full.size() - name.size() - 1] == ' ';
      const bool is_first = full.starts_with(name + " ");
      if (is_last || (is_first && tally.type != "location")) {
        full_tally.count += tally.count;
        full_tally.first_offset = std::min(full_tally.first_offset, tally.first_offset);
        tally.type.clear();
        break;
      }
    }
    // A single unknown word seen once at a sentence start is most likely not a name.
    if (!tally.type.empty() && tally.type == "other" && !tally.mid_sentence) tally.type.clear();
    if (!tally.type.empty() && tally.type != "location" && tally.type != "organization" && !tally.mid_sentence &&
        tally.person_votes == 0 && !fixed_type(name))
      tally.type.clear();
  }

  std::vector<EntityMention> entities;
  for (auto& [name, tally] : tallies)
    if (!tally.type.empty()) entities.push_back({name, tally.type, tally.count, tally.first_offset});
  std::sort(entities.begin(), entities.end(), [](const EntityMention& a, const EntityMention& b) {
    return a.count != b.count ? a.count > b.count : a.first_offset < b.first_offset;
  });
  return entities;
}

// "Taliban Warns US Not To 'Destabilise' Regime In Face-to-face Talks": in a Title Case headline
// every word is capitalized, so capitals say nothing about names there. Looser than the
// sentence check is_title_case(Words) above, which a single lower-case word ("face" in
// "Face-to-face") defeats: here most words of four letters or more capitalized is enough, since
// the whole headline is only skipped when the body is there to be read instead.
bool is_title_case_headline(std::string_view headline) {
  size_t long_words = 0, capitalized = 0;
  bool first = true;
  for (const text::Word& word : text::split_words(headline)) {
    if (std::exchange(first, false) || word.text.size() < 4) continue;
    ++long_words;
    capitalized += starts_upper(word.text);
  }
  return long_words >= 2 && capitalized * 10 >= long_words * 7;
}

std::vector<EntityMention> document_mentions(const Document& document) {
  // A Title Case headline is left out: the names in it are in the body too.
  std::string_view body;
  if (document.text) body = *document.text;
  else if (document.excerpt) body = *document.excerpt;
  body = text::utf8_prefix(body, kMaxNamedTextBytes);
  std::string text;
  if (document.title && !(is_title_case_headline(*document.title) && !body.empty())) text = *document.title + "\n";
  text += body;
  return recognize_entities(text);
}

std::vector<Entity> as_entities(const std::vector<EntityMention>& mentions, size_t limit) {
  std::vector<Entity> result;
  for (const auto& mention : mentions) {
    if (result.size() >= limit) break;
    result.push_back({mention.text, mention.type});
  }
  return result;
}

std::vector<Entity> document_entities(const Document& document, size_t limit) {
  return as_entities(document_mentions(document), limit);
}

}  // namespace storyline::label
