// The queue against a real nats-server with JetStream (scripts/nats/start.sh on loopback): what the
// roles rely on. Skipped, saying why, when nats-server is not installed.
#include "storyline/queue/jetstream.h"

#include <gtest/gtest.h>

#include <thread>

#include "nats_server.h"

using namespace std::chrono_literals;
using storyline::queue::ConsumerSettings;
using storyline::queue::JetStream;
using storyline::queue::StreamSettings;
using storyline::testing::NatsServer;

namespace {

StreamSettings test_stream() {
  StreamSettings stream;
  stream.name = "TEST";
  stream.subject = "test.items";
  return stream;
}

ConsumerSettings test_consumer(std::chrono::milliseconds ack_wait = 30s) {
  ConsumerSettings consumer;
  consumer.durable = "test";
  consumer.ack_wait = ack_wait;
  return consumer;
}

}  // namespace

#define START_NATS(server, nodes) \
  NatsServer server(nodes);       \
  if (server.address().empty()) GTEST_SKIP() << "no NATS server: " << server.why_not()

TEST(JetStream, ARetriedPublishIsStoredOnce) {
  START_NATS(server, 1);
  JetStream jetstream(server.address());
  jetstream.ensure_stream(test_stream());
  EXPECT_TRUE(jetstream.publish("test.items", "first", "id-1"));
  EXPECT_FALSE(jetstream.publish("test.items", "first", "id-1")) << "the same message id within the window";
  EXPECT_TRUE(jetstream.publish("test.items", "second", "id-2"));
  auto consumer = jetstream.pull_consumer(test_stream(), test_consumer());
  auto messages = consumer->fetch(10, 1s);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].data(), "first");
  EXPECT_EQ(messages[0].id(), "id-1");
  EXPECT_EQ(messages[1].data(), "second");
}

TEST(JetStream, AMessageNotAcknowledgedIsDeliveredAgain) {
  START_NATS(server, 1);
  JetStream jetstream(server.address());
  jetstream.ensure_stream(test_stream());
  jetstream.publish("test.items", "work", "w-1");
  auto consumer = jetstream.pull_consumer(test_stream(), test_consumer(500ms));
  {
    auto first = consumer->fetch(1, 1s);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].deliveries(), 1u);
  }  // dropped unacknowledged, as by a process that died
  std::this_thread::sleep_for(700ms);
  auto again = consumer->fetch(1, 2s);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].data(), "work");
  EXPECT_EQ(again[0].deliveries(), 2u);
  again[0].ack();
  consumer->flush();
  std::this_thread::sleep_for(700ms);
  EXPECT_TRUE(consumer->fetch(1, 300ms).empty()) << "acknowledged: not delivered a third time";
  const auto depth = consumer->depth();
  EXPECT_EQ(depth.pending, 0u);
  EXPECT_EQ(depth.ack_pending, 0u);
}

TEST(JetStream, AReplicatedStreamKeepsEveryAcknowledgedMessageWhenANodeIsLost) {
  START_NATS(server, 3);
  // After a node is lost the stream elects a new leader; on a loaded machine (CI runs a browser
  // and load tests beside it) that once took longer than the 15 s a consumer is waited for.
  JetStream jetstream(server.address(), 60s);
  jetstream.ensure_stream(test_stream());  // three servers listed: 3 replicas
  int acknowledged = 0;
  for (int i = 0; i < 20; ++i)
    acknowledged += jetstream.publish("test.items", "before " + std::to_string(i), "b" + std::to_string(i));
  server.stop_node(1);
  for (int i = 0; i < 20; ++i)
    acknowledged += jetstream.publish("test.items", "after " + std::to_string(i), "a" + std::to_string(i));
  ASSERT_EQ(acknowledged, 40);
  auto consumer = jetstream.pull_consumer(test_stream(), test_consumer());
  size_t received = 0;
  for (int round = 0; round < 20 && received < 40; ++round) {
    auto messages = consumer->fetch(40, 1s);
    for (auto& message : messages) message.ack();
    received += messages.size();
  }
  EXPECT_EQ(received, 40u);
}

TEST(JetStream, AnUnreachableServerIsNamed) {
  try {
    JetStream jetstream("nats://127.0.0.1:1", 500ms);
    FAIL() << "connected to nothing";
  } catch (const storyline::queue::QueueError& error) {
    EXPECT_NE(std::string(error.what()).find("nats://127.0.0.1:1"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("scripts/nats/start.sh"), std::string::npos) << error.what();
  }
}
