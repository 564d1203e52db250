#include "storyline/queue/lease.h"

#include <mutex>

#include "storyline/queue/nats_status.h"

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
  kvConfig config;
  kvConfig_Init(&config);
  config.Bucket = "storyline_leases";
  config.History = 1;
  // libnats 3.4 passes the time to live on as the stream's max age: nanoseconds.
  config.TTL = std::chrono::duration_cast<std::chrono::nanoseconds>(impl_->settings.ttl).count();
  config.Replicas = impl_->settings.replicas > 0 ? impl_->settings.replicas
                                                 : (impl_->connection.servers.size() >= 3 ? 3 : 1);
  kvStore* raw = nullptr;
  // Made by the first process, bound by the others (creating an existing, identical bucket binds it).
  const natsStatus created = js_CreateKeyValue(&raw, impl_->connection.context.get(), &config);
  if (created != NATS_OK) {
    const std::string why = describe(created);
    if (js_KeyValue(&raw, impl_->connection.context.get(), config.Bucket) != NATS_OK)
      throw QueueError("cannot make the lease bucket storyline_leases at " + address + ": " + why);
  }
  impl_->bucket.reset(raw);
  // A bucket made before, with another time to live, is the one all holders share: its time to
  // live is the lease's (renewing at the pace of another would let it lapse, or two hold it).
  kvStatus* raw_status = nullptr;
  check(kvStore_Status(&raw_status, impl_->bucket.get()), "reading the lease bucket storyline_leases at " + address);
  const OwnedStatus status(raw_status);
  impl_->settings.ttl = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::nanoseconds(kvStatus_TTL(status.get())));
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
