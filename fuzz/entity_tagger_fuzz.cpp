// Any bytes as an entity tagger's model file are a clear ModelError or a tagger that runs; any
// bytes as text (invalid UTF-8, no spaces, megabytes of one letter) are tagged without a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "storyline/label/category_model.h"  // ModelError
#include "storyline/label/entity_tagger.h"

namespace {

// A small tagger that names capitalized words: enough weights that spans open and continue.
const storyline::label::EntityTagger& small_tagger() {
  static const storyline::label::EntityTagger tagger = [] {
    constexpr uint32_t bits = 10;
    std::vector<float> weights((size_t{1} << bits) * storyline::label::kEntityTagCount, 0.0f);
    for (size_t i = 0; i < weights.size(); ++i) weights[i] = static_cast<float>((i * 2654435761u) % 7) - 3.0f;
    return storyline::label::EntityTagger("xx", bits, std::move(weights));
  }();
  return tagger;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  small_tagger().entities(bytes);
  try {
    const auto tagger = storyline::label::EntityTagger::deserialize(bytes, "fuzz.model");
    tagger.entities("Angela Merkel traf Emmanuel Macron in Paris.");
  } catch (const storyline::label::ModelError&) {
  }
  return 0;
}
