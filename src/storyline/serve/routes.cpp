#include "storyline/serve/routes.h"

#include "storyline/serve/gzip_body.h"

namespace storyline::serve {

namespace {

// Answers smaller than this are sent as they are: compressing them saves little.
constexpr size_t kGzipAtLeast = 2048;

// The body is written from the shared cached string: no copy per request.
void send_shared(Response& response, std::shared_ptr<const std::string> body, const char* content_type) {
  response.set_shared_content(std::move(body), content_type);
}

}  // namespace

void answer_cached(ServerState& state, const Request& request, Response& response,
                   const std::function<std::optional<std::string>(Response&)>& compute, const CachedAnswerKind& kind) {
  const std::string key = request.method + " " + kind.base_url + request.target;
  const bool gzip_accepted = accepts_gzip(request.header("Accept-Encoding"));
  const auto send_cached = [&](ResponseCache::Answer& cached) {
    response.set_header("Vary", "Accept-Encoding");
    if (gzip_accepted && cached.gzipped) {
      response.set_header("Content-Encoding", "gzip");
      send_shared(response, std::move(cached.gzipped), kind.content_type);
    } else {
      send_shared(response, std::move(cached.body), kind.content_type);
    }
  };
  if (auto cached = state.cache().find(key)) return send_cached(*cached);
  // One computation per answer: the others wait for it rather than all computing it at once.
  const KeyedMutex::Lock computing(state.computing(), key);
  if (auto cached = state.cache().find(key)) return send_cached(*cached);
  const uint64_t generation = state.cache().generation();
  auto body = compute(response);
  if (!body) return;
  ResponseCache::Answer answer{std::make_shared<const std::string>(std::move(*body)), nullptr};
  if (answer.body->size() >= kGzipAtLeast) answer.gzipped = std::make_shared<const std::string>(gzip_body(*answer.body));
  state.cache().store(key, answer, generation);
  send_cached(answer);
}

}  // namespace storyline::serve
