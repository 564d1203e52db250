#include "storyline/serve/metrics.h"

#include <sstream>

namespace storyline::serve {

void Metrics::observe_request(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  RouteStats& stats = routes_[route];
  ++stats.count;
  stats.seconds += seconds;
  ++stats.statuses[status];
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) {
      ++stats.buckets[i];
      break;
    }
}

std::string Metrics::render(uint64_t documents, uint64_t stories) const {
  std::ostringstream out;
  out << "# HELP storyline_documents Documents in the store.\n# TYPE storyline_documents gauge\n"
      << "storyline_documents " << documents << "\n";
  out << "# HELP storyline_stories Stories in the store.\n# TYPE storyline_stories gauge\n"
      << "storyline_stories " << stories << "\n";
  out << "# HELP storyline_ingested_total Documents ingested through the API since start.\n"
      << "# TYPE storyline_ingested_total counter\nstoryline_ingested_total " << ingested_.load() << "\n";
  out << "# HELP storyline_queued_total Documents the API handed to JetStream (serve --queue) since start.\n"
      << "# TYPE storyline_queued_total counter\nstoryline_queued_total " << queued_.load() << "\n";
  std::lock_guard lock(mutex_);
  out << "# HELP storyline_http_requests_total HTTP requests by route and status.\n"
      << "# TYPE storyline_http_requests_total counter\n";
  for (const auto& [route, stats] : routes_)
    for (const auto& [status, count] : stats.statuses)
      out << "storyline_http_requests_total{route=\"" << route << "\",status=\"" << status << "\"} " << count << "\n";
  out << "# HELP storyline_http_request_seconds Request latency.\n# TYPE storyline_http_request_seconds histogram\n";
  for (const auto& [route, stats] : routes_) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += stats.buckets[i];
      out << "storyline_http_request_seconds_bucket{route=\"" << route << "\",le=\"" << kBuckets[i] << "\"} " << cumulative
          << "\n";
    }
    out << "storyline_http_request_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} " << stats.count << "\n";
    out << "storyline_http_request_seconds_sum{route=\"" << route << "\"} " << stats.seconds << "\n";
    out << "storyline_http_request_seconds_count{route=\"" << route << "\"} " << stats.count << "\n";
  }
  return out.str();
}

}  // namespace storyline::serve
