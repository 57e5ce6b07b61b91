#include "cli/cli_app.hpp"

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include <povo/config_node.hpp>
#include <povo/version.hpp>

#include <boost/program_options.hpp>

#include <fstream>
#include <new>
#include <ostream>
#include <sstream>

namespace po = boost::program_options;

namespace povo::cli {
namespace {

struct CommandInfo {
  const char* name;
  const char* usage;
  const char* summary;
  const char* details;  ///< more text for `povo COMMAND --help`
};

const std::vector<CommandInfo>& command_list() {
  static const std::vector<CommandInfo> list = {
      {"plugins", "povo plugins [--plugin-path DIR]... [--strict]", "list the plugins found, and the files rejected",
       "Every *.so in the plugin search path is checked (ELF header, povo manifest, API version, unique id,\n"
       "factory); a rejected file is listed with its reason."},
      {"validate", "povo validate CONFIG [--data] [--set KEY=VALUE]... [--strict]",
       "check a configuration completely without running anything",
       "Compiles the job: every key, plugin option, indicator id, placeholder, title template, peer group,\n"
       "board filter, path and own-story heading is checked, and each problem is reported as\n"
       "file:line:col: error: ... (hint). Nothing is read but the configuration and the own stories'\n"
       "headings. With --data, the data is loaded too and the checks that need it run (report year,\n"
       "board filters, peer groups, coverage of indicators and attributes)."},
      {"data", "povo data CONFIG [--board N] [--year Y] [--table values|peers|stats]",
       "print as CSV what the sources loaded and the indicators computed (values), each board's\n"
       "      comparison groups (peers), or the statistics per indicator, group and year (stats)",
       "The stats table applies output.min_group_size exactly as the reports do: a statistic the reports\n"
       "withhold is withheld here (withheld = yes, empty figures)."},
      {"run",
       "povo run CONFIG [--report ID]... [--board N]... [--boards-file F] [--jobs N] [--dry-run] [--resume] [--out DIR]",
       "make the reports: every report of the job, or those selected",
       "Compiles the job, loads the data, and renders each selected report to output.dir (or --out) with a\n"
       "manifest.json. Without --report and --board every report is made. --board makes the board reports\n"
       "of those boards only (no sector reports unless named with --report)."},
      {"demo-data", "povo demo-data --out DIR [--seed N]", "write the fictional demo sector in DUO's file layouts",
       "Every board, school and figure is made up; the same seed gives the same files."},
      {"help", "povo help [COMMAND | config [TOPIC]]", "show help for a command, or the configuration reference",
       "`povo help config` prints every configuration key with its type, default, allowed values and an\n"
       "example, the block types, the text placeholders and their functions; `povo help config reports`\n"
       "prints one part. docs/config-reference.md is this text."},
  };
  return list;
}

const char* const exit_codes_text =
    "Exit codes: 0 success; 1 data or report errors; 2 usage or configuration error (nothing was run);\n"
    "130 interrupted (Ctrl-C or SIGTERM; complete files and a manifest remain).\n";

void print_help(std::ostream& out) {
  out << "povo " << version_string << ": benchmark and sector reports for Dutch school boards\n\n"
      << "Usage: povo COMMAND [OPTIONS]\n\nCommands:\n";
  for (const auto& c : command_list()) out << "  " << c.usage << "\n      " << c.summary << "\n";
  out << "\nOptions for every command that takes a CONFIG:\n"
         "  --plugin-path DIR   look for plugins in DIR first (repeatable); then POVO_PLUGIN_PATH\n"
         "                      (colon-separated), then the installation's lib/povo/plugins\n"
         "  --set KEY=VALUE     override a configuration value, e.g. --set year=2023 (repeatable);\n"
         "                      KEY+=VALUE appends to a list; reports[ID].key addresses an item by id\n"
         "  --strict            treat rejected plugins, warnings and data errors as fatal\n"
         "  -h, --help          show help for a command\n"
         "  --version           show the version of povo and of its plugin API\n\n"
      << exit_codes_text;
}

po::options_description common_options(CommonOptions& common) {
  po::options_description d("Options of every command with a CONFIG");
  d.add_options()("help,h", "show this help")(
      "plugin-path", po::value<std::vector<std::string>>(&common.plugin_paths)->composing()->value_name("DIR"),
      "look for plugins in DIR first (repeatable); then POVO_PLUGIN_PATH, then the installation's lib/povo/plugins")(
      "set", po::value<std::vector<std::string>>(&common.overrides)->composing()->value_name("KEY=VALUE"),
      "override a configuration value (repeatable): --set year=2023, --set 'sources+=[{...}]' appends, "
      "--set reports[bestuur_po].locale=en addresses a report by id")(
      "strict", po::bool_switch(&common.strict), "treat rejected plugins, warnings and data errors as fatal");
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

const CommandInfo* find_command(const std::string& name) {
  for (const auto& c : command_list()) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

std::string unknown_command_hint(const std::string& name) {
  std::vector<std::string> names;
  for (const auto& c : command_list()) names.push_back(c.name);
  names.push_back("--help");
  names.push_back("--version");
  auto near = closest_match(name, names);
  return near ? "did you mean '" + *near + "'?" : "run 'povo --help' for the list";
}

// --jobs: a whole number of threads from 1 to 256, or "auto" (one per processor).
std::optional<unsigned> parse_jobs(const std::string& text) {
  if (text == "auto") return 0u;
  if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const unsigned n = static_cast<unsigned>(std::stoul(text));
  if (n < 1 || n > 256) return std::nullopt;
  return n;
}

int dispatch(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    print_help(err);
    return exit_usage;
  }
  const std::string command = args[0];
  if (command == "--help" || command == "-h") {
    print_help(out);
    return exit_ok;
  }
  if (command == "--version") {
    out << "povo " << version_string << " (plugin API " << api_version_major << "." << api_version_minor << ")\n";
    return exit_ok;
  }
  const CommandInfo* info = find_command(command);
  if (!info) return usage_error("unknown command '" + command + "'", unknown_command_hint(command), err);

  if (command == "help") {
    if (args.size() == 1) {
      print_help(out);
      return exit_ok;
    }
    if (args[1] == "config") return command_help_config({args.begin() + 2, args.end()}, out, err);
    if (find_command(args[1]) && args.size() == 2) return dispatch({args[1], "--help"}, out, err);
    return usage_error("no help on '" + args[1] + "'", "write 'povo help COMMAND' or 'povo help config'", err);
  }

  CommonOptions common;
  po::options_description options("Options of 'povo " + command + "'");
  po::options_description shared = common_options(common);
  std::vector<std::string> positional;
  DataFilter filter;
  std::string table = "values";
  std::string board;
  int year = 0;
  std::string demo_out;
  RunOptions run;
  ValidateOptions validate;
  std::string jobs = "1";
  std::vector<std::string> boards_files;
  std::uint64_t seed = 2026;
  if (command == "validate") {
    options.add_options()("data", po::bool_switch(&validate.data),
                          "also load the data and run the checks that need it (report year, board filters, peer "
                          "groups, coverage); exit 1 on data errors");
  }
  if (command == "data") {
    options.add_options()("board", po::value<std::string>(&board)->value_name("N"), "only this board")(
        "year", po::value<int>(&year)->value_name("Y"), "only this year")(
        "table", po::value<std::string>(&table)->value_name("NAME"),
        "values (default): measures and indicators per entity and year; peers: each board's comparison "
        "groups; stats: the statistics per indicator, group and year, withheld as in the reports");
  }
  if (command == "run") {
    options.add_options()(
        "report", po::value<std::vector<std::string>>(&run.reports)->composing()->value_name("ID"),
        "make only this report of the job (repeatable); with --board, only its board reports")(
        "board", po::value<std::vector<std::string>>(&run.boards)->composing()->value_name("N"),
        "make the board reports of this board only (repeatable); sector reports are then made only when "
        "named with --report")(
        "boards-file", po::value<std::vector<std::string>>(&boards_files)->composing()->value_name("F"),
        "board numbers, one per line ('#' starts a comment), as if each were given with --board")(
        "jobs,j", po::value<std::string>(&jobs)->value_name("N"),
        "render on N threads, 1 to 256, or 'auto' for one per processor (default 1)")(
        "dry-run,n", po::bool_switch(&run.dry_run),
        "analyse the data and list on stdout the files that would be written (with --resume: which would be "
        "reused); write nothing")(
        "resume", po::bool_switch(&run.resume),
        "keep the reports a previous run into the same folder finished, when the configuration, every data "
        "file's sha256 and the povo and plugin versions are the same; make the rest")(
        "out", po::value<std::string>(&run.out_dir)->value_name("DIR"),
        "write to DIR (relative to the working directory) instead of output.dir");
  }
  if (command == "demo-data") {
    options.add_options()("out", po::value<std::string>(&demo_out)->value_name("DIR"), "output folder (required)")(
        "seed", po::value<std::uint64_t>(&seed)->value_name("N"), "random seed (default 2026)");
  }
  if (command != "plugins" && command != "demo-data") options.add(shared);
  else options.add_options()("help,h", "show this help");
  if (command == "plugins") {
    options.add_options()("plugin-path", po::value<std::vector<std::string>>(&common.plugin_paths)->composing()->value_name("DIR"),
                          "look for plugins in DIR first (repeatable)")(
        "strict", po::bool_switch(&common.strict), "exit 1 when any file is rejected");
  }
  po::options_description hidden;
  hidden.add_options()("positional", po::value<std::vector<std::string>>(&positional), "arguments");
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description pos;
  pos.add("positional", -1);
  po::variables_map vm;
  try {
    std::vector<std::string> rest(args.begin() + 1, args.end());
    po::store(po::command_line_parser(rest).options(all).positional(pos).run(), vm);
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
    out << "Usage: " << info->usage << "\n\n" << info->summary << ".\n\n" << info->details << "\n\n" << options << "\n"
        << exit_codes_text;
    return exit_ok;
  }

  if (command == "demo-data") {
    if (!positional.empty()) return usage_error("'povo demo-data' takes no arguments besides --out and --seed", "", err);
    if (demo_out.empty()) return usage_error("'povo demo-data' needs --out DIR", "e.g. povo demo-data --out out/demo-data", err);
    return command_demo_data(demo_out, seed, out, err);
  }
  if (command == "plugins") {
    if (!positional.empty()) return usage_error("'povo plugins' takes no arguments", "", err);
    return command_plugins(common, out, err);
  }
  if (positional.size() != 1) {
    return usage_error("'povo " + command + "' needs exactly one CONFIG file", std::string("usage: ") + info->usage, err);
  }
  if (command == "validate") return command_validate(positional[0], validate, common, out, err);
  if (command == "data") {
    if (vm.count("board")) filter.board = board;
    if (vm.count("year")) filter.year = year;
    if (table == "values") filter.table = DataTable::values;
    else if (table == "peers") filter.table = DataTable::peers;
    else if (table == "stats") filter.table = DataTable::stats;
    else {
      auto near = closest_match(table, {"values", "peers", "stats"});
      return usage_error("unknown table '" + table + "'", near ? "did you mean '" + *near + "'?" : "use values, peers or stats", err);
    }
    return command_data(positional[0], filter, common, out, err);
  }
  if (command == "run") {
    const auto n = parse_jobs(jobs);
    if (!n) return usage_error("--jobs " + jobs + ": expected a number of threads from 1 to 256, or 'auto'", "e.g. --jobs 4", err);
    run.jobs = *n;
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
    for (const auto& b : run.boards) {
      if (b.empty() || b.find_first_not_of("0123456789") != std::string::npos) {
        return usage_error("'" + b + "' is not a board number", "a board number has digits only, e.g. --board 25244", err);
      }
    }
    return command_run(positional[0], run, common, out, err);
  }
  return usage_error("command '" + command + "' is not available", "", err);
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  // The outermost handler: nothing that escapes a command aborts the process.
  try {
    return dispatch(args, out, err);
  } catch (const Error& e) {
    err << e.diagnostic().str() << '\n';
    return exit_run_errors;
  } catch (const std::bad_alloc&) {
    err << "povo: error: out of memory\n";
    return exit_run_errors;
  } catch (const std::exception& e) {
    err << "povo: error: " << e.what() << " (this is a bug in povo; please report it with the command you ran)\n";
    return exit_run_errors;
  } catch (...) {
    err << "povo: error: an unknown exception escaped (this is a bug in povo or a plugin)\n";
    return exit_run_errors;
  }
}

}  // namespace povo::cli
