// An example data-source plugin: reads lines "board,year,value" from a CSV file into
// one board-level measure. See docs/plugin-guide.md.
#include <povo/data_source.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

class ExampleCsv final : public povo::SimpleDataSource {
 public:
  std::vector<povo::OptionSpec> option_specs() const noexcept override {
    return {povo::OptionSpec::string("file", "CSV file with lines board,year,value", true),
            povo::OptionSpec::string("measure", "the measure to fill, e.g. leerlingen_bestuur", true)};
  }

 protected:
  // Reads and checks options only: `povo validate` calls this too, and must not read data.
  void do_configure(const povo::ConfigNode& options, const povo::SourceContext& context) override {
    file_ = std::filesystem::path(context.base_dir) / options.at("file").as_string();
    measure_ = options.at("measure").as_string();
    if (measure_.empty()) throw options.at("measure").error("measure must not be empty");
  }
  // What load() will provide, from the options alone, so `povo validate` can check the
  // names the job uses before any file is read. `files` are hashed for --resume.
  povo::SourceDeclaration do_describe() const override {
    povo::SourceDeclaration d;
    d.entities = {povo::EntityKind::board};
    d.measures = {{measure_, povo::EntityKind::board}};
    d.files = {file_.string()};
    return d;
  }
  // An exception fails this source; SimpleDataSource turns it into a povo::Status in here.
  void do_load(povo::Dataset& ds, povo::DiagnosticSink& diagnostics) override {
    std::ifstream in(file_);
    if (!in) throw povo::Error("cannot open " + file_.string());
    const auto measure = ds.declare_measure(measure_, povo::EntityKind::board);
    std::string line, board, year, value;
    for (int n = 1; std::getline(in, line); ++n) {
      std::istringstream fields(line);
      if (!std::getline(fields, board, ',') || !std::getline(fields, year, ',') || !std::getline(fields, value)) {
        diagnostics.warning("skipped a line: expected board,year,value", {file_.string(), n, 1});
        continue;
      }
      const auto b = ds.add_entity(povo::EntityKind::board, board);
      ds.set(measure, b, std::stoi(year), povo::Value::of(std::stod(value)));
    }
  }

 private:
  std::filesystem::path file_;
  std::string measure_;
};

}  // namespace

POVO_DATA_SOURCE_PLUGIN(ExampleCsv, "example_csv", "1.0.0", "Reads board,year,value lines", "example_csv")
