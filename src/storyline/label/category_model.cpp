#include "storyline/label/category_model.h"

#include <zlib.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace storyline::label {
namespace {

constexpr std::string_view kMagic = "STORYLINE CATEGORY MODEL\n";
constexpr size_t kMaxModelBytes = size_t{256} << 20;

void put_u32(std::string& out, uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

void put_f32(std::string& out, float value) { put_u32(out, std::bit_cast<uint32_t>(value)); }

uint32_t crc_of(std::string_view bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  // zlib takes uInt lengths; a model is far below 4 GB (kMaxModelBytes).
  crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size()));
  return static_cast<uint32_t>(crc);
}

// Reads the file's fields in order; every read is bounds-checked.
class Reader {
 public:
  Reader(std::string_view bytes, const std::string& name) : bytes_(bytes), name_(name) {}

  std::string_view take(size_t count, const char* what) {
    if (bytes_.size() - position_ < count) fail(std::string("file ends inside ") + what);
    std::string_view piece = bytes_.substr(position_, count);
    position_ += count;
    return piece;
  }
  uint32_t u32(const char* what) {
    std::string_view piece = take(4, what);
    uint32_t value = 0;
    for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(piece[static_cast<size_t>(i)]);
    return value;
  }
  float f32(const char* what) { return std::bit_cast<float>(u32(what)); }
  size_t position() const { return position_; }
  size_t remaining() const { return bytes_.size() - position_; }

  [[noreturn]] void fail(const std::string& problem) const { throw ModelError("category model " + name_ + ": " + problem); }

 private:
  std::string_view bytes_;
  const std::string& name_;
  size_t position_ = 0;
};

}  // namespace

CategoryModel::CategoryModel(uint32_t bucket_bits, const std::vector<float>& weights, const CategoryScores& bias)
    : bucket_bits_(bucket_bits), bias_(bias) {
  if (bucket_bits < kMinBucketBits || bucket_bits > kMaxBucketBits)
    throw std::invalid_argument("category model: bucket bits out of range");
  const size_t buckets = size_t{1} << bucket_bits;
  if (weights.size() != buckets * kCategoryCount) throw std::invalid_argument("category model: wrong weight count");
  for (size_t c = 0; c < kCategoryCount; ++c) {
    // The scale covers all but the 0.01 % largest weights, which are clipped: one outlier (the
    // section feature) must not leave the many small word weights a single quantization step.
    std::vector<float> magnitudes;
    for (size_t b = 0; b < buckets; ++b)
      if (const float w = std::fabs(weights[b * kCategoryCount + c]); w > 0) magnitudes.push_back(w);
    float top = 0;
    if (!magnitudes.empty()) {
      const size_t at = magnitudes.size() - 1 - magnitudes.size() / 10000;
      std::nth_element(magnitudes.begin(), magnitudes.begin() + static_cast<std::ptrdiff_t>(at), magnitudes.end());
      top = magnitudes[at];
    }
    scale_[c] = top > 0 ? top / 127.0f : 1.0f;
  }
  weights_.resize(weights.size());
  for (size_t b = 0; b < buckets; ++b)
    for (size_t c = 0; c < kCategoryCount; ++c) {
      const float quantized = std::round(weights[b * kCategoryCount + c] / scale_[c]);
      weights_[b * kCategoryCount + c] = static_cast<int8_t>(std::clamp(quantized, -127.0f, 127.0f));
    }
}

CategoryScores CategoryModel::scores(const FeatureVector& features) const {
  std::array<double, kCategoryCount> sums{};
  const size_t buckets = size_t{1} << bucket_bits_;
  for (const Feature& feature : features) {
    if (feature.bucket >= buckets) continue;  // features made for a larger model
    const int8_t* row = &weights_[size_t{feature.bucket} * kCategoryCount];
    for (size_t c = 0; c < kCategoryCount; ++c) sums[c] += double(feature.value) * row[c];
  }
  CategoryScores result{};
  for (size_t c = 0; c < kCategoryCount; ++c) result[c] = static_cast<float>(bias_[c] + sums[c] * scale_[c]);
  return result;
}

CategoryScores CategoryModel::probabilities(const FeatureVector& features) const {
  CategoryScores result = scores(features);
  const float top = *std::max_element(result.begin(), result.end());
  float total = 0;
  for (float& value : result) total += (value = std::exp(value - top));
  for (float& value : result) value /= total;
  return result;
}

Category CategoryModel::predict(const FeatureVector& features) const {
  if (features.empty()) return Category::kOther;
  const CategoryScores result = scores(features);
  return category_at(static_cast<size_t>(std::max_element(result.begin(), result.end()) - result.begin()));
}

Category CategoryModel::predict(const CategoryText& input) const { return predict(category_features(input, bucket_bits_)); }

std::string CategoryModel::serialize() const {
  std::string out(kMagic);
  put_u32(out, kFormatVersion);
  put_u32(out, kCategoryFeatureVersion);
  put_u32(out, bucket_bits_);
  put_u32(out, kCategoryCount);
  for (std::string_view name : kCategoryNames) {
    out.push_back(static_cast<char>(name.size()));
    out.append(name);
  }
  for (float value : bias_) put_f32(out, value);
  for (float value : scale_) put_f32(out, value);
  out.reserve(out.size() + weights_.size() * 2 + 4);
  for (int8_t weight : weights_) out.push_back(static_cast<char>(weight));
  put_u32(out, crc_of(out));
  return out;
}

CategoryModel CategoryModel::deserialize(std::string_view bytes, const std::string& name) {
  Reader reader(bytes, name);
  if (bytes.substr(0, kMagic.size()) != kMagic) reader.fail("not a Storyline category model (bad magic)");
  reader.take(kMagic.size(), "magic");
  if (bytes.size() < kMagic.size() + 4) reader.fail("truncated");
  const uint32_t stored_crc = [&] {
    Reader tail(bytes.substr(bytes.size() - 4), name);
    return tail.u32("checksum");
  }();
  if (stored_crc != crc_of(bytes.substr(0, bytes.size() - 4)))
    reader.fail(
        "checksum mismatch: the file is corrupt or truncated; retrain it (see README, `storyline train categories`)");

  const uint32_t format = reader.u32("format version");
  if (format != kFormatVersion)
    reader.fail("format version " + std::to_string(format) + ", this build reads " + std::to_string(kFormatVersion));
  const uint32_t feature_version = reader.u32("feature version");
  if (feature_version != kCategoryFeatureVersion)
    reader.fail("made for feature version " + std::to_string(feature_version) + ", this build computes version " +
                std::to_string(kCategoryFeatureVersion) + "; retrain it");
  CategoryModel model;
  model.bucket_bits_ = reader.u32("bucket bits");
  if (model.bucket_bits_ < kMinBucketBits || model.bucket_bits_ > kMaxBucketBits)
    reader.fail("bucket bits " + std::to_string(model.bucket_bits_) + " out of range");
  if (reader.u32("category count") != kCategoryCount) reader.fail("wrong number of categories");
  for (std::string_view expected : kCategoryNames) {
    const auto length = static_cast<unsigned char>(reader.take(1, "category names")[0]);
    if (reader.take(length, "category names") != expected)
      reader.fail("categories differ from " + std::string(expected) + " ... (INTERFACE.md's seven, in order)");
  }
  for (float& value : model.bias_) value = reader.f32("biases");
  for (float& value : model.scale_) value = reader.f32("scales");
  for (size_t c = 0; c < kCategoryCount; ++c)
    if (!std::isfinite(model.bias_[c]) || !std::isfinite(model.scale_[c])) reader.fail("non-finite bias or scale");
  const size_t count = (size_t{1} << model.bucket_bits_) * kCategoryCount;
  if (reader.remaining() != count + 4) reader.fail("weights have the wrong size");
  std::string_view raw = reader.take(count, "weights");
  model.weights_.resize(count);
  for (size_t i = 0; i < count; ++i) model.weights_[i] = static_cast<int8_t>(raw[i]);
  return model;
}

void CategoryModel::save(const std::string& path) const {
  const std::string bytes = serialize();
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw ModelError("category model " + path + ": cannot write " + temporary + ": " + std::strerror(errno));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) throw ModelError("category model " + path + ": write failed: " + std::strerror(errno));
  }
  // Write then rename: a reader never sees a half-written model.
  if (std::rename(temporary.c_str(), path.c_str()) != 0)
    throw ModelError("category model " + path + ": cannot rename " + temporary + ": " + std::strerror(errno));
}

CategoryModel CategoryModel::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ModelError("category model " + path + ": cannot open: " + std::strerror(errno));
  std::string bytes;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
    if (bytes.size() > kMaxModelBytes) throw ModelError("category model " + path + ": larger than any model could be");
  }
  if (in.bad()) throw ModelError("category model " + path + ": read failed");
  return deserialize(bytes, path);
}

}  // namespace storyline::label
