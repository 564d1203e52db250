#pragma once
// Politeness kept across processes (`sources poll` on several machines, issue 17): for each host,
// the earliest moment the next request to it may start, a key of JetStream's key-value store
// (bucket storyline_host_pace). A caller books a turn by a compare-and-set on the key's revision:
// it reads the next allowed moment, moves it on by the host's delay from its own start, and
// writes it back only if nobody wrote in between (else it reads again). So two pollers never
// start requests to one host closer than its delay, whichever machines they run on. Moments are
// wall-clock milliseconds: the machines' clocks must agree (NTP) to within a small part of the delay.
#include <chrono>
#include <memory>
#include <string>

namespace storyline::queue {

class HostPace {
 public:
  // Connects and makes the bucket when missing (keys live a day after their last turn: a host
  // asked for again after that has no turn to wait for anyway). Throws QueueError.
  explicit HostPace(const std::string& address, int replicas = 0);
  ~HostPace();
  HostPace(const HostPace&) = delete;
  HostPace& operator=(const HostPace&) = delete;

  // Books the next turn for `host` and returns how long to wait for it (zero when it is now); the
  // next turn after it comes `delay` later. Thread-safe. Throws QueueError when JetStream does
  // not answer (the caller must not send the request then: its pace is unknown).
  std::chrono::milliseconds book_turn(const std::string& host, std::chrono::milliseconds delay);
  // Compare-and-set conflicts so far (another process booked the same host at the same moment).
  uint64_t conflicts() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::queue
