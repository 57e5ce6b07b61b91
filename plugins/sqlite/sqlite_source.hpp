// The sqlite data source: many organisations keep a board-level warehouse; each
// configured query yields rows of (entity key, year, columns mapped to measures).
//
//   - id: warehouse
//     plugin: sqlite
//     options:
//       database: warehouse.db          # relative to the config file; opened read-only
//       queries:
//         - sql: SELECT bestuur, jaar, ev, balans FROM financien
//           entity: board               # board | school | branch
//           key: bestuur
//           year: jaar
//           measures: {ev: eigen_vermogen, balans: totaal_activa}
//           attributes: {naam: name}     # optional, text columns
#pragma once

#include <povo/data_source.hpp>

#include <map>
#include <string>
#include <vector>

namespace povo::sqlite {

class SqliteSource final : public SimpleDataSource {
 public:
  std::vector<OptionSpec> option_specs() const noexcept override;

 protected:
  void do_configure(const ConfigNode& options, const SourceContext& context) override;
  SourceDeclaration do_describe() const override;
  void do_load(Dataset& dataset, DiagnosticSink& diagnostics) override;

 private:
  struct Query {
    std::string sql;
    SourceLocation where;  // of the sql text in the config
    EntityKind entity = EntityKind::board;
    std::string key;
    std::string year;
    std::vector<std::pair<std::string, std::string>> measures;    // column -> measure
    std::vector<std::pair<std::string, std::string>> attributes;  // column -> attribute
  };
  std::string database_;
  SourceLocation database_where_;
  std::vector<Query> queries_;
};

}  // namespace povo::sqlite
