#include "storyline/extract/finalize.h"

#include "storyline/core/url.h"
#include "storyline/extract/document_id.h"
#include "storyline/text/language.h"
#include "storyline/text/normalize.h"

namespace storyline::extract {
namespace {

void clean_optional_inline(std::optional<std::string>& field) {
  if (!field) return;
  *field = text::clean_inline(*field);
  if (field->empty()) field.reset();
}

}  // namespace

void finalize_document(Document& document, const PageContext& context) {
  if (document.source.empty()) document.source = context.source;
  if (!document.url && context.url) document.url = context.url;
  clean_optional_inline(document.url);
  clean_optional_inline(document.title);
  clean_optional_inline(document.excerpt);
  clean_optional_inline(document.author);
  clean_optional_inline(document.site_name);
  clean_optional_inline(document.published);
  if (document.text) {
    *document.text = text::clean_body(*document.text);
    if (document.text->empty()) document.text.reset();
  }
  for (auto& entity : document.entities) entity.text = text::clean_inline(entity.text);
  for (auto& topic : document.topics) topic = text::clean_inline(topic);

  if (!document.domain && document.url) document.domain = registered_domain(*document.url);

  if (!document.language) {
    std::string sample = document.title.value_or("");
    sample += "\n";
    sample += document.text ? *document.text : document.excerpt.value_or("");
    text::LanguageHints hints;
    hints.declared = context.language_hint;
    if (document.domain) {
      const size_t dot = document.domain->rfind('.');
      if (dot != std::string::npos) hints.top_level_domain = document.domain->substr(dot + 1);
    }
    document.language = text::detect_language(sample, hints);
  }

  if (document.id.empty()) document.id = derived_document_id(document);
}

}  // namespace storyline::extract
