#pragma once
// The category model: a linear multinomial (softmax) classifier over hashed features
// (category_features.h). Weights are stored as 8-bit integers with one scale per category, so
// the shipped file stays small (2^20 buckets x 7 categories = 7.3 MB; many languages share the
// buckets, so fewer would collide); the model in memory holds exactly what the file holds, so
// save/load round-trips bit for bit.
//
// File format (little-endian):
//   "STORYLINE CATEGORY MODEL\n"                magic, 25 bytes
//   u32 format version, u32 feature version, u32 bucket bits, u32 category count
//   per category: u8 name length, name bytes   (must be INTERFACE.md's seven, in order)
//   f32 bias[categories], f32 scale[categories]
//   i8 weight[buckets][categories]              bucket-major: one feature reads 7 neighbours
//   u32 CRC-32 (zlib) of every byte before it
#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/label/category.h"
#include "storyline/label/category_features.h"

namespace storyline::label {

// A model file that cannot be used: missing, truncated, corrupt, or from another version.
class ModelError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using CategoryScores = std::array<float, kCategoryCount>;

class CategoryModel {
 public:
  static constexpr uint32_t kFormatVersion = 2;
  static constexpr uint32_t kMinBucketBits = 8;
  static constexpr uint32_t kMaxBucketBits = 24;

  // From trained weights (bucket-major, buckets x categories); quantizes them to 16 bits.
  CategoryModel(uint32_t bucket_bits, const std::vector<float>& weights, const CategoryScores& bias);

  uint32_t bucket_bits() const { return bucket_bits_; }

  // Probabilities of the seven categories (softmax), summing to 1.
  CategoryScores probabilities(const FeatureVector& features) const;
  // The most probable category; `other` for a document without a single word.
  Category predict(const FeatureVector& features) const;
  // Features of a document for this model, then predict().
  Category predict(const CategoryText& input) const;

  std::string serialize() const;
  // `name` appears in error messages (a file path). Throws ModelError.
  static CategoryModel deserialize(std::string_view bytes, const std::string& name);

  void save(const std::string& path) const;            // throws ModelError when it cannot write
  static CategoryModel load(const std::string& path);  // throws ModelError

  bool operator==(const CategoryModel&) const = default;

 private:
  CategoryModel() = default;
  CategoryScores scores(const FeatureVector& features) const;

  uint32_t bucket_bits_ = 0;
  CategoryScores bias_{};
  CategoryScores scale_{};
  std::vector<int8_t> weights_;  // buckets x categories
};

}  // namespace storyline::label
