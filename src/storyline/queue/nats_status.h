#pragma once
// Inside the queue folder only (it includes nats.h): owning pointers for libnats' objects, and its
// statuses as QueueErrors that say what was being done.
#include <nats/nats.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "storyline/queue/jetstream.h"

namespace storyline::queue::detail {

template <typename T, void (*destroy)(T*)>
struct Destroyer {
  void operator()(T* object) const {
    if (object) destroy(object);
  }
};
template <typename T, void (*destroy)(T*)>
using Owned = std::unique_ptr<T, Destroyer<T, destroy>>;

using OwnedOptions = Owned<natsOptions, natsOptions_Destroy>;
using OwnedConnection = Owned<natsConnection, natsConnection_Destroy>;
using OwnedContext = Owned<jsCtx, jsCtx_Destroy>;
using OwnedStreamInfo = Owned<jsStreamInfo, jsStreamInfo_Destroy>;
using OwnedMessage = Owned<natsMsg, natsMsg_Destroy>;
using OwnedPubAck = Owned<jsPubAck, jsPubAck_Destroy>;
using OwnedSubscription = Owned<natsSubscription, natsSubscription_Destroy>;
using OwnedConsumerInfo = Owned<jsConsumerInfo, jsConsumerInfo_Destroy>;
using OwnedMetaData = Owned<jsMsgMetaData, jsMsgMetaData_Destroy>;
using OwnedKeyValue = Owned<kvStore, kvStore_Destroy>;
using OwnedEntry = Owned<kvEntry, kvEntry_Destroy>;
using OwnedStatus = Owned<kvStatus, kvStatus_Destroy>;

inline std::string describe(natsStatus status, jsErrCode js_error = static_cast<jsErrCode>(0)) {
  std::string text = natsStatus_GetText(status);
  const char* detail = nats_GetLastError(nullptr);
  if (detail && *detail && text != detail) text.append(" (").append(detail).append(")");
  if (js_error != 0) text.append(", JetStream error ").append(std::to_string(static_cast<int>(js_error)));
  return text;
}

inline void check(natsStatus status, const std::string& doing, jsErrCode js_error = static_cast<jsErrCode>(0)) {
  if (status != NATS_OK) throw QueueError(doing + ": " + describe(status, js_error));
}

// Statuses a cluster gives while a node is lost or a stream's leader is being elected: the same
// call, with the same message id, succeeds a moment later (JetStream drops the duplicate).
inline bool worth_retrying(natsStatus status, jsErrCode js_error) {
  return status == NATS_TIMEOUT || status == NATS_NO_RESPONDERS || status == NATS_CONNECTION_DISCONNECTED ||
         status == NATS_CONNECTION_CLOSED || js_error == JSClusterNotAvailErr || js_error == JSStreamOfflineErr ||
         js_error == JSInsufficientResourcesErr || js_error == JSClusterNoPeersErr;
}

// A connection to the servers of `address` that follows them through a node's loss, and its
// JetStream context. Throws QueueError naming the address when none answers within `timeout`.
struct Connection {
  std::vector<std::string> servers;
  OwnedConnection connection;
  OwnedContext context;
};
Connection connect(const std::string& address, std::chrono::milliseconds timeout);

}  // namespace storyline::queue::detail
