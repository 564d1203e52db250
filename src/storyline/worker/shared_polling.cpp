#include "storyline/worker/shared_polling.h"

#include <thread>

namespace storyline::worker {

void SharedHostTurns::wait_turn(const std::string& host, std::chrono::milliseconds delay) {
  std::this_thread::sleep_for(pace_.book_turn(host, delay));
}

}  // namespace storyline::worker
