// A model file of any bytes is a clear ModelError or a model that predicts, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "storyline/label/category_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const auto model = storyline::label::CategoryModel::deserialize(std::string_view(reinterpret_cast<const char*>(data),
                                                                                     size),
                                                                    "fuzz.model");
    model.predict(storyline::label::FeatureVector{{1, 0.5f}, {7, 0.5f}});
  } catch (const storyline::label::ModelError&) {
  }
  return 0;
}
