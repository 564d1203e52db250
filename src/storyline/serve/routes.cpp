#include "storyline/serve/routes.h"

#include <mutex>

namespace storyline::serve {

void answer_cached(ServerState& state, const httplib::Request& request, httplib::Response& response,
                   const std::function<std::optional<std::string>(httplib::Response&)>& compute) {
  state.refresh_stale_stories();
  const std::string key = request.method + " " + request.target;
  if (auto cached = state.cache().find(key)) {
    response.set_content(std::move(*cached), "application/json; charset=utf-8");
    return;
  }
  // One computation per answer: the others wait for it rather than all computing it at once.
  static std::mutex computing;
  std::lock_guard lock(computing);
  if (auto cached = state.cache().find(key)) {
    response.set_content(std::move(*cached), "application/json; charset=utf-8");
    return;
  }
  const uint64_t generation = state.cache().generation();
  auto body = compute(response);
  if (!body) return;
  state.cache().store(key, *body, generation);
  response.set_content(std::move(*body), "application/json; charset=utf-8");
}

}  // namespace storyline::serve
