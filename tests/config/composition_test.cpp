// include: composition (docs/config-composition.md): layer order, KEY+ appends,
// KEY[ID] merges into one list item, locations and key paths after merging, errors.
#include "job/schema.hpp"
#include "config/yaml_loader.hpp"

#include "temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

using povo::ConfigNode;
using povo::config::load_yaml_file;

namespace {

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const povo::Error& e) {
    return e.diagnostic().str();
  }
  return "<no error>";
}

// Every key in the tree: none may end in '+' or be KEY[ID] after composing.
void collect_keys(const ConfigNode& n, std::vector<std::string>& keys) {
  if (n.is_map()) {
    for (const auto& e : n.entries()) {
      keys.push_back(e.key);
      collect_keys(e.value, keys);
    }
  } else if (n.is_sequence()) {
    for (const auto& item : n.items()) collect_keys(item, keys);
  }
}

bool has_composing_keys(const ConfigNode& root) {
  std::vector<std::string> keys;
  collect_keys(root, keys);
  for (const auto& k : keys) {
    if (!k.empty() && (k.back() == '+' || k.back() == ']')) return true;
  }
  return false;
}

// Every node's path() names where it is: re-deriving paths from the root must agree.
void check_paths(const ConfigNode& n, const std::string& path) {
  EXPECT_EQ(n.path(), path);
  if (n.is_map()) {
    for (const auto& e : n.entries()) check_paths(e.value, path.empty() ? e.key : path + "." + e.key);
  } else if (n.is_sequence()) {
    for (std::size_t i = 0; i < n.items().size(); ++i) check_paths(n.items()[i], path + "[" + std::to_string(i) + "]");
  }
}

std::string where(const ConfigNode& n) {
  return std::filesystem::path(n.location().file).filename().string() + ":" + std::to_string(n.location().line) + ":" +
         std::to_string(n.location().column);
}

}  // namespace

TEST(ConfigComposition, IncludesApplyInOrderThenTheFilesOwnKeys) {
  TempDir dir;
  dir.write("a.yaml", "x: 1\ny: a\nm: {p: a, q: a}\nl: [1, 2]\n");
  dir.write("b.yaml", "y: b\nm: {q: b}\nl: [3]\n");
  const ConfigNode root = load_yaml_file(dir.write("job.yaml", "include: [a.yaml, b.yaml]\nx: job\n"));
  EXPECT_EQ(root.at("x").as_string(), "job");  // the including file last
  EXPECT_EQ(root.at("y").as_string(), "b");    // a later include over an earlier one
  EXPECT_EQ(where(root.at("y")), "b.yaml:1:4");
  EXPECT_EQ(root.at("m").at("p").as_string(), "a");  // maps merge key by key
  EXPECT_EQ(root.at("m").at("q").as_string(), "b");
  EXPECT_EQ(where(root.at("m").at("p")), "a.yaml:3:8");
  EXPECT_EQ(where(root.at("m")), "a.yaml:3:4");  // a merged map stays where it was first written,
  EXPECT_EQ(root.find_entry("m")->key_location.line, 3);  // and so does its key
  EXPECT_EQ(root.find_entry("y")->key_location.str(), (dir.path() / "b.yaml").string() + ":1:1");
  ASSERT_EQ(root.at("l").items().size(), 1u);  // a list replaces
  EXPECT_EQ(root.at("l").items()[0].as_string(), "3");
  EXPECT_EQ(where(root), "job.yaml:1:1");  // the root is the loaded file's
  EXPECT_EQ(root.find("include"), nullptr);
  check_paths(root, "");
}

TEST(ConfigComposition, AppendAddsItemsLocatedInTheAppendingFile) {
  TempDir dir;
  dir.write("base.yaml", "sources:\n  - id: a\n    plugin: duo_csv\n");
  const std::string job = dir.write("job.yaml",
                                    "include: base.yaml\n"
                                    "sources+:\n"
                                    "  - id: b\n"
                                    "    plugin: mine\n"
                                    "    options: {file: b.csv}\n");
  const ConfigNode root = load_yaml_file(job);
  const auto& sources = root.at("sources").items();
  ASSERT_EQ(sources.size(), 2u);
  EXPECT_EQ(sources[0].at("id").as_string(), "a");
  EXPECT_EQ(sources[1].at("id").as_string(), "b");
  EXPECT_EQ(sources[1].location().str(), job + ":3:5");
  EXPECT_EQ(sources[1].at("options").at("file").path(), "sources[1].options.file");
  EXPECT_EQ(sources[1].at("options").at("file").location().str(), job + ":5:21");
  EXPECT_EQ(where(root.at("sources")), "base.yaml:2:3");  // the list is still the one base.yaml wrote
  EXPECT_EQ(root.entries()[0].key, "sources");
  EXPECT_FALSE(has_composing_keys(root));
  check_paths(root, "");
}

TEST(ConfigComposition, AppendWithoutAnEarlierListDefinesIt) {
  TempDir dir;
  dir.write("base.yaml", "title: T\nindicators:\n");
  const ConfigNode root =
      load_yaml_file(dir.write("job.yaml", "include: base.yaml\nindicator_sets+: [{plugin: finance}]\nindicators+: [{id: x}]\n"));
  EXPECT_EQ(root.at("indicator_sets").items().size(), 1u);
  EXPECT_EQ(root.at("indicators").items().size(), 1u);  // an empty (null) value counts as none
  EXPECT_EQ(root.at("indicator_sets").path(), "indicator_sets");
}

TEST(ConfigComposition, AppendInALaterIncludeExtendsAnEarlierInclude) {
  TempDir dir;
  dir.write("sources.yaml", "sources: [{id: a}, {id: b}]\n");
  dir.write("more.yaml", "sources+: [{id: c}]\n");
  const ConfigNode root = load_yaml_file(dir.write("job.yaml", "include: [sources.yaml, more.yaml]\nsources+: [{id: d}]\n"));
  std::vector<std::string> ids;
  for (const auto& s : root.at("sources").items()) ids.push_back(s.at("id").as_string());
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(where(root.at("sources").items()[2]), "more.yaml:1:12");
  EXPECT_EQ(root.at("sources").items()[3].path(), "sources[3]");
}

TEST(ConfigComposition, ItemByIdMergesIntoThatItemOnly) {
  TempDir dir;
  dir.write("reports.yaml",
            "reports:\n"
            "  - id: sector_po\n"
            "    title: Sector\n"
            "    chapters: &chapters\n"
            "      - title: Een\n"
            "  - id: bestuur_po\n"
            "    title: Bestuur\n"
            "    chapters: *chapters\n");
  const std::string job = dir.write("job.yaml",
                                    "include: reports.yaml\n"
                                    "reports[bestuur_po]:\n"
                                    "  title: Bestuur {year}\n"
                                    "  chapters+:\n"
                                    "    - title: Twee\n");
  const ConfigNode root = load_yaml_file(job);
  const ConfigNode& sector = root.at("reports").items()[0];
  const ConfigNode& board = root.at("reports").items()[1];
  EXPECT_EQ(board.at("title").as_string(), "Bestuur {year}");
  EXPECT_EQ(board.at("title").location().str(), job + ":3:10");
  ASSERT_EQ(board.at("chapters").items().size(), 2u);
  EXPECT_EQ(board.at("chapters").items()[1].at("title").as_string(), "Twee");
  EXPECT_EQ(board.at("chapters").items()[1].location().str(), job + ":5:7");
  EXPECT_EQ(board.at("chapters").items()[1].at("title").path(), "reports[1].chapters[1].title");
  EXPECT_EQ(where(board), "reports.yaml:6:5");  // the item stays where it was written
  EXPECT_EQ(sector.at("chapters").items().size(), 1u);  // an alias is a copy: the other report is unchanged
  EXPECT_EQ(sector.at("title").as_string(), "Sector");
  EXPECT_FALSE(has_composing_keys(root));
  check_paths(root, "");
}

TEST(ConfigComposition, QuotedKeysAreNamesNotOperations) {
  TempDir dir;
  const ConfigNode root = load_yaml_file(
      dir.write("job.yaml", "columns:\n  \"FTE 55+\": fte_55plus\n  'a[b]': x\nlist+: [1]\n"));
  EXPECT_EQ(root.at("columns").at("FTE 55+").as_string(), "fte_55plus");
  EXPECT_EQ(root.at("columns").at("a[b]").as_string(), "x");
  EXPECT_EQ(root.at("list").items().size(), 1u);
  // A key whose KEY or ID has a space or bracket is a name too, like a data column.
  const ConfigNode spaced = load_yaml_file(
      dir.write("spaced.yaml", "columns:\n  LEERLINGEN 12+: leerlingen_12plus\n  a[b c]: x\n  a[b][c]: y\n"));
  EXPECT_EQ(spaced.at("columns").at("LEERLINGEN 12+").as_string(), "leerlingen_12plus");
  EXPECT_EQ(spaced.at("columns").at("a[b c]").as_string(), "x");
  EXPECT_EQ(spaced.at("columns").at("a[b][c]").as_string(), "y");
}

TEST(ConfigComposition, AppendToSomethingThatIsNotAListIsLocated) {
  TempDir dir;
  dir.write("base.yaml", "title: Sector\n");
  const std::string job = dir.write("job.yaml", "include: base.yaml\ntitle+: [x]\n");
  EXPECT_EQ(error_of([&] { load_yaml_file(job); }),
            job + ":2:1: error: cannot append to 'title': it is a single value, not a list ('title' is set at " +
                (dir.path() / "base.yaml").string() + ":1:8; write 'title:' to replace it)");
}

TEST(ConfigComposition, AppendNeedsAList) {
  TempDir dir;
  const std::string job = dir.write("job.yaml", "reports:\n  - id: a\n    chapters+: {title: x}\n");
  EXPECT_EQ(error_of([&] { load_yaml_file(job); }),
            job + ":3:5: error: reports[0].chapters: 'chapters+' needs a list of items to append, got a map of keys "
                  "(write 'chapters+: [...]' or '- ' lines under it; quote the key if '+' is part of its name)");
}

TEST(ConfigComposition, KeyAndKeyPlusInOneMapIsAnError) {
  TempDir dir;
  const std::string job = dir.write("job.yaml", "sources+: [{id: b}]\nyear: 2024\nsources: [{id: a}]\n");
  EXPECT_EQ(error_of([&] { load_yaml_file(job); }),
            job + ":3:1: error: 'sources' and 'sources+' in the same map ('sources:' replaces the list and "
                  "'sources+:' appends to it; keep one)");
}

TEST(ConfigComposition, KeyAndKeyWithIdInOneMapIsAnError) {
  TempDir dir;
  const std::string job = dir.write("job.yaml", "reports: [{id: a}]\nreports[a]: {title: x}\n");
  EXPECT_EQ(error_of([&] { load_yaml_file(job); }),
            job + ":2:1: error: 'reports' and 'reports[a]' in the same map ('reports:' replaces the whole list; "
                  "make the change there, or remove 'reports:')");
}

TEST(ConfigComposition, UnknownItemIdSuggestsTheClosest) {
  TempDir dir;
  dir.write("reports.yaml", "reports:\n  - id: sector_po\n  - id: bestuur_po\n");
  const std::string job = dir.write("job.yaml", "include: reports.yaml\nreports[bestuur_pp]:\n  title: x\n");
  EXPECT_EQ(error_of([&] { load_yaml_file(job); }),
            job + ":2:1: error: no item with id 'bestuur_pp' in 'reports' (did you mean 'bestuur_po'?)");
  const std::string far = dir.write("far.yaml", "include: reports.yaml\nreports[jaarverslag]:\n  title: x\n");
  EXPECT_EQ(error_of([&] { load_yaml_file(far); }),
            far + ":2:1: error: no item with id 'jaarverslag' in 'reports' (the ids are: sector_po, bestuur_po)");
}

TEST(ConfigComposition, ItemByIdNeedsAnEarlierList) {
  TempDir dir;
  dir.write("base.yaml", "reports: [{id: a}]\noutput: {dir: out}\n");
  const std::string typo = dir.write("typo.yaml", "include: base.yaml\nreport[a]: {title: x}\n");
  EXPECT_EQ(error_of([&] { load_yaml_file(typo); }),
            typo + ":2:1: error: no list 'report' to change item 'a' of (did you mean 'reports'?)");
  const std::string not_list = dir.write("map.yaml", "include: base.yaml\noutput[a]: {dir: x}\n");
  EXPECT_EQ(error_of([&] { load_yaml_file(not_list); }),
            not_list + ":2:1: error: 'output' is a map of keys, not a list, so it has no item 'a' ('output' is set at " +
                (dir.path() / "base.yaml").string() + ":2:9)");
  const std::string not_map = dir.write("list.yaml", "include: base.yaml\nreports[a]: [1]\n");
  EXPECT_EQ(error_of([&] { load_yaml_file(not_map); }),
            not_map + ":2:1: error: 'reports[a]' needs a map of keys to merge into item 'a', got a list (for example "
                      "'reports[a]: {title: ...}')");
}

TEST(ConfigComposition, NestedPathsInErrorsAreTheMergedOnes) {
  TempDir dir;
  dir.write("reports.yaml", "reports:\n  - id: a\n    chapters:\n      - title: Een\n");
  const std::string job = dir.write("job.yaml", "include: reports.yaml\nreports[a]:\n  chapters[x]: {title: y}\n");
  EXPECT_EQ(error_of([&] { load_yaml_file(job); }),
            job + ":3:3: error: reports[0].chapters: no item with id 'x' in 'chapters' (no item of 'chapters' has an "
                  "'id:')");
}

TEST(ConfigComposition, ComposingKeysWorkInAFileWithoutIncludes) {
  const ConfigNode root = povo::config::load_yaml_string("list+: [1, 2]\nm: {k+: [x]}\n", "job.yaml");
  EXPECT_EQ(root.at("list").items().size(), 2u);
  EXPECT_EQ(root.at("m").at("k").items()[0].path(), "m.k[0]");
  EXPECT_EQ(error_of([] { povo::config::load_yaml_string("reports[a]: {title: x}\n", "job.yaml"); }),
            "job.yaml:1:1: error: no list 'reports' to change item 'a' of ('reports[a]:' changes an item of a list "
            "that an earlier file (an include) sets)");
}

// The worked example of docs/config-composition.md, against a copy of the real demo job.
TEST(ConfigComposition, DocumentedExampleExtendsTheDemoJob) {
  TempDir dir;
  std::filesystem::copy(std::string(POVO_SOURCE_DIR) + "/configs/demo", dir.path() / "demo",
                        std::filesystem::copy_options::recursive);
  const ConfigNode demo = load_yaml_file((dir.path() / "demo" / "job.yaml").string());
  const std::string job = dir.write("tevredenheid/job.yaml",
                                    "# The demo job plus pupil satisfaction, from the tevredenheid plugin.\n"
                                    "include: ../demo/job.yaml\n"
                                    "\n"
                                    "sources+:\n"
                                    "  - id: tevredenheid\n"
                                    "    plugin: tevredenheid_csv\n"
                                    "    options:\n"
                                    "      file: tevredenheid.csv\n"
                                    "\n"
                                    "indicator_sets+:\n"
                                    "  - plugin: tevredenheid\n"
                                    "    options: {schaal: 10}\n"
                                    "\n"
                                    "reports[bestuur_po]:\n"
                                    "  chapters+:\n"
                                    "    - title: Tevredenheid\n"
                                    "      theme: leerlingen\n"
                                    "      blocks:\n"
                                    "        - trend: leerlingtevredenheid\n"
                                    "        - position: [leerlingtevredenheid, oudertevredenheid]\n");
  const ConfigNode root = load_yaml_file(job);

  const auto& demo_sources = demo.at("sources").items();
  const auto& sources = root.at("sources").items();
  ASSERT_EQ(demo_sources.size(), 15u);
  ASSERT_EQ(sources.size(), 16u);
  EXPECT_EQ(sources[15].at("id").as_string(), "tevredenheid");
  EXPECT_EQ(sources[15].location().str(), job + ":5:5");
  EXPECT_EQ(sources[15].at("options").at("file").path(), "sources[15].options.file");
  EXPECT_EQ(sources[14].at("id").as_string(), demo_sources[14].at("id").as_string());
  EXPECT_EQ(where(sources[14]), where(demo_sources[14]));  // still in sources.yaml

  const auto& sets = root.at("indicator_sets").items();
  ASSERT_EQ(sets.size(), demo.at("indicator_sets").items().size() + 1);
  EXPECT_EQ(sets.back().at("plugin").as_string(), "tevredenheid");
  EXPECT_EQ(sets.back().location().str(), job + ":11:5");
  EXPECT_EQ(sets.back().at("options").at("schaal").path(), "indicator_sets[4].options.schaal");

  const ConfigNode* board = nullptr;
  const ConfigNode* board_vo = nullptr;
  for (const auto& r : root.at("reports").items()) {
    if (r.at("id").as_string() == "bestuur_po") board = &r;
    if (r.at("id").as_string() == "bestuur_vo") board_vo = &r;
  }
  ASSERT_NE(board, nullptr);
  ASSERT_NE(board_vo, nullptr);
  const auto& chapters = board->at("chapters").items();
  ASSERT_EQ(chapters.size(), 6u);
  EXPECT_EQ(chapters[4].at("title").as_string(), "Vergelijkingsgroep");
  EXPECT_EQ(chapters[5].at("title").as_string(), "Tevredenheid");
  EXPECT_EQ(chapters[5].location().str(), job + ":16:7");
  EXPECT_EQ(chapters[5].at("blocks").items()[1].at("position").items()[1].location().str(), job + ":20:44");
  EXPECT_EQ(chapters[5].at("title").path(), "reports[3].chapters[5].title");
  EXPECT_EQ(board_vo->at("chapters").items().size(), 5u);
  EXPECT_EQ(where(*board), "reports.yaml:113:5");

  // Everything else is the demo job's, from the demo's files.
  EXPECT_EQ(root.at("year").as_integer(), 2024);
  EXPECT_EQ(where(root.at("title")), "job.yaml:11:8");
  EXPECT_NE(root.at("title").location().file.find("demo"), std::string::npos);
  EXPECT_EQ(root.at("data_dir").location().file, (dir.path() / "demo" / "job.yaml").lexically_normal().string());
  EXPECT_FALSE(has_composing_keys(root));
  check_paths(root, "");
  EXPECT_TRUE(povo::job::check_job_keys(root).empty());
}
