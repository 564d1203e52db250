#pragma once
// Where trained models shipped with Storyline (the repository's models/ folder) are found at
// run time: $STORYLINE_MODELS if set, else models/ beside the executable's build folder
// (build/storyline -> models/), else the source tree's models/ compiled in at build time.
#include <optional>
#include <string>

namespace storyline {

// The full path of the model file `name` ("categories.model"), or nullopt when it is nowhere.
std::optional<std::string> find_model(const std::string& name);

}  // namespace storyline
