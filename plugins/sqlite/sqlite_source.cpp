#include "sqlite_source.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>

namespace povo::sqlite {
namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

std::vector<std::pair<std::string, std::string>> mapping(const ConfigNode& query, std::string_view key) {
  std::vector<std::pair<std::string, std::string>> out;
  if (const ConfigNode* m = query.find(key)) {
    for (const auto& e : m->entries()) out.emplace_back(e.key, e.value.as_string());
  }
  return out;
}

// A text cell: "<5" is a suppressed count; otherwise it must be a plain number.
bool parse_text(const char* text, Value& out) {
  std::string s(text ? text : "");
  while (!s.empty() && s.back() == ' ') s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  if (s == "<5") {
    out = Value::suppressed_count();
    return true;
  }
  if (s.empty()) return false;
  errno = 0;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (errno != 0 || end != s.c_str() + s.size() || !std::isfinite(v)) return false;
  out = Value::of(v);
  return true;
}

}  // namespace

std::vector<OptionSpec> SqliteSource::option_specs() const noexcept {
  return {
      OptionSpec::string("database", "the SQLite file, relative to the config file", true),
      OptionSpec::list_of("queries",
                          {OptionSpec::string("sql", "a SELECT statement", true),
                           OptionSpec::one_of("entity", {"board", "school", "branch"}, "what each row describes", true),
                           OptionSpec::string("key", "the column with the entity code", true),
                           OptionSpec::string("year", "the column with the year", true),
                           OptionSpec::free_map("measures", "column -> measure name"),
                           OptionSpec::free_map("attributes", "column -> attribute name")},
                          "the queries to run", true),
  };
}

void SqliteSource::do_configure(const ConfigNode& options, const SourceContext& context) {
  const ConfigNode& db = options.at("database");
  std::filesystem::path p = db.as_string();
  if (p.is_relative()) p = std::filesystem::path(context.base_dir) / p;
  database_ = p.lexically_normal().string();
  database_where_ = db.location();
  queries_.clear();
  for (const auto& q : options.at("queries").items()) {
    Query query;
    query.sql = q.at("sql").as_string();
    query.where = q.at("sql").location();
    query.entity = *parse_entity_kind(q.at("entity").as_string());
    query.key = q.at("key").as_string();
    query.year = q.at("year").as_string();
    query.measures = mapping(q, "measures");
    query.attributes = mapping(q, "attributes");
    if (query.measures.empty() && query.attributes.empty()) {
      throw q.error("this query maps no columns", "add 'measures:' or 'attributes:'");
    }
    queries_.push_back(std::move(query));
  }
}

SourceDeclaration SqliteSource::do_describe() const {
  SourceDeclaration d;
  d.files.push_back(database_);
  for (const Query& q : queries_) {
    d.entities.push_back(q.entity);
    for (const auto& [column, measure] : q.measures) d.measures.push_back({measure, q.entity});
    for (const auto& [column, attribute] : q.attributes) d.attributes.push_back({q.entity, attribute, {}});
  }
  return d;
}

void SqliteSource::do_load(Dataset& ds, DiagnosticSink& diagnostics) {
  if (!std::filesystem::is_regular_file(database_)) {
    throw Error("database file '" + database_ + "' does not exist", database_where_, "check 'database:'");
  }
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(database_.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, DbCloser> db(raw);
  if (rc != SQLITE_OK) {
    throw Error("cannot open database '" + database_ + "': " + (raw ? sqlite3_errmsg(raw) : "out of memory"),
                database_where_);
  }
  for (const Query& q : queries_) {
    sqlite3_stmt* raw_stmt = nullptr;
    if (sqlite3_prepare_v2(db.get(), q.sql.c_str(), -1, &raw_stmt, nullptr) != SQLITE_OK) {
      throw Error(std::string("SQL error: ") + sqlite3_errmsg(db.get()), q.where, "check the query in 'sql:'");
    }
    std::unique_ptr<sqlite3_stmt, StmtFinalizer> stmt(raw_stmt);
    std::map<std::string, int> columns;
    for (int c = 0; c < sqlite3_column_count(stmt.get()); ++c) columns[sqlite3_column_name(stmt.get(), c)] = c;
    auto column = [&](const std::string& name) {
      auto it = columns.find(name);
      if (it != columns.end()) return it->second;
      std::vector<std::string> names;
      for (const auto& [n, i] : columns) names.push_back(n);
      auto near = closest_match(name, names);
      std::string all;
      for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
      throw Error("the query has no column '" + name + "' (it has: " + all + ")", q.where,
                  near ? "did you mean '" + *near + "'?" : std::string());
    };
    const int key_col = column(q.key);
    const int year_col = column(q.year);
    std::vector<std::pair<int, MeasureId>> measures;
    for (const auto& [col, measure] : q.measures) measures.emplace_back(column(col), ds.declare_measure(measure, q.entity));
    std::vector<std::pair<int, std::string>> attributes;
    for (const auto& [col, attribute] : q.attributes) attributes.emplace_back(column(col), attribute);

    long row = 0;
    for (;;) {
      rc = sqlite3_step(stmt.get());
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) throw Error(std::string("SQL error: ") + sqlite3_errmsg(db.get()), q.where);
      ++row;
      const std::string where = "row " + std::to_string(row) + " of the query";
      auto text = [&](int c) {
        const unsigned char* t = sqlite3_column_text(stmt.get(), c);
        return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
      };
      const std::string key = text(key_col);
      if (key.empty()) {
        diagnostics.error(where + ": empty entity key in column '" + q.key + "'; row skipped", q.where);
        continue;
      }
      if (sqlite3_column_type(stmt.get(), year_col) != SQLITE_INTEGER) {
        diagnostics.error(where + ": year '" + text(year_col) + "' in column '" + q.year + "' is not a whole number; row skipped",
                          q.where);
        continue;
      }
      const int year = sqlite3_column_int(stmt.get(), year_col);
      const EntityIndex e = ds.add_entity(q.entity, key);
      for (const auto& [c, attribute] : attributes) {
        if (sqlite3_column_type(stmt.get(), c) != SQLITE_NULL) ds.set_attribute(q.entity, e, attribute, text(c));
      }
      for (const auto& [c, m] : measures) {
        Value v;
        switch (sqlite3_column_type(stmt.get(), c)) {
          case SQLITE_NULL: continue;  // no value reported: stays missing, never 0
          case SQLITE_INTEGER:
          case SQLITE_FLOAT: {
            double d = sqlite3_column_double(stmt.get(), c);
            if (!std::isfinite(d)) {
              diagnostics.error(where + ": column '" + sqlite3_column_name(stmt.get(), c) + "' is not finite", q.where);
              continue;
            }
            v = Value::of(d);
            break;
          }
          default:
            if (!parse_text(reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), c)), v)) {
              diagnostics.error(where + ": '" + text(c) + "' in column '" + sqlite3_column_name(stmt.get(), c) +
                                    "' is not a number (board " + key + ", " + std::to_string(year) + ")",
                                q.where, "store numbers as numbers, or '<5' for a suppressed count");
              continue;
            }
        }
        if (!ds.set(m, e, year, v)) {
          diagnostics.error(where + ": duplicate value for " + std::string(entity_kind_name(q.entity)) + " " + key +
                                ", " + std::to_string(year) + ", " + ds.measure_name(m) + "; the last one is kept",
                            q.where);
        }
      }
    }
  }
}

}  // namespace povo::sqlite
