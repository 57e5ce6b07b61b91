#include "report/report_definition.hpp"

#include <algorithm>
#include <filesystem>

namespace povo::report {
namespace {

const std::vector<std::pair<std::string, BlockDef::Kind>>& block_kinds() {
  using K = BlockDef::Kind;
  static const std::vector<std::pair<std::string, K>> kinds = {
      {"text", K::text},         {"key_figures", K::key_figures}, {"summary", K::summary},
      {"table", K::table},       {"trend", K::trend},             {"histogram", K::histogram},
      {"position", K::position}, {"breakdown", K::breakdown},     {"signals", K::signals},
      {"peer_list", K::peer_list}, {"own_story", K::own_story},   {"page_break", K::page_break}};
  return kinds;
}

const std::vector<std::string> block_options = {"caption", "by", "target"};

Target parse_target(const ConfigNode& n) {
  auto problems = check_options(n, {OptionSpec::number("value", "the target value", true),
                                    OptionSpec::integer("year", "the year it should be reached", true),
                                    OptionSpec::string("label", "e.g. 'ambitie 2020'"),
                                    OptionSpec::number("baseline", "the value the ambition started from"),
                                    OptionSpec::integer("baseline_year", "the year of the baseline")});
  if (!problems.empty()) throw Error(problems.front());
  Target t;
  t.value = n.at("value").as_number();
  t.year = static_cast<int>(n.at("year").as_integer());
  t.label = n.get_string("label", "doel " + std::to_string(t.year));
  if (n.find("baseline")) t.baseline = n.at("baseline").as_number();
  if (n.find("baseline_year")) t.baseline_year = static_cast<int>(n.at("baseline_year").as_integer());
  return t;
}

BlockDef parse_block(const ConfigNode& n) {
  if (!n.is_map()) throw n.error("a block is a map such as '- text: ...' or '- trend: solvabiliteit_2'");
  BlockDef b;
  b.where = n.location();
  const ConfigNode::Entry* kind_entry = nullptr;
  std::vector<std::string> names;
  for (const auto& [name, kind] : block_kinds()) names.push_back(name);
  for (const auto& e : n.entries()) {
    bool is_kind = false;
    for (const auto& [name, kind] : block_kinds()) {
      if (e.key == name) {
        if (kind_entry) throw n.error("a block has one kind; found both '" + kind_entry->key + "' and '" + e.key + "'");
        kind_entry = &e;
        b.kind = kind;
        is_kind = true;
      }
    }
    if (!is_kind && std::find(block_options.begin(), block_options.end(), e.key) == block_options.end()) {
      std::vector<std::string> all = names;
      all.insert(all.end(), block_options.begin(), block_options.end());
      auto near = closest_match(e.key, all);
      Diagnostic d;
      d.message = "unknown block key '" + e.key + "'";
      d.location = e.key_location;
      d.key_path = e.value.path();
      d.hint = near ? "did you mean '" + *near + "'?" : "a block is one of: text, key_figures, summary, table, trend, ...";
      throw Error(d);
    }
  }
  if (!kind_entry) throw n.error("this block names no kind", "start it with text:, trend:, summary:, ...");
  const ConfigNode& v = kind_entry->value;
  using K = BlockDef::Kind;
  switch (b.kind) {
    case K::text: b.text = v.as_string(); b.where = v.location(); break;
    case K::own_story: b.theme = v.as_string(); break;
    case K::page_break:
    case K::peer_list: break;
    case K::breakdown:
      b.indicators = {v.at("indicator").as_string()};
      b.by = v.get_string("by", "province");
      break;
    default:
      b.indicators = v.as_string_list();
      if (b.indicators.empty()) throw v.error("name at least one indicator");
  }
  b.caption = n.get_string("caption", "");
  if (const ConfigNode* by = n.find("by")) b.by = by->as_string();
  if (const ConfigNode* t = n.find("target")) b.target = parse_target(*t);
  return b;
}

}  // namespace

std::vector<OptionSpec> report_specs() {
  return {
      OptionSpec::string("id", "a short name for the report", true),
      OptionSpec::one_of("kind", {"board", "sector"}, "one report per board, or one for the sector", true),
      OptionSpec::string("title", "the title; {name}, {board} and {year} are filled in", true),
      OptionSpec::string("subtitle", "a line under the title"),
      OptionSpec::free_map("boards", "which boards: attribute: value, e.g. sector: po"),
      OptionSpec::string("peer_group", "the comparison group, an id from peer_groups"),
      OptionSpec::string("file", "output file name without .pdf; {name}, {board}, {year} are filled in", true),
      OptionSpec::string("own_story_dir", "folder with <board number>.md texts, relative to this file"),
      OptionSpec::list_of("chapters",
                          {OptionSpec::string("title", "chapter title", true),
                           OptionSpec::string("theme", "the own-story theme of this chapter"),
                           OptionSpec::anything("blocks", "the chapter's blocks", true)},
                          "the chapters, in order", true),
      OptionSpec::strings("appendix", "definitions and/or colophon (default both)"),
  };
}

std::vector<ReportDef> parse_reports(const ConfigNode& root) {
  std::vector<ReportDef> reports;
  const ConfigNode* list = root.find("reports");
  if (!list || list->is_null()) return reports;
  for (const auto& n : list->items()) {
    ReportDef r;
    r.where = n.location();
    r.id = n.at("id").as_string();
    r.kind = n.at("kind").as_string() == "sector" ? ReportDef::Kind::sector : ReportDef::Kind::board;
    r.title = n.at("title").as_string();
    r.subtitle = n.get_string("subtitle", "");
    if (const ConfigNode* boards = n.find("boards")) {
      for (const auto& e : boards->entries()) r.boards.emplace_back(e.key, e.value.as_string());
    }
    r.peer_group = n.get_string("peer_group", "");
    r.file = n.at("file").as_string();
    if (const ConfigNode* dir = n.find("own_story_dir")) {
      std::filesystem::path p = dir->as_string();
      if (p.is_relative() && dir->location().known()) p = std::filesystem::path(dir->location().file).parent_path() / p;
      r.own_story_dir = p.lexically_normal().string();
    }
    for (const auto& c : n.at("chapters").items()) {
      ChapterDef chapter;
      chapter.where = c.location();
      chapter.title = c.at("title").as_string();
      chapter.theme = c.get_string("theme", "");
      for (const auto& b : c.at("blocks").items()) chapter.blocks.push_back(parse_block(b));
      r.chapters.push_back(std::move(chapter));
    }
    if (const ConfigNode* appendix = n.find("appendix")) {
      auto parts = appendix->as_string_list();
      r.definitions = std::find(parts.begin(), parts.end(), "definitions") != parts.end();
      r.colophon = std::find(parts.begin(), parts.end(), "colophon") != parts.end();
      for (const auto& p : parts) {
        if (p != "definitions" && p != "colophon") {
          throw appendix->error("unknown appendix '" + p + "'", "use definitions and/or colophon");
        }
      }
    }
    reports.push_back(std::move(r));
  }
  return reports;
}

std::vector<std::pair<std::string, SourceLocation>> referenced_indicators(const ReportDef& report) {
  std::vector<std::pair<std::string, SourceLocation>> out;
  for (const auto& c : report.chapters) {
    for (const auto& b : c.blocks) {
      for (const auto& id : b.indicators) out.emplace_back(id, b.where);
    }
  }
  return out;
}

}  // namespace povo::report
