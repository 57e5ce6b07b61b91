#include "cli/cli_app.hpp"

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include <povo/config_node.hpp>
#include <povo/version.hpp>

#include <boost/program_options.hpp>

#include <ostream>
#include <fstream>
#include <sstream>

namespace po = boost::program_options;

namespace povo::cli {
namespace {

struct CommandInfo {
  const char* name;
  const char* usage;
  const char* summary;
};

const std::vector<CommandInfo>& command_list() {
  static const std::vector<CommandInfo> list = {
      {"plugins", "povo plugins [--plugin-path DIR]... [--strict]", "list the plugins found, and the files rejected"},
      {"validate", "povo validate CONFIG [--set KEY=VALUE]...", "check a configuration and its plugin options without running"},
      {"data", "povo data CONFIG [--board N] [--year Y] [--table values|peers|stats]",
       "print as CSV what the sources loaded and the indicators computed (values), each board's\n"
       "      comparison groups (peers), or the statistics per indicator, group and year (stats)"},
      {"run", "povo run CONFIG [--board N]... [--boards-file F] [--jobs N] [--dry-run] [--resume] [--out DIR]",
       "make the reports: every sector report, and a report for every board (or the boards named)"},
      {"demo-data", "povo demo-data --out DIR [--seed N]", "write the fictional demo sector in DUO's file layouts"},
  };
  return list;
}

void print_help(std::ostream& out) {
  out << "povo " << version_string << ": benchmark and sector reports for Dutch school boards\n\n"
      << "Usage: povo COMMAND [OPTIONS]\n\nCommands:\n";
  for (const auto& c : command_list()) out << "  " << c.usage << "\n      " << c.summary << "\n";
  out << "\nOptions for every command:\n"
         "  --plugin-path DIR   look for plugins in DIR first (repeatable); then POVO_PLUGIN_PATH\n"
         "                      (colon-separated), then the installation's lib/povo/plugins\n"
         "  --set KEY=VALUE     override a configuration value, e.g. --set year=2023 (repeatable)\n"
         "  --strict            treat rejected plugins and data errors as fatal\n"
         "  -h, --help          show help for a command\n"
         "  --version           show the version of povo and of its plugin API\n"
         "\nExit codes: 0 success; 1 the run had errors; 2 usage or configuration error.\n";
}

po::options_description common_options(CommonOptions& common) {
  po::options_description d("Options");
  d.add_options()("help,h", "show help")(
      "plugin-path", po::value<std::vector<std::string>>(&common.plugin_paths)->composing(), "plugin directory")(
      "set", po::value<std::vector<std::string>>(&common.overrides)->composing(), "KEY=VALUE override")(
      "strict", po::bool_switch(&common.strict), "fatal warnings");
  return d;
}

std::vector<std::string> long_names(const po::options_description& d) {
  std::vector<std::string> names;
  for (const auto& option : d.options()) names.push_back("--" + option->long_name());
  return names;
}

int usage_error(const std::string& message, const std::string& hint, std::ostream& err) {
  err << "povo: error: " << message;
  if (!hint.empty()) err << " (" << hint << ")";
  err << "\n";
  return exit_usage;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    print_help(err);
    return exit_usage;
  }
  const std::string command = args[0];
  if (command == "--help" || command == "-h" || command == "help") {
    print_help(out);
    return exit_ok;
  }
  if (command == "--version") {
    out << "povo " << version_string << " (plugin API " << api_version_major << "." << api_version_minor << ")\n";
    return exit_ok;
  }
  const CommandInfo* info = nullptr;
  for (const auto& c : command_list()) {
    if (command == c.name) info = &c;
  }
  if (!info) {
    std::vector<std::string> names;
    for (const auto& c : command_list()) names.push_back(c.name);
    names.push_back("--help");
    names.push_back("--version");
    auto near = closest_match(command, names);
    return usage_error("unknown command '" + command + "'",
                       near ? "did you mean '" + *near + "'?" : "run 'povo --help' for the list", err);
  }

  CommonOptions common;
  po::options_description options = common_options(common);
  std::vector<std::string> positional;
  DataFilter filter;
  std::string board;
  int year = 0;
  std::string demo_out;
  RunOptions run;
  std::vector<std::string> boards_files;
  std::uint64_t seed = 2026;
  if (command == "data") {
    options.add_options()("board", po::value<std::string>(&board), "only this board")(
        "year", po::value<int>(&year), "only this year")(
        "table", po::value<std::string>(&filter.table), "values (default), peers or stats");
  }
  if (command == "run") {
    options.add_options()("board", po::value<std::vector<std::string>>(&run.boards)->composing(), "only this board")(
        "boards-file", po::value<std::vector<std::string>>(&boards_files)->composing(), "board numbers, one per line")(
        "jobs,j", po::value<unsigned>(&run.jobs), "render on N threads")(
        "dry-run,n", po::bool_switch(&run.dry_run), "list what would be made")(
        "resume", po::bool_switch(&run.resume), "keep the reports a previous run finished")(
        "out", po::value<std::string>(&run.out_dir), "output folder (default output.dir)");
  }
  if (command == "demo-data") {
    options.add_options()("out", po::value<std::string>(&demo_out)->required(), "output folder")(
        "seed", po::value<std::uint64_t>(&seed), "random seed (default 2026)");
  }
  options.add_options()("positional", po::value<std::vector<std::string>>(&positional), "arguments");
  po::positional_options_description pos;
  pos.add("positional", -1);
  po::variables_map vm;
  try {
    std::vector<std::string> rest(args.begin() + 1, args.end());
    po::store(po::command_line_parser(rest).options(options).positional(pos).run(), vm);
    if (!vm.count("help")) po::notify(vm);
  } catch (const po::unknown_option& e) {
    const std::string name = e.get_option_name();
    auto near = closest_match(name, long_names(options));
    return usage_error("unknown option '" + name + "' for 'povo " + command + "'",
                       near ? "did you mean '" + *near + "'?" : "run 'povo " + command + " --help'", err);
  } catch (const po::error& e) {
    return usage_error(e.what(), "run 'povo " + command + " --help'", err);
  }
  if (vm.count("help")) {
    out << "Usage: " << info->usage << "\n  " << info->summary << "\n\nRun 'povo --help' for the options every command takes.\n";
    return exit_ok;
  }
  if (vm.count("board")) filter.board = board;
  if (vm.count("year")) filter.year = year;

  if (command == "demo-data") {
    if (!positional.empty()) return usage_error("'povo demo-data' takes no arguments besides --out and --seed", "", err);
    return command_demo_data(demo_out, seed, out, err);
  }
  if (command == "plugins") {
    if (!positional.empty()) return usage_error("'povo plugins' takes no arguments", "", err);
    return command_plugins(common, out, err);
  }
  if (positional.size() != 1) {
    return usage_error("'povo " + command + "' needs exactly one CONFIG file", std::string("usage: ") + info->usage, err);
  }
  if (command == "validate") return command_validate(positional[0], common, out, err);
  if (command == "data") return command_data(positional[0], filter, common, out, err);
  if (command == "run") {
    for (const auto& file : boards_files) {
      std::ifstream in(file);
      if (!in) return usage_error("cannot read boards file '" + file + "'", "one board number per line", err);
      std::string line;
      while (std::getline(in, line)) {
        line.erase(0, line.find_first_not_of(" \t\r"));
        line.erase(line.find_last_not_of(" \t\r") + 1);
        if (!line.empty() && line[0] != '#') run.boards.push_back(line);
      }
    }
    return command_run(positional[0], run, common, out, err);
  }
  return usage_error("command '" + command + "' is not available", "", err);
}

}  // namespace povo::cli
