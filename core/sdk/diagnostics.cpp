#include <povo/diagnostics.hpp>

namespace povo {

std::string SourceLocation::str() const {
  std::string s = file;
  if (line > 0) {
    s += ':' + std::to_string(line);
    if (column > 0) s += ':' + std::to_string(column);
  }
  return s;
}

std::string Diagnostic::str() const {
  std::string s;
  if (location.known()) {
    s = location.str() + ": ";
  }
  switch (severity) {
    case Severity::note: s += "note: "; break;
    case Severity::warning: s += "warning: "; break;
    case Severity::error: s += "error: "; break;
  }
  if (!key_path.empty() && message.find(key_path) == std::string::npos) {
    s += key_path + ": ";
  }
  s += message;
  if (!hint.empty()) s += " (" + hint + ")";
  return s;
}

Error::Error(Diagnostic d) : std::runtime_error(d.str()), diag_(std::move(d)) {}

namespace {
Diagnostic make(std::string message, SourceLocation where, std::string hint) {
  Diagnostic d;
  d.message = std::move(message);
  d.location = std::move(where);
  d.hint = std::move(hint);
  return d;
}
}  // namespace

Error::Error(std::string message, SourceLocation where, std::string hint)
    : Error(make(std::move(message), std::move(where), std::move(hint))) {}

Error::~Error() = default;

Status Status::failure(Diagnostic d) {
  Status s;
  s.ok_ = false;
  d.severity = Severity::error;
  s.error_ = std::move(d);
  return s;
}

DiagnosticSink::~DiagnosticSink() = default;

void DiagnosticSink::warning(std::string message, SourceLocation where, std::string hint) noexcept {
  try {
    Diagnostic d = make(std::move(message), std::move(where), std::move(hint));
    d.severity = Severity::warning;
    report(std::move(d));
  } catch (...) {
  }
}

void DiagnosticSink::error(std::string message, SourceLocation where, std::string hint) noexcept {
  try {
    report(make(std::move(message), std::move(where), std::move(hint)));
  } catch (...) {
  }
}

}  // namespace povo
