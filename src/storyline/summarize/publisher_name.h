#pragma once
// The name a reader knows a publisher by: its site name, else its domain, else "" (unknown).
#include <string>

#include "storyline/core/document.h"

namespace storyline::summarize {

inline std::string publisher_name(const Document& document) {
  if (document.site_name && !document.site_name->empty()) return *document.site_name;
  if (document.domain && !document.domain->empty()) return *document.domain;
  return {};
}

}  // namespace storyline::summarize
