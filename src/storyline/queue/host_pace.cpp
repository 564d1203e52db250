#include "storyline/queue/host_pace.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <string_view>

#include "storyline/queue/kv_bucket.h"

namespace storyline::queue {

using namespace detail;

namespace {

// A key may hold letters, digits and -_=/. only: a host name's other characters (an IPv6
// address's colons and brackets) become '_'.
std::string key_of(const std::string& host) {
  std::string key = "host." + host;
  for (char& c : key)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') c = '_';
  return key;
}

int64_t unix_millis_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// How many times a turn is booked again after a conflict before giving up: pollers in their
// hundreds would have to hit one host at the same instant.
constexpr int kAttempts = 100;

}  // namespace

struct HostPace::Impl {
  std::string address;
  Connection connection;
  OwnedKeyValue bucket;
  std::atomic<uint64_t> conflicts{0};
};

HostPace::HostPace(const std::string& address, int replicas) : impl_(std::make_unique<Impl>()) {
  impl_->address = address;
  impl_->connection = connect(address, std::chrono::seconds(5));
  impl_->bucket = open_bucket(impl_->connection, {"storyline_host_pace", std::chrono::hours(24), replicas}, address);
}

HostPace::~HostPace() = default;

uint64_t HostPace::conflicts() const { return impl_->conflicts; }

std::chrono::milliseconds HostPace::book_turn(const std::string& host, std::chrono::milliseconds delay) {
  const std::string key = key_of(host);
  natsStatus last = NATS_OK;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    kvEntry* raw = nullptr;
    const natsStatus got = kvStore_Get(&raw, impl_->bucket.get(), key.c_str());
    if (got != NATS_OK && got != NATS_NOT_FOUND)
      throw QueueError("cannot read the pace of " + host + " in storyline_host_pace at " + impl_->address + ": " +
                       describe(got));
    const OwnedEntry entry(raw);
    int64_t next_allowed = 0;
    if (entry) {
      const std::string_view value(static_cast<const char*>(kvEntry_Value(entry.get())),
                                   static_cast<size_t>(kvEntry_ValueLen(entry.get())));
      std::from_chars(value.data(), value.data() + value.size(), next_allowed);
    }
    const int64_t now = unix_millis_now();
    const int64_t start = std::max(now, next_allowed);
    const std::string booked = std::to_string(start + delay.count());
    uint64_t revision = 0;
    // Written only if nobody wrote since it was read: created when absent, else updated at the
    // revision read.
    last = entry
               ? kvStore_Update(&revision, impl_->bucket.get(), key.c_str(), booked.data(), static_cast<int>(booked.size()),
                                kvEntry_Revision(entry.get()))
               : kvStore_Create(&revision, impl_->bucket.get(), key.c_str(), booked.data(), static_cast<int>(booked.size()));
    if (last == NATS_OK) return std::chrono::milliseconds(start - now);
    // No answer is no conflict: booking again would only wait out more timeouts.
    if (worth_retrying(last, static_cast<jsErrCode>(0)))
      throw QueueError("cannot book a turn for " + host + " in storyline_host_pace at " + impl_->address + ": " +
                       describe(last));
    ++impl_->conflicts;
  }
  throw QueueError("could not book a turn for " + host + " in storyline_host_pace at " + impl_->address + " after " +
                   std::to_string(kAttempts) + " attempts: " + describe(last));
}

}  // namespace storyline::queue
