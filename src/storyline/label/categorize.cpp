#include "storyline/label/categorize.h"

#include <memory>

#include "storyline/core/model_path.h"

namespace storyline::label {

const CategoryModel& default_category_model() {
  // A function-local static initializes once even with many threads; a failure is kept so that
  // every caller gets the same clear error rather than a retry per document.
  struct Loaded {
    std::unique_ptr<CategoryModel> model;
    std::string error;
  };
  static const Loaded loaded = [] {
    Loaded result;
    const auto path = find_model("categories.model");
    if (!path) {
      result.error =
          "category model categories.model not found (looked in $STORYLINE_MODELS, models/ beside the executable and "
          "the source tree's models/); train it with `storyline train categories`";
      return result;
    }
    try {
      result.model = std::make_unique<CategoryModel>(CategoryModel::load(*path));
    } catch (const ModelError& error) {
      result.error = error.what();
    }
    return result;
  }();
  if (!loaded.model) throw ModelError(loaded.error);
  return *loaded.model;
}

CategoryText category_text(const Document& document) {
  CategoryText input;
  if (document.title) input.title = *document.title;
  if (document.text && !document.text->empty())
    input.text = *document.text;
  else if (document.excerpt)
    input.text = *document.excerpt;
  input.language = document.language && !document.language->empty() ? std::string_view(*document.language) : "en";
  if (document.url) input.url = *document.url;
  if (document.section) input.section = *document.section;
  return input;
}

std::string categorize(const Document& document, const CategoryModel& model) {
  return std::string(category_name(model.predict(category_text(document))));
}

std::string categorize(const Document& document) { return categorize(document, default_category_model()); }

}  // namespace storyline::label
