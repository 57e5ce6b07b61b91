#include <povo/dataset.hpp>
#include <povo/diagnostics.hpp>

#include <array>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

namespace povo {

const char* entity_kind_name(EntityKind k) noexcept {
  switch (k) {
    case EntityKind::board: return "board";
    case EntityKind::school: return "school";
    case EntityKind::branch: return "branch";
  }
  return "?";
}

std::optional<EntityKind> parse_entity_kind(std::string_view name) noexcept {
  if (name == "board") return EntityKind::board;
  if (name == "school") return EntityKind::school;
  if (name == "branch") return EntityKind::branch;
  return std::nullopt;
}

namespace {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

constexpr std::uint32_t no_parent = 0xffffffffu;

struct Attribute {
  std::string name;
  std::vector<std::string> values;  // by entity index
  std::vector<bool> present;
};

struct EntityTable {
  std::vector<std::string> codes;
  std::unordered_map<std::string, EntityIndex, StringHash, std::equal_to<>> by_code;
  std::vector<std::uint32_t> parents;
  std::vector<Attribute> attributes;
};

struct Measure {
  std::string name;
  EntityKind level;
  // One dense column per year, indexed by entity. Years are few, so a map is fine.
  std::map<int, std::vector<Value>> years;
  std::size_t stored = 0;
};

}  // namespace

struct Dataset::Impl {
  std::array<EntityTable, entity_kind_count> tables;
  std::vector<Measure> measures;
  std::unordered_map<std::string, MeasureId, StringHash, std::equal_to<>> measure_ids;

  EntityTable& table(EntityKind k) { return tables[static_cast<int>(k)]; }
  const EntityTable& table(EntityKind k) const { return tables[static_cast<int>(k)]; }

  void check(EntityKind k, EntityIndex i) const {
    if (i >= table(k).codes.size()) {
      throw Error(std::string("internal error: no ") + entity_kind_name(k) + " with index " + std::to_string(i));
    }
  }
  const Measure& measure(MeasureId m) const {
    if (m >= measures.size()) throw Error("internal error: no measure with id " + std::to_string(m));
    return measures[m];
  }
};

Dataset::Dataset() : impl_(std::make_unique<Impl>()) {}
Dataset::~Dataset() = default;
Dataset::Dataset(Dataset&&) noexcept = default;
Dataset& Dataset::operator=(Dataset&&) noexcept = default;

EntityIndex Dataset::add_entity(EntityKind kind, std::string_view code) {
  EntityTable& t = impl_->table(kind);
  if (auto it = t.by_code.find(code); it != t.by_code.end()) return it->second;
  auto index = static_cast<EntityIndex>(t.codes.size());
  t.codes.emplace_back(code);
  t.by_code.emplace(std::string(code), index);
  t.parents.push_back(no_parent);
  return index;
}

std::optional<EntityIndex> Dataset::find_entity(EntityKind kind, std::string_view code) const {
  const EntityTable& t = impl_->table(kind);
  if (auto it = t.by_code.find(code); it != t.by_code.end()) return it->second;
  return std::nullopt;
}

std::size_t Dataset::entity_count(EntityKind kind) const { return impl_->table(kind).codes.size(); }

const std::string& Dataset::entity_code(EntityKind kind, EntityIndex i) const {
  impl_->check(kind, i);
  return impl_->table(kind).codes[i];
}

void Dataset::set_parent(EntityKind kind, EntityIndex child, EntityIndex parent) {
  if (kind == EntityKind::board) throw Error("internal error: a board has no parent entity");
  impl_->check(kind, child);
  impl_->check(static_cast<EntityKind>(static_cast<int>(kind) - 1), parent);
  impl_->table(kind).parents[child] = parent;
}

std::optional<EntityIndex> Dataset::parent(EntityKind kind, EntityIndex child) const {
  if (kind == EntityKind::board) return std::nullopt;
  impl_->check(kind, child);
  std::uint32_t p = impl_->table(kind).parents[child];
  if (p == no_parent) return std::nullopt;
  return p;
}

std::optional<EntityIndex> Dataset::board_of(EntityKind kind, EntityIndex i) const {
  std::optional<EntityIndex> at = i;
  while (at && kind != EntityKind::board) {
    at = parent(kind, *at);
    kind = static_cast<EntityKind>(static_cast<int>(kind) - 1);
  }
  return at;
}

void Dataset::set_attribute(EntityKind kind, EntityIndex i, std::string_view name, std::string value) {
  impl_->check(kind, i);
  EntityTable& t = impl_->table(kind);
  Attribute* a = nullptr;
  for (auto& existing : t.attributes) {
    if (existing.name == name) a = &existing;
  }
  if (!a) {
    t.attributes.push_back(Attribute{std::string(name), {}, {}});
    a = &t.attributes.back();
  }
  if (a->values.size() <= i) {
    a->values.resize(t.codes.size());
    a->present.resize(t.codes.size());
  }
  a->values[i] = std::move(value);
  a->present[i] = true;
}

const std::string* Dataset::attribute(EntityKind kind, EntityIndex i, std::string_view name) const {
  const EntityTable& t = impl_->table(kind);
  for (const auto& a : t.attributes) {
    if (a.name == name) return i < a.present.size() && a.present[i] ? &a.values[i] : nullptr;
  }
  return nullptr;
}

std::vector<std::string> Dataset::attribute_names(EntityKind kind) const {
  std::vector<std::string> names;
  for (const auto& a : impl_->table(kind).attributes) names.push_back(a.name);
  return names;
}

MeasureId Dataset::declare_measure(std::string_view name, EntityKind level) {
  if (auto it = impl_->measure_ids.find(name); it != impl_->measure_ids.end()) {
    const Measure& m = impl_->measures[it->second];
    if (m.level != level) {
      throw Error("measure '" + std::string(name) + "' is declared at " + entity_kind_name(m.level) +
                      " level and again at " + entity_kind_name(level) + " level",
                  {}, "give one of them another name, or roll it up with 'rollup:'");
    }
    return it->second;
  }
  auto id = static_cast<MeasureId>(impl_->measures.size());
  impl_->measures.push_back(Measure{std::string(name), level, {}, 0});
  impl_->measure_ids.emplace(std::string(name), id);
  return id;
}

std::optional<MeasureId> Dataset::find_measure(std::string_view name) const {
  if (auto it = impl_->measure_ids.find(name); it != impl_->measure_ids.end()) return it->second;
  return std::nullopt;
}

std::size_t Dataset::measure_count() const { return impl_->measures.size(); }
const std::string& Dataset::measure_name(MeasureId m) const { return impl_->measure(m).name; }
EntityKind Dataset::measure_level(MeasureId m) const { return impl_->measure(m).level; }

bool Dataset::set(MeasureId m, EntityIndex e, int year, Value v) {
  impl_->measure(m);
  Measure& measure = impl_->measures[m];
  impl_->check(measure.level, e);
  std::vector<Value>& column = measure.years[year];
  if (column.size() <= e) column.resize(impl_->table(measure.level).codes.size());
  Value& cell = column[e];
  bool fresh = cell == Value::missing(Reason::not_reported);
  if (fresh && !(v == Value::missing(Reason::not_reported))) ++measure.stored;
  cell = v;
  return fresh;
}

Value Dataset::get(MeasureId m, EntityIndex e, int year) const {
  const Measure& measure = impl_->measure(m);
  auto it = measure.years.find(year);
  if (it == measure.years.end() || e >= it->second.size()) return Value::missing(Reason::not_reported);
  return it->second[e];
}

std::vector<int> Dataset::years() const {
  std::set<int> all;
  for (const auto& m : impl_->measures) {
    for (const auto& [year, column] : m.years) all.insert(year);
  }
  return {all.begin(), all.end()};
}

std::size_t Dataset::observation_count() const {
  std::size_t n = 0;
  for (const auto& m : impl_->measures) n += m.stored;
  return n;
}

MeasureId Dataset::roll_up(MeasureId from, EntityKind to, std::string_view target_name, std::size_t* orphans) {
  const EntityKind level = impl_->measure(from).level;
  if (static_cast<int>(to) >= static_cast<int>(level)) {
    throw Error("cannot roll '" + impl_->measure(from).name + "' up from " + entity_kind_name(level) + " to " +
                entity_kind_name(to) + ": the target must be a higher level");
  }
  MeasureId target = declare_measure(target_name, to);
  // Copy the source columns first: declare_measure may have grown `measures`.
  const auto source_years = impl_->measures[from].years;
  std::size_t lost = 0;
  for (const auto& [year, column] : source_years) {
    std::vector<Value> sums(entity_count(to), Value::missing(Reason::not_reported));
    for (EntityIndex e = 0; e < column.size(); ++e) {
      const Value& v = column[e];
      if (v == Value::missing(Reason::not_reported)) continue;
      std::optional<EntityIndex> up = e;
      EntityKind k = level;
      while (up && k != to) {
        up = parent(k, *up);
        k = static_cast<EntityKind>(static_cast<int>(k) - 1);
      }
      if (!up) {
        ++lost;
        continue;
      }
      Value& sum = sums[*up];
      sum = sum == Value::missing(Reason::not_reported) ? (v.is_suppressed() ? Value::range(1, 4) : v) : add(sum, v);
    }
    for (EntityIndex e = 0; e < sums.size(); ++e) {
      if (!(sums[e] == Value::missing(Reason::not_reported))) set(target, e, year, sums[e]);
    }
  }
  if (orphans) *orphans = lost;
  return target;
}

}  // namespace povo
