#include "batch/batch.hpp"

#include "batch/atomic_file.hpp"
#include "batch/manifest.hpp"
#include "digest/sha256.hpp"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <sstream>
#include <system_error>
#include <thread>

#include <unistd.h>

namespace povo::batch {

std::string_view status_name(Status s) {
  switch (s) {
    case Status::ok: return "ok";
    case Status::reused: return "ok (reused)";
    case Status::failed: return "failed";
    case Status::not_run: return "not run";
  }
  return "not run";
}

namespace {

namespace fs = std::filesystem;
using detail::join_path;

// ---- signals ---------------------------------------------------------------------------

std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "the signal flag must be lock-free");

extern "C" void on_stop_signal(int sig) {
  if (g_signal.exchange(sig) != 0) {  // second signal: stop the hard way
    std::signal(sig, SIG_DFL);
    std::raise(sig);
  }
}

// Installs the handlers for SIGINT and SIGTERM; restores the previous ones on destruction.
class SignalScope {
 public:
  SignalScope() {
    g_signal.store(0);
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &sa, &old_int_);
    ::sigaction(SIGTERM, &sa, &old_term_);
  }
  ~SignalScope() {
    ::sigaction(SIGINT, &old_int_, nullptr);
    ::sigaction(SIGTERM, &old_term_, nullptr);
  }
  SignalScope(const SignalScope&) = delete;
  SignalScope& operator=(const SignalScope&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

std::mutex g_one_batch;  // the handlers and flag are process-wide

// ---- helpers -------------------------------------------------------------------------------


// sha256 of a file's contents, or "" if it cannot be read.
std::string file_sha256(const std::string& path, std::size_t& size) {
  return digest::file_sha256(path, &size).value_or("");
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

// Everything the workers share; all of it guarded by `mu` except `next`.
struct Run {
  const Options& options;
  std::vector<Item>& items;
  std::ostream& progress;
  std::vector<ItemResult> results;
  std::map<std::string, ItemResult> reusable;  // by file name, from the old manifest
  std::atomic<std::size_t> next{0};
  std::mutex mu;
  std::size_t finished = 0;
  std::size_t bar_width = 0;  // length of the last progress bar drawn
  bool announced_stop = false;
  std::string manifest_error;
  std::chrono::steady_clock::time_point last_manifest{};

  Run(const Options& o, std::vector<Item>& i, std::ostream& p) : options(o), items(i), progress(p) {}

  void write_manifest(bool complete, bool sync) {
    const std::string text = detail::manifest_json(options.metadata, results, complete, options.run_warnings);
    try {
      detail::write_file_atomically(options.out_dir, options.manifest_name, text.data(), text.size(), sync);
      manifest_error.clear();
    } catch (const std::exception& e) {
      if (manifest_error.empty()) progress << (bar_width ? "\n" : "") << "cannot write manifest: " << e.what() << "\n";
      bar_width = 0;
      manifest_error = e.what();
    }
  }

  void draw_bar(const ItemResult& last) {
    constexpr std::size_t width = 30;
    const std::size_t total = results.size();
    const std::size_t filled = total ? finished * width / total : width;
    std::string line = "\r[";
    for (std::size_t k = 0; k < width; ++k) line += k < filled ? '=' : k == filled ? '>' : ' ';
    line += "] " + std::to_string(finished) + "/" + std::to_string(total) + "  ";
    // Stay within 79 columns: a wrapped line cannot be redrawn with '\r'.
    constexpr std::size_t max_visible = 79;
    const std::size_t room = max_visible > line.size() - 1 ? max_visible - (line.size() - 1) : 0;
    line += last.file.size() <= room ? last.file : last.file.substr(0, room > 3 ? room - 3 : 0) + "...";
    std::size_t visible = line.size() - 1;
    if (visible < bar_width) line.append(bar_width - visible, ' ');  // clear a longer previous line
    bar_width = visible;
    progress << line << std::flush;
  }

  // Called by a worker with the item's result; reports progress and rewrites the manifest.
  void finish(std::size_t index, ItemResult r) {
    std::lock_guard lock(mu);
    ++finished;
    results[index] = std::move(r);
    const ItemResult& res = results[index];
    const std::string count = "[" + std::to_string(finished) + "/" + std::to_string(results.size()) + "] ";
    if (res.status == Status::failed) {
      std::string line = count + "FAILED " + res.id + " " + one_line(res.title) + ": " + one_line(res.error);
      if (options.progress_bar) {
        if (line.size() < bar_width) line.append(bar_width - line.size(), ' ');
        progress << '\r' << line << "\n";
        bar_width = 0;
      } else {
        progress << line << "\n";
      }
    }
    if (options.progress_bar) {
      draw_bar(res);
    } else if (res.status != Status::failed) {
      progress << count << status_name(res.status) << " " << res.file << " (" << res.pages
               << (res.pages == 1 ? " page" : " pages");
      if (!res.warnings.empty())
        progress << ", " << res.warnings.size() << (res.warnings.size() == 1 ? " warning" : " warnings");
      progress << ")\n";
    }
    // Intermediate manifests are renamed atomically but not fsynced, and written at most
    // once a second: rewriting the growing file after each of 1,200 items, under this
    // lock, made the run quadratic and kept the second worker waiting. The final
    // manifest (also after a signal) is always written and fsynced.
    const auto now = std::chrono::steady_clock::now();
    if (now - last_manifest >= std::chrono::seconds(1)) {
      write_manifest(false, false);
      last_manifest = now;
    }
  }

  void note_stop() {
    std::lock_guard lock(mu);
    if (announced_stop) return;
    announced_stop = true;
    progress << (bar_width ? "\n" : "") << (g_signal.load() == SIGTERM ? "SIGTERM" : "SIGINT")
             << ": taking no new items; finishing the ones in progress\n";
    bar_width = 0;
  }

  ItemResult process(std::size_t index) {
    Item& item = items[index];
    ItemResult r = results[index];  // id, title, file already set; only this worker touches it now
    r.status = Status::failed;
    const std::string path = join_path(options.out_dir, r.file);
    if (auto it = reusable.find(r.file); it != reusable.end() && it->second.id == r.id) {
      std::size_t size = 0;
      if (file_sha256(path, size) == it->second.sha256) {
        r.status = Status::reused;
        r.sha256 = it->second.sha256;
        r.pages = it->second.pages;
        r.bytes = size;
        r.warnings = it->second.warnings;
        return r;
      }
    }
    Rendered out;
    try {
      if (!item.render) throw std::runtime_error("no render function");
      out = item.render();
    } catch (const std::exception& e) {
      r.error = e.what();
      return r;
    } catch (...) {
      r.error = "unknown exception";
      return r;
    }
    item.render = nullptr;  // free whatever the closure holds
    r.pages = out.pages;
    r.warnings = std::move(out.warnings);
    if (out.bytes.empty()) {
      r.error = "render produced no bytes";
      return r;
    }
    try {
      detail::write_file_atomically(options.out_dir, r.file, out.bytes.data(), out.bytes.size());
    } catch (const std::exception& e) {
      r.error = e.what();
      return r;
    }
    r.sha256 = digest::sha256_hex(out.bytes.data(), out.bytes.size());
    r.bytes = out.bytes.size();
    r.status = Status::ok;
    return r;
  }

  void worker() {
    while (true) {
      if (g_signal.load() != 0) {
        note_stop();
        return;
      }
      const std::size_t index = next.fetch_add(1);
      if (index >= items.size()) return;
      ItemResult r;
      try {
        r = process(index);
      } catch (const std::exception& e) {  // e.g. bad_alloc outside render
        r = results[index];
        r.status = Status::failed;
        r.error = e.what();
      }
      finish(index, std::move(r));
    }
  }
};

// Reads the previous manifest for --resume: the ok entries by file name, if its metadata
// equals this run's (another config or povo version must not reuse old files).
std::map<std::string, ItemResult> load_reusable(const Options& options, std::ostream& progress) {
  std::map<std::string, ItemResult> out;
  const std::string path = join_path(options.out_dir, options.manifest_name);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    progress << "resume: no manifest " << path << "; rendering everything\n";
    return out;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  detail::ParsedManifest old;
  try {
    old = detail::parse_manifest(text);
  } catch (const std::exception& e) {
    progress << "resume: cannot read " << path << ": " << e.what() << "; rendering everything\n";
    return out;
  }
  if (old.metadata != options.metadata) {
    std::string key;
    for (const auto& [k, v] : options.metadata) {
      bool same = false;
      for (const auto& [ok, ov] : old.metadata) same = same || (ok == k && ov == v);
      if (!same) { key = k; break; }
    }
    progress << "resume: " << path << " is from a different run"
             << (key.empty() ? std::string() : " (" + key + " differs)") << "; rendering everything\n";
    return out;
  }
  for (auto& r : old.items)
    if (r.ok() && !r.sha256.empty()) out.emplace(r.file, std::move(r));
  return out;
}

}  // namespace

Summary run_batch(std::vector<Item> items, const Options& options, std::ostream& progress) {
  const auto start = std::chrono::steady_clock::now();
  std::lock_guard one_batch(g_one_batch);
  Run run(options, items, progress);

  // Safe, unique file names, in item order.
  std::vector<std::string> stems;
  stems.reserve(items.size());
  for (const Item& item : items) stems.push_back(safe_file_stem(item.file_stem.empty() ? item.id : item.file_stem));
  stems = unique_stems(stems);
  run.results.resize(items.size());
  for (std::size_t k = 0; k < items.size(); ++k) {
    run.results[k].id = items[k].id;
    run.results[k].title = items[k].title;
    run.results[k].file = stems[k] + options.extension;
  }

  Summary summary;
  auto finish_summary = [&] {
    summary.items = std::move(run.results);
    for (const ItemResult& r : summary.items) {
      if (r.status == Status::failed) ++summary.failed;
      if (r.status == Status::reused) ++summary.reused;
      if (r.status == Status::not_run) ++summary.not_run;
      if (r.ok()) summary.pages += static_cast<std::size_t>(std::max(0, r.pages));
    }
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };

  if (options.dry_run) {
    // The real plan, with --resume applied: which files would be reused and which made.
    std::ostream& list = options.listing ? *options.listing : progress;
    if (options.resume) run.reusable = load_reusable(options, progress);
    std::size_t reuse = 0;
    std::vector<bool> reused(run.results.size(), false);
    for (std::size_t k = 0; k < run.results.size(); ++k) {
      const ItemResult& r = run.results[k];
      auto it = run.reusable.find(r.file);
      std::size_t size = 0;
      reused[k] = it != run.reusable.end() && it->second.id == r.id &&
                  file_sha256(join_path(options.out_dir, r.file), size) == it->second.sha256;
      reuse += reused[k];
    }
    list << "dry run: " << items.size() - reuse << (items.size() - reuse == 1 ? " file" : " files")
         << " would be written to " << options.out_dir;
    if (options.resume) list << ", " << reuse << " reused";
    list << "\n";
    for (std::size_t k = 0; k < run.results.size(); ++k) {
      const ItemResult& r = run.results[k];
      list << (options.resume ? (reused[k] ? "  reuse " : "  make  ") : "  ") << r.file << "  " << r.id << "  "
           << one_line(r.title) << "\n";
    }
    finish_summary();
    return summary;
  }

  // The output directory: created if missing, and writable, or the whole batch fails.
  std::string dir_problem;
  if (options.out_dir.empty()) {
    dir_problem = "no output directory given";
  } else {
    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
    if (ec) {
      dir_problem = "cannot create output directory " + options.out_dir + ": " + ec.message();
    } else if (!fs::is_directory(options.out_dir, ec)) {
      dir_problem = "output directory " + options.out_dir + " is not a directory";
    } else if (::access(options.out_dir.c_str(), W_OK | X_OK) != 0) {
      dir_problem = "cannot write to output directory " + options.out_dir + ": " + std::strerror(errno);
    }
  }
  if (!dir_problem.empty()) {
    progress << "error: " << dir_problem << "\n";
    for (ItemResult& r : run.results) {
      r.status = Status::failed;
      r.error = dir_problem;
    }
    finish_summary();
    summary.error = dir_problem;
    return summary;
  }

  if (options.resume) run.reusable = load_reusable(options, progress);

  {
    SignalScope signals;
    unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    if (jobs > items.size()) jobs = static_cast<unsigned>(std::max<std::size_t>(1, items.size()));
    std::vector<std::thread> threads;
    threads.reserve(jobs);
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back([&run] { run.worker(); });
    for (std::thread& t : threads) t.join();
    summary.interrupted = g_signal.load() != 0 && run.finished < items.size();
    // Final manifest (fsynced) before the handlers go, so a second signal cannot cut it.
    run.write_manifest(!summary.interrupted, true);
    detail::sync_directory(options.out_dir);
  }
  if (options.progress_bar && run.bar_width) progress << "\n";

  const std::string manifest_error = run.manifest_error;
  const std::string manifest_path = join_path(options.out_dir, options.manifest_name);
  finish_summary();
  if (!manifest_error.empty()) summary.error = "cannot write manifest: " + manifest_error;

  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f", summary.seconds);
  progress << (summary.interrupted ? "interrupted: " : "done: ") << summary.items.size() - summary.failed - summary.not_run
           << " ok";
  if (summary.reused) progress << " (" << summary.reused << " reused)";
  progress << ", " << summary.failed << " failed";
  if (summary.not_run) progress << ", " << summary.not_run << " not run";
  progress << "; " << summary.pages << " pages in " << seconds << " s; manifest "
           << (manifest_error.empty() ? manifest_path : "NOT written") << "\n";
  return summary;
}

}  // namespace povo::batch
