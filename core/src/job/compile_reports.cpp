// reports: -> ReportSpecs. Blocks are checked against the report kind they are in,
// indicators resolved, texts and titles compiled, board filters and peer groups checked
// against what the sources declare, and own_story_dir checked on disk.
#include "job/compile_context.hpp"
#include "job/own_story_files.hpp"
#include "job/paths.hpp"
#include "job/scalar_origin.hpp"
#include "job/schema.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace povo::job::detail {
namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

// Any block, before it is placed in a board or a sector report.
using AnyBlock = std::variant<TextBlock, KeyFiguresBlock, SummaryBlock, TableBlock, TrendBlock, HistogramBlock,
                              PositionBlock, BreakdownBlock, SignalsBlock, PeerListBlock, OwnStoryBlock, PageBreakBlock>;

struct ReportCompiler {
  CompileContext& c;
  ReportKind kind = ReportKind::board;
  std::string report_id;
  TextNames names;

  std::optional<IndicatorRef> indicator(const ConfigNode& n) {
    const std::string id = n.as_string();
    if (auto i = c.job.indicators.find(id)) return IndicatorRef{*i, id, n.location()};
    if (!c.report_unknown_indicator(id)) return std::nullopt;  // a consequence of a problem reported above
    c.error(n, "unknown indicator '" + id + "': no plugin in indicator_sets and no expression under indicators: provides it",
            suggest(id, c.job.indicators.ids(), "povo plugins lists what each indicator plugin provides"));
    return std::nullopt;
  }

  std::vector<IndicatorRef> indicators(const ConfigNode& v) {
    std::vector<IndicatorRef> out;
    if (v.is_null() || (v.is_sequence() && v.items().empty())) {
      c.error(v, "name at least one indicator", "e.g. [solvabiliteit_2, liquiditeit]");
      return out;
    }
    if (v.is_map()) {
      c.error(v, "expected an indicator id or a list of them");
      return out;
    }
    const std::vector<ConfigNode> items = v.is_sequence() ? v.items() : std::vector<ConfigNode>{v};
    for (const auto& item : items) {
      if (!item.is_scalar()) {
        c.error(item, "expected an indicator id");
        continue;
      }
      if (auto r = indicator(item)) out.push_back(*r);
    }
    return out;
  }

  std::optional<TitleTemplate> caption(const ConfigNode& block) {
    const ConfigNode* n = block.find("caption");
    if (!n) return std::nullopt;
    return compile_title(n->as_string(), scalar_origin(*n), kind == ReportKind::board, c.problems);
  }

  std::optional<Target> target(const ConfigNode& n) {
    auto keys = check_options(n, {OptionSpec::number("value", "the target value", true),
                                  OptionSpec::integer("year", "the year it should be reached", true),
                                  OptionSpec::string("label", "e.g. 'ambitie 2020'"),
                                  OptionSpec::number("baseline", "the value the ambition started from"),
                                  OptionSpec::integer("baseline_year", "the year of the baseline")});
    if (!keys.empty()) {
      c.problems.insert(c.problems.end(), keys.begin(), keys.end());
      return std::nullopt;
    }
    Target t;
    t.value = n.at("value").as_number();
    t.year = static_cast<int>(n.at("year").as_integer());
    t.label = n.get_string("label", "");
    if (n.find("baseline")) t.baseline = n.at("baseline").as_number();
    if (n.find("baseline_year")) t.baseline_year = static_cast<int>(n.at("baseline_year").as_integer());
    if (t.baseline.has_value() != t.baseline_year.has_value()) {
      c.error(n, "a target's baseline needs both baseline and baseline_year");
      return std::nullopt;
    }
    if (t.baseline_year && *t.baseline_year >= t.year) {
      c.error(n.at("baseline_year"), "the baseline year must come before the target year " + std::to_string(t.year));
      return std::nullopt;
    }
    return t;
  }

  const BlockKindInfo* kind_info(const std::string& name) {
    for (const auto& k : block_kinds()) {
      if (name == k.name) return &k;
    }
    return nullptr;
  }

  // One block: exactly one kind key, plus the options that kind takes.
  std::optional<AnyBlock> block(const ConfigNode& n) {
    if (!n.is_map()) {
      c.error(n, "a block is a map such as '- text: ...' or '- trend: solvabiliteit_2'");
      return std::nullopt;
    }
    std::vector<std::string> kinds;
    for (const auto& k : block_kinds()) kinds.emplace_back(k.name);
    const ConfigNode::Entry* kind_entry = nullptr;
    const BlockKindInfo* info = nullptr;
    for (const auto& e : n.entries()) {
      if (const BlockKindInfo* k = kind_info(e.key)) {
        if (kind_entry) {
          c.error(n, "a block has one kind; found both '" + kind_entry->key + "' and '" + e.key + "'",
                  "start a new block with '- " + e.key + ": ...'");
          return std::nullopt;
        }
        kind_entry = &e;
        info = k;
      }
    }
    if (!kind_entry) {
      // The first key that is no option is most likely a misspelt kind.
      for (const auto& e : n.entries()) {
        if (e.key == "caption" || e.key == "target") continue;
        Diagnostic d;
        d.message = "unknown block kind '" + e.key + "'";
        d.location = e.key_location;
        d.hint = suggest(e.key, kinds, "a block is one of: text, key_figures, summary, table, trend, histogram, "
                                       "position, breakdown, signals, peer_list, own_story, page_break");
        c.add(std::move(d));
        return std::nullopt;
      }
      c.error(n, "this block names no kind", "start it with text:, trend:, summary:, ...");
      return std::nullopt;
    }
    // Where it may appear.
    const bool allowed = kind == ReportKind::board ? info->in_board : info->in_sector;
    if (!allowed) {
      std::string others;
      for (const auto& k : block_kinds()) {
        if (kind == ReportKind::board ? k.in_board : k.in_sector) others += (others.empty() ? "" : ", ") + std::string(k.name);
      }
      Diagnostic d;
      d.message = "'" + kind_entry->key + "' is a block for " + (info->in_board ? "board" : "sector") +
                  " reports, and this is a " + (kind == ReportKind::board ? "board" : "sector") + " report";
      d.location = kind_entry->key_location;
      d.hint = (kind == ReportKind::board ? "a board report's blocks: " : "a sector report's blocks: ") + others;
      c.add(std::move(d));
      return std::nullopt;
    }
    // The other keys must be options of this kind.
    const std::string options = info->options;
    std::vector<std::string> allowed_keys;  // "caption, target" -> {caption, target}
    for (std::string rest = options; !rest.empty();) {
      const std::size_t p = rest.find(", ");
      allowed_keys.push_back(rest.substr(0, p));
      rest = p == std::string::npos ? "" : rest.substr(p + 2);
    }
    for (const auto& e : n.entries()) {
      if (&e == kind_entry) continue;
      if (std::find(allowed_keys.begin(), allowed_keys.end(), e.key) == allowed_keys.end()) {
        Diagnostic d;
        d.message = "unknown key '" + e.key + "' in a " + kind_entry->key + " block";
        d.location = e.key_location;
        d.hint = suggest(e.key, allowed_keys, options.empty() ? "a " + kind_entry->key + " block takes no other keys"
                                                               : "a " + kind_entry->key + " block also takes: " + options);
        if (kind_info(e.key)) d.hint = "a block has one kind; start a new block with '- " + e.key + ": ...'";
        c.add(std::move(d));
        return std::nullopt;
      }
    }
    const ConfigNode& v = kind_entry->value;
    const std::string& k = kind_entry->key;
    if (k == "text") {
      if (!v.is_scalar()) {
        c.error(v, "a text block takes a text", "write - text: >- followed by the text on the next lines");
        return std::nullopt;
      }
      return TextBlock{compile_text(v.scalar(), scalar_origin(v), kind, names, c.problems)};
    }
    if (k == "key_figures") return KeyFiguresBlock{indicators(v)};
    if (k == "summary") return SummaryBlock{indicators(v), caption(n)};
    if (k == "table") return TableBlock{indicators(v), caption(n)};
    if (k == "trend") {
      TrendBlock t{indicators(v), caption(n), std::nullopt};
      if (const ConfigNode* tn = n.find("target")) {
        t.target = target(*tn);
        if (!t.target) return std::nullopt;
      }
      return t;
    }
    if (k == "histogram") return HistogramBlock{indicators(v), caption(n)};
    if (k == "position") return PositionBlock{indicators(v), caption(n)};
    if (k == "signals") {
      SignalsBlock s{indicators(v), caption(n)};
      for (const auto& r : s.indicators) {
        if (c.job.indicators[r.index].signals.empty()) {
          c.warning(v, "indicator '" + r.id + "' has no signal values, so it adds no row to this signals block",
                    "set them under signal_values:, or leave it out");
        }
      }
      return s;
    }
    if (k == "breakdown") {
      auto keys = check_options(v, {OptionSpec::string("indicator", "the indicator", true),
                                    OptionSpec::string("by", "the board attribute to break down by", true)});
      if (!keys.empty()) {
        c.problems.insert(c.problems.end(), keys.begin(), keys.end());
        return std::nullopt;
      }
      auto ref = indicator(v.at("indicator"));
      const ConfigNode& by = v.at("by");
      const DeclaredData& declared = c.job.declared;
      if (!declared.has(declared.board_attributes, by.as_string()) && c.names_checkable()) {
        const std::string message = "breakdown by board attribute '" + by.as_string() + "', which no source declares";
        const std::string hint = suggest(by.as_string(), declared.board_attributes, "e.g. province or denomination");
        if (declared.complete) {
          c.error(by, message, hint);
          return std::nullopt;
        }
        c.warning(by, message + " (checked again after loading)", hint);
      }
      if (!ref) return std::nullopt;
      return BreakdownBlock{*ref, by.as_string(), caption(n)};
    }
    if (k == "peer_list" || k == "page_break") {
      if (!v.is_null() && !(v.is_scalar() && v.scalar() == "true")) {
        c.error(v, "write '- " + k + ": true'", "to leave it out, remove the block");
        return std::nullopt;
      }
      if (k == "peer_list") return PeerListBlock{};
      return PageBreakBlock{};
    }
    if (k == "own_story") {
      const std::string theme = v.as_string();
      if (theme_key(theme).empty()) {
        c.error(v, "name the theme of the board's own text to show", "e.g. own_story: financien");
        return std::nullopt;
      }
      return OwnStoryBlock{theme_key(theme)};
    }
    c.error(v, "block kind '" + k + "' is not handled");  // unreachable: block_kinds() lists these
    return std::nullopt;
  }
};

// The block as one of the report kind's alternatives; block() has already refused the rest.
template <class Target>
std::optional<Target> place(AnyBlock any) {
  return std::visit(
      [](auto&& b) -> std::optional<Target> {
        using B = std::decay_t<decltype(b)>;
        if constexpr (std::is_constructible_v<Target, B>) {
          return Target(std::move(b));
        } else {
          return std::nullopt;
        }
      },
      std::move(any));
}

std::vector<std::string> theme_list(const BoardLayout& layout) {
  std::set<std::string> themes;
  for (const auto& ch : layout.chapters) {
    if (!ch.theme.empty()) themes.insert(ch.theme);
    for (const auto& b : ch.blocks) {
      if (const auto* s = std::get_if<OwnStoryBlock>(&b.block)) themes.insert(s->theme);
    }
  }
  return {themes.begin(), themes.end()};
}

// The stories' headings must name a theme the report shows; text before the first heading
// and files that are not UTF-8 would vanish from the report or print as garbage.
void check_stories(CompileContext& c, const BoardLayout& layout, std::set<std::string>& reported) {
  const std::vector<std::string> themes = theme_list(layout);
  std::string all;
  for (const auto& t : themes) all += (all.empty() ? "" : ", ") + t;
  std::error_code ec;
  std::vector<fs::path> files;
  if (!layout.own_story_dir.empty()) {
    for (const auto& e : fs::directory_iterator(layout.own_story_dir, ec)) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    if (!story_board(path.filename().string())) continue;
    const std::string file = path.string();
    auto problem = [&](int line, int column, const std::string& message, const std::string& hint) {
      const std::string key = file + ":" + std::to_string(line) + ":" + message;
      if (!reported.insert(key).second) return;
      Diagnostic d;
      d.message = message;
      d.location = SourceLocation{file, line, column};
      d.hint = hint;
      c.add(std::move(d));
    };
    std::error_code type_error;
    if (!fs::is_regular_file(path, type_error)) {
      problem(0, 0, "a board's own text must be a regular file", "replace it with a Markdown file");
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    std::string text(64 * 1024, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    const std::string_view body = without_bom(text);
    if (auto bad = first_invalid_utf8(body.substr(0, std::min<std::size_t>(body.size(), 60000)))) {
      problem(bad->first, bad->second, "the board's own text is not valid UTF-8", "save the file as UTF-8; it may be Windows-1252");
      continue;
    }
    const StoryOutline outline = outline_story(body);
    if (outline.text_before_heading > 0 && std::find(themes.begin(), themes.end(), "algemeen") == themes.end()) {
      problem(outline.text_before_heading, 1, "text before the first '# theme' heading is not shown in any chapter",
              "put it under a heading of a theme the reports show: " + all);
    }
    for (const auto& h : outline.headings) {
      if (std::find(themes.begin(), themes.end(), h.key) != themes.end()) continue;
      problem(h.line, h.column, "'" + h.text + "' is not a theme of the reports that show these stories, so this section would not be shown",
              suggest(h.key, themes, all.empty() ? "the report's chapters set no theme" : "its themes: " + all));
    }
  }
}

// A chapter's theme names what it is about: a theme of the indicators, or one that the
// boards' own stories use. Anything else is most likely a typo that would hide every
// board's text for that chapter.
bool check_chapter_themes(CompileContext& c, const ConfigNode& chapters, const BoardLayout& layout) {
  bool ok = true;
  std::set<std::string> known;
  for (const auto& def : c.job.indicators) {
    if (!def.info.theme.empty()) known.insert(theme_key(def.info.theme));
  }
  std::error_code ec;
  if (!layout.own_story_dir.empty()) {
    for (const auto& e : fs::directory_iterator(layout.own_story_dir, ec)) {
      if (!story_board(e.path().filename().string()) || !fs::is_regular_file(e.path(), ec)) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::string text(64 * 1024, '\0');
      in.read(text.data(), static_cast<std::streamsize>(text.size()));
      text.resize(static_cast<std::size_t>(in.gcount()));
      for (const auto& h : outline_story(without_bom(text)).headings) known.insert(h.key);
    }
  }
  const std::vector<std::string> candidates(known.begin(), known.end());
  for (const auto& ch : chapters.items()) {
    const ConfigNode* theme = ch.is_map() ? ch.find("theme") : nullptr;
    if (!theme || !theme->is_scalar()) continue;
    const std::string key = theme_key(theme->scalar());
    if (known.count(key) || c.indicator_sets_failed) continue;
    std::string all;
    for (const auto& t : candidates) all += (all.empty() ? "" : ", ") + t;
    c.error(*theme, "no indicator and no board's own story has the theme '" + theme->scalar() + "'",
            suggest(key, candidates, "the themes: " + all));
    ok = false;
  }
  return ok;
}

void compile_report(CompileContext& c, const ConfigNode& n, std::set<std::string>& ids, std::set<std::string>& stories) {
  ReportSpec r;
  r.where = n.location();
  const ConfigNode& id = n.at("id");
  r.id = id.as_string();
  if (!ids.insert(r.id).second) {
    c.error(id, "duplicate report id '" + r.id + "'", "give each report its own id; --report ID selects one");
    return;
  }
  const bool board = n.at("kind").as_string() == "board";
  ReportCompiler rc{c, board ? ReportKind::board : ReportKind::sector, r.id, {}};
  rc.names.indicators = &c.job.indicators;
  rc.names.measures = c.job.declared.board_measures;
  rc.names.complete = c.job.declared.complete;
  rc.names.unchecked = !c.names_checkable() || c.indicator_sets_failed;
  rc.names.failed = &c.failed_indicators;

  const ConfigNode& title = n.at("title");
  r.title = compile_title(title.as_string(), scalar_origin(title), board, c.problems);
  if (const ConfigNode* s = n.find("subtitle")) r.subtitle = compile_title(s->as_string(), scalar_origin(*s), board, c.problems);
  const ConfigNode& file = n.at("file");
  r.file = compile_title(file.as_string(), scalar_origin(file), board, c.problems);
  if (file.as_string().find('/') != std::string::npos) {
    c.error(file, "a report's file name must not contain '/'", "reports are written to output.dir; set that instead");
  }
  r.locale = c.job.locale;
  if (const ConfigNode* l = n.find("locale")) r.locale = format::parse_locale(l->as_string());

  const DeclaredData& declared = c.job.declared;
  if (const ConfigNode* boards = n.find("boards")) {
    for (const auto& e : boards->entries()) {
      BoardFilter f{e.key, e.value.as_string(), e.value.location()};
      if (!c.names_checkable()) {
        // the sources have problems: their attributes are not known
      } else if (!declared.has(declared.board_attributes, f.attribute)) {
        Diagnostic d;
        d.message = "report '" + r.id + "' selects boards by attribute '" + f.attribute + "', which no source declares";
        d.location = e.key_location;
        d.hint = suggest(f.attribute, declared.board_attributes, "e.g. sector, province or denomination");
        if (!declared.complete) d.severity = c.job.strict ? Severity::error : Severity::warning;
        c.add(std::move(d));
      } else if (const auto* values = declared.values_of(f.attribute);
                 values && std::find(values->begin(), values->end(), f.value) == values->end()) {
        std::string all, hint;
        for (const auto& v : *values) {
          all += (all.empty() ? "" : ", ") + v;
          if (theme_key(v) == theme_key(f.value)) hint = "did you mean '" + v + "'? values are case-sensitive";
        }
        if (hint.empty()) hint = suggest(f.value, *values, "its values: " + all);
        c.error(e.value, "no board can have " + f.attribute + " '" + f.value + "': the sources give it only the values " + all,
                hint);
      }
      r.boards.push_back(std::move(f));
    }
  }

  if (const ConfigNode* a = n.find("appendix")) {
    auto parts = a->as_string_list();
    r.definitions = std::find(parts.begin(), parts.end(), "definitions") != parts.end();
    r.colophon = std::find(parts.begin(), parts.end(), "colophon") != parts.end();
    for (const auto& p : parts) {
      if (p != "definitions" && p != "colophon") {
        c.error(*a, "unknown appendix '" + p + "'", suggest(p, {"definitions", "colophon"}, "use definitions and/or colophon"));
      }
    }
  }

  const ConfigNode* peer_group = n.find("peer_group");
  const ConfigNode* story_dir = n.find("own_story_dir");
  if (board) {
    BoardLayout layout;
    if (!peer_group) {
      c.error(n, "board report '" + r.id + "' needs a peer_group: the group each board is compared with",
              c.job.peer_groups.empty() ? "define one under peer_groups:" : "e.g. peer_group: " + c.job.peer_groups.front().id);
    } else {
      std::vector<std::string> group_ids;
      std::optional<std::size_t> found;
      for (std::size_t g = 0; g < c.job.peer_groups.size(); ++g) {
        group_ids.push_back(c.job.peer_groups[g].id);
        if (c.job.peer_groups[g].id == peer_group->as_string()) found = g;
      }
      if (!found && !c.failed_peer_groups.count(peer_group->as_string())) {
        c.error(*peer_group, "report '" + r.id + "' compares with peer group '" + peer_group->as_string() + "', which is not defined",
                suggest(peer_group->as_string(), group_ids, "add it under peer_groups:"));
      } else {
        layout.peer_group = *found;
      }
    }
    if (story_dir) {
      layout.own_story_dir = resolve_path(*story_dir);
      std::error_code ec;
      if (!fs::is_directory(layout.own_story_dir, ec)) {
        c.error(*story_dir, "own_story_dir '" + layout.own_story_dir + "' is not a folder",
                fs::exists(layout.own_story_dir, ec) ? "give the folder that holds <board number>.md files"
                                                     : "the path is relative to " + folder_of(*story_dir) + "; create the folder or fix the path");
        layout.own_story_dir.clear();
      }
    }
    for (const auto& ch : n.at("chapters").items()) {
      Chapter<BoardBlock> chapter;
      chapter.where = ch.location();
      const ConfigNode& t = ch.at("title");
      chapter.title = compile_title(t.as_string(), scalar_origin(t), true, c.problems);
      if (const ConfigNode* theme = ch.find("theme")) chapter.theme = theme_key(theme->as_string());
      const ConfigNode& blocks = ch.at("blocks");
      if (!blocks.is_sequence()) {
        c.error(blocks, "blocks is a list", "start each block with '- '");
        continue;
      }
      for (const auto& b : blocks.items()) {
        if (auto any = rc.block(b)) {
          if (auto placed = place<BoardBlock>(std::move(*any))) chapter.blocks.push_back({std::move(*placed), b.location()});
        }
      }
      layout.chapters.push_back(std::move(chapter));
    }
    // With a misspelt chapter theme, the stories' right headings would look wrong: say it once.
    const bool themes_ok = check_chapter_themes(c, n.at("chapters"), layout);
    if (!layout.own_story_dir.empty() && themes_ok) check_stories(c, layout, stories);
    r.layout = std::move(layout);
  } else {
    if (peer_group) c.error(*peer_group, "peer_group is for board reports", "a sector report covers its boards: set boards: instead");
    if (story_dir) c.error(*story_dir, "own_story_dir is for board reports");
    SectorLayout layout;
    for (const auto& ch : n.at("chapters").items()) {
      Chapter<SectorBlock> chapter;
      chapter.where = ch.location();
      const ConfigNode& t = ch.at("title");
      chapter.title = compile_title(t.as_string(), scalar_origin(t), false, c.problems);
      if (const ConfigNode* theme = ch.find("theme")) {
        c.error(*theme, "a chapter's theme picks the board's own text, which only board reports show", "remove it");
      }
      const ConfigNode& blocks = ch.at("blocks");
      if (!blocks.is_sequence()) {
        c.error(blocks, "blocks is a list", "start each block with '- '");
        continue;
      }
      for (const auto& b : blocks.items()) {
        if (auto any = rc.block(b)) {
          if (auto placed = place<SectorBlock>(std::move(*any))) chapter.blocks.push_back({std::move(*placed), b.location()});
        }
      }
      layout.chapters.push_back(std::move(chapter));
    }
    r.layout = std::move(layout);
  }
  c.job.reports.push_back(std::move(r));
}

}  // namespace

void compile_reports(CompileContext& c) {
  const ConfigNode* list = c.root.find("reports");
  if (!list || !list->is_sequence()) return;
  std::set<std::string> ids, stories;
  for (const auto& n : list->items()) {
    try {
      compile_report(c, n, ids, stories);
    } catch (const Error& e) {
      c.add(e.diagnostic());
    } catch (const std::invalid_argument& e) {
      Diagnostic d;
      d.message = e.what();
      d.location = n.location();
      c.add(std::move(d));
    }
  }
}

}  // namespace povo::job::detail
