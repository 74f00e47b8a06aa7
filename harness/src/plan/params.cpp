#include "idiombench/params.hpp"

#include <algorithm>
#include <stdexcept>
#include <thread>

namespace idiombench {

std::string to_string(const ParamValue& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  return std::get<std::string>(value);
}

Params::Params(std::initializer_list<std::pair<std::string, ParamValue>> items) {
  for (const auto& [key, value] : items) set(key, value);
}

void Params::set(const std::string& key, ParamValue value) {
  auto found = std::find_if(items_.begin(), items_.end(),
                            [&](const auto& item) { return item.first == key; });
  if (found != items_.end()) {
    found->second = std::move(value);
  } else {
    items_.emplace_back(key, std::move(value));
  }
}

bool Params::contains(std::string_view key) const {
  return std::any_of(items_.begin(), items_.end(),
                     [&](const auto& item) { return item.first == key; });
}

const ParamValue& Params::at(std::string_view key) const {
  for (const auto& [name, value] : items_) {
    if (name == key) return value;
  }
  throw std::out_of_range("no param '" + std::string(key) + "' in '" + to_string() + "'");
}

std::int64_t Params::integer(std::string_view key) const {
  const auto& value = at(key);
  if (const auto* number = std::get_if<std::int64_t>(&value)) return *number;
  throw std::out_of_range("param '" + std::string(key) + "' is not a number");
}

const std::string& Params::text(std::string_view key) const {
  const auto& value = at(key);
  if (const auto* word = std::get_if<std::string>(&value)) return *word;
  throw std::out_of_range("param '" + std::string(key) + "' is not a word");
}

std::string Params::to_string() const {
  std::string out;
  for (const auto& [key, value] : items_) {
    if (!out.empty()) out += '/';
    out += key + ':' + idiombench::to_string(value);
  }
  return out;
}

std::int64_t hardware_threads() {
  return std::max<std::int64_t>(1, std::thread::hardware_concurrency());
}

std::vector<std::int64_t> worker_counts(WorkerSweep sweep) {
  const std::int64_t nproc = hardware_threads();
  const std::int64_t limit = sweep.oversubscribe ? 2 * nproc : nproc;
  std::vector<std::int64_t> counts{1, nproc};
  if (sweep.full) {
    for (std::int64_t w = 2; w < limit; w *= 2) counts.push_back(w);
    counts.push_back(limit);
  }
  std::sort(counts.begin(), counts.end());
  counts.erase(std::unique(counts.begin(), counts.end()), counts.end());
  return counts;
}

ParamAxis integer_axis(std::string key, const std::vector<std::int64_t>& values,
                       std::vector<std::string> models) {
  ParamAxis axis{std::move(key), {}, std::move(models)};
  for (auto v : values) axis.values.emplace_back(v);
  return axis;
}

std::vector<Params> expand(const ParamGrid& grid) {
  std::vector<Params> points{Params{}};
  for (const auto& axis : grid) {
    std::vector<Params> next;
    for (const auto& point : points) {
      for (const auto& value : axis.values) {
        Params extended = point;
        extended.set(axis.key, value);
        next.push_back(std::move(extended));
      }
    }
    points = std::move(next);
  }
  return points;
}

namespace {
bool applies(const ParamAxis& axis, const std::string& model) {
  auto contains = [&](const std::vector<std::string>& models) {
    return std::find(models.begin(), models.end(), model) != models.end();
  };
  return (axis.models.empty() || contains(axis.models)) && !contains(axis.except_models);
}
}  // namespace

std::vector<Params> expand_for_model(const ParamGrid& grid, const std::string& model) {
  return cross_for_model({Params{}}, grid, model);
}

std::vector<Params> cross_for_model(const std::vector<Params>& points, const ParamGrid& grid,
                                    const std::string& model) {
  ParamGrid applicable;
  for (const auto& axis : grid) {
    if (applies(axis, model)) applicable.push_back(axis);
  }
  std::vector<Params> out;
  for (const auto& point : points) {
    for (const auto& extra : expand(applicable)) {
      Params combined = point;
      for (const auto& [key, value] : extra.items()) combined.set(key, value);
      out.push_back(std::move(combined));
    }
  }
  return out;
}

}  // namespace idiombench
