#pragma once
// PolNeAR (../shared/data/quotes/polnear): 924 political news articles of 2015-2016 from seven
// publishers, with who said what annotated in brat standoff (source, cue, content). Read in place
// from its archive; for articles annotated by several people, metadata.tsv's first annotator only,
// so that every relation counts once and the figures repeat.
#include <string>
#include <string_view>
#include <vector>

namespace storyline::eval {

struct ByteSpan {
  size_t begin = 0, end = 0;  // byte offsets into the article text, end exclusive
};

struct Attribution {
  std::vector<ByteSpan> source;  // empty when the annotators named none
  std::vector<ByteSpan> cue;
  std::vector<ByteSpan> content;  // a span may be cut in parts ("...", he said, "...")
  std::string source_text;        // the source's parts joined by a space
};

struct PolnearArticle {
  std::string name;       // "breitbart_2016-09-12_stealth-over-health-hillary-clin"
  std::string publisher;  // "breitbart"
  std::string title;      // metadata's
  std::string text;       // the headline first, then paragraphs separated by blank lines
  std::vector<Attribution> attributions;
};

// The articles of one compartment ("train" or "dev"). Throws std::runtime_error naming the file
// and line when the archive or metadata cannot be read or an annotation is malformed.
std::vector<PolnearArticle> read_polnear(const std::string& folder, std::string_view compartment);

// One .ann file's relations over `text` (offsets in code points, as brat counts them, turned into
// bytes). `name` is for error messages.
std::vector<Attribution> parse_brat_attributions(std::string_view ann, std::string_view text, std::string_view name);

}  // namespace storyline::eval
