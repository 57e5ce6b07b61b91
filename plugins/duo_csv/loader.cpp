#include "loader.hpp"

#include "csv_reader.hpp"
#include "duo_number.hpp"
#include "text_decoding.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace povo::duo_csv {
namespace {

std::string read_file(const SourceConfig& c) {
  std::ifstream in(c.file, std::ios::binary);
  if (!in) {
    const int err = errno;
    throw Error("cannot open data file '" + c.file + "': " + std::strerror(err), c.file_at,
                "`file` is relative to the folder of the config file that declares the source");
  }
  std::string bytes;
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size > 0) {
    bytes.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(bytes.data(), size);
  }
  if (in.bad()) throw Error("cannot read data file '" + c.file + "'", c.file_at);
  if (bytes.size() >= 0xFFFFFFF0u) throw Error("data file '" + c.file + "' is larger than 4 GB", c.file_at);
  return bytes;
}

std::string join_list(const std::vector<std::string>& v, std::size_t max = 0) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (max && i == max) {
      s += ", ... (" + std::to_string(v.size() - max) + " more)";
      break;
    }
    s += (i ? ", " : "") + v[i];
  }
  return s;
}

std::string thousands(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string s;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s.push_back(',');
    s.push_back(digits[i]);
  }
  return s;
}

std::string plural(EntityKind k) {
  return k == EntityKind::branch ? "branches" : std::string(entity_kind_name(k)) + "s";
}

std::string percent(std::size_t part, std::size_t whole) {
  if (whole == 0) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buf;
}

/// Reports data problems, one by one up to a limit per kind, then only counts them.
class Reporter {
 public:
  Reporter(DiagnosticSink& sink, std::size_t max, LoadReport& report) : sink_(sink), max_(max), report_(report) {}

  void problem(Severity sev, const char* kind, std::string message, SourceLocation at, std::string hint = {}) {
    (sev == Severity::error ? report_.errors : report_.warnings)++;
    auto& n = counts_[kind];
    // The summary of the unshown ones has the worst severity among them.
    auto& worst = severity_[kind];
    if (n == 0 || sev > worst) worst = sev;
    if (++n > max_) return;
    Diagnostic d;
    d.severity = sev;
    d.message = std::move(message);
    d.location = std::move(at);
    d.hint = std::move(hint);
    sink_.report(std::move(d));
  }
  void plain(Severity sev, std::string message, SourceLocation at = {}, std::string hint = {}) {
    (sev == Severity::error ? report_.errors : report_.warnings)++;
    Diagnostic d;
    d.severity = sev;
    d.message = std::move(message);
    d.location = std::move(at);
    d.hint = std::move(hint);
    sink_.report(std::move(d));
  }
  void summarise(const std::string& file) {
    for (const auto& [kind, n] : counts_) {
      if (n > max_) {
        // It stands for every problem it does not show, so totals count problems, not lines.
        Diagnostic d;
        d.severity = severity_[kind];
        d.message = thousands(n - max_) + " more " + kind + " problems not shown (" + thousands(n) + " in all)";
        d.location.file = file;
        d.count = n - max_;
        sink_.report(std::move(d));
      }
    }
    counts_.clear();
    severity_.clear();
  }

 private:
  DiagnosticSink& sink_;
  std::size_t max_;
  LoadReport& report_;
  std::map<std::string, std::size_t> counts_;
  std::map<std::string, Severity> severity_;
};

struct Columns {
  std::vector<std::string> names;  // trimmed header names

  int find(std::string_view name) const {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) return static_cast<int>(i);
    }
    return -1;
  }

  [[noreturn]] void missing(const std::string& col, const ColumnRef& ref, const std::string& file) const {
    auto near = closest_match(col, names);
    if (!near) {
      // A column renamed with other spacing or case is a likely cause too.
      for (const auto& n : names) {
        if (n.size() == col.size() && std::equal(n.begin(), n.end(), col.begin(), [](char a, char b) {
              return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
            })) {
          near = n;
        }
      }
    }
    Diagnostic d;
    d.message = "column '" + col + "' is not in " + file + "; its columns are: " + join_list(names);
    d.location = ref.at;
    d.key_path = ref.path;
    d.hint = near ? "did you mean '" + *near + "'?" : "map the source's options to the column's new name";
    throw Error(std::move(d));
  }

  std::vector<int> resolve(const ColumnRef& ref, const std::string& file) const {
    std::vector<int> out;
    for (const auto& c : ref.columns) {
      const int i = find(c);
      if (i < 0) missing(c, ref, file);
      out.push_back(i);
    }
    return out;
  }
};

struct CompiledFilter {
  int column;
  const std::vector<std::string>* values;
};

std::vector<CompiledFilter> compile_filters(const std::vector<FilterRule>& rules, const Columns& cols,
                                            const std::string& file) {
  std::vector<CompiledFilter> out;
  for (const auto& r : rules) out.push_back({cols.resolve(r.column, file)[0], &r.values});
  return out;
}

bool passes(const std::vector<CompiledFilter>& filters, const std::vector<CsvField>& row) {
  for (const auto& f : filters) {
    const std::string_view cell = row[static_cast<std::size_t>(f.column)].text;
    if (std::find(f.values->begin(), f.values->end(), cell) == f.values->end()) return false;
  }
  return true;
}

struct CompiledEntity {
  const EntitySpec* spec;
  std::vector<int> key;
  std::vector<std::pair<int, const std::string*>> attributes;
  std::string key_name;  // for messages
  // join bookkeeping (create: false)
  std::vector<bool> matched_index;  // by entity index
  std::size_t matched_keys = 0, rows = 0, matched_rows = 0;
  std::unordered_map<std::string, std::uint32_t> unmatched;  // code -> first line
};

CompiledEntity compile_entity(const EntitySpec& e, const Columns& cols, const std::string& file) {
  CompiledEntity c;
  c.spec = &e;
  c.key = cols.resolve(e.key, file);
  for (const auto& [col, name] : e.attributes.from_columns) c.attributes.emplace_back(cols.resolve(col, file)[0], &name);
  for (const auto& k : e.key.columns) c.key_name += (c.key_name.empty() ? "" : "+") + k;
  return c;
}

std::string_view key_of(const CompiledEntity& e, const std::vector<CsvField>& row, std::string& buf) {
  if (e.key.size() == 1) return row[static_cast<std::size_t>(e.key[0])].text;
  buf.clear();
  for (int k : e.key) buf += row[static_cast<std::size_t>(k)].text;
  return buf;
}

struct CompiledMeasure {
  MeasureId id;
  const MeasureSpec* spec;
  std::vector<std::pair<int, int>> columns;  // column index, year (0: from the year column)
  std::vector<CompiledFilter> filter;
};

/// Values read from the file, keyed by (measure, entity, year), before they are stored.
class CellBuffer {
 public:
  struct Cell {
    MeasureId m;
    EntityIndex e;
    int year;
    Value v;
    std::uint32_t line;
  };
  /// Returns the earlier cell when the key is already present.
  Cell* add(MeasureId m, EntityIndex e, int year, Value v, std::uint32_t line) {
    const std::uint64_t key = (static_cast<std::uint64_t>(m) << 44) |
                              (static_cast<std::uint64_t>(static_cast<unsigned>(year - 1800) & 0xFFF) << 32) | e;
    auto [it, inserted] = index_.try_emplace(key, static_cast<std::uint32_t>(cells_.size()));
    if (!inserted) return &cells_[it->second];
    cells_.push_back({m, e, year, v, line});
    return nullptr;
  }
  std::vector<Cell>& cells() { return cells_; }
  void reserve(std::size_t n) {
    cells_.reserve(n);
    index_.reserve(n);
  }

 private:
  std::vector<Cell> cells_;
  std::unordered_map<std::uint64_t, std::uint32_t> index_;
};

std::optional<int> parse_year(std::string_view t) {
  auto four = [](std::string_view s) -> std::optional<int> {
    if (s.size() != 4) return std::nullopt;
    int y = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return std::nullopt;
      y = y * 10 + (c - '0');
    }
    return y;
  };
  if (t.size() == 4) return four(t);
  // School year "2023-2024" or "2023/2024": the end year.
  if (t.size() == 9 && (t[4] == '-' || t[4] == '/')) {
    auto a = four(t.substr(0, 4)), b = four(t.substr(5));
    if (a && b && *b == *a + 1) return b;
  }
  return std::nullopt;
}

}  // namespace

LoadReport load_duo_csv(const SourceConfig& c, Dataset& ds, DiagnosticSink& sink) {
  LoadReport report;
  report.file = c.file;
  Reporter rep(sink, c.max_messages, report);

  const std::string bytes = read_file(c);
  DecodedText decoded = decode_text(bytes, c.encoding, c.file);
  report.encoding = decoded.encoding;
  const std::string_view text = decoded.text;
  const char sep = c.separator ? c.separator : sniff_separator(text);
  report.separator = sep;

  CsvReader reader(text, sep, c.trim, c.file);
  std::vector<CsvField> row;
  if (!reader.next_row(row)) throw Error("data file '" + c.file + "' is empty: it has no header line", c.file_at);
  Columns cols;
  for (const auto& f : row) {
    // Header names are always trimmed: DUO writes 'VESTIGINGSNAAM ' with a trailing space.
    std::string_view h = f.text;
    while (!h.empty() && (h.front() == ' ' || h.front() == '\t')) h.remove_prefix(1);
    while (!h.empty() && (h.back() == ' ' || h.back() == '\t')) h.remove_suffix(1);
    cols.names.emplace_back(h);
  }
  // One warning per repeated column, capped like other data problems: a header of many
  // equal names must not cost quadratic time (nor a column_of() scan per hidden message).
  std::unordered_set<std::string_view> header_names;
  std::size_t repeated = 0;
  for (std::size_t i = 0; i < cols.names.size(); ++i) {
    if (cols.names[i].empty() || header_names.insert(cols.names[i]).second) continue;
    rep.problem(Severity::warning, "repeated column",
                "column '" + cols.names[i] + "' appears twice in the header; the first is used",
                ++repeated <= c.max_messages
                    ? SourceLocation{c.file, static_cast<int>(row[i].line), reader.column_of(row[i])}
                    : SourceLocation{});
  }
  const std::size_t width = cols.names.size();

  // --- Resolve every configured column before reading any row. -----------------
  std::vector<CompiledEntity> entities;
  entities.push_back(compile_entity(c.entity, cols, c.file));
  for (const auto& p : c.parents) entities.push_back(compile_entity(p, cols, c.file));
  const auto filters = compile_filters(c.filter, cols, c.file);
  int year_col = -1;
  if (c.year_column) year_col = cols.resolve(*c.year_column, c.file)[0];

  std::vector<CompiledMeasure> measures;
  for (const auto& m : c.measures) {
    CompiledMeasure cm;
    cm.spec = &m;
    try {
      cm.id = ds.declare_measure(m.measure, c.entity.kind);
    } catch (const Error& e) {
      throw Error(e.diagnostic().message, m.at);
    }
    cm.filter = compile_filters(m.filter, cols, c.file);
    if (m.column) {
      cm.columns.emplace_back(cols.resolve(*m.column, c.file)[0], c.year ? *c.year : 0);
    } else {
      std::vector<int> years;
      for (std::size_t i = 0; i < width; ++i) {
        if (auto y = m.wide->match(cols.names[i])) {
          if (std::find(years.begin(), years.end(), *y) != years.end()) {
            throw Error("two columns of " + c.file + " match the pattern '" + m.wide->text() + "' for year " +
                            std::to_string(*y),
                        m.at, "make the pattern more specific");
          }
          years.push_back(*y);
          cm.columns.emplace_back(static_cast<int>(i), *y);
        }
      }
      if (cm.columns.empty()) {
        Diagnostic d;
        d.message = "no column of " + c.file + " matches the pattern '" + m.wide->text() + "'; its columns are: " +
                    join_list(cols.names);
        d.location = m.at;
        d.key_path = m.path;
        d.hint = "{year} stands for a 4-digit year; the rest must match the header exactly (spaces included)";
        throw Error(std::move(d));
      }
    }
    measures.push_back(std::move(cm));
  }

  // --- Read the rows. -----------------------------------------------------------
  CellBuffer buffer;
  buffer.reserve(measures.size() * 16 + 64);
  std::unordered_map<std::uint64_t, std::uint32_t> seen;  // (entity, year) -> first line, for duplicate keys
  std::string keybuf;
  auto at = [&](const CsvField& f) { return SourceLocation{c.file, static_cast<int>(f.line), reader.column_of(f)}; };

  while (reader.next_row(row)) {
    ++report.rows;
    const std::uint32_t line = reader.row_line();
    if (row.size() != width) {
      rep.problem(Severity::error, "row length",
                  "row has " + std::to_string(row.size()) + " fields but the header has " + std::to_string(width),
                  SourceLocation{c.file, static_cast<int>(line), 0},
                  sep == ';' ? "check for a ';' inside an unquoted field" : std::string("check the separator"));
      ++report.rows_skipped;
      continue;
    }
    if (!passes(filters, row)) {
      ++report.rows_filtered;
      continue;
    }

    int row_year = 0;
    if (year_col >= 0) {
      const CsvField& yf = row[static_cast<std::size_t>(year_col)];
      auto y = parse_year(yf.text);
      if (!y) {
        rep.problem(Severity::error, "year", "not a year: '" + std::string(yf.text) + "' in column '" +
                                                 c.year_column->columns[0] + "'",
                    at(yf), "expected e.g. 2024 or 2023-2024");
        ++report.rows_skipped;
        continue;
      }
      row_year = *y;
    }

    // The row's own entity.
    CompiledEntity& self = entities[0];
    const std::string_view key = key_of(self, row, keybuf);
    const CsvField& key_field = row[static_cast<std::size_t>(self.key[0])];
    if (key.empty()) {
      rep.problem(Severity::error, "empty key", "empty key in column '" + self.key_name + "'", at(key_field));
      ++report.rows_skipped;
      continue;
    }
    std::optional<EntityIndex> found;
    if (self.spec->create) {
      found = ds.add_entity(self.spec->kind, key);
    } else {
      ++self.rows;
      found = ds.find_entity(self.spec->kind, key);
      if (!found) {
        self.unmatched.try_emplace(std::string(key), line);
        ++report.rows_skipped;
        continue;
      }
      ++self.matched_rows;
      if (self.matched_index.size() <= *found) self.matched_index.resize(*found + 1, false);
      if (!self.matched_index[*found]) {
        self.matched_index[*found] = true;
        ++self.matched_keys;
      }
    }
    const EntityIndex idx = *found;

    if (c.duplicates != DuplicatePolicy::sum) {
      auto [it, inserted] = seen.try_emplace((static_cast<std::uint64_t>(static_cast<unsigned>(row_year)) << 32) | idx, line);
      if (!inserted) {
        if (c.duplicates == DuplicatePolicy::error) {
          rep.problem(Severity::error, "duplicate key",
                      "duplicate key '" + std::string(key) + "' in column '" + self.key_name + "' (first on line " +
                          std::to_string(it->second) + (row_year ? ", year " + std::to_string(row_year) : "") +
                          "); this row is skipped",
                      at(key_field), "set `duplicates: sum` if rows with one key should be added up");
        }
        ++report.rows_skipped;
        continue;
      }
    }

    for (const auto& [col, name] : self.attributes) {
      const std::string_view v = row[static_cast<std::size_t>(col)].text;
      if (!v.empty()) ds.set_attribute(self.spec->kind, idx, *name, std::string(v));
    }
    for (const auto& [name, value] : self.spec->attributes.constants) ds.set_attribute(self.spec->kind, idx, name, value);

    // Parents, upward.
    EntityKind child_kind = self.spec->kind;
    EntityIndex child = idx;
    for (std::size_t p = 1; p < entities.size(); ++p) {
      CompiledEntity& pe = entities[p];
      const std::string_view pkey = key_of(pe, row, keybuf);
      const CsvField& pf = row[static_cast<std::size_t>(pe.key[0])];
      if (pkey.empty()) {
        rep.problem(Severity::error, "empty key",
                    std::string("empty ") + entity_kind_name(pe.spec->kind) + " key in column '" + pe.key_name +
                        "': the " + entity_kind_name(child_kind) + " '" + ds.entity_code(child_kind, child) +
                        "' has no " + entity_kind_name(pe.spec->kind),
                    at(pf));
        break;
      }
      std::optional<EntityIndex> parent;
      if (pe.spec->create) {
        parent = ds.add_entity(pe.spec->kind, pkey);
      } else {
        ++pe.rows;
        parent = ds.find_entity(pe.spec->kind, pkey);
        if (!parent) {
          pe.unmatched.try_emplace(std::string(pkey), line);
          break;
        }
        ++pe.matched_rows;
        if (pe.matched_index.size() <= *parent) pe.matched_index.resize(*parent + 1, false);
        if (!pe.matched_index[*parent]) {
          pe.matched_index[*parent] = true;
          ++pe.matched_keys;
        }
      }
      const auto before = ds.parent(child_kind, child);
      if (before && *before != *parent) {
        rep.problem(Severity::warning, "parent changed",
                    std::string("the ") + entity_kind_name(child_kind) + " '" + ds.entity_code(child_kind, child) +
                        "' was linked to " + entity_kind_name(pe.spec->kind) + " '" +
                        ds.entity_code(pe.spec->kind, *before) + "' and is now linked to '" + std::string(pkey) + "'",
                    at(pf));
      }
      ds.set_parent(child_kind, child, *parent);
      for (const auto& [col, name] : pe.attributes) {
        const std::string_view v = row[static_cast<std::size_t>(col)].text;
        if (!v.empty()) ds.set_attribute(pe.spec->kind, *parent, *name, std::string(v));
      }
      for (const auto& [name, value] : pe.spec->attributes.constants) ds.set_attribute(pe.spec->kind, *parent, name, value);
      child_kind = pe.spec->kind;
      child = *parent;
    }

    // Measures.
    for (const auto& m : measures) {
      if (!passes(m.filter, row)) continue;
      for (const auto& [col, col_year] : m.columns) {
        const CsvField& f = row[static_cast<std::size_t>(col)];
        NumberResult r = parse_duo_number(f.text, c.number);
        if (!r.ok) {
          ++report.invalid_cells;
          rep.problem(Severity::error, "not a number",
                      "not a number: '" + std::string(f.text) + "' in column '" + cols.names[static_cast<std::size_t>(col)] +
                          "'",
                      at(f), "expected " + describe_number_format(c.number));
          r.value = Value::missing(Reason::invalid);
        } else if (r.value.is_missing()) {
          ++report.empty_cells;
          continue;
        } else if (r.value.is_suppressed()) {
          ++report.suppressed_cells;
        }
        const int year = col_year ? col_year : row_year;
        if (CellBuffer::Cell* earlier = buffer.add(m.id, idx, year, r.value, line)) {
          if (c.duplicates == DuplicatePolicy::sum) {
            const Value a = earlier->v.is_suppressed() ? Value::range(1, 4) : earlier->v;
            const Value b = r.value.is_suppressed() ? Value::range(1, 4) : r.value;
            earlier->v = (a.is_missing() && a.reason() == Reason::invalid) ? a
                         : (b.is_missing() && b.reason() == Reason::invalid) ? b
                                                                              : add(a, b);
          } else if (c.duplicates == DuplicatePolicy::error) {
            rep.problem(Severity::error, "duplicate key",
                        "duplicate value for measure '" + m.spec->measure + "' of " + entity_kind_name(c.entity.kind) +
                            " '" + std::string(key) + "' in " + std::to_string(year) + " (first on line " +
                            std::to_string(earlier->line) + ")",
                        at(f));
          }
        }
      }
    }
  }

  // --- Joins: codes not found among loaded entities. ---------------------------
  for (auto& e : entities) {
    if (e.spec->create) continue;
    JoinReport j;
    j.kind = e.spec->kind;
    j.column = e.key_name;
    j.matched_keys = e.matched_keys;
    j.distinct_keys = e.matched_keys + e.unmatched.size();
    j.rows = e.rows;
    j.matched_rows = e.matched_rows;
    std::vector<std::pair<std::string, std::uint32_t>> un(e.unmatched.begin(), e.unmatched.end());
    std::sort(un.begin(), un.end());
    for (const auto& [code, line] : un) j.unmatched.push_back(code);
    if (!un.empty()) {
      std::vector<std::string> listed;
      for (const auto& [code, line] : un) listed.push_back(code + " (line " + std::to_string(line) + ")");
      const char* kind = entity_kind_name(j.kind);
      rep.plain(c.unmatched_is_error ? Severity::error : Severity::warning,
                std::to_string(un.size()) + " of " + thousands(j.distinct_keys) + " " + kind + " codes in column '" +
                    j.column + "' are not among the loaded " + plural(j.kind) + ": match rate " +
                    thousands(j.matched_keys) + "/" + thousands(j.distinct_keys) + " = " +
                    percent(j.matched_keys, j.distinct_keys) + " of codes, " + thousands(j.matched_rows) + "/" +
                    thousands(j.rows) + " = " + percent(j.matched_rows, j.rows) + " of rows; unmatched: " +
                    join_list(listed, 100),
                SourceLocation{c.file, 0, 0},
                "load the source that defines these " + plural(j.kind) + " first, or set `create: true`");
    }
    report.joins.push_back(std::move(j));
  }

  rep.summarise(c.file);
  if (c.strict && report.errors > 0) {
    throw Error(c.file + ": " + std::to_string(report.errors) + " data error(s); nothing stored (--strict)", c.file_at,
                "fix the data or run without --strict to load it with these values marked invalid");
  }

  // --- Store. ----------------------------------------------------------------------
  for (const auto& cell : buffer.cells()) {
    if (ds.set(cell.m, cell.e, cell.year, cell.v)) {
      ++report.values;
    } else {
      rep.problem(Severity::error, "duplicate key",
                  "measure '" + ds.measure_name(cell.m) + "' of " + entity_kind_name(c.entity.kind) + " '" +
                      ds.entity_code(c.entity.kind, cell.e) + "' in " + std::to_string(cell.year) +
                      " was already loaded by another source; this value is not stored",
                  SourceLocation{c.file, static_cast<int>(cell.line), 0});
    }
  }

  // --- Roll-ups. ------------------------------------------------------------------
  for (const auto& r : c.rollups) {
    const auto from = ds.find_measure(r.measure);
    std::size_t orphans = 0;
    ds.roll_up(*from, r.to, r.as, &orphans);
    report.rollup_orphans.emplace_back(r.as, orphans);
    if (orphans) {
      rep.plain(Severity::warning,
                thousands(orphans) + " values of '" + r.measure + "' are not in '" + r.as + "': their " +
                    entity_kind_name(c.entity.kind) + " has no " + entity_kind_name(r.to),
                r.at, "see the unmatched codes reported for this source");
    }
  }
  rep.summarise(c.file);
  if (c.strict && report.errors > 0) {
    throw Error(c.file + ": " + std::to_string(report.errors) + " data error(s) (--strict)", c.file_at);
  }
  return report;
}

}  // namespace povo::duo_csv
