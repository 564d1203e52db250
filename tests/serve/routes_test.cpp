// answer_cached (routes.h): one computation of an answer at a time, and none waiting for another
// answer's (issue 16: while a search of 300 terms ran for 10 s, every uncached /api/stories,
// /threads and /api/search waited on one global lock).
#include "storyline/serve/routes.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <string>
#include <thread>

#include "temp_store.h"

using namespace storyline::serve;

namespace {

Request get(const std::string& target) {
  Request request;
  request.method = "GET";
  request.target = target;
  split_target(request);
  return request;
}

}  // namespace

// The slow answer's computation waits for the other answer to be given: it must be, meanwhile.
TEST(AnswerCached, AnAnswerBeingComputedHoldsUpNoOtherAnswer) {
  storyline::testing::TempStore store("routes");
  ServerOptions options;
  options.db = store.path;
  ServerState state(options);

  std::promise<void> slow_computing, other_answered;
  bool other_came_first = false;
  std::thread slow([&] {
    Response response;
    answer_cached(state, get("/api/search?q=slow"), response, [&](Response&) -> std::optional<std::string> {
      slow_computing.set_value();
      // A bound only so that the failure (the other answer waiting for this one) does not hang.
      other_came_first = other_answered.get_future().wait_for(std::chrono::seconds(30)) == std::future_status::ready;
      return std::string("{\"slow\": true}");
    });
  });
  slow_computing.get_future().wait();
  Response other;
  answer_cached(state, get("/api/stories?limit=1"), other,
                [](Response&) -> std::optional<std::string> { return std::string("{\"stories\": []}"); });
  other_answered.set_value();
  slow.join();

  EXPECT_TRUE(other_came_first) << "the answer waited for another answer's computation";
  ASSERT_TRUE(other.body);
  EXPECT_EQ(*other.body, "{\"stories\": []}");
}

// Computed once, then served from the cache until the store changes.
TEST(AnswerCached, AnAnswerIsComputedOnceUntilTheStoreChanges) {
  storyline::testing::TempStore store("routes");
  ServerOptions options;
  options.db = store.path;
  ServerState state(options);
  std::atomic<int> computed{0};
  const auto compute = [&](Response&) -> std::optional<std::string> {
    return "{\"n\": " + std::to_string(++computed) + "}";
  };
  Response first, second, after_write;
  answer_cached(state, get("/api/stories"), first, compute);
  answer_cached(state, get("/api/stories"), second, compute);
  EXPECT_EQ(computed.load(), 1);
  EXPECT_EQ(*second.body, "{\"n\": 1}");
  state.cache().invalidate();
  answer_cached(state, get("/api/stories"), after_write, compute);
  EXPECT_EQ(*after_write.body, "{\"n\": 2}");
}
