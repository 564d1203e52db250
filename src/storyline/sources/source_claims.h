#pragma once
// Several pollers over one store (`sources poll --queue` on several machines): a source is polled
// only by the poller that claims it, one at a time (worker/source_leases.h keeps the claims as
// leases in JetStream's key-value store). A poller without claims polls every due source itself.
#include <cstdint>

namespace storyline::sources {

class SourceClaims {
 public:
  virtual ~SourceClaims() = default;
  // True when this poller holds the source now (and may poll it); false when another does.
  virtual bool claim(int64_t source_id) = 0;
  // Whether the claim still holds (it may have lapsed while the poll ran): looked at before the
  // poll's items and state are written.
  virtual bool holds(int64_t source_id) = 0;
  // Gives it up once the source's poll is written.
  virtual void release(int64_t source_id) = 0;
};

}  // namespace storyline::sources
