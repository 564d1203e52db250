#include "storyline/queue/lease_table.h"

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "storyline/queue/kv_bucket.h"

namespace storyline::queue {

using namespace detail;

struct LeaseTable::Impl {
  LeaseTableSettings settings;
  Connection connection;
  OwnedKeyValue bucket;
  std::mutex mutex;
  std::condition_variable wake;
  bool done = false;
  std::map<std::string, uint64_t> revisions;  // held lease -> revision of our value
  uint64_t lost = 0;
  std::thread renewer;

  // Under the lock. False (and forgotten) when the key is no longer ours at that revision.
  bool renew(const std::string& name, uint64_t& revision) {
    uint64_t next = 0;
    const std::string& holder = settings.holder;
    if (kvStore_Update(&next, bucket.get(), name.c_str(), holder.data(), static_cast<int>(holder.size()), revision) !=
        NATS_OK)
      return false;
    revision = next;
    return true;
  }

  void renew_all() {
    std::unique_lock lock(mutex);
    while (!done) {
      if (wake.wait_for(lock, settings.ttl / 3, [this] { return done; })) break;
      for (auto it = revisions.begin(); it != revisions.end();) {
        if (renew(it->first, it->second)) {
          ++it;
        } else {
          ++lost;
          it = revisions.erase(it);
        }
      }
    }
  }
};

LeaseTable::LeaseTable(const std::string& address, LeaseTableSettings settings) : impl_(std::make_unique<Impl>()) {
  impl_->settings = std::move(settings);
  impl_->connection = connect(address, std::chrono::seconds(5));
  impl_->bucket = open_bucket(impl_->connection, {impl_->settings.bucket, impl_->settings.ttl, impl_->settings.replicas},
                              address);
  // Renewed at the pace of the bucket's own time to live (another process may have made it first).
  impl_->settings.ttl = bucket_ttl(impl_->bucket.get(), address);
  impl_->renewer = std::thread([impl = impl_.get()] { impl->renew_all(); });
}

LeaseTable::~LeaseTable() {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->done = true;
  }
  impl_->wake.notify_all();
  impl_->renewer.join();
  for (const auto& [name, revision] : impl_->revisions) kvStore_Delete(impl_->bucket.get(), name.c_str());
}

bool LeaseTable::try_acquire(const std::string& name) {
  std::lock_guard lock(impl_->mutex);
  if (impl_->revisions.contains(name)) return true;
  uint64_t revision = 0;
  const std::string& holder = impl_->settings.holder;
  // Fails when the key is there: held by another (or JetStream did not answer: tried again later).
  if (kvStore_Create(&revision, impl_->bucket.get(), name.c_str(), holder.data(), static_cast<int>(holder.size())) !=
      NATS_OK)
    return false;
  impl_->revisions[name] = revision;
  return true;
}

bool LeaseTable::holds(const std::string& name) {
  std::lock_guard lock(impl_->mutex);
  return impl_->revisions.contains(name);
}

void LeaseTable::release(const std::string& name) {
  std::lock_guard lock(impl_->mutex);
  const auto found = impl_->revisions.find(name);
  if (found == impl_->revisions.end()) return;
  // Deleted only while still ours (a renewal at our revision succeeds just before): one that lapsed
  // unnoticed and was taken by another is left to its new holder.
  if (impl_->renew(name, found->second)) kvStore_Delete(impl_->bucket.get(), name.c_str());
  impl_->revisions.erase(found);
}

size_t LeaseTable::held() {
  std::lock_guard lock(impl_->mutex);
  return impl_->revisions.size();
}

uint64_t LeaseTable::lost() {
  std::lock_guard lock(impl_->mutex);
  return impl_->lost;
}

std::chrono::milliseconds LeaseTable::ttl() const { return impl_->settings.ttl; }

}  // namespace storyline::queue
