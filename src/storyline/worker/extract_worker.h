#pragma once
// `storyline worker extract`: reading pages as a role over JetStream (issue 17), any number of
// them. Takes unread pages from STORYLINE_PAGES (`serve --queue --extract-workers`; queue/
// document_queue.h) through the durable pull consumer `extract`, reads each as `serve` would
// (format detection, extraction, metadata; the contest name as its id), publishes its document to
// STORYLINE_DOCUMENTS for `worker cluster`, and acknowledges the page only once JetStream has stored
// the document. A worker that dies in between has the page delivered again; its document, published
// twice, is found stored the second time. A page nothing can be read from is dropped, named on the log.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace storyline::worker {

struct ExtractWorkerOptions {
  std::string queue;  // nats://host:port[,...]
  int batch = 16;     // pages fetched at once
  // A page not acknowledged within this is delivered again (a page takes milliseconds).
  std::chrono::milliseconds ack_wait{30'000};
  int replicas = 0;
  std::chrono::milliseconds exit_when_idle{0};
};

struct ExtractWorkerCounts {
  uint64_t pages = 0;
  uint64_t documents = 0;  // published to STORYLINE_DOCUMENTS
  uint64_t rejected = 0;   // nothing readable: dropped
  uint64_t redelivered = 0;
};

ExtractWorkerCounts run_extract_worker(const ExtractWorkerOptions& options, const std::atomic<bool>& stop,
                                       const std::function<void(const std::string&)>& log);

}  // namespace storyline::worker
