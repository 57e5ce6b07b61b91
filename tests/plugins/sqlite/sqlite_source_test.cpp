#include "sqlite_source.hpp"

#include "config/yaml_loader.hpp"

#include "../../config/temp_dir.hpp"

#include <sqlite3.h>

#include <gtest/gtest.h>

using namespace povo;

namespace {

class Sink final : public DiagnosticSink {
 public:
  void report(Diagnostic d) noexcept override { messages.push_back(d.str()); }
  std::vector<std::string> messages;
};

void exec(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
  sqlite3_close(db);
}

const char* kWarehouse =
    "CREATE TABLE fin (bestuur TEXT, jaar INTEGER, naam TEXT, ev REAL, balans, leerlingen);"
    "INSERT INTO fin VALUES ('10001', 2023, 'Stichting Één', 1200000.5, 4000000, 820);"
    "INSERT INTO fin VALUES ('10001', 2024, 'Stichting Één', 1250000, '4100000', '<5');"
    "INSERT INTO fin VALUES ('10002', 2024, NULL, -50000, 900000, NULL);"
    "INSERT INTO fin VALUES ('10003', 2024, 'X', 10, 'veel', 3);";

struct Loaded {
  Status configured;
  Status loaded;
  Dataset ds;
  Sink sink;
};

std::unique_ptr<Loaded> load(const TempDir& dir, const std::string& yaml) {
  auto result = std::make_unique<Loaded>();
  ConfigNode options = config::load_yaml_string(yaml, "job.yaml");
  sqlite::SqliteSource source;
  EXPECT_TRUE(check_options(options, source.option_specs()).empty());
  result->configured = source.configure(options, SourceContext{"warehouse", dir.path().string(), 2024, false});
  if (result->configured) result->loaded = source.load(result->ds, result->sink);
  return result;
}

const char* kOptions =
    "database: warehouse.db\n"
    "queries:\n"
    "  - sql: SELECT bestuur, jaar, naam, ev, balans, leerlingen FROM fin ORDER BY bestuur, jaar\n"
    "    entity: board\n"
    "    key: bestuur\n"
    "    year: jaar\n"
    "    measures: {ev: eigen_vermogen, balans: totaal_activa, leerlingen: leerlingen_bestuur}\n"
    "    attributes: {naam: name}\n";

}  // namespace

TEST(SqliteSource, ReadsNumbersTextNumbersSuppressionAndNulls) {
  TempDir dir;
  exec((dir.path() / "warehouse.db").string(), kWarehouse);
  auto r = load(dir, kOptions);
  ASSERT_TRUE(r->configured.is_ok()) << r->configured.error().str();
  ASSERT_TRUE(r->loaded.is_ok()) << r->loaded.error().str();
  const Dataset& ds = r->ds;
  auto b1 = *ds.find_entity(EntityKind::board, "10001");
  auto b2 = *ds.find_entity(EntityKind::board, "10002");
  auto ev = *ds.find_measure("eigen_vermogen");
  auto ta = *ds.find_measure("totaal_activa");
  auto ll = *ds.find_measure("leerlingen_bestuur");
  EXPECT_EQ(ds.get(ev, b1, 2023), Value::of(1200000.5));
  EXPECT_EQ(ds.get(ta, b1, 2024), Value::of(4100000));
  EXPECT_EQ(ds.get(ll, b1, 2024), Value::suppressed_count());
  EXPECT_EQ(ds.get(ev, b2, 2024), Value::of(-50000));
  EXPECT_EQ(ds.get(ll, b2, 2024), Value::missing(Reason::not_reported));  // NULL is never 0
  EXPECT_EQ(*ds.attribute(EntityKind::board, b1, "name"), "Stichting Één");
  EXPECT_EQ(ds.attribute(EntityKind::board, b2, "name"), nullptr);
  ASSERT_EQ(r->sink.messages.size(), 1u);
  EXPECT_EQ(r->sink.messages[0],
            "job.yaml:3:10: error: row 4 of the query: 'veel' in column 'balans' is not a number (board 10003, 2024) "
            "(store numbers as numbers, or '<5' for a suppressed count)");
  // The bad cell is missing, not 0; the row's other cells are read.
  auto b3 = *ds.find_entity(EntityKind::board, "10003");
  EXPECT_EQ(ds.get(ta, b3, 2024), Value::missing(Reason::not_reported));
  EXPECT_EQ(ds.get(ll, b3, 2024), Value::of(3));
}

TEST(SqliteSource, MissingDatabaseAndSqlErrorsAreLocated) {
  TempDir dir;
  auto missing = load(dir, kOptions);
  ASSERT_FALSE(missing->loaded.is_ok());
  EXPECT_EQ(missing->loaded.error().str(), "job.yaml:1:11: error: database file '" + (dir.path() / "warehouse.db").string() +
                                               "' does not exist (check 'database:')");
  exec((dir.path() / "warehouse.db").string(), kWarehouse);
  std::string bad = kOptions;
  bad.replace(bad.find("FROM fin"), 8, "FROM fni");
  auto sql = load(dir, bad);
  ASSERT_FALSE(sql->loaded.is_ok());
  EXPECT_EQ(sql->loaded.error().str(), "job.yaml:3:10: error: SQL error: no such table: fni (check the query in 'sql:')");
  std::string column = kOptions;
  column.replace(column.find("key: bestuur"), 12, "key: bestur");
  auto col = load(dir, column);
  ASSERT_FALSE(col->loaded.is_ok());
  EXPECT_EQ(col->loaded.error().str(),
            "job.yaml:3:10: error: the query has no column 'bestur' (it has: balans, bestuur, ev, jaar, leerlingen, naam) "
            "(did you mean 'bestuur'?)");
}

TEST(SqliteSource, DuplicateRowsAreReported) {
  TempDir dir;
  exec((dir.path() / "warehouse.db").string(),
       "CREATE TABLE t (b TEXT, y INTEGER, v REAL); INSERT INTO t VALUES ('1', 2024, 1), ('1', 2024, 2);");
  auto r = load(dir,
                "database: warehouse.db\nqueries:\n  - sql: SELECT b, y, v FROM t\n    entity: board\n    key: b\n"
                "    year: y\n    measures: {v: x}\n");
  ASSERT_TRUE(r->loaded.is_ok());
  ASSERT_EQ(r->sink.messages.size(), 1u);
  EXPECT_EQ(r->sink.messages[0],
            "job.yaml:3:10: error: row 2 of the query: duplicate value for board 1, 2024, x; the last one is kept");
}
