#include "storyline/label/news_rules.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "storyline/core/table_rows.h"
#include "storyline/label/section_category.h"
#include "storyline/text/tokenize.h"

namespace storyline::label {
namespace {

constexpr std::string_view kTable =
#include "storyline/label/not_news_phrases.tsv.inc"
    ;

// Only the start of a body is searched: placeholder and licence texts show at once.
constexpr size_t kSearchedTextBytes = 4096;

enum class Field { kTitle, kText, kType, kSection };
enum class Match { kContains, kEquals, kStarts, kPattern };

struct Rule {
  Field field;
  Match match;
  std::string phrase;
  std::string reason;
  // kPattern: the phrase as an ICU regular expression (each thread keeps one matcher of it: matches()).
  std::shared_ptr<const icu::RegexPattern> pattern;
};

// ICU's regular expressions: a pattern must know which letters are words in any script
// ("как удалить", "cómo subir"), which std::regex does not.
std::shared_ptr<const icu::RegexPattern> compile(const std::string& expression, const std::string& where) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError error{};
  std::shared_ptr<const icu::RegexPattern> pattern(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(expression), error, status));
  if (U_FAILURE(status) || !pattern)
    throw std::logic_error(where + "bad pattern '" + expression + "' (" + u_errorName(status) + ")");
  return pattern;
}

std::vector<Rule> parse_rules(std::string_view data) {
  std::vector<Rule> rules;
  for_each_table_row(data, [&](size_t line, const TableRow& fields) {
    const std::string where = "not_news_phrases.tsv:" + std::to_string(line) + ": ";
    if (fields.size() != 4) throw std::logic_error(where + "expected 4 tab-separated fields");
    Rule rule;
    if (fields[0] == "title") rule.field = Field::kTitle;
    else if (fields[0] == "text") rule.field = Field::kText;
    else if (fields[0] == "type") rule.field = Field::kType;
    else if (fields[0] == "section") rule.field = Field::kSection;
    else throw std::logic_error(where + "field must be title, text, type or section");
    if (fields[1] == "contains") rule.match = Match::kContains;
    else if (fields[1] == "equals") rule.match = Match::kEquals;
    else if (fields[1] == "starts") rule.match = Match::kStarts;
    else if (fields[1] == "pattern") rule.match = Match::kPattern;
    else throw std::logic_error(where + "match must be contains, equals, starts or pattern");
    rule.phrase = std::string(fields[2]);
    rule.reason = std::string(fields[3]);
    if (rule.phrase.empty()) throw std::logic_error(where + "empty phrase");
    if (rule.match == Match::kPattern) rule.pattern = compile(rule.phrase, where);
    rules.push_back(std::move(rule));
  });
  return rules;
}

const std::vector<Rule>& rules() {
  static const std::vector<Rule> parsed = parse_rules(kTable);
  return parsed;
}

// Case-folded, every run of white space (no-break spaces too) one space, trimmed.
std::string normalized(std::string_view text) {
  std::string folded = text::fold_case(text);
  for (size_t at = folded.find("\xC2\xA0"); at != std::string::npos; at = folded.find("\xC2\xA0", at))
    folded.replace(at, 2, " ");
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string_view utf8_prefix(std::string_view text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

// A field's text, and the same in ICU's UTF-16 once a pattern needs it (made once per document).
class FieldText {
 public:
  explicit FieldText(const std::string& utf8) : utf8_(utf8) {}
  const std::string& utf8() const { return utf8_; }
  const icu::UnicodeString& utf16() {
    if (!utf16_) utf16_ = icu::UnicodeString::fromUTF8(utf8_);
    return *utf16_;
  }

 private:
  const std::string& utf8_;
  std::optional<icu::UnicodeString> utf16_;
};

bool matches(size_t index, const Rule& rule, FieldText& value) {
  switch (rule.match) {
    case Match::kContains: return value.utf8().find(rule.phrase) != std::string::npos;
    case Match::kEquals: return value.utf8() == rule.phrase;
    case Match::kStarts: return value.utf8().starts_with(rule.phrase);
    case Match::kPattern: {
      // One matcher per rule and thread, reset to each text: a matcher made per text cost more
      // than the rest of the decision.
      thread_local std::vector<std::unique_ptr<icu::RegexMatcher>> matchers;
      if (matchers.size() <= index) matchers.resize(index + 1);
      UErrorCode status = U_ZERO_ERROR;
      if (!matchers[index]) matchers[index].reset(rule.pattern->matcher(status));
      if (U_FAILURE(status) || !matchers[index]) return false;
      icu::RegexMatcher& matcher = *matchers[index];
      matcher.reset(value.utf16());  // reads the text, not a copy
      const bool found = matcher.find(status) && U_SUCCESS(status);
      static const icu::UnicodeString kNothing;
      matcher.reset(kNothing);  // holds nothing of this document once it returns
      return found;
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> not_news_reason(const Document& document) {
  const std::string title = normalized(utf8_prefix(field_view(document.title), 1024));
  const std::string body = normalized(utf8_prefix(field_view(document.text), kSearchedTextBytes));
  std::vector<std::string> types;
  for (const std::string& type : document.page_types) types.push_back(normalized(type));
  const std::vector<std::string> sections = section_names(field_view(document.url), field_view(document.section));
  FieldText title_text(title), body_text(body);
  const std::vector<Rule>& all = rules();
  for (size_t index = 0; index < all.size(); ++index) {
    const Rule& rule = all[index];
    if (rule.field == Field::kType || rule.field == Field::kSection) {
      for (const std::string& name : rule.field == Field::kType ? types : sections) {
        FieldText text(name);
        if (matches(index, rule, text)) return rule.reason;
      }
    } else if (matches(index, rule, rule.field == Field::kTitle ? title_text : body_text)) {
      return rule.reason;
    }
  }
  return std::nullopt;
}

}  // namespace storyline::label
