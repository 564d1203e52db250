#include "storyline/serve/keyed_mutex.h"

#include <utility>

namespace storyline::serve {

KeyedMutex::Lock::Lock(KeyedMutex& owner, std::string key) : owner_(owner), key_(std::move(key)) {
  {
    std::lock_guard lock(owner_.entries_mutex_);
    Entry& entry = owner_.entries_[key_];
    ++entry.users;
    mutex_ = &entry.mutex;
  }
  mutex_->lock();
}

KeyedMutex::Lock::~Lock() {
  mutex_->unlock();
  std::lock_guard lock(owner_.entries_mutex_);
  const auto found = owner_.entries_.find(key_);
  if (--found->second.users == 0) owner_.entries_.erase(found);
}

}  // namespace storyline::serve
