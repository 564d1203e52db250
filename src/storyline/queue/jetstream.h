#pragma once
// Durable work queues between the roles (issue 17), on NATS JetStream through Debian's C client
// (libnats). This header is all the other folders see: nats.h stays inside jetstream.cpp, so that
// only this folder's library compiles and links against it.
//
// Delivery is at least once: a message a consumer fetched and did not acknowledge within the ack
// wait (its process died, its transaction failed) is delivered again, to it or another consumer.
// Whoever consumes makes its writes idempotent (documents by id and content), so the effect is
// exactly once.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace storyline::queue {

// What went wrong with the queue, where (the address, stream or subject) and what to do.
class QueueError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// True for an address that names NATS servers: nats://host:port[,nats://host:port...].
bool is_nats_address(std::string_view address);

struct StreamSettings {
  std::string name;
  std::string subject;
  // Copies JetStream keeps of each message; a publish is acknowledged once a majority has it.
  // 0: 3 when the address lists three servers or more (a cluster: any one machine may be lost),
  // else 1 (a single node, for one machine and tests).
  int replicas = 0;
  // Retention as a work queue: a message is removed once acknowledged.
  bool work_queue = true;
};

struct ConsumerSettings {
  std::string durable;  // the consumer's name, shared by every process of one role
  // A fetched message not acknowledged within this is delivered again.
  std::chrono::milliseconds ack_wait{30'000};
  // Messages fetched and not yet acknowledged, across the role's processes.
  int max_ack_pending = 1'000;
};

// One delivered message. Acknowledge it (ack) only once its effect is durable; nak asks for it
// again at once; term drops it for good (input that can never be handled). Dropping the object
// without any of them leaves it to be delivered again after the ack wait.
class Message {
 public:
  struct Impl;
  explicit Message(std::unique_ptr<Impl> impl);
  Message(Message&&) noexcept;
  Message& operator=(Message&&) noexcept;
  ~Message();

  std::string_view data() const;
  std::string_view subject() const;
  // The publisher's message id (Nats-Msg-Id), empty when it gave none.
  std::string id() const;
  // A header the publisher set, nullopt when it set none of that name.
  std::optional<std::string> header(const std::string& name) const;
  // 1 on first delivery, more when delivered again.
  uint64_t deliveries() const;
  // The message's sequence number in its stream.
  uint64_t stream_sequence() const;
  // When the stream stored it, in nanoseconds since 1970 (0 when unknown).
  int64_t timestamp_unix_nanos() const;

  void ack();
  void nak();
  void term();

 private:
  std::unique_ptr<Impl> impl_;
};

// A durable pull consumer: every process that opens one of the same name shares its work.
class PullConsumer {
 public:
  struct Impl;
  explicit PullConsumer(std::unique_ptr<Impl> impl);
  ~PullConsumer();

  // Up to `batch` messages, waiting at most `wait` for the first; empty when none came.
  std::vector<Message> fetch(int batch, std::chrono::milliseconds wait);
  // Sends what ack() and nak() queued and waits for the server to have read it.
  void flush();
  // Messages in the stream not yet delivered to this consumer, and delivered but not acknowledged.
  struct Depth {
    uint64_t pending = 0;
    uint64_t ack_pending = 0;
    uint64_t redelivered = 0;
  };
  Depth depth();

 private:
  std::unique_ptr<Impl> impl_;
};

class JetStream {
 public:
  // Connects to `address` (nats://host:port, several comma-separated: any reachable one serves,
  // and the client moves to another when its server goes). Throws QueueError when none answers
  // within `timeout`.
  explicit JetStream(const std::string& address, std::chrono::milliseconds timeout = std::chrono::seconds(5));
  ~JetStream();
  JetStream(const JetStream&) = delete;
  JetStream& operator=(const JetStream&) = delete;

  // How many servers the address lists.
  size_t servers() const;
  // Makes the stream, or checks the one there takes its subject. Safe from several processes.
  void ensure_stream(const StreamSettings& stream);
  // Returns once the stream has stored the message (on a majority of its replicas): true when
  // stored, false when a message of the same id was stored within the last two minutes (a retry).
  // Thread-safe. Throws QueueError when the stream does not answer within the timeout.
  using Headers = std::vector<std::pair<std::string, std::string>>;
  bool publish(const std::string& subject, std::string_view data, const std::string& message_id,
               const Headers& headers = {});
  std::unique_ptr<PullConsumer> pull_consumer(const StreamSettings& stream, const ConsumerSettings& consumer);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::queue
