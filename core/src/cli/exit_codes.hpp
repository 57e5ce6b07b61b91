// povo's exit codes, documented in README.md, `povo --help` and the man page.
#pragma once

namespace povo::cli {
inline constexpr int exit_ok = 0;            ///< success
inline constexpr int exit_run_errors = 1;    ///< data or report errors (a source failed, a board report failed, data errors)
inline constexpr int exit_usage = 2;         ///< usage or configuration error: nothing was run
inline constexpr int exit_interrupted = 130; ///< stopped by Ctrl-C (SIGINT) or SIGTERM; complete files and a manifest remain
}  // namespace povo::cli
