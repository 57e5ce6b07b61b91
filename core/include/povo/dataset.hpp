// The data model every source fills and every indicator reads: boards, schools and
// branches with their attributes and relations, and observations per (entity, year,
// measure). Stored column-wise per measure and year so that the full national set
// (about 8,000 branches, 1,300 boards, 50 measures, 5 years) stays small and fast.
#pragma once

#include <povo/export.hpp>
#include <povo/value.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace povo {

/// board = bevoegd gezag (5-digit number); school = instelling (BRIN, e.g. "00AP");
/// branch = vestiging (BRIN + 2 digits, e.g. "00AP00"). branch -> school -> board.
enum class EntityKind : std::uint8_t { board = 0, school = 1, branch = 2 };
inline constexpr int entity_kind_count = 3;
POVO_SDK_API const char* entity_kind_name(EntityKind k) noexcept;  ///< "board", "school", "branch"
POVO_SDK_API std::optional<EntityKind> parse_entity_kind(std::string_view name) noexcept;

using EntityIndex = std::uint32_t;
using MeasureId = std::uint32_t;

class POVO_SDK_API Dataset {
 public:
  Dataset();
  ~Dataset();
  Dataset(Dataset&&) noexcept;
  Dataset& operator=(Dataset&&) noexcept;
  Dataset(const Dataset&) = delete;
  Dataset& operator=(const Dataset&) = delete;

  // --- Entities ---------------------------------------------------------------
  /// Adds an entity, or returns the existing one with this code.
  EntityIndex add_entity(EntityKind kind, std::string_view code);
  std::optional<EntityIndex> find_entity(EntityKind kind, std::string_view code) const;
  std::size_t entity_count(EntityKind kind) const;
  const std::string& entity_code(EntityKind kind, EntityIndex i) const;

  /// Links a branch to its school or a school to its board (the next kind up).
  /// A later link replaces an earlier one.
  void set_parent(EntityKind kind, EntityIndex child, EntityIndex parent);
  std::optional<EntityIndex> parent(EntityKind kind, EntityIndex child) const;
  /// The board an entity belongs to, following parents upward; itself for a board.
  std::optional<EntityIndex> board_of(EntityKind kind, EntityIndex i) const;

  /// Attributes such as name, sector ("po"/"vo"), denomination, province,
  /// municipality, RPA region. Setting one again replaces it.
  void set_attribute(EntityKind kind, EntityIndex i, std::string_view name, std::string value);
  /// nullptr when the entity has no such attribute.
  const std::string* attribute(EntityKind kind, EntityIndex i, std::string_view name) const;
  std::vector<std::string> attribute_names(EntityKind kind) const;

  // --- Measures and observations ------------------------------------------------
  /// Declares a measure observed at one entity level; returns the existing id if the
  /// name is known (and throws povo::Error if it was declared at another level).
  MeasureId declare_measure(std::string_view name, EntityKind level);
  std::optional<MeasureId> find_measure(std::string_view name) const;
  std::size_t measure_count() const;
  const std::string& measure_name(MeasureId m) const;
  EntityKind measure_level(MeasureId m) const;

  /// Stores a value. Returns false when a value was already stored for this
  /// (measure, entity, year): the caller reports the duplicate key.
  bool set(MeasureId m, EntityIndex e, int year, Value v);
  /// The stored value, or Value::missing(Reason::not_reported).
  Value get(MeasureId m, EntityIndex e, int year) const;
  /// Every year with at least one stored observation, ascending.
  std::vector<int> years() const;
  /// Number of stored observations (not counting never-reported cells).
  std::size_t observation_count() const;

  /// Sums a branch- or school-level measure up to a higher level, carrying
  /// suppression: a sum over cells that include "<5" becomes a range. Entities
  /// with no parent at the target level are skipped and counted in `orphans`.
  MeasureId roll_up(MeasureId from, EntityKind to, std::string_view target_name, std::size_t* orphans = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace povo
