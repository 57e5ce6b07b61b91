#include "source_config.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace povo::duo_csv {
namespace {

using O = OptionSpec;

std::vector<OptionSpec> entity_keys(bool with_kind_name_kind) {
  std::vector<OptionSpec> v;
  if (with_kind_name_kind) {
    v.push_back(O::one_of("kind", {"board", "school", "branch"}, "the parent's level: one above the entity before it",
                          true));
  }
  v.push_back(O::strings("key", "column(s) holding the parent's code; several columns are joined", true));
  v.push_back(O::boolean("create", "create the parent when it is not loaded yet (default true); false joins "
                                   "through already loaded entities and lists unmatched codes"));
  v.push_back(O::free_map("attributes", "column -> attribute name, set on the parent"));
  v.push_back(O::free_map("constants", "attribute name -> fixed value, set on the parent (e.g. sector: po)"));
  return v;
}

ColumnRef column_ref(const ConfigNode& n) {
  ColumnRef c;
  c.columns = n.as_string_list();
  c.at = n.location();
  c.path = n.path();
  if (c.columns.empty()) throw n.error("expected a column name");
  for (auto& col : c.columns) {
    while (!col.empty() && col.back() == ' ') col.pop_back();
    while (!col.empty() && col.front() == ' ') col.erase(col.begin());
    if (col.empty()) throw n.error("empty column name");
  }
  return c;
}

EntityKind entity_kind(const ConfigNode& n) {
  auto k = parse_entity_kind(n.as_string());
  if (!k) throw n.error("'" + n.scalar() + "' is not an entity level", "use board, school or branch");
  return *k;
}

AttributeMap attribute_map(const ConfigNode& owner) {
  AttributeMap a;
  if (const ConfigNode* attrs = owner.find("attributes"); attrs && !attrs->is_null()) {
    if (!attrs->is_map()) throw attrs->error("expected a map of column: attribute name");
    for (const auto& e : attrs->entries()) {
      ColumnRef c;
      c.columns = {e.key};
      c.at = e.key_location;
      c.path = e.value.path();
      a.from_columns.emplace_back(std::move(c), e.value.as_string());
    }
  }
  if (const ConfigNode* consts = owner.find("constants"); consts && !consts->is_null()) {
    if (!consts->is_map()) throw consts->error("expected a map of attribute name: value");
    for (const auto& e : consts->entries()) a.constants.emplace_back(e.key, e.value.as_string());
  }
  return a;
}

std::vector<FilterRule> filter_rules(const ConfigNode* n) {
  std::vector<FilterRule> out;
  if (!n || n->is_null()) return out;
  if (!n->is_map()) throw n->error("expected a map of column: value or [values]");
  for (const auto& e : n->entries()) {
    FilterRule r;
    r.column.columns = {e.key};
    r.column.at = e.key_location;
    r.column.path = e.value.path();
    r.values = e.value.as_string_list();
    out.push_back(std::move(r));
  }
  return out;
}

char separator_of(const ConfigNode& n) {
  const std::string& s = n.as_string();
  if (s == ";" || s == "," || s == "|") return s[0];
  if (s == "tab" || s == "\t") return '\t';
  if (s == "auto") return 0;
  throw n.error("'" + s + "' is not a supported separator", "use \";\", \",\", \"|\", tab or auto");
}

}  // namespace

std::vector<OptionSpec> duo_csv_option_specs() {
  std::vector<OptionSpec> specs = {
      O::string("file", "the CSV file, relative to the config file's folder", true),
      O::one_of("encoding", {"auto", "utf-8", "windows-1252"},
                "auto (default: UTF-8 with or without BOM, else windows-1252), or force one"),
      O::string("separator", "field separator: \";\" (default), \",\", \"|\", tab or auto"),
      O::boolean("trim", "strip spaces around unquoted fields and header names (default true)"),
      O::one_of("decimal", {"comma", "dot"}, "decimal separator of numbers (default comma)"),
      O::one_of("thousands", {"none", "dot", "comma", "space", "apostrophe"},
                "thousands separator in numbers (default none)"),
      O::strings("suppressed", "cell texts meaning a suppressed count of 1-4 (default [\"<5\"])"),
      O::strings("missing", "extra cell texts meaning 'not reported' (an empty cell always is)"),
      O::one_of("entity", {"board", "school", "branch"}, "the level one row describes", true),
      O::strings("key", "column(s) with the entity's code (BRIN6, BRIN or board number); several are joined",
                 true),
      O::boolean("create", "create entities not loaded yet (default true); false joins through entities "
                           "loaded by an earlier source and lists unmatched codes with the match rate"),
      O::free_map("attributes", "column -> attribute name (name, denomination, province, ...)"),
      O::free_map("constants", "attribute name -> fixed value for every row's entity (e.g. sector: po)"),
      O::list_of("parents", entity_keys(true),
                 "the chain upward: each item links the entity before it to the next level (branch -> school "
                 "-> board)"),
      O::free_map("filter", "column -> value or [values]: only rows whose cell equals one of them are read"),
      O::integer("year", "the year of every value of `measures` (long layout)"),
      O::string("year_column", "column holding the year ('2024' or school year '2023-2024', stored as 2024)"),
      O::free_map("measures", "column -> measure name (long layout: one value per row)"),
      O::list_of("wide",
                 {O::string("measure", "the measure name", true),
                  O::string("pattern", "column pattern with {year} and/or {year_from}, e.g. "
                                       "'EXAMENKANDIDATEN SCHOOLJAAR {year_from}-{year} - TOTAAL'"),
                  O::string("regex", "instead of pattern: a regular expression with (?<year>...) or (?<year_from>...)"),
                  O::free_map("filter", "column -> value or [values] for this measure only")},
                 "year-suffixed columns reshaped to (measure, year); the year is the school year's end year"),
      O::one_of("duplicates", {"error", "sum", "first"},
                "several rows for one (entity, measure, year): error (default, keeps the first), sum (e.g. exam "
                "rows per programme), first"),
      O::one_of("unmatched", {"warning", "error"},
                "severity of codes not found when create is false (default warning)"),
      O::list_of("rollup",
                 {O::string("measure", "a measure of this source", true),
                  O::one_of("to", {"board", "school"}, "the target level (default board)"),
                  O::string("as", "the rolled-up measure's name (default: <measure>_bestuur, dropping _vestiging)")},
                 "sum measures up to a higher level; sums over '<5' cells become ranges"),
      O::integer("max_messages", "data problems of one kind reported one by one before only counting (default 20)"),
  };
  return specs;
}

std::string default_rollup_name(const std::string& measure, EntityKind to) {
  std::string base = measure;
  const std::string suffix = "_vestiging";
  const bool had_suffix = base.size() > suffix.size() && base.ends_with(suffix);
  if (had_suffix) base.resize(base.size() - suffix.size());
  if (to == EntityKind::board) return base + "_bestuur";
  return had_suffix ? base : base + "_school";
}

SourceConfig parse_source_config(const ConfigNode& options, const SourceContext& context) {
  if (!options.is_map()) throw options.error("expected the options of a duo_csv source (a map)");
  const auto problems = check_options(options, duo_csv_option_specs());
  if (!problems.empty()) throw Error(problems.front());

  SourceConfig c;
  c.source_id = context.source_id;
  c.strict = context.strict;
  const ConfigNode& file = options.at("file");
  std::filesystem::path p(file.as_string());
  if (p.is_relative() && !context.base_dir.empty()) p = std::filesystem::path(context.base_dir) / p;
  c.file = p.lexically_normal().string();
  c.file_at = file.location();
  c.file_path = file.path();

  if (const ConfigNode* n = options.find("encoding")) c.encoding = *parse_encoding(n->as_string());
  if (const ConfigNode* n = options.find("separator")) c.separator = separator_of(*n);
  c.trim = options.get_bool("trim", true);
  c.number.decimal = options.get_string("decimal", "comma") == "dot" ? '.' : ',';
  const std::string th = options.get_string("thousands", "none");
  c.number.thousands = th == "dot" ? '.' : th == "comma" ? ',' : th == "space" ? ' ' : th == "apostrophe" ? '\'' : 0;
  if (c.number.thousands == c.number.decimal) {
    throw options.at("thousands").error("the thousands separator cannot be the decimal separator");
  }
  if (const ConfigNode* n = options.find("suppressed")) c.number.suppressed = n->as_string_list();
  if (const ConfigNode* n = options.find("missing")) c.number.missing = n->as_string_list();

  c.entity.kind = entity_kind(options.at("entity"));
  c.entity.key = column_ref(options.at("key"));
  c.entity.create = options.get_bool("create", true);
  c.entity.attributes = attribute_map(options);
  c.entity.at = options.at("entity").location();
  c.entity.path = options.at("entity").path();

  EntityKind below = c.entity.kind;
  if (const ConfigNode* ps = options.find("parents")) {
    for (const auto& item : ps->items()) {
      EntitySpec e;
      e.kind = entity_kind(item.at("kind"));
      if (static_cast<int>(e.kind) != static_cast<int>(below) - 1) {
        throw item.at("kind").error(std::string("a ") + entity_kind_name(below) + "'s parent must be a " +
                                        (below == EntityKind::board ? "nothing: boards have no parent"
                                                                    : entity_kind_name(static_cast<EntityKind>(
                                                                          static_cast<int>(below) - 1))),
                                    "list parents from the level just above `entity` upward");
      }
      e.key = column_ref(item.at("key"));
      e.create = item.get_bool("create", true);
      e.attributes = attribute_map(item);
      e.at = item.location();
      e.path = item.path();
      c.parents.push_back(std::move(e));
      below = c.parents.back().kind;
    }
  }

  c.filter = filter_rules(options.find("filter"));
  if (const ConfigNode* n = options.find("year")) c.year = static_cast<int>(n->as_integer());
  if (const ConfigNode* n = options.find("year_column")) c.year_column = column_ref(*n);
  if (c.year && c.year_column) {
    throw options.at("year_column").error("give either `year` or `year_column`, not both");
  }

  if (const ConfigNode* ms = options.find("measures"); ms && !ms->is_null()) {
    for (const auto& e : ms->entries()) {
      MeasureSpec m;
      m.measure = e.value.as_string();
      ColumnRef col;
      col.columns = {e.key};
      col.at = e.key_location;
      col.path = e.value.path();
      m.column = std::move(col);
      m.at = e.value.location();
      m.path = e.value.path();
      c.measures.push_back(std::move(m));
    }
    if (!c.measures.empty() && !c.year && !c.year_column) {
      if (context.year == 0) {
        throw ms->error("`measures` needs the year of its values", "add `year: 2024` or `year_column: JAAR`");
      }
      c.year = context.year;
    }
  }
  if (const ConfigNode* ws = options.find("wide")) {
    for (const auto& item : ws->items()) {
      MeasureSpec m;
      m.measure = item.at("measure").as_string();
      m.at = item.location();
      m.path = item.path();
      const ConfigNode* pat = item.find("pattern");
      const ConfigNode* re = item.find("regex");
      if ((pat != nullptr) == (re != nullptr)) throw item.error("give exactly one of `pattern` and `regex`");
      try {
        m.wide = pat ? WidePattern::placeholders(pat->as_string()) : WidePattern::regex(re->as_string());
      } catch (const std::invalid_argument& ex) {
        throw (pat ? pat : re)->error(ex.what());
      }
      m.filter = filter_rules(item.find("filter"));
      c.measures.push_back(std::move(m));
    }
  }
  for (std::size_t i = 0; i < c.measures.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (c.measures[i].measure == c.measures[j].measure && c.measures[i].filter.empty() &&
          c.measures[j].filter.empty()) {
        throw Error("measure '" + c.measures[i].measure + "' is mapped twice", c.measures[i].at,
                    "each measure comes from one column or pattern");
      }
    }
  }

  if (const ConfigNode* d = options.find("duplicates")) {
    const std::string& s = d->scalar();
    c.duplicates = s == "sum" ? DuplicatePolicy::sum : s == "first" ? DuplicatePolicy::first : DuplicatePolicy::error;
  }
  c.unmatched_is_error = options.get_string("unmatched", "warning") == "error";
  c.max_messages = static_cast<std::size_t>(std::max<long long>(1, options.get_integer("max_messages", 20)));

  if (const ConfigNode* rs = options.find("rollup")) {
    for (const auto& item : rs->items()) {
      RollupSpec r;
      r.measure = item.at("measure").as_string();
      r.at = item.location();
      r.to = item.find("to") ? entity_kind(item.at("to")) : EntityKind::board;
      const bool known = std::any_of(c.measures.begin(), c.measures.end(),
                                     [&](const MeasureSpec& m) { return m.measure == r.measure; });
      if (!known) {
        std::vector<std::string> names;
        for (const auto& m : c.measures) names.push_back(m.measure);
        auto near = closest_match(r.measure, names);
        throw item.at("measure").error("'" + r.measure + "' is not a measure of this source",
                                       near ? "did you mean '" + *near + "'?" : std::string());
      }
      if (static_cast<int>(r.to) >= static_cast<int>(c.entity.kind)) {
        throw item.error(std::string("cannot roll up to ") + entity_kind_name(r.to) + " from " +
                         entity_kind_name(c.entity.kind) + ": the target must be a higher level");
      }
      r.as = item.get_string("as", default_rollup_name(r.measure, r.to));
      c.rollups.push_back(std::move(r));
    }
  }
  return c;
}

}  // namespace povo::duo_csv
