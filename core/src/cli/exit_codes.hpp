// povo's exit codes, documented in README.md and `povo --help`.
#pragma once

namespace povo::cli {
inline constexpr int exit_ok = 0;          ///< success
inline constexpr int exit_run_errors = 1;  ///< the run had errors (a board failed, a plugin was rejected under --strict, ...)
inline constexpr int exit_usage = 2;       ///< usage or configuration error: nothing was run
}  // namespace povo::cli
