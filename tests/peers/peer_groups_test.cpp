#include "peers/peer_groups.hpp"

#include "config/yaml_loader.hpp"
#include "job/compile.hpp"

#include <gtest/gtest.h>

using namespace povo;
using peers::PeerGroups;

namespace {

// Boards 10000..10011: 0-7 po, 8-11 vo. Pupils 100 * (i + 1). Provinces alternate.
Dataset boards() {
  Dataset ds;
  auto pupils = ds.declare_measure("leerlingen_bestuur", EntityKind::board);
  for (int i = 0; i < 12; ++i) {
    auto b = ds.add_entity(EntityKind::board, std::to_string(10000 + i));
    ds.set_attribute(EntityKind::board, b, "sector", i < 8 ? "po" : "vo");
    ds.set_attribute(EntityKind::board, b, "province", i % 2 ? "Utrecht" : "Drenthe");
    if (i != 5) ds.set(pupils, b, 2024, Value::of(100.0 * (i + 1)));
  }
  return ds;
}

// What the sources of these tests declare: two board attributes and the pupil count.
job::DeclaredData declared() {
  job::DeclaredData d;
  d.board_attributes = {"province", "sector"};
  d.board_measures = {"leerlingen_bestuur"};
  return d;
}

std::vector<std::string> compile_problems(const std::string& yaml) {
  std::vector<Diagnostic> problems;
  job::compile_peer_groups(config::load_yaml_string(yaml, "peers.yaml"), declared(), problems);
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.str());
  return out;
}

std::vector<peers::PeerGroupDef> defs(const std::string& yaml) {
  std::vector<Diagnostic> problems;
  auto d = job::compile_peer_groups(config::load_yaml_string(yaml, "peers.yaml"), declared(), problems);
  for (const auto& p : problems) ADD_FAILURE() << p.str();
  return d;
}

std::vector<std::string> codes(const Dataset& ds, const std::vector<EntityIndex>* members) {
  std::vector<std::string> out;
  if (members) {
    for (auto b : *members) out.push_back(ds.entity_code(EntityKind::board, b));
  }
  return out;
}

const char* kPeers =
    "peer_groups:\n"
    "  - id: omvang\n"
    "    label: Vergelijkbare omvang\n"
    "    by: [sector]\n"
    "    size: {measure: leerlingen_bestuur, bounds: [450], labels: [klein, groot]}\n"
    "    min_size: 3\n"
    "    fallback: sector\n"
    "  - id: sector\n"
    "    label: Sector\n"
    "    by: [sector]\n"
    "    min_size: 3\n"
    "  - id: lijst\n"
    "    label: Eigen lijst\n"
    "    boards: ['10001', '10003']\n"
    "    min_size: 2\n";

}  // namespace

TEST(PeerGroups, SectorTimesSizeClassWithBoundariesFromConfig) {
  Dataset ds = boards();
  PeerGroups groups(ds, defs(kPeers));
  auto m = groups.membership(0, 0, 2024);  // po, 100 pupils: klein
  EXPECT_EQ(m.key, "po|klein");
  EXPECT_EQ(m.label, "Vergelijkbare omvang (po,klein)");
  EXPECT_EQ(codes(ds, m.members), (std::vector<std::string>{"10000", "10001", "10002", "10003"}));
  EXPECT_FALSE(m.fallback_used);
  // 450 is the lower bound of 'groot': po boards with 500..800 pupils (not 10005: no value).
  auto big = groups.membership(0, 4, 2024);
  EXPECT_EQ(codes(ds, big.members), (std::vector<std::string>{"10004", "10006", "10007"}));
}

TEST(PeerGroups, TooSmallGroupFallsBackWithANote) {
  Dataset ds = boards();
  auto d = defs(kPeers);
  d[0].min_size = 4;
  PeerGroups groups(ds, d);
  auto m = groups.membership(0, 4, 2024);
  EXPECT_TRUE(m.fallback_used);
  EXPECT_EQ(groups.definitions()[m.definition].id, "sector");
  EXPECT_EQ(m.members->size(), 8u);
  EXPECT_EQ(m.note, "'Vergelijkbare omvang (po,groot)' has 3 boards, fewer than the minimum of 4; compared with 'Sector' instead");
  // A board without a size falls back too.
  auto unplaced = groups.membership(0, 5, 2024);
  EXPECT_TRUE(unplaced.fallback_used);
  EXPECT_EQ(unplaced.members->size(), 8u);
}

TEST(PeerGroups, NoFallbackMeansTooSmall) {
  Dataset ds = boards();
  PeerGroups groups(ds, defs(kPeers));
  auto vo = groups.membership(1, 8, 2024);
  EXPECT_FALSE(vo.too_small);
  auto list = groups.membership(2, 1, 2024);
  EXPECT_EQ(codes(ds, list.members), (std::vector<std::string>{"10001", "10003"}));
  auto d = defs(kPeers);
  d[2].min_size = 3;
  PeerGroups strict(ds, d);
  auto small = strict.membership(2, 1, 2024);
  EXPECT_TRUE(small.too_small);
  EXPECT_EQ(small.note, "'Eigen lijst' has 2 boards, fewer than the minimum of 3; no statistics are shown");
}

TEST(PeerGroups, ConfigErrorsAreLocated) {
  using V = std::vector<std::string>;
  EXPECT_EQ(compile_problems("peer_groups:\n  - id: a\n    fallback: sectr\n  - id: sector\n"),
            V{"peers.yaml:3:15: error: peer_groups[0].fallback: unknown peer group 'sectr' (did you mean 'sector'?)"});
  EXPECT_EQ(compile_problems("peer_groups:\n  - id: a\n    fallback: b\n  - id: b\n    fallback: a\n"),
            (V{"peers.yaml:3:15: error: peer_groups[0].fallback: peer group fallbacks form a cycle through 'a' (a fallback "
               "must be a broader group that does not fall back to this one)"}));
  EXPECT_EQ(compile_problems("peer_groups:\n  - id: a\n    size: {measure: leerlingen_bestuur, bounds: [10, 5], labels: [a, b, c]}\n"),
            V{"peers.yaml:3:49: error: peer_groups[0].size.bounds: size bounds must be strictly ascending"});
  EXPECT_EQ(compile_problems("peer_groups:\n  - id: a\n    size: {measure: leerlingen_bestuur, bounds: [5], labels: [a]}\n"),
            V{"peers.yaml:3:62: error: peer_groups[0].size.labels: expected 2 labels for 1 bounds, got 1 (there is one "
              "class below the first bound and one above the last)"});
  // Names are checked against what the sources declare.
  EXPECT_EQ(compile_problems("peer_groups:\n  - id: a\n    by: [sector, provincie]\n"),
            V{"peers.yaml:3:18: error: peer_groups[0].by[1]: peer group 'a' uses board attribute 'provincie', which no "
              "source declares (did you mean 'province'?)"});
  EXPECT_EQ(compile_problems("peer_groups:\n  - id: a\n    size: {measure: leerlingen, bounds: [5], labels: [a, b]}\n"),
            V{"peers.yaml:3:21: error: peer_groups[0].size.measure: size measure 'leerlingen' is not a board-level "
              "measure any source declares (e.g. leerlingen_bestuur or totale_baten)"});
  EXPECT_EQ(compile_problems("peer_groups:\n  - id: a\n  - id: a\n"),
            V{"peers.yaml:3:9: error: peer_groups[1].id: duplicate peer group id 'a' (give each group definition its own "
              "id)"});
}
