#include "storyline/extract/scraped_text_extractor.h"

#include <string>

namespace storyline::extract {

// Baseline until the chrome-removing extractor lands: first line is the title, the rest the body.
Document extract_scraped_text(std::string_view utf8_text, const PageContext& context) {
  Document document;
  document.source = context.source;
  document.url = context.url;
  size_t pos = 0;
  while (pos < utf8_text.size()) {
    size_t end = utf8_text.find('\n', pos);
    if (end == std::string_view::npos) end = utf8_text.size();
    std::string_view line = utf8_text.substr(pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    document.title = std::string(line);
    break;
  }
  if (pos < utf8_text.size()) document.text = std::string(utf8_text.substr(pos));
  return document;
}

}  // namespace storyline::extract
