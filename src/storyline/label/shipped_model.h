#pragma once
// The shipped models (models/*.model), each loaded once per process on first use. A function-local
// static initializes once even with many threads; a failure is kept, so that every caller gets the
// same clear error rather than a retry per document.
#include <memory>
#include <string>

#include "storyline/core/model_path.h"
#include "storyline/label/category_model.h"  // ModelError

namespace storyline::label {

// `Model::load(path)` reads the file and throws ModelError; `train` names the command that makes it.
template <typename Model>
const Model& shipped_model(const char* file, const char* train) {
  struct Loaded {
    std::unique_ptr<Model> model;
    std::string error;
  };
  static const Loaded loaded = [&] {
    Loaded result;
    const auto path = find_model(file);
    if (!path) {
      result.error = std::string(file) +
                     " not found (looked in $STORYLINE_MODELS, models/ beside the executable and the "
                     "source tree's models/); train it with `" +
                     train + "`";
      return result;
    }
    try {
      result.model = std::make_unique<Model>(Model::load(*path));
    } catch (const ModelError& error) {
      result.error = error.what();
    }
    return result;
  }();
  if (!loaded.model) throw ModelError(loaded.error);
  return *loaded.model;
}

}  // namespace storyline::label
