#include "data/derived_measures.hpp"

#include <gtest/gtest.h>

using namespace povo;

TEST(DerivedMeasures, BoardTakesTheMajorityOfItsBranchesAndCountsThem) {
  Dataset ds;
  auto board = ds.add_entity(EntityKind::board, "10001");
  auto lonely = ds.add_entity(EntityKind::board, "10002");
  auto school = ds.add_entity(EntityKind::school, "00AA");
  ds.set_parent(EntityKind::school, school, board);
  const char* provinces[] = {"Utrecht", "Gelderland", "Utrecht"};
  for (int i = 0; i < 3; ++i) {
    auto br = ds.add_entity(EntityKind::branch, "00AA0" + std::to_string(i));
    ds.set_parent(EntityKind::branch, br, school);
    ds.set_attribute(EntityKind::branch, br, "province", provinces[i]);
    ds.set_attribute(EntityKind::branch, br, "denomination", i == 0 ? "Openbaar" : "Bijzonder");
  }
  // A tie between two values goes to the alphabetically first.
  auto other = ds.add_entity(EntityKind::school, "00BB");
  ds.set_parent(EntityKind::school, other, lonely);
  ds.set_attribute(EntityKind::school, other, "province", "Zeeland");
  ds.set_attribute(EntityKind::board, board, "sector", "po");
  auto m = ds.declare_measure("x", EntityKind::board);
  ds.set(m, board, 2024, Value::of(1));

  const data::AttributeConflicts conflicts = data::derive_board_facts(ds);
  EXPECT_EQ(*ds.attribute(EntityKind::board, board, "province"), "Utrecht");
  EXPECT_EQ(*ds.attribute(EntityKind::board, board, "denomination"), "Bijzonder");
  EXPECT_EQ(*ds.attribute(EntityKind::board, board, "sector"), "po");
  EXPECT_EQ(*ds.attribute(EntityKind::board, lonely, "province"), "Zeeland");
  EXPECT_EQ(ds.get(*ds.find_measure("vestigingen_bestuur"), board, 2024), Value::of(3));
  EXPECT_EQ(ds.get(*ds.find_measure("vestigingen_bestuur"), lonely, 2024), Value::of(0));
  EXPECT_EQ(ds.get(*ds.find_measure("scholen_bestuur"), lonely, 2024), Value::of(1));
  // The branches disagree: both attributes are listed with the counts and the choice.
  ASSERT_EQ(conflicts.count("province"), 1u);
  ASSERT_EQ(conflicts.at("province").size(), 1u);
  EXPECT_EQ(conflicts.at("province")[0].first, board);
  EXPECT_EQ(conflicts.at("province")[0].second, "Gelderland 1, Utrecht 2 \u2192 Utrecht");
  EXPECT_EQ(conflicts.at("denomination")[0].second, "Bijzonder 2, Openbaar 1 \u2192 Bijzonder");
  EXPECT_EQ(conflicts.count("sector"), 0u);  // the board's own value is not derived
}
