#include "storyline/queue/kv_bucket.h"

namespace storyline::queue::detail {

OwnedKeyValue open_bucket(const Connection& connection, const BucketSettings& settings, const std::string& address) {
  kvConfig config;
  kvConfig_Init(&config);
  config.Bucket = settings.name.c_str();
  config.History = 1;
  // libnats 3.4 passes the time to live on as the stream's max age: nanoseconds.
  config.TTL = std::chrono::duration_cast<std::chrono::nanoseconds>(settings.ttl).count();
  config.Replicas = settings.replicas > 0 ? settings.replicas : (connection.servers.size() >= 3 ? 3 : 1);
  kvStore* raw = nullptr;
  // Made by the first process, bound by the others (creating an existing, identical bucket binds it).
  const natsStatus created = js_CreateKeyValue(&raw, connection.context.get(), &config);
  if (created != NATS_OK) {
    const std::string why = describe(created);
    if (js_KeyValue(&raw, connection.context.get(), config.Bucket) != NATS_OK)
      throw QueueError("cannot make the key-value bucket " + settings.name + " at " + address + ": " + why);
  }
  return OwnedKeyValue(raw);
}

std::chrono::milliseconds bucket_ttl(kvStore* bucket, const std::string& address) {
  kvStatus* raw_status = nullptr;
  check(kvStore_Status(&raw_status, bucket),
        "reading the key-value bucket " + std::string(kvStore_Bucket(bucket)) + " at " + address);
  const OwnedStatus status(raw_status);
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::nanoseconds(kvStatus_TTL(status.get())));
}

}  // namespace storyline::queue::detail
