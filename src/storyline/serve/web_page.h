#pragma once
// The single web page served at "/": plain HTML, CSS and a little JavaScript over the JSON API,
// no framework and no build step, readable on a phone and a desktop.
#include <string_view>

namespace storyline::serve {

std::string_view web_page_html();

}  // namespace storyline::serve
