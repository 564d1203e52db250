#include "storyline/serve/http_message.h"

#include <algorithm>

namespace storyline::serve {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return lower(x) < lower(y); });
}

std::string Request::header(std::string_view name) const {
  const auto found = headers.find(name);
  return found == headers.end() ? std::string() : found->second;
}

std::vector<std::string_view> Request::header_values(std::string_view name) const {
  std::vector<std::string_view> values;
  const auto [first, last] = headers.equal_range(name);
  for (auto it = first; it != last; ++it) values.push_back(it->second);
  return values;
}

std::string Request::query_value(const std::string& name) const {
  const auto found = query.find(name);
  return found == query.end() ? std::string() : found->second;
}

void Response::set_header(std::string_view name, std::string value) {
  std::erase_if(headers, [&](const auto& field) {
    return !CaseInsensitiveLess{}(field.first, name) && !CaseInsensitiveLess{}(name, field.first);
  });
  headers.emplace_back(std::string(name), std::move(value));
}

std::string Response::header(std::string_view name) const {
  for (const auto& [field, value] : headers)
    if (!CaseInsensitiveLess{}(field, name) && !CaseInsensitiveLess{}(name, field)) return value;
  return {};
}

void Response::set_content(std::string content, std::string_view type) {
  set_shared_content(std::make_shared<const std::string>(std::move(content)), type);
}

void Response::set_shared_content(std::shared_ptr<const std::string> content, std::string_view type) {
  body = std::move(content);
  content_type = type;
}

std::string percent_decoded(std::string_view text, bool plus_is_space) {
  std::string decoded;
  decoded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      const int high = hex_value(text[i + 1]), low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        decoded += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    decoded += plus_is_space && c == '+' ? ' ' : c;
  }
  return decoded;
}

void split_target(Request& request) {
  const std::string_view target = request.target;
  const size_t question = target.find('?');
  request.path = percent_decoded(target.substr(0, question), false);
  request.query.clear();
  if (question == std::string_view::npos) return;
  std::string_view rest = target.substr(question + 1);
  // A fragment is never sent, but a client that sends one does not make it a parameter's value.
  rest = rest.substr(0, rest.find('#'));
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t equals = pair.find('=');
    const std::string key = percent_decoded(pair.substr(0, equals), true);
    const std::string value = equals == std::string_view::npos ? std::string()
                                                               : percent_decoded(pair.substr(equals + 1), true);
    request.query.emplace(key, value);
  }
}

}  // namespace storyline::serve
