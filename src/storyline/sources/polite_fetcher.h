#pragma once
// Fetching as a good citizen of the web: robots.txt honoured (fetched once per origin and kept
// for a while), requests to one host paced, redirects followed a bounded number of times (each
// hop checked and paced too), and server errors and timeouts retried with exponential backoff.
// Shared by every worker (thread-safe); each worker brings its own HttpClient.
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "storyline/sources/host_pacer.h"
#include "storyline/sources/http_client.h"
#include "storyline/sources/robots_rules.h"

namespace storyline::sources {

struct FetchPolicy {
  std::chrono::milliseconds min_host_delay{1000};  // between requests to one host
  int max_redirects = 5;
  int max_retries = 2;                               // after the first attempt, on 5xx or timeouts
  std::chrono::milliseconds retry_base_delay{1000};  // doubled for each further retry
  std::chrono::seconds robots_cache_time{3600};
  std::chrono::seconds max_crawl_delay{60};  // robots.txt Crawl-delay is honoured up to this
  std::string robots_agent = "storyline";    // our product token in robots.txt groups
  bool honour_robots = true;
};

struct FetchResult {
  HttpResponse response;  // the last answer
  std::string final_url;  // after redirects
  int attempts = 0;       // requests sent for the URL itself (retries included, robots.txt not)
  int redirects = 0;
  bool disallowed = false;  // robots.txt forbids final_url: nothing was fetched from it
  std::string error;        // why this is not a usable answer ("" when response.status is one)
};

class PoliteFetcher {
 public:
  // Paced by `turns` when given (shared with other processes), else by a pacer of its own.
  explicit PoliteFetcher(FetchPolicy policy, std::shared_ptr<HostTurns> turns = nullptr);

  FetchResult fetch(HttpClient& client, const HttpRequest& request);

 private:
  struct CachedRobots {
    RobotsRules rules;
    std::chrono::steady_clock::time_point expires;
  };
  HttpResponse paced_get(HttpClient& client, const HttpRequest& request,
                         std::chrono::milliseconds delay = std::chrono::milliseconds(0));
  RobotsRules robots_for(HttpClient& client, const std::string& origin);

  FetchPolicy policy_;
  std::shared_ptr<HostTurns> turns_;
  std::mutex robots_mutex_;
  std::map<std::string, CachedRobots> robots_;
};

}  // namespace storyline::sources
