#include <povo/dataset.hpp>
#include <povo/diagnostics.hpp>

#include <gtest/gtest.h>

using povo::Dataset;
using povo::EntityKind;
using povo::Value;

namespace {
// Two boards; board A has school 00AA with branches 00AA00 and 00AA01; board B has 00BB/00BB00.
Dataset small() {
  Dataset ds;
  auto a = ds.add_entity(EntityKind::board, "10001");
  auto b = ds.add_entity(EntityKind::board, "10002");
  auto sa = ds.add_entity(EntityKind::school, "00AA");
  auto sb = ds.add_entity(EntityKind::school, "00BB");
  ds.set_parent(EntityKind::school, sa, a);
  ds.set_parent(EntityKind::school, sb, b);
  for (const char* code : {"00AA00", "00AA01"}) ds.set_parent(EntityKind::branch, ds.add_entity(EntityKind::branch, code), sa);
  ds.set_parent(EntityKind::branch, ds.add_entity(EntityKind::branch, "00BB00"), sb);
  ds.add_entity(EntityKind::branch, "99ZZ00");  // an orphan: no school
  return ds;
}
}  // namespace

TEST(Dataset, EntitiesAreUniqueByCodeAndFollowParentsToTheBoard) {
  Dataset ds = small();
  EXPECT_EQ(ds.add_entity(EntityKind::board, "10001"), 0u);
  EXPECT_EQ(ds.entity_count(EntityKind::board), 2u);
  EXPECT_EQ(ds.entity_count(EntityKind::branch), 4u);
  auto branch = *ds.find_entity(EntityKind::branch, "00AA01");
  EXPECT_EQ(ds.entity_code(EntityKind::board, *ds.board_of(EntityKind::branch, branch)), "10001");
  EXPECT_FALSE(ds.board_of(EntityKind::branch, *ds.find_entity(EntityKind::branch, "99ZZ00")).has_value());
  EXPECT_FALSE(ds.find_entity(EntityKind::school, "nope").has_value());
}

TEST(Dataset, AttributesAreStoredPerEntity) {
  Dataset ds = small();
  ds.set_attribute(EntityKind::board, 1, "province", "Utrecht");
  EXPECT_EQ(*ds.attribute(EntityKind::board, 1, "province"), "Utrecht");
  EXPECT_EQ(ds.attribute(EntityKind::board, 0, "province"), nullptr);
  EXPECT_EQ(ds.attribute(EntityKind::board, 1, "name"), nullptr);
}

TEST(Dataset, SetReportsDuplicatesAndGetGivesNotReported) {
  Dataset ds = small();
  auto m = ds.declare_measure("leerlingen_vestiging", EntityKind::branch);
  EXPECT_TRUE(ds.set(m, 0, 2024, Value::of(120)));
  EXPECT_FALSE(ds.set(m, 0, 2024, Value::of(121)));
  EXPECT_EQ(ds.get(m, 0, 2024), Value::of(121));
  EXPECT_EQ(ds.get(m, 1, 2024), Value::missing(povo::Reason::not_reported));
  EXPECT_EQ(ds.get(m, 0, 2019), Value::missing(povo::Reason::not_reported));
  EXPECT_EQ(ds.observation_count(), 1u);
  EXPECT_EQ(ds.years(), std::vector<int>{2024});
  EXPECT_THROW(ds.declare_measure("leerlingen_vestiging", EntityKind::board), povo::Error);
}

TEST(Dataset, RollUpSumsAndCarriesSuppression) {
  Dataset ds = small();
  auto m = ds.declare_measure("kandidaten", EntityKind::branch);
  ds.set(m, *ds.find_entity(EntityKind::branch, "00AA00"), 2024, Value::of(40));
  ds.set(m, *ds.find_entity(EntityKind::branch, "00AA01"), 2024, Value::suppressed_count());
  ds.set(m, *ds.find_entity(EntityKind::branch, "00BB00"), 2024, Value::of(7));
  ds.set(m, *ds.find_entity(EntityKind::branch, "00BB00"), 2023, Value::suppressed_count());
  ds.set(m, *ds.find_entity(EntityKind::branch, "99ZZ00"), 2024, Value::of(5));
  std::size_t orphans = 0;
  auto board = ds.roll_up(m, EntityKind::board, "kandidaten_bestuur", &orphans);
  EXPECT_EQ(orphans, 1u);
  EXPECT_EQ(ds.measure_level(board), EntityKind::board);
  EXPECT_EQ(ds.get(board, 0, 2024), Value::range(41, 44));
  EXPECT_EQ(ds.get(board, 1, 2024), Value::of(7));
  // A single suppressed cell stays a range 1..4, never a number.
  EXPECT_EQ(ds.get(board, 1, 2023), Value::range(1, 4));
  EXPECT_THROW(ds.roll_up(board, EntityKind::branch, "x"), povo::Error);
}
