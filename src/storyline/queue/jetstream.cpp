// JetStream through libnats 3.4 (Debian's libnats-dev): connection, streams, publish with
// acknowledgement, durable pull consumers. Every libnats object is owned by a unique_ptr with its
// destroy function, and every status that is not NATS_OK becomes a QueueError saying what was
// being done, where, and libnats' own text.
#include "storyline/queue/jetstream.h"

#include <thread>

#include "storyline/queue/nats_status.h"

namespace storyline::queue {

using namespace detail;

namespace {

std::vector<std::string> split_servers(const std::string& address) {
  std::vector<std::string> servers;
  size_t start = 0;
  while (start <= address.size()) {
    size_t end = address.find(',', start);
    if (end == std::string::npos) end = address.size();
    if (end > start) servers.push_back(address.substr(start, end - start));
    start = end + 1;
  }
  return servers;
}

}  // namespace

bool is_nats_address(std::string_view address) { return address.starts_with("nats://"); }

// ---- Message ----

struct Message::Impl {
  OwnedMessage message;
  OwnedMetaData meta;
};

Message::Message(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Message::Message(Message&&) noexcept = default;
Message& Message::operator=(Message&&) noexcept = default;
Message::~Message() = default;

std::string_view Message::data() const {
  return {natsMsg_GetData(impl_->message.get()), static_cast<size_t>(natsMsg_GetDataLength(impl_->message.get()))};
}
std::string_view Message::subject() const { return natsMsg_GetSubject(impl_->message.get()); }
std::string Message::id() const {
  const char* value = nullptr;
  if (natsMsgHeader_Get(impl_->message.get(), "Nats-Msg-Id", &value) != NATS_OK || !value) return {};
  return value;
}
std::optional<std::string> Message::header(const std::string& name) const {
  const char* value = nullptr;
  if (natsMsgHeader_Get(impl_->message.get(), name.c_str(), &value) != NATS_OK || !value) return std::nullopt;
  return std::string(value);
}
uint64_t Message::deliveries() const { return impl_->meta ? impl_->meta->NumDelivered : 1; }
int64_t Message::timestamp_unix_nanos() const { return impl_->meta ? impl_->meta->Timestamp : 0; }
uint64_t Message::stream_sequence() const { return impl_->meta ? impl_->meta->Sequence.Stream : 0; }
void Message::ack() { check(natsMsg_Ack(impl_->message.get(), nullptr), "acknowledging a message"); }
void Message::nak() { check(natsMsg_Nak(impl_->message.get(), nullptr), "asking for a message again"); }
void Message::term() { check(natsMsg_Term(impl_->message.get(), nullptr), "dropping a message"); }

// ---- PullConsumer ----

struct PullConsumer::Impl {
  natsConnection* connection = nullptr;  // owned by the JetStream, which outlives its consumers
  jsCtx* context = nullptr;              // likewise
  OwnedSubscription subscription;
  std::string stream, name;
};

PullConsumer::PullConsumer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PullConsumer::~PullConsumer() = default;

std::vector<Message> PullConsumer::fetch(int batch, std::chrono::milliseconds wait) {
  natsMsgList list{};
  jsErrCode js_error = static_cast<jsErrCode>(0);
  const natsStatus status = natsSubscription_Fetch(&list, impl_->subscription.get(), batch, wait.count(), &js_error);
  std::vector<Message> messages;
  if (status == NATS_TIMEOUT) return messages;  // nothing to do within the wait
  check(status, "fetching from consumer '" + impl_->name + "'", js_error);
  messages.reserve(list.Count);
  for (int i = 0; i < list.Count; ++i) {
    auto impl = std::make_unique<Message::Impl>();
    impl->message.reset(list.Msgs[i]);
    jsMsgMetaData* meta = nullptr;
    if (natsMsg_GetMetaData(&meta, impl->message.get()) == NATS_OK) impl->meta.reset(meta);
    messages.emplace_back(std::move(impl));
  }
  list.Count = 0;  // the messages are owned above now: the list's destroy frees only its array
  natsMsgList_Destroy(&list);
  return messages;
}

void PullConsumer::flush() {
  check(natsConnection_FlushTimeout(impl_->connection, 5'000), "sending acknowledgements of '" + impl_->name + "'");
}

PullConsumer::Depth PullConsumer::depth() {
  jsConsumerInfo* raw = nullptr;
  jsErrCode js_error = static_cast<jsErrCode>(0);
  // By name: libnats 3.4 refuses natsSubscription_GetConsumerInfo on a pull subscription.
  check(js_GetConsumerInfo(&raw, impl_->context, impl_->stream.c_str(), impl_->name.c_str(), nullptr, &js_error),
        "reading the state of consumer '" + impl_->name + "'", js_error);
  const OwnedConsumerInfo info(raw);
  return {info->NumPending, static_cast<uint64_t>(info->NumAckPending), static_cast<uint64_t>(info->NumRedelivered)};
}

// ---- JetStream ----

struct JetStream::Impl {
  std::string address;
  std::vector<std::string> servers;
  std::chrono::milliseconds timeout;
  OwnedConnection connection;
  OwnedContext context;
};

Connection detail::connect(const std::string& address, std::chrono::milliseconds timeout) {
  Connection made;
  made.servers = split_servers(address);
  if (made.servers.empty()) throw QueueError("no NATS server in '" + address + "': give nats://host:port[,...]");
  natsOptions* raw_options = nullptr;
  check(natsOptions_Create(&raw_options), "making NATS options");
  const OwnedOptions options(raw_options);
  std::vector<const char*> urls;
  for (const auto& server : made.servers) urls.push_back(server.c_str());
  check(natsOptions_SetServers(options.get(), urls.data(), static_cast<int>(urls.size())),
        "reading the NATS address '" + address + "'");
  check(natsOptions_SetTimeout(options.get(), timeout.count()), "setting the NATS timeout");
  // A server that goes (a restart, a lost node) is replaced by another of the list, for as long as
  // it takes: a role keeps running through a node's loss instead of exiting.
  check(natsOptions_SetMaxReconnect(options.get(), -1), "setting NATS reconnects");
  check(natsOptions_SetReconnectWait(options.get(), 250), "setting the NATS reconnect wait");
  natsConnection* raw_connection = nullptr;
  const natsStatus status = natsConnection_Connect(&raw_connection, options.get());
  if (status != NATS_OK)
    throw QueueError("cannot reach NATS at " + address + ": " + describe(status) +
                     "; is nats-server running there with JetStream (-js)? scripts/nats/start.sh starts one");
  made.connection.reset(raw_connection);
  jsOptions js_options;
  jsOptions_Init(&js_options);
  js_options.Wait = timeout.count();
  jsCtx* raw_context = nullptr;
  check(natsConnection_JetStream(&raw_context, made.connection.get(), &js_options), "opening JetStream at " + address);
  made.context.reset(raw_context);
  return made;
}

JetStream::JetStream(const std::string& address, std::chrono::milliseconds timeout) : impl_(std::make_unique<Impl>()) {
  Connection made = connect(address, timeout);
  impl_->address = address;
  impl_->servers = std::move(made.servers);
  impl_->timeout = timeout;
  impl_->connection = std::move(made.connection);
  impl_->context = std::move(made.context);
}

JetStream::~JetStream() = default;

size_t JetStream::servers() const { return impl_->servers.size(); }

void JetStream::ensure_stream(const StreamSettings& stream) {
  const int replicas = stream.replicas > 0 ? stream.replicas : (impl_->servers.size() >= 3 ? 3 : 1);
  const char* subjects[] = {stream.subject.c_str()};
  jsStreamConfig config;
  jsStreamConfig_Init(&config);
  config.Name = stream.name.c_str();
  config.Subjects = subjects;
  config.SubjectsLen = 1;
  config.Storage = js_FileStorage;
  config.Retention = stream.work_queue ? js_WorkQueuePolicy : js_LimitsPolicy;
  config.Replicas = replicas;
  // A fresh cluster elects its meta leader a moment after its nodes answer: retry for a while.
  const auto deadline = std::chrono::steady_clock::now() + std::max(impl_->timeout, std::chrono::milliseconds(15'000));
  for (;;) {
    jsStreamInfo* raw = nullptr;
    jsErrCode js_error = static_cast<jsErrCode>(0);
    natsStatus status = js_GetStreamInfo(&raw, impl_->context.get(), stream.name.c_str(), nullptr, &js_error);
    OwnedStreamInfo info(raw);
    if (status == NATS_OK) {
      const jsStreamConfig* existing = info->Config;
      for (int i = 0; existing && i < existing->SubjectsLen; ++i)
        if (stream.subject == existing->Subjects[i]) return;
      throw QueueError("JetStream stream '" + stream.name + "' at " + impl_->address + " does not take subject '" +
                       stream.subject + "': delete it (nats stream rm) or use another server");
    }
    if (status == NATS_NOT_FOUND || js_error == JSStreamNotFoundErr) {
      status = js_AddStream(&raw, impl_->context.get(), &config, nullptr, &js_error);
      info.reset(raw);
      if (status == NATS_OK || js_error == JSStreamNameExistErr) return;  // made, here or by another process
    }
    if (!worth_retrying(status, js_error) || std::chrono::steady_clock::now() > deadline)
      check(status,
            "making JetStream stream '" + stream.name + "' (" + std::to_string(replicas) + " replicas) at " +
                impl_->address + " (a stream of 3 replicas needs a cluster of 3 nodes: scripts/nats/start.sh --cluster 3)",
            js_error);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

bool JetStream::publish(const std::string& subject, std::string_view data, const std::string& message_id,
                        const Headers& headers) {
  const auto deadline = std::chrono::steady_clock::now() + impl_->timeout;
  for (;;) {
    natsMsg* raw_message = nullptr;
    check(natsMsg_Create(&raw_message, subject.c_str(), nullptr, data.data(), static_cast<int>(data.size())),
          "making a message for " + subject);
    const OwnedMessage message(raw_message);
    for (const auto& [name, value] : headers)
      check(natsMsgHeader_Set(message.get(), name.c_str(), value.c_str()), "setting header " + name);
    jsPubOptions options;
    jsPubOptions_Init(&options);
    options.MsgId = message_id.empty() ? nullptr : message_id.c_str();
    jsPubAck* raw_ack = nullptr;
    jsErrCode js_error = static_cast<jsErrCode>(0);
    const natsStatus status = js_PublishMsg(&raw_ack, impl_->context.get(), message.get(), &options, &js_error);
    const OwnedPubAck ack(raw_ack);
    if (status == NATS_OK) return !ack->Duplicate;
    if (!worth_retrying(status, js_error) || std::chrono::steady_clock::now() > deadline)
      check(status, "publishing to " + subject + " at " + impl_->address, js_error);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

std::unique_ptr<PullConsumer> JetStream::pull_consumer(const StreamSettings& stream, const ConsumerSettings& consumer) {
  jsSubOptions options;
  jsSubOptions_Init(&options);
  options.Stream = stream.name.c_str();
  options.Config.Durable = consumer.durable.c_str();
  options.Config.AckPolicy = js_AckExplicit;
  options.Config.AckWait = std::chrono::duration_cast<std::chrono::nanoseconds>(consumer.ack_wait).count();
  options.Config.MaxAckPending = consumer.max_ack_pending;
  options.Config.DeliverPolicy = js_DeliverAll;
  const auto deadline = std::chrono::steady_clock::now() + std::max(impl_->timeout, std::chrono::milliseconds(15'000));
  for (;;) {
    natsSubscription* raw = nullptr;
    jsErrCode js_error = static_cast<jsErrCode>(0);
    const natsStatus status = js_PullSubscribe(&raw, impl_->context.get(), stream.subject.c_str(), consumer.durable.c_str(),
                                               nullptr, &options, &js_error);
    if (status == NATS_OK) {
      auto impl = std::make_unique<PullConsumer::Impl>();
      impl->connection = impl_->connection.get();
      impl->context = impl_->context.get();
      impl->subscription.reset(raw);
      impl->stream = stream.name;
      impl->name = consumer.durable;
      return std::make_unique<PullConsumer>(std::move(impl));
    }
    if (!worth_retrying(status, js_error) || std::chrono::steady_clock::now() > deadline)
      check(status, "opening consumer '" + consumer.durable + "' of stream '" + stream.name + "' at " + impl_->address,
            js_error);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

}  // namespace storyline::queue
