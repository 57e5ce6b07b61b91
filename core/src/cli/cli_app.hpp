// Command-line entry point: dispatches `povo <command> ...` to one command each.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace povo::cli {

/// Runs povo with the given arguments (without the program name) and returns the
/// exit code. Output goes to `out`, errors and warnings to `err`.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace povo::cli
