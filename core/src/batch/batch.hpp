// A generic batch runner: renders items on `jobs` worker threads and writes each result
// atomically to out_dir under a safe, unique name, with a deterministic manifest.
// It knows nothing about reports; the report stage hands it items.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace povo::batch {

/// What an item's render function returns.
struct Rendered {
  std::vector<std::uint8_t> bytes;
  int pages = 0;
  std::vector<std::string> warnings;
};

struct Item {
  std::string id;         ///< e.g. board number "10001" or "sector-po"
  std::string title;      ///< e.g. the board's name, for progress and the manifest
  std::string file_stem;  ///< wanted file name without extension; made safe and unique (empty: the id)
  std::function<Rendered()> render;  ///< may throw; called on a worker thread
};

struct Options {
  std::string out_dir;
  unsigned jobs = 1;           ///< worker threads; 0 = one per hardware thread
  bool dry_run = false;        ///< render nothing, write nothing; list the files to `listing` (or `progress`)
  /// Reuse files whose sha256 matches an existing manifest with the same metadata. The
  /// metadata must name everything a report depends on (configuration, data digests,
  /// povo and plugin versions): a file is reused only when all of it matches.
  bool resume = false;
  std::ostream* listing = nullptr;  ///< where a dry run lists the files (stdout); null: `progress`
  bool progress_bar = false;   ///< true when stderr is a terminal: one line redrawn with '\r'
  std::string extension = ".pdf";
  std::string manifest_name = "manifest.json";
  /// Run metadata copied into the manifest ("povo" version, config hash, ...), in this order.
  std::vector<std::pair<std::string, std::string>> metadata;
  /// Warnings about the whole run (data quality, coverage), listed in the manifest.
  std::vector<std::string> run_warnings;
};

enum class Status {
  ok,       ///< rendered and written
  reused,   ///< resume: the existing file matched the manifest; manifest says "ok", "reused": true
  failed,   ///< render threw or the file could not be written; see error
  not_run,  ///< interrupted before it started, or dry run
};
std::string_view status_name(Status s);  ///< "ok", "ok (reused)", "failed", "not run"

struct ItemResult {
  std::string id, title;
  std::string file;  ///< file name inside out_dir (stem + extension)
  Status status = Status::not_run;
  std::string error;   ///< for failed items
  std::string sha256;  ///< lowercase hex of the file's bytes
  int pages = 0;
  std::size_t bytes = 0;
  std::vector<std::string> warnings;
  bool ok() const { return status == Status::ok || status == Status::reused; }
};

struct Summary {
  std::vector<ItemResult> items;  ///< in item order
  std::size_t failed = 0;         ///< items with Status::failed
  std::size_t reused = 0;
  std::size_t not_run = 0;
  std::size_t pages = 0;          ///< of ok and reused items
  double seconds = 0;             ///< wall time (printed, never in the manifest)
  bool interrupted = false;       ///< SIGINT/SIGTERM stopped the run; the rest is "not run"
  /// Batch-level problem: out_dir unusable (then every item is failed) or the manifest
  /// could not be written. Empty when fine.
  std::string error;
  bool ok() const { return failed == 0 && !interrupted && error.empty(); }
};

/// Runs the batch. Never throws for item problems; see Summary. Installs SIGINT/SIGTERM
/// handlers for its duration only (restores the previous ones); a second signal kills
/// the process the default way. One batch runs at a time per process (serialised).
Summary run_batch(std::vector<Item> items, const Options& options, std::ostream& progress);

/// A file name stem safe for any board name: lowercase ASCII [a-z0-9-], Dutch/Latin
/// diacritics transliterated (ë→e, ĳ→ij, ß→ss), everything else '-', dashes collapsed
/// and trimmed, at most max_stem_bytes; never "", ".", ".." or a path separator.
inline constexpr std::size_t max_stem_bytes = 80;
std::string safe_file_stem(std::string_view text);

/// Makes safe stems unique in order: the 2nd, 3rd ... use of a stem gets "-2", "-3" ...
std::vector<std::string> unique_stems(const std::vector<std::string>& safe_stems);

}  // namespace povo::batch
