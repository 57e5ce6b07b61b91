// One function per subcommand. Each returns an exit code (cli/exit_codes.hpp).
#pragma once

#include "cli/job.hpp"

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace povo::cli {

int command_plugins(const CommonOptions& options, std::ostream& out, std::ostream& err);

struct ValidateOptions {
  bool data = false;  ///< --data: also load the data and run the checks that need it
};
int command_validate(const std::string& config, const ValidateOptions& validate, const CommonOptions& options,
                     std::ostream& out, std::ostream& err);

enum class DataTable { values, peers, stats };
struct DataFilter {
  std::optional<std::string> board;  ///< --board N
  std::optional<int> year;           ///< --year Y
  DataTable table = DataTable::values;
};
int command_data(const std::string& config, const DataFilter& filter, const CommonOptions& options,
                 std::ostream& out, std::ostream& err);

struct RunOptions {
  std::vector<std::string> boards;   ///< --board N (repeatable) and the lines of --boards-file
  std::vector<std::string> reports;  ///< --report ID (repeatable)
  unsigned jobs = 1;                 ///< --jobs N
  bool dry_run = false;              ///< --dry-run
  bool resume = false;               ///< --resume: keep reports a previous run finished
  std::string out_dir;               ///< --out DIR (default: output.dir of the config)
};
int command_run(const std::string& config, const RunOptions& run, const CommonOptions& options, std::ostream& out,
                std::ostream& err);

int command_demo_data(const std::string& out_dir, std::uint64_t seed, std::ostream& out, std::ostream& err);

/// `povo help config [TOPIC]`: the configuration reference, generated from the schema.
int command_help_config(const std::vector<std::string>& topic, std::ostream& out, std::ostream& err);

}  // namespace povo::cli
