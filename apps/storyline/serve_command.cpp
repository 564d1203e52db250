// storyline serve [--db FILE] [--create] [--host 127.0.0.1] [--port 8080] [--poll] [--web-root DIR] : the HTTP
// API and the web page.
#include <CLI/CLI.hpp>

#include <malloc.h>
#include <pthread.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "commands.h"
#include "storyline/serve/http_server.h"
#include "storyline/store/store.h"

namespace storyline::cli {
namespace {

// SIGINT and SIGTERM stop the server gracefully (requests in flight finish): they are blocked in
// every thread and taken by one that waits for them, since stop() is no work for a signal handler.
class SignalStopper {
 public:
  SignalStopper() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    // Before the server starts its threads, which inherit the mask.
    pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
  }
  ~SignalStopper() { finish(); }
  SignalStopper(const SignalStopper&) = delete;
  SignalStopper& operator=(const SignalStopper&) = delete;

  void stop_on_signal(serve::HttpServer& server) {
    waiter_ = std::thread([this, &server] {
      int received = 0;
      sigwait(&signals_, &received);
      if (!finishing_) server.stop();
    });
  }
  // Before the server goes: the waiter is woken (if no signal came) and joined.
  void finish() {
    if (!waiter_.joinable()) return;
    finishing_ = true;
    pthread_kill(waiter_.native_handle(), SIGTERM);
    waiter_.join();
  }

 private:
  sigset_t signals_{};
  std::thread waiter_;
  std::atomic<bool> finishing_{false};
};

int run_serve(const serve::ServerOptions& options, bool create) {
  // A --db that names no file is most often a typo: serving an empty store in its place would
  // look like a server that lost everything (issue 16). A new store is made only when asked, or
  // when no --db was given: the default store is made where it is missing, as `ingest` makes it,
  // so that `storyline serve` alone still starts on a fresh machine (INTERFACE.md's contest use).
  std::error_code error;
  if (!create && !store::is_postgres_address(options.db) && !std::filesystem::exists(options.db, error)) {
    std::cerr << "storyline serve: " << options.db
              << ": no such store; name an existing one with --db, or add --create to start a new, empty one\n";
    return 2;
  }
  // Buffers of 1 MiB and more (request bodies, large answers) are mapped on their own and given
  // back to the system when freed: glibc's threshold otherwise rises after the first large free,
  // and a burst of large bodies left the server holding their memory for good.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  SignalStopper stopper;  // first: every thread the server starts inherits the blocked signals
  std::unique_ptr<serve::HttpServer> server;
  try {
    server = std::make_unique<serve::HttpServer>(options);
  } catch (const std::exception& error) {
    std::cerr << "storyline serve: " << error.what() << "\n";
    return 2;
  }
  if (!server->bind()) {
    std::cerr << "storyline serve: cannot listen on " << options.host << ":" << options.port
              << " (in use, or not an address of this machine); choose another with --host/--port\n";
    return 1;
  }
  std::cerr << "storyline serve: http://" << options.host << ":" << options.port << "/ (store " << options.db;
  if (!options.queue.empty()) std::cerr << ", writes through " << options.queue;
  std::cerr << ")\n";
  stopper.stop_on_signal(*server);
  server->listen_after_bind();
  stopper.finish();
  return 0;
}

}  // namespace

Runner add_serve_command(CLI::App& app) {
  auto options = std::make_shared<serve::ServerOptions>();
  CLI::App* command = app.add_subcommand("serve", "Serve the HTTP API and the web page over the store");
  CLI::Option* db = command
                        ->add_option("--db", options->db,
                                     "The store file; one named here must exist unless --create is given (the "
                                     "default is made when missing)")
                        ->capture_default_str();
  auto create = std::make_shared<bool>(false);
  command->add_flag("--create", *create,
                    "Make a new, empty store when the --db file does not exist (without it, a missing store is "
                    "refused: a mistyped name would otherwise serve an empty store)");
  command->add_option("--host", options->host, "Address to bind (loopback by default)")->capture_default_str();
  command->add_option("--port", options->port, "Port")->capture_default_str()->check(CLI::Range(1, 65535));
  command
      ->add_option("--write-token", options->write_token,
                   "Every write (POST, PUT, DELETE) then needs `Authorization: Bearer TOKEN`; also read from "
                   "STORYLINE_WRITE_TOKEN, which keeps it out of the process list")
      ->envname("STORYLINE_WRITE_TOKEN");
  command->add_option("--allow-host", options->allowed_hosts,
                      "A name the Host header may give besides loopback names (the name a reverse proxy forwards); "
                      "repeat for more. Requests through any other name are refused (403): a DNS-rebinding page "
                      "cannot reach the store through the reader's browser");
  command
      ->add_option("--max-connections-per-client", options->max_connections_per_client,
                   "Connections one client address may hold at once; one more is answered 503 and closed. Raise it "
                   "behind a reverse proxy, which is one address for all its clients")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{1'000'000}));
  command
      ->add_option("--max-connections", options->max_connections,
                   "Connections held at once in all; one more is answered 503 and closed")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{1'000'000}));
  command
      ->add_option("--keep-alive-seconds", options->keep_alive_seconds,
                   "How long a connection may wait for its next request (or a new one for its first) before it "
                   "is closed")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  command
      ->add_option("--worker-threads", options->worker_threads,
                   "Threads that run requests' handlers (which may wait on the store); connections take none")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{1024}));
  command
      ->add_option("--io-threads", options->io_threads,
                   "Threads that read and write every connection (0: one per hardware thread)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{0}, size_t{256}));
  command->add_flag("--poll", options->poll_sources,
                    "Poll the store's live sources (`storyline sources add`) in the background and ingest new items");
  command->add_flag("--publisher-images", options->publisher_images,
                    "Show the images publishers' pages name, loaded from their sites (off: the page loads nothing "
                    "from elsewhere, works offline and tells no publisher who reads what)");
  command->add_option("--web-root", options->web_root,
                      "Serve the web page's files (index.html, style.css, app.js) from this folder, read afresh at "
                      "every request, instead of the ones built in: for working on the page (--web-root web)");
  command->add_option("--queue", options->queue,
                      "Write through NATS JetStream (nats://host:port[,nats://...]): POST /api/articles is answered 201 "
                      "once the stream has stored the article, and `storyline worker cluster` stores it (README, "
                      "\"Running on several machines\")");
  command
      ->add_option("--queue-replicas", options->queue_replicas,
                   "Copies the stream keeps when this server makes it (0: 3 when --queue lists 3 servers or more, else 1)")
      ->capture_default_str()
      ->check(CLI::Range(0, 5));
  command->add_flag("--extract-workers", options->extract_in_workers,
                    "With --queue: queue contest PUTs unread, for `storyline worker extract` to read");
  return [options, create, db] { return run_serve(*options, *create || db->count() == 0); };
}

}  // namespace storyline::cli
