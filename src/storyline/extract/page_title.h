#pragma once
// Titles as pages give them, cleaned: " | Site Name" / "Site - " parts dropped, and the loose
// comparison used to tell whether two titles (or a title and a site name) are the same.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::extract {

// Lower-cased letters and digits only (ASCII and Latin-1 letters lower-cased; punctuation, dashes,
// quotes and spaces dropped; other scripts kept): "Tom’s  News – Home" -> "tomsnewshome".
std::string comparable_text(std::string_view text);

// Words as runs of non-spaces ("Tipps zu jeder Hunderasse": 4).
size_t count_words(std::string_view text);

// Two titles for the same article: equal when compared loosely, or one contains the other and
// covers most of it (a kicker or a site suffix more, not another story).
bool similar_titles(std::string_view a, std::string_view b);

// What a title part is compared with to tell it is the site's name: the site name, the registered
// domain with and without its suffix, the host; all comparable_text.
std::vector<std::string> site_keys(const std::optional<std::string>& site_name, const std::optional<std::string>& url);

// Drops " | Site Name" / "Site - " parts that match `site_keys`; failing that keeps the part that
// matches one of `headings` (the page's <h1>s); failing that drops a short last part after " | ".
std::string strip_site_from_title(const std::string& title, const std::vector<std::string>& site_keys,
                                  const std::vector<std::string>& headings);

}  // namespace storyline::extract
