#pragma once
// What an extractor knows about a page besides its content.
#include <optional>
#include <string>

namespace storyline::extract {

struct PageContext {
  std::string source;                        // where the bytes came from (path or URL), for ids and errors
  std::optional<std::string> url;            // the page's own URL when known from outside
  std::optional<std::string> language_hint;  // a feed's <language>, say
};

}  // namespace storyline::extract
