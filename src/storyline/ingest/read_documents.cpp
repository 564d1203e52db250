#include "storyline/ingest/read_documents.h"

#include <algorithm>
#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "storyline/core/decompress.h"
#include "storyline/core/iso_time.h"
#include "storyline/extract/date_parse.h"
#include "storyline/extract/finalize.h"
#include "storyline/extract/html_extractor.h"
#include "storyline/extract/scraped_text_extractor.h"
#include "storyline/ingest/feed_reader.h"
#include "storyline/ingest/input_format.h"
#include "storyline/ingest/record_reader.h"
#include "storyline/text/encoding.h"

namespace storyline::ingest {
namespace {

// Extraction costs about 100 ns a byte; no news page is near this size (long live blogs are a
// few MiB), so a bigger page is read from its first kMaxHtmlBytes, cut at a character boundary.
constexpr size_t kMaxHtmlBytes = size_t{8} << 20;

std::string_view html_prefix(std::string_view utf8) {
  if (utf8.size() <= kMaxHtmlBytes) return utf8;
  size_t cut = kMaxHtmlBytes;
  while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80) --cut;
  return utf8.substr(0, cut);
}

ReadResult dispatch(std::string_view utf8, InputFormat format, const RawInput& input) {
  const extract::PageContext context{input.source, input.url, std::nullopt};
  ReadResult result;
  switch (format) {
    case InputFormat::kEmpty: throw InputError("the input is empty");
    case InputFormat::kBinary: throw InputError("the input is binary, not text, HTML or a feed");
    case InputFormat::kHtml: result.documents.push_back(extract::extract_html(html_prefix(utf8), context)); break;
    case InputFormat::kPlainText: result.documents.push_back(extract::extract_scraped_text(utf8, context)); break;
    case InputFormat::kFrontMatter: result = read_front_matter_record(utf8, input); break;
    case InputFormat::kJson: result = read_json_records(utf8, input); break;
    case InputFormat::kJsonLines: result = read_json_lines(utf8, input); break;
    case InputFormat::kRss:
    case InputFormat::kRdf:
    case InputFormat::kAtom:
    case InputFormat::kJsonFeed: result = read_feed(utf8, format, input); break;
  }
  return result;
}

std::string decoded_utf8(std::string_view bytes) {
  std::string inflated;
  if (is_gzip(bytes)) {
    inflated = gunzip(bytes, kMaxInputBytes);
    bytes = inflated;
  }
  return text::to_utf8(bytes, text::declared_charset(bytes));
}

// A record's `published` is free text: a date written another way ("Nov 15, 2019") is read into
// ISO 8601; one that is no date is left out, said, rather than stored and then compared as text.
void check_published(Document& document, std::vector<std::string>& problems) {
  if (!document.published || parse_iso_unix(*document.published)) return;
  if (auto normalized = extract::parse_date_to_iso(*document.published); normalized && parse_iso_unix(*normalized)) {
    document.published = std::move(normalized);
    return;
  }
  problems.push_back("field 'published' of " + document.id + ": '" + document.published->substr(0, 80) +
                     "' is not a date: write ISO 8601 (2019-11-15T09:00:00Z) or leave the field out");
  document.published.reset();
}

// "null", "123", "\"str\"" or "true" are JSON, read as plain text with nothing in it: said as
// what they are.
std::optional<std::string> json_scalar_type(std::string_view utf8) {
  const nlohmann::json value = nlohmann::json::parse(utf8, nullptr, false);
  if (value.is_discarded() || value.is_structured()) return std::nullopt;
  return std::string(value.type_name());
}

}  // namespace

InputFormat detect_input_format(std::string_view bytes) {
  if (bytes.size() > kMaxInputBytes) throw InputError("the input is over the size limit");
  return detect_format(decoded_utf8(bytes));
}

ReadResult read_documents(const RawInput& input) {
  if (input.bytes.size() > kMaxInputBytes)
    throw InputError("the input is " + std::to_string(input.bytes.size() >> 20) + " MiB, over the " +
                     std::to_string(kMaxInputBytes >> 20) + " MiB limit");
  const std::string utf8 = decoded_utf8(input.bytes);
  const InputFormat format = detect_format(utf8);
  ReadResult result;
  try {
    result = dispatch(utf8, format, input);
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& error) {
    throw InputError(std::string("cannot read ") + format_name(format) + ": " + error.what());
  }
  const extract::PageContext context{input.source, input.url, std::nullopt};
  for (auto& document : result.documents) {
    extract::finalize_document(document, context);
    check_published(document, result.problems);
  }
  // Nothing to read is no document: "hello", "null" or "123" would be stored as an empty article
  // (and all such inputs under one id, the hash of nothing).
  const auto unreadable = std::remove_if(result.documents.begin(), result.documents.end(), [](const Document& document) {
    return !document.title && !document.text && !document.excerpt;
  });
  if (unreadable != result.documents.end()) {
    if (const auto scalar = format == InputFormat::kPlainText ? json_scalar_type(utf8) : std::nullopt)
      throw InputError("the input is a JSON " + *scalar +
                       ", not a document: give a JSON object with a title or text (INTERFACE.md's Document JSON), "
                       "or an HTML page");
    result.problems.push_back("no article in " + std::string(format_name(format)) + " input" +
                              (is_gzip(input.bytes) ? " (inflated from gzip: a cut-short file reads as little)" : "") +
                              ": no title, text or excerpt could be read");
    result.documents.erase(unreadable, result.documents.end());
  }
  if (result.documents.empty() && !result.problems.empty())
    throw InputError(
        result.problems.front() +
        (result.problems.size() > 1 ? " (and " + std::to_string(result.problems.size() - 1) + " more problems)" : ""));
  return result;
}

}  // namespace storyline::ingest
