#pragma once
// A mutex per key, made while some thread holds or waits for the key and dropped after: threads
// computing the same answer take turns (the second finds it cached), while answers of other keys
// go on. One mutex for every answer made an uncached /api/stories wait behind a search that ran
// for seconds (issue 16).
#include <mutex>
#include <string>
#include <unordered_map>

namespace storyline::serve {

class KeyedMutex {
 public:
  // Holds `key` from construction to destruction.
  class Lock {
   public:
    Lock(KeyedMutex& owner, std::string key);
    ~Lock();
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;

   private:
    KeyedMutex& owner_;
    std::string key_;
    std::mutex* mutex_;
  };

 private:
  struct Entry {
    std::mutex mutex;
    size_t users = 0;  // holding or waiting
  };
  std::mutex entries_mutex_;
  std::unordered_map<std::string, Entry> entries_;  // node-based: an Entry never moves
};

}  // namespace storyline::serve
