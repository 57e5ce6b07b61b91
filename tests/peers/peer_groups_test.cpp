#include "peers/peer_groups.hpp"

#include "config/yaml_loader.hpp"

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

std::vector<peers::PeerGroupDef> defs(const std::string& yaml) {
  return peers::parse_peer_groups(config::load_yaml_string(yaml, "peers.yaml"));
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
  auto error = [](const std::string& yaml) {
    try {
      defs(yaml);
    } catch (const Error& e) {
      return e.diagnostic().str();
    }
    return std::string("<no error>");
  };
  EXPECT_EQ(error("peer_groups:\n  - id: a\n    fallback: sectr\n  - id: sector\n"),
            "peers.yaml:3:15: error: peer_groups[0].fallback: unknown peer group 'sectr' (did you mean 'sector'?)");
  EXPECT_EQ(error("peer_groups:\n  - id: a\n    fallback: b\n  - id: b\n    fallback: a\n"),
            "peers.yaml:3:15: error: peer_groups[0].fallback: peer group fallbacks form a cycle through 'a'");
  EXPECT_EQ(error("peer_groups:\n  - id: a\n    size: {measure: x, bounds: [10, 5], labels: [a, b, c]}\n"),
            "peers.yaml:3:32: error: peer_groups[0].size.bounds: size bounds must be strictly ascending");
  EXPECT_EQ(error("peer_groups:\n  - id: a\n    size: {measure: x, bounds: [5], labels: [a]}\n"),
            "peers.yaml:3:45: error: peer_groups[0].size.labels: expected 2 labels for 1 bounds, got 1 (there is one "
            "class below the first bound and one above the last)");
}
