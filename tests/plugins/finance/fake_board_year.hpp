// Test helpers shared by the indicator plugin tests (finance, pupils, staff, outcomes):
// a fake board whose inputs are set by measure name and year offset, option trees
// with file:line:column locations, and checks every indicator set must pass.
//
// Include from another plugin's tests as "../finance/fake_board_year.hpp".
#pragma once

#include <povo/indicator.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace povo::testing {

/// Values of one board by (measure name, years back). Unset values are missing
/// (not_reported), as the core reports an observation a source does not have.
class FakeBoard {
 public:
  FakeBoard& set(const std::string& name, Value v, int years_back = 0) {
    values_[{name, years_back}] = v;
    return *this;
  }
  FakeBoard& set(const std::string& name, double x, int years_back = 0) { return set(name, Value::of(x), years_back); }
  FakeBoard& unset(const std::string& name, int years_back = 0) {
    values_.erase({name, years_back});
    return *this;
  }
  Value get(const std::string& name, int years_back) const {
    auto it = values_.find({name, years_back});
    return it == values_.end() ? Value::missing(Reason::not_reported) : it->second;
  }

 private:
  std::map<std::pair<std::string, int>, Value> values_;
};

/// The BoardYear the core would hand to one indicator: input i is info.inputs[i].
/// Records every (input, years_back) read.
class FakeBoardYear final : public BoardYear {
 public:
  FakeBoardYear(const FakeBoard& board, const IndicatorInfo& info, int year = 2023)
      : board_(board), info_(info), year_(year) {}
  int year() const noexcept override { return year_; }
  Value input(std::size_t i, int years_back) const noexcept override {
    reads.insert({i, years_back});
    if (i >= info_.inputs.size()) {
      ADD_FAILURE() << info_.id << " read input " << i << " but declares only " << info_.inputs.size();
      return Value::missing(Reason::not_reported);
    }
    return board_.get(info_.inputs[i], years_back);
  }
  mutable std::set<std::pair<std::size_t, int>> reads;

 private:
  const FakeBoard& board_;
  const IndicatorInfo& info_;
  int year_;
};

inline std::size_t index_of(const IndicatorSet& set, const std::string& id) {
  auto infos = set.indicators();
  for (std::size_t i = 0; i < infos.size(); ++i) {
    if (infos[i].id == id) return i;
  }
  ADD_FAILURE() << "no indicator '" << id << "'";
  return infos.size();
}

inline IndicatorInfo info_of(const IndicatorSet& set, const std::string& id) {
  auto infos = set.indicators();
  auto it = std::find_if(infos.begin(), infos.end(), [&](const IndicatorInfo& i) { return i.id == id; });
  if (it == infos.end()) {
    ADD_FAILURE() << "no indicator '" << id << "'";
    return {};
  }
  return *it;
}

/// Computes indicator `id` for `board`, as the core would.
inline Value compute(const IndicatorSet& set, const std::string& id, const FakeBoard& board) {
  auto infos = set.indicators();
  std::size_t i = index_of(set, id);
  if (i >= infos.size()) return Value::missing(Reason::invalid);
  FakeBoardYear in(board, infos[i]);
  return set.compute(i, in);
}

// ---------------------------------------------------------------------------
// Assertions on values

inline ::testing::AssertionResult IsNumber(const Value& v, double expected, double tolerance = 1e-9) {
  if (!v.is_number()) return ::testing::AssertionFailure() << "expected " << expected << ", got " << v.str();
  if (std::fabs(v.number() - expected) > tolerance) {
    return ::testing::AssertionFailure() << "expected " << expected << " ± " << tolerance << ", got " << v.str();
  }
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult IsMissing(const Value& v, Reason why) {
  if (!v.is_missing() || v.reason() != why) {
    return ::testing::AssertionFailure() << "expected missing:" << reason_text(why) << ", got " << v.str();
  }
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult IsRange(const Value& v, double low, double high, double tolerance = 1e-9) {
  if (!v.is_range() || std::fabs(v.low() - low) > tolerance || std::fabs(v.high() - high) > tolerance) {
    return ::testing::AssertionFailure() << "expected [" << low << ";" << high << "], got " << v.str();
  }
  return ::testing::AssertionSuccess();
}

// ---------------------------------------------------------------------------
// Option trees: each key on its own line of "indicators.yaml", under `path`.

inline ConfigNode options(const std::vector<std::pair<std::string, std::string>>& keys,
                          const std::string& path = "indicators[0].options") {
  const std::string file = "indicators.yaml";
  ConfigNode map = ConfigNode::make_map(SourceLocation{file, 10, 5}, path);
  int line = 11;
  for (const auto& [key, text] : keys) {
    map.set(key, SourceLocation{file, line, 7},
            ConfigNode::make_scalar(text, SourceLocation{file, line, 9 + static_cast<int>(key.size())}, ""));
    ++line;
  }
  return map;
}

/// Line of `key` in a tree made by options(): 11 for the first key.
inline int line_of(const std::vector<std::pair<std::string, std::string>>& keys, const std::string& key) {
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].first == key) return 11 + static_cast<int>(i);
  }
  return 0;
}

// ---------------------------------------------------------------------------
// The measure vocabulary of docs/measures.md, to check inputs and ids.

inline std::set<std::string> documented_measures() {
  std::ifstream in(std::string(POVO_SOURCE_DIR) + "/docs/measures.md");
  EXPECT_TRUE(in) << "cannot read docs/measures.md";
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  std::set<std::string> out;
  // Every `name` in backticks (std::regex is avoided: GCC 12 warns inside it under sanitizers).
  for (std::size_t open = s.find('`'); open != std::string::npos;) {
    std::size_t close = s.find('`', open + 1);
    if (close == std::string::npos) break;
    std::string n = s.substr(open + 1, close - open - 1);
    open = s.find('`', close + 1);
    if (n.empty() || !std::all_of(n.begin(), n.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '<' || c == '>';
        })) {
      continue;
    }
    std::vector<std::string> expanded;
    if (auto p = n.find("<type>"); p != std::string::npos) {
      for (const char* t : {"vmbo", "havo", "vwo"}) expanded.push_back(n.substr(0, p) + t + n.substr(p + 6));
    } else {
      expanded.push_back(n);
    }
    for (const auto& e : expanded) {
      out.insert(e);
      out.insert(e + "_bestuur");  // branch measures rolled up to the board
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Checks every indicator set must pass.

inline void expect_complete_descriptions(const IndicatorSet& set, const std::set<std::string>& extra_inputs = {}) {
  const std::set<std::string> themes = {"financien", "leerlingen", "personeel", "huisvesting", "resultaten"};
  const std::map<Unit, std::set<std::string>> formats = {
      {Unit::ratio, {"0.00"}},      {Unit::percentage, {"0.0%"}}, {Unit::euro, {"eur", "eur_mln"}},
      {Unit::count, {"0"}},         {Unit::fte, {"0.0"}},         {Unit::number, {"0", "0.0", "0.00"}}};
  const auto measures = documented_measures();
  std::set<std::string> ids;
  for (const auto& i : set.indicators()) {
    SCOPED_TRACE(i.id);
    EXPECT_TRUE(!i.id.empty() && i.id[0] >= 'a' && i.id[0] <= 'z' &&
                std::all_of(i.id.begin(), i.id.end(),
                            [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }))
        << "id must be lower-case letters, digits and '_'";
    EXPECT_TRUE(ids.insert(i.id).second) << "duplicate id";
    EXPECT_FALSE(measures.count(i.id)) << "id equals a measure name";
    EXPECT_TRUE(themes.count(i.theme)) << i.theme;
    EXPECT_FALSE(i.label_nl.empty());
    EXPECT_FALSE(i.label_en.empty());
    EXPECT_TRUE(formats.at(i.unit).count(i.format)) << unit_name(i.unit) << " with format " << i.format;
    EXPECT_GT(i.definition_nl.size(), 40u);
    EXPECT_GT(i.definition_en.size(), 40u);
    EXPECT_FALSE(i.inputs.empty());
    for (const auto& in : i.inputs) EXPECT_TRUE(measures.count(in) || extra_inputs.count(in)) << "input " << in;
    // A ratio-of-sums aggregate names inputs of the indicator, above and below the line.
    EXPECT_EQ(i.aggregate_numerator.empty(), i.aggregate_denominator.empty());
    for (const auto* side : {&i.aggregate_numerator, &i.aggregate_denominator}) {
      for (const auto& n : *side) {
        EXPECT_NE(std::find(i.inputs.begin(), i.inputs.end(), n), i.inputs.end()) << "aggregate input " << n;
      }
    }
    for (const auto& s : i.signals) {
      EXPECT_FALSE(s.id.empty());
      EXPECT_FALSE(s.label.empty());
      EXPECT_TRUE(s.op == "<" || s.op == "<=" || s.op == ">" || s.op == ">=") << s.op;
      if (!s.when_input.empty()) {
        EXPECT_NE(std::find(i.inputs.begin(), i.inputs.end(), s.when_input), i.inputs.end())
            << "when_input " << s.when_input << " is not an input";
        EXPECT_LT(s.when_min, s.when_max);
      }
    }
  }
}

/// Computes every indicator on many random boards (numbers including 0, negative,
/// huge, NaN and infinity; "<5"; ranges; missing) in several years: compute must
/// return (it is noexcept, so a throw would terminate the test) a missing value, a
/// finite number or a finite range — never NaN or infinity. Out-of-range indices too.
inline void expect_total(const IndicatorSet& set, int boards = 3000) {
  const auto infos = set.indicators();
  std::mt19937 rng(20240601);
  const std::vector<Value> pool = {
      Value::of(0),         Value::of(1),         Value::of(-1),         Value::of(3),
      Value::of(250),       Value::of(4.5e6),     Value::of(-2e6),       Value::of(1e308),
      Value::of(-1e308),    Value::of(1e-300),    Value::of(NAN),        Value::of(INFINITY),
      Value::of(-INFINITY), Value::suppressed_count(), Value::range(0, 4), Value::range(10, 16),
      Value::range(1, 1e308), Value::missing(Reason::not_reported), Value::missing(Reason::invalid),
      Value::of(12e6),      Value::of(3e6)};
  std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
  for (std::size_t i = 0; i < infos.size(); ++i) {
    for (int b = 0; b < boards; ++b) {
      FakeBoard board;
      for (const auto& name : infos[i].inputs) {
        for (int back = 0; back <= 5; ++back) board.set(name, pool[pick(rng)], back);
      }
      FakeBoardYear in(board, infos[i]);
      Value v = set.compute(i, in);
      if (v.is_number()) {
        ASSERT_TRUE(std::isfinite(v.number())) << infos[i].id << " gave " << v.str();
      } else if (v.is_range()) {
        ASSERT_TRUE(std::isfinite(v.low()) && std::isfinite(v.high()) && v.low() <= v.high())
            << infos[i].id << " gave " << v.str();
      } else if (v.is_missing()) {
        ASSERT_NE(v.reason(), Reason::none) << infos[i].id;
      }
      for (const auto& [input, back] : in.reads) ASSERT_LT(input, infos[i].inputs.size());
    }
  }
  FakeBoard empty;
  IndicatorInfo none;
  none.id = "none";
  none.inputs = {"x"};
  FakeBoardYear in(empty, none);
  EXPECT_TRUE(IsMissing(set.compute(infos.size(), in), Reason::invalid));
  EXPECT_TRUE(IsMissing(set.compute(static_cast<std::size_t>(-1), in), Reason::invalid));
}

/// A configure() failure must name the file, line and column of the offending node.
inline void expect_located_failure(const Status& s, int line, const std::string& message_part) {
  ASSERT_FALSE(s.is_ok()) << "configure accepted bad options";
  EXPECT_EQ(s.error().location.file, "indicators.yaml") << s.error().str();
  EXPECT_EQ(s.error().location.line, line) << s.error().str();
  EXPECT_GT(s.error().location.column, 0) << s.error().str();
  EXPECT_NE(s.error().str().find(message_part), std::string::npos) << s.error().str();
}

}  // namespace povo::testing
