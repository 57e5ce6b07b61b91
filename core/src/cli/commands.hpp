// One function per subcommand. Each returns an exit code (cli/exit_codes.hpp).
#pragma once

#include "cli/job.hpp"

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

namespace povo::cli {

int command_plugins(const CommonOptions& options, std::ostream& out, std::ostream& err);
int command_validate(const std::string& config, const CommonOptions& options, std::ostream& out, std::ostream& err);

struct DataFilter {
  std::optional<std::string> board;  ///< --board N
  std::optional<int> year;           ///< --year Y
  std::string table = "values";      ///< --table values|peers|stats
};
int command_demo_data(const std::string& out_dir, std::uint64_t seed, std::ostream& out, std::ostream& err);

int command_data(const std::string& config, const DataFilter& filter, const CommonOptions& options,
                 std::ostream& out, std::ostream& err);

}  // namespace povo::cli
