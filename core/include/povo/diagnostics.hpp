// Errors and warnings that name where they come from and how to fix them.
#pragma once

#include <povo/export.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace povo {

/// A place in an input: a config file, a data file, or the command line.
/// line and column are 1-based; 0 means unknown.
struct POVO_SDK_API SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  bool known() const { return !file.empty(); }
  /// "file:line:column", "file:line" or "file", as far as known.
  std::string str() const;
};

enum class Severity { note, warning, error };

/// One message for a person: what went wrong, where, and what to do about it.
struct POVO_SDK_API Diagnostic {
  Severity severity = Severity::error;
  std::string message;     ///< what is wrong, e.g. "unknown key 'indicatorz'"
  SourceLocation location; ///< where, as precisely as known
  std::string key_path;    ///< config key path, e.g. "sources[0].options.file"
  std::string hint;        ///< a suggestion, e.g. "did you mean 'indicators'?"
  /// How many occurrences this message stands for: 1 for a single problem; a summary
  /// such as "83,000 more 'not a number' problems not shown" carries 83,000, so totals
  /// count problems, not lines.
  std::size_t count = 1;

  /// "file:line:col: error: message (hint)" with the key path when there is no location.
  std::string str() const;
};

/// The exception type for user-facing errors. Plugins may throw it (or any
/// std::exception) inside povo::guard; it never crosses the plugin boundary.
class POVO_SDK_API Error : public std::runtime_error {
 public:
  explicit Error(Diagnostic d);
  Error(std::string message, SourceLocation where = {}, std::string hint = {});
  ~Error() override;
  const Diagnostic& diagnostic() const noexcept { return diag_; }

 private:
  Diagnostic diag_;
};

/// The result of a call across the plugin boundary: success, or one error.
class POVO_SDK_API Status {
 public:
  static Status ok() { return Status(); }
  static Status failure(Diagnostic d);
  bool is_ok() const noexcept { return ok_; }
  explicit operator bool() const noexcept { return ok_; }
  const Diagnostic& error() const noexcept { return error_; }

 private:
  bool ok_ = true;
  Diagnostic error_;
};

/// Where plugins report data-quality warnings while they work. The core collects
/// them into the run's data-quality summary; with --strict, errors are fatal.
class POVO_SDK_API DiagnosticSink {
 public:
  virtual ~DiagnosticSink();
  virtual void report(Diagnostic d) noexcept = 0;
  void warning(std::string message, SourceLocation where = {}, std::string hint = {}) noexcept;
  void error(std::string message, SourceLocation where = {}, std::string hint = {}) noexcept;
};

/// Runs f and turns any exception into a failed Status. Defined inline so that it is
/// compiled into the plugin: exceptions are caught on the side that threw them.
template <class F>
Status guard(F&& f) noexcept {
  try {
    f();
    return Status::ok();
  } catch (const Error& e) {
    return Status::failure(e.diagnostic());
  } catch (const std::exception& e) {
    Diagnostic d;
    d.message = e.what();
    return Status::failure(std::move(d));
  } catch (...) {
    Diagnostic d;
    d.message = "unknown exception (not derived from std::exception)";
    return Status::failure(std::move(d));
  }
}

}  // namespace povo
