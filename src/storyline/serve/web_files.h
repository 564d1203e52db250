#pragma once
// The web page's files (web/ in the repository): compiled in when the server is built, or read
// from a folder at every request (`serve --web-root DIR`), so that an edit shows on reload.
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::serve {

struct WebFile {
  std::string_view url_path;  // where it is served: "/", "/style.css", "/app.js"
  std::string_view name;      // its name in web/
  std::string_view content_type;
};

// Every file the page is made of.
std::span<const WebFile> web_files();

// The file as it was when built (web/<name>); empty for a name that is no web file.
std::string_view embedded_web_file(std::string_view name);

// Where index.html has the server write label's category names (space-separated), so that the
// page keeps no copy of the list.
inline constexpr std::string_view kCategoriesMarker = "{{categories}}";
// Where index.html has the server write whether the page may show publishers' images ("on" or
// "off", `serve --publisher-images`): by default it loads nothing from their sites.
inline constexpr std::string_view kPublisherImagesMarker = "{{publisher_images}}";
// `text` as it is served: index.html with the category names in place of kCategoriesMarker and
// "on" or "off" in place of kPublisherImagesMarker, other files as they are.
std::string served_web_file(const WebFile& file, std::string text, bool publisher_images = false);

struct WebFileBody {
  std::shared_ptr<const std::string> text;
  std::string etag;  // quoted hash of the text for the compiled-in files; empty for files on disk
};

class WebFileSource {
 public:
  // An empty `web_root` serves the compiled-in files; a folder, its own files, which must all be
  // there: throws std::runtime_error naming the first one missing (or without the marker).
  explicit WebFileSource(std::string web_root, bool publisher_images = false);

  // What to send for `file`. Throws std::runtime_error naming a file on disk that cannot be read.
  WebFileBody body(const WebFile& file) const;
  bool reads_from_disk() const { return !web_root_.empty(); }
  bool publisher_images() const { return publisher_images_; }

 private:
  std::string web_root_;
  bool publisher_images_ = false;
  std::vector<WebFileBody> embedded_;  // in web_files()'s order
};

}  // namespace storyline::serve
