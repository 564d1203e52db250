#include "storyline/queue/lease.h"

#include <mutex>

#include "storyline/queue/kv_bucket.h"

namespace storyline::queue {

using namespace detail;

struct Lease::Impl {
  LeaseSettings settings;
  Connection connection;
  OwnedKeyValue bucket;
  std::mutex mutex;
  uint64_t revision = 0;  // of our value while held; 0 when not held
};

Lease::Lease(const std::string& address, LeaseSettings settings) : impl_(std::make_unique<Impl>()) {
  impl_->settings = std::move(settings);
  impl_->connection = connect(address, std::chrono::seconds(5));
  impl_->bucket = open_bucket(impl_->connection, {"storyline_leases", impl_->settings.ttl, impl_->settings.replicas},
                              address);
  // A bucket made before, with another time to live, is the one all holders share: its time to
  // live is the lease's (renewing at the pace of another would let it lapse, or two hold it).
  impl_->settings.ttl = bucket_ttl(impl_->bucket.get(), address);
}

std::chrono::milliseconds Lease::ttl() const { return impl_->settings.ttl; }

Lease::~Lease() {
  std::lock_guard lock(impl_->mutex);
  if (impl_->revision) kvStore_Delete(impl_->bucket.get(), impl_->settings.name.c_str());
}

bool Lease::try_acquire() {
  std::lock_guard lock(impl_->mutex);
  if (impl_->revision) return true;
  uint64_t revision = 0;
  const std::string& holder = impl_->settings.holder;
  const natsStatus status = kvStore_Create(&revision, impl_->bucket.get(), impl_->settings.name.c_str(), holder.data(),
                                           static_cast<int>(holder.size()));
  if (status != NATS_OK) return false;  // held by another (or JetStream did not answer: try later)
  impl_->revision = revision;
  return true;
}

bool Lease::renew() {
  std::lock_guard lock(impl_->mutex);
  if (!impl_->revision) return false;
  uint64_t revision = 0;
  const std::string& holder = impl_->settings.holder;
  const natsStatus status = kvStore_Update(&revision, impl_->bucket.get(), impl_->settings.name.c_str(), holder.data(),
                                           static_cast<int>(holder.size()), impl_->revision);
  impl_->revision = status == NATS_OK ? revision : 0;
  return impl_->revision != 0;
}

std::string Lease::holder_now() {
  kvEntry* raw = nullptr;
  if (kvStore_Get(&raw, impl_->bucket.get(), impl_->settings.name.c_str()) != NATS_OK) return {};
  const OwnedEntry entry(raw);
  const char* value = kvEntry_ValueString(entry.get());
  return value ? value : "";
}

}  // namespace storyline::queue
