#include "storyline/sources/polite_fetcher.h"

#include <algorithm>
#include <thread>

#include "storyline/sources/source_url.h"

namespace storyline::sources {
namespace {

bool worth_retrying(const HttpResponse& response) {
  if (response.too_large || response.cancelled) return false;
  if (response.status == 0) return true;  // timed out, refused, reset: often passing trouble
  return response.status >= 500 || response.status == 429;
}

bool is_redirect(int status) { return status == 301 || status == 302 || status == 303 || status == 307 || status == 308; }

// What a failed answer was, for the source's health.
std::string describe_failure(const HttpResponse& response) {
  if (!response.error.empty()) return response.error;
  return "HTTP " + std::to_string(response.status);
}

}  // namespace

PoliteFetcher::PoliteFetcher(FetchPolicy policy, std::shared_ptr<HostTurns> turns)
    : policy_(std::move(policy)), turns_(turns ? std::move(turns) : std::make_shared<HostPacer>(policy_.min_host_delay)) {}

HttpResponse PoliteFetcher::paced_get(HttpClient& client, const HttpRequest& request, std::chrono::milliseconds delay) {
  turns_->wait_turn(url_host_name(request.url), std::max(policy_.min_host_delay, delay));
  return client.get(request);
}

RobotsRules PoliteFetcher::robots_for(HttpClient& client, const std::string& origin) {
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(robots_mutex_);
    const auto found = robots_.find(origin);
    if (found != robots_.end() && found->second.expires > now) return found->second.rules;
  }
  // Fetched outside the lock: two workers may both fetch it once, which is harmless.
  HttpRequest request{origin + "/robots.txt", std::nullopt, std::nullopt};
  HttpResponse response = paced_get(client, request);
  for (int hop = 0; hop < policy_.max_redirects && is_redirect(response.status) && response.location; ++hop) {
    request.url = *response.location;
    response = paced_get(client, request);
  }
  RobotsRules rules = RobotsRules::allow_all();  // 4xx: no robots.txt, everything allowed (RFC 9309)
  auto keep_for = std::chrono::duration_cast<std::chrono::steady_clock::duration>(policy_.robots_cache_time);
  if (response.ok()) {
    rules = RobotsRules::parse(response.body, policy_.robots_agent);
  } else if (response.cancelled) {
    return RobotsRules::disallow_all();  // shutting down: fetch nothing more, and keep nothing
  } else if (response.status == 0 || response.status >= 500) {
    // Unreachable robots.txt: assume everything is disallowed (RFC 9309), and ask again soon.
    rules = RobotsRules::disallow_all();
    keep_for = std::min(keep_for, std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::minutes(10)));
  }
  std::lock_guard lock(robots_mutex_);
  robots_[origin] = {rules, now + keep_for};
  return rules;
}

FetchResult PoliteFetcher::fetch(HttpClient& client, const HttpRequest& request) {
  FetchResult result;
  HttpRequest current = request;
  while (true) {
    result.final_url = current.url;
    const RobotsRules rules = policy_.honour_robots ? robots_for(client, url_origin(current.url)) : RobotsRules::allow_all();
    if (!rules.allows(url_path_and_query(current.url))) {
      result.disallowed = true;
      result.error = "robots.txt of " + url_origin(current.url) + " disallows " + current.url;
      return result;
    }
    const auto crawl_delay = std::chrono::milliseconds(static_cast<int64_t>(
        std::min<double>(rules.crawl_delay_seconds().value_or(0), static_cast<double>(policy_.max_crawl_delay.count())) *
        1000));
    // Attempts on this URL: the first, then retries with doubling waits.
    auto wait = policy_.retry_base_delay;
    for (int attempt = 0;; ++attempt) {
      result.response = paced_get(client, current, crawl_delay);
      ++result.attempts;
      if (!worth_retrying(result.response) || attempt >= policy_.max_retries) break;
      std::this_thread::sleep_for(wait);
      wait *= 2;
    }
    const HttpResponse& response = result.response;
    if (!is_redirect(response.status)) break;
    if (!response.location) {
      result.error = "HTTP " + std::to_string(response.status) + " without a Location";
      return result;
    }
    if (result.redirects >= policy_.max_redirects) {
      result.error = "more than " + std::to_string(policy_.max_redirects) + " redirects";
      return result;
    }
    ++result.redirects;
    current.url = *response.location;
  }
  const HttpResponse& response = result.response;
  if (response.status != 304 && !response.ok()) result.error = describe_failure(response);
  if (response.status == 0 && response.error.empty()) result.error = "no answer";
  return result;
}

}  // namespace storyline::sources
