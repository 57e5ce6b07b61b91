#include "batch/batch.hpp"
#include "batch/manifest.hpp"
#include "digest/sha256.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace povo::batch;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string sha_hex(const std::string& s) {
  povo::digest::Sha256 h;
  h.update(s);
  std::string out;
  for (auto b : h.finish()) {
    static constexpr char hex[] = "0123456789abcdef";
    out += hex[b >> 4];
    out += hex[b & 0xF];
  }
  return out;
}

std::set<std::string> listing(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

Rendered fake(const std::string& text, int pages = 1) {
  return Rendered{std::vector<std::uint8_t>(text.begin(), text.end()), pages, {}};
}

std::string content_of(int k) { return "%PDF-fake item " + std::to_string(k) + "\n"; }

// n items "1000k" / "Stichting k" / "bestuur-1000k"; render sleeps a little, unevenly,
// so completion order differs from item order.
std::vector<Item> fake_items(int n, std::atomic<int>* calls = nullptr) {
  std::vector<Item> items;
  for (int k = 0; k < n; ++k) {
    items.push_back(Item{std::to_string(10000 + k), "Stichting " + std::to_string(k),
                         "bestuur-" + std::to_string(10000 + k), [k, calls] {
                           if (calls) ++*calls;
                           std::this_thread::sleep_for(std::chrono::milliseconds((k * 7) % 5));
                           return fake(content_of(k), 1 + k % 3);
                         }});
  }
  return items;
}

detail::ParsedManifest manifest_of(const fs::path& dir) {
  return detail::parse_manifest(read_file(dir / "manifest.json"));
}

class BatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "povo-batch-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
    out_ = root_ / "out";
    options_.out_dir = out_.string();
    options_.metadata = {{"povo", "0.1.0"}, {"config_sha256", "abc"}};
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(root_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(root_, ec);
  }
  fs::path root_, out_;
  Options options_;
  std::ostringstream log_;
};

bool running_as_root() { return ::geteuid() == 0; }

}  // namespace

TEST_F(BatchTest, ParallelRunWritesEveryFileAndManifestInItemOrder) {
  std::mutex mu;
  std::set<std::thread::id> threads;
  std::atomic<int> active{0}, max_active{0};
  std::vector<Item> items;
  for (int k = 0; k < 50; ++k) {
    items.push_back(Item{std::to_string(10000 + k), "Stichting " + std::to_string(k), "bestuur-" + std::to_string(10000 + k),
                         [&, k] {
                           int now = ++active;
                           int seen = max_active.load();
                           while (now > seen && !max_active.compare_exchange_weak(seen, now)) {}
                           {
                             std::lock_guard lock(mu);
                             threads.insert(std::this_thread::get_id());
                           }
                           std::this_thread::sleep_for(std::chrono::milliseconds((k * 7) % 5));
                           --active;
                           return fake(content_of(k), 1 + k % 3);
                         }});
  }
  options_.jobs = 2;
  Summary s = run_batch(std::move(items), options_, log_);

  EXPECT_EQ(s.failed, 0u);
  EXPECT_FALSE(s.interrupted);
  EXPECT_TRUE(s.ok()) << s.error;
  EXPECT_LE(max_active.load(), 2);
  EXPECT_EQ(threads.size(), 2u);
  EXPECT_EQ(threads.count(std::this_thread::get_id()), 0u);  // rendered on workers
  ASSERT_EQ(s.items.size(), 50u);
  std::size_t pages = 0;
  for (int k = 0; k < 50; ++k) {
    const ItemResult& r = s.items[static_cast<std::size_t>(k)];
    EXPECT_EQ(r.id, std::to_string(10000 + k));
    EXPECT_EQ(r.file, "bestuur-" + std::to_string(10000 + k) + ".pdf");
    EXPECT_EQ(r.status, Status::ok);
    EXPECT_EQ(read_file(out_ / r.file), content_of(k));
    EXPECT_EQ(r.sha256, sha_hex(content_of(k)));
    EXPECT_EQ(r.bytes, content_of(k).size());
    pages += static_cast<std::size_t>(r.pages);
  }
  EXPECT_EQ(s.pages, pages);
  EXPECT_EQ(listing(out_).size(), 51u);  // 50 files + manifest, no temp files

  auto m = manifest_of(out_);
  EXPECT_TRUE(m.complete);
  EXPECT_EQ(m.metadata, options_.metadata);
  ASSERT_EQ(m.items.size(), 50u);
  for (int k = 0; k < 50; ++k) {
    EXPECT_EQ(m.items[static_cast<std::size_t>(k)].id, std::to_string(10000 + k));
    EXPECT_EQ(m.items[static_cast<std::size_t>(k)].sha256, sha_hex(content_of(k)));
    EXPECT_EQ(m.items[static_cast<std::size_t>(k)].status, Status::ok);
  }
  EXPECT_NE(log_.str().find("[50/50] ok "), std::string::npos) << log_.str();
  EXPECT_NE(log_.str().find("ok bestuur-10001.pdf (2 pages)"), std::string::npos) << log_.str();
  EXPECT_NE(log_.str().find("done: 50 ok, 0 failed;"), std::string::npos) << log_.str();
}

TEST_F(BatchTest, FailingItemsAreReportedAndTheRunGoesOn) {
  auto items = fake_items(10);
  items[3].render = []() -> Rendered { throw std::runtime_error("no data for board 10003"); };
  items[7].render = []() -> Rendered { throw 42; };
  items[8].render = [] { return Rendered{}; };  // no bytes is a failure too
  options_.jobs = 2;
  Summary s = run_batch(std::move(items), options_, log_);

  EXPECT_EQ(s.failed, 3u);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.items[3].status, Status::failed);
  EXPECT_EQ(s.items[3].error, "no data for board 10003");
  EXPECT_EQ(s.items[7].error, "unknown exception");
  EXPECT_EQ(s.items[8].error, "render produced no bytes");
  for (int k : {3, 7, 8}) EXPECT_FALSE(fs::exists(out_ / s.items[static_cast<std::size_t>(k)].file));
  for (int k : {0, 1, 2, 4, 5, 6, 9}) EXPECT_EQ(read_file(out_ / s.items[static_cast<std::size_t>(k)].file), content_of(k));
  EXPECT_NE(log_.str().find("] FAILED 10003 Stichting 3: no data for board 10003\n"), std::string::npos) << log_.str();

  auto m = manifest_of(out_);
  EXPECT_EQ(m.items[3].status, Status::failed);
  EXPECT_EQ(m.items[3].error, "no data for board 10003");
  EXPECT_EQ(m.items[4].status, Status::ok);
  EXPECT_NE(read_file(out_ / "manifest.json").find("\"status\": \"failed\""), std::string::npos);
}

TEST_F(BatchTest, UnsafeAndClashingNamesStayInsideOutDir) {
  std::vector<Item> items;
  items.push_back(Item{"1", "evil", "../../etc/passwd", [] { return fake("1"); }});
  items.push_back(Item{"2", "x", "Stichting X", [] { return fake("2"); }});
  items.push_back(Item{"3", "x", "STICHTING x", [] { return fake("3"); }});
  items.push_back(Item{"sector-po", "Sector PO", "", [] { return fake("4"); }});
  items.push_back(Item{"5", "dots", "..", [] { return fake("5"); }});
  items.push_back(Item{"6", "Coöperatie", "Coöperatie Ĳssel", [] { return fake("6"); }});
  Summary s = run_batch(std::move(items), options_, log_);
  ASSERT_EQ(s.failed, 0u) << log_.str();
  std::vector<std::string> files;
  for (const auto& r : s.items) files.push_back(r.file);
  EXPECT_EQ(files, (std::vector<std::string>{"etc-passwd.pdf", "stichting-x.pdf", "stichting-x-2.pdf", "sector-po.pdf",
                                             "unnamed.pdf", "cooperatie-ijssel.pdf"}));
  EXPECT_EQ(read_file(out_ / "stichting-x.pdf"), "2");
  EXPECT_EQ(read_file(out_ / "stichting-x-2.pdf"), "3");
  EXPECT_EQ(listing(root_), (std::set<std::string>{"out"}));  // nothing escaped out_dir
}

TEST_F(BatchTest, FailedRenderLeavesNoFileAndNoTempFile) {
  std::vector<Item> items;
  items.push_back(Item{"1", "a", "a", []() -> Rendered { throw std::runtime_error("halfway"); }});
  Summary s = run_batch(std::move(items), options_, log_);
  EXPECT_EQ(s.failed, 1u);
  EXPECT_EQ(listing(out_), (std::set<std::string>{"manifest.json"}));
}

TEST_F(BatchTest, WriteErrorLeavesOldFileAndNoTempAndNamesPathAndReason) {
  // A "disk full" stand-in: RLIMIT_FSIZE makes write() fail with EFBIG part way through.
  fs::create_directories(out_);
  { std::ofstream(out_ / "big.pdf") << "old version"; }
  std::vector<Item> items;
  items.push_back(Item{"1", "big", "big", [] { return fake(std::string(64 * 1024, 'x')); }});
  items.push_back(Item{"2", "small", "small", [] { return fake("small"); }});
  options_.jobs = 1;
  rlimit old{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
  auto old_xfsz = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = old;
  small.rlim_cur = 16 * 1024;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  Summary s = run_batch(std::move(items), options_, log_);
  ::setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, old_xfsz);

  ASSERT_EQ(s.failed, 1u) << log_.str();
  EXPECT_EQ(s.items[0].status, Status::failed);
  EXPECT_NE(s.items[0].error.find((out_ / "big.pdf").string()), std::string::npos) << s.items[0].error;
  EXPECT_NE(s.items[0].error.find("File too large"), std::string::npos) << s.items[0].error;
  EXPECT_EQ(read_file(out_ / "big.pdf"), "old version");
  EXPECT_EQ(s.items[1].status, Status::ok);
  EXPECT_EQ(listing(out_), (std::set<std::string>{"big.pdf", "small.pdf", "manifest.json"}));
}

TEST_F(BatchTest, OutDirThatCannotBeCreatedFailsTheWholeBatch) {
  { std::ofstream(root_ / "plain-file") << "x"; }
  options_.out_dir = (root_ / "plain-file" / "sub").string();
  std::atomic<int> calls{0};
  Summary s = run_batch(fake_items(3, &calls), options_, log_);
  EXPECT_EQ(calls.load(), 0);
  EXPECT_EQ(s.failed, 3u);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.error.find(options_.out_dir), std::string::npos) << s.error;
  EXPECT_NE(s.error.find("Not a directory"), std::string::npos) << s.error;
  EXPECT_EQ(s.items[0].error, s.error);
  EXPECT_NE(log_.str().find("error: cannot create output directory " + options_.out_dir), std::string::npos) << log_.str();
}

TEST_F(BatchTest, UnwritableOutDirIsAClearError) {
  if (running_as_root()) GTEST_SKIP() << "root writes through chmod 0500; see OutDirThatCannotBeCreated...";
  fs::create_directories(out_);
  fs::permissions(out_, fs::perms::owner_read | fs::perms::owner_exec);
  Summary s = run_batch(fake_items(2), options_, log_);
  fs::permissions(out_, fs::perms::owner_all);
  EXPECT_EQ(s.failed, 2u);
  EXPECT_NE(s.error.find(out_.string()), std::string::npos) << s.error;
  EXPECT_NE(s.error.find("Permission denied"), std::string::npos) << s.error;
}

TEST_F(BatchTest, ItemThatCannotBeWrittenNamesPathAndReason) {
  fs::create_directories(out_ / "bestuur-10001.pdf");  // a directory where the file should go
  Summary s = run_batch(fake_items(3), options_, log_);
  EXPECT_EQ(s.failed, 1u);
  EXPECT_NE(s.items[1].error.find((out_ / "bestuur-10001.pdf").string()), std::string::npos) << s.items[1].error;
  EXPECT_NE(s.items[1].error.find("Is a directory"), std::string::npos) << s.items[1].error;
  EXPECT_EQ(listing(out_), (std::set<std::string>{"bestuur-10000.pdf", "bestuur-10001.pdf", "bestuur-10002.pdf",
                                                  "manifest.json"}));
}

TEST_F(BatchTest, ManifestThatCannotBeWrittenIsReported) {
  fs::create_directories(out_ / "manifest.json");
  Summary s = run_batch(fake_items(2), options_, log_);
  EXPECT_EQ(s.failed, 0u);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.error.find("manifest.json"), std::string::npos) << s.error;
  EXPECT_NE(log_.str().find("cannot write manifest"), std::string::npos) << log_.str();
}

TEST_F(BatchTest, DryRunRendersAndWritesNothing) {
  std::atomic<int> calls{0};
  options_.dry_run = true;
  Summary s = run_batch(fake_items(3, &calls), options_, log_);
  EXPECT_EQ(calls.load(), 0);
  EXPECT_FALSE(fs::exists(out_));
  EXPECT_EQ(s.failed, 0u);
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.items[2].file, "bestuur-10002.pdf");
  EXPECT_EQ(s.items[2].status, Status::not_run);
  EXPECT_NE(log_.str().find("bestuur-10002.pdf  10002  Stichting 2\n"), std::string::npos) << log_.str();
  EXPECT_NE(log_.str().find("3 files would be written"), std::string::npos) << log_.str();
}

namespace {
std::atomic<int> outer_handler_calls{0};
extern "C" void outer_handler(int) { ++outer_handler_calls; }
}  // namespace

TEST_F(BatchTest, SignalStopsTakingItemsAndWritesManifestWithNotRun) {
  for (int sig : {SIGINT, SIGTERM}) {
    fs::remove_all(out_);
    log_.str("");
    auto previous = std::signal(sig, outer_handler);
    std::atomic<int> calls{0};
    auto items = fake_items(10, &calls);
    items[3].render = [sig, &calls] {
      ++calls;
      std::raise(sig);  // as if the user pressed Ctrl-C while item 3 renders
      return fake(content_of(3));
    };
    options_.jobs = 1;
    Summary s = run_batch(std::move(items), options_, log_);

    EXPECT_TRUE(s.interrupted);
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(calls.load(), 4);
    EXPECT_EQ(s.failed, 0u);
    EXPECT_EQ(s.not_run, 6u);
    for (int k = 0; k < 10; ++k)
      EXPECT_EQ(s.items[static_cast<std::size_t>(k)].status, k <= 3 ? Status::ok : Status::not_run) << k;
    auto m = manifest_of(out_);
    EXPECT_FALSE(m.complete);
    ASSERT_EQ(m.items.size(), 10u);
    for (int k = 0; k < 10; ++k)
      EXPECT_EQ(m.items[static_cast<std::size_t>(k)].status, k <= 3 ? Status::ok : Status::not_run) << k;
    EXPECT_NE(read_file(out_ / "manifest.json").find("\"status\": \"not run\""), std::string::npos);
    EXPECT_EQ(listing(out_).size(), 5u);  // 4 files + manifest, no temp files
    EXPECT_NE(log_.str().find("taking no new items"), std::string::npos) << log_.str();
    EXPECT_NE(log_.str().find("interrupted: 4 ok, 0 failed, 6 not run"), std::string::npos) << log_.str();

    // The previous handler is back.
    int before = outer_handler_calls.load();
    std::raise(sig);
    EXPECT_EQ(outer_handler_calls.load(), before + 1);
    std::signal(sig, previous);
  }
}

TEST_F(BatchTest, InterruptWithTwoJobsLeavesOnlyWholeFiles) {
  auto items = fake_items(40);
  items[5].render = [] {
    std::raise(SIGINT);
    return fake(content_of(5));
  };
  options_.jobs = 2;
  auto previous = std::signal(SIGINT, outer_handler);
  Summary s = run_batch(std::move(items), options_, log_);
  std::signal(SIGINT, previous);
  EXPECT_TRUE(s.interrupted);
  EXPECT_GT(s.not_run, 0u);
  auto m = manifest_of(out_);
  std::size_t ok = 0;
  for (std::size_t k = 0; k < m.items.size(); ++k) {
    if (m.items[k].status == Status::ok) {
      ++ok;
      EXPECT_EQ(read_file(out_ / m.items[k].file), content_of(static_cast<int>(k)));
    } else {
      EXPECT_FALSE(fs::exists(out_ / m.items[k].file));
    }
  }
  EXPECT_EQ(listing(out_).size(), ok + 1);
}

TEST_F(BatchTest, ResumeReusesFilesMatchingTheManifest) {
  // First run: interrupted after item 3.
  auto items = fake_items(10);
  items[3].render = [] {
    std::raise(SIGINT);
    return fake(content_of(3));
  };
  auto previous = std::signal(SIGINT, outer_handler);
  Summary first = run_batch(std::move(items), options_, log_);
  std::signal(SIGINT, previous);
  ASSERT_TRUE(first.interrupted);
  { std::ofstream(out_ / "bestuur-10001.pdf", std::ios::binary | std::ios::trunc) << "tampered"; }

  std::atomic<int> calls{0};
  options_.resume = true;
  Summary second = run_batch(fake_items(10, &calls), options_, log_);
  EXPECT_TRUE(second.ok()) << second.error;
  EXPECT_EQ(calls.load(), 7);  // 0, 2, 3 reused; 1 tampered, 4..9 never made
  EXPECT_EQ(second.reused, 3u);
  for (int k = 0; k < 10; ++k) {
    const auto& r = second.items[static_cast<std::size_t>(k)];
    EXPECT_EQ(r.status, (k == 0 || k == 2 || k == 3) ? Status::reused : Status::ok) << k;
    EXPECT_EQ(read_file(out_ / r.file), content_of(k));
    EXPECT_EQ(r.sha256, sha_hex(content_of(k)));
    EXPECT_EQ(r.pages, 1 + k % 3);
  }
  EXPECT_NE(log_.str().find("ok (reused) bestuur-10000.pdf"), std::string::npos) << log_.str();
  auto m = manifest_of(out_);
  EXPECT_TRUE(m.complete);
  EXPECT_EQ(m.items[0].status, Status::reused);
  EXPECT_EQ(m.items[1].status, Status::ok);

  // A manifest from another configuration is not trusted.
  calls = 0;
  options_.metadata[1].second = "other";
  Summary third = run_batch(fake_items(10, &calls), options_, log_);
  EXPECT_EQ(calls.load(), 10);
  EXPECT_EQ(third.reused, 0u);
  EXPECT_NE(log_.str().find("(config_sha256 differs)"), std::string::npos) << log_.str();
}

TEST_F(BatchTest, ManifestIsByteIdenticalAcrossRuns) {
  options_.jobs = 2;
  options_.metadata.emplace_back("title", "Benchmark \"2025\"\tëĳ\x01");
  auto items = fake_items(30);
  items[4].render = []() -> Rendered { throw std::runtime_error("bad \"quote\"\nline"); };
  items[6].render = [] { return Rendered{{'x'}, 2, {"missing glyph U+03A9 'Ω'", "tab\there"}}; };
  auto again = items;
  Summary a = run_batch(std::move(items), options_, log_);
  std::string first = read_file(out_ / "manifest.json");
  fs::remove_all(out_);
  Summary b = run_batch(std::move(again), options_, log_);
  EXPECT_EQ(read_file(out_ / "manifest.json"), first);
  EXPECT_NE(first.find("\"title\": \"Benchmark \\\"2025\\\"\\tëĳ\\u0001\""), std::string::npos) << first;
  EXPECT_NE(first.find("\"error\": \"bad \\\"quote\\\"\\nline\""), std::string::npos) << first;
  EXPECT_NE(first.find("\"warnings\": [\"missing glyph U+03A9 'Ω'\", \"tab\\there\"]"), std::string::npos) << first;
  EXPECT_EQ(first.find("seconds"), std::string::npos);
}

TEST_F(BatchTest, ProgressBarRedrawsOneLine) {
  options_.progress_bar = true;
  auto items = fake_items(5);
  items[2].render = []() -> Rendered { throw std::runtime_error("kapot"); };
  items[4].file_stem = std::string(80, 'q');
  options_.jobs = 1;
  Summary s = run_batch(std::move(items), options_, log_);
  const std::string out = log_.str();
  // Every bar drawn fits in 79 columns (a wrapped line cannot be redrawn with '\r').
  std::size_t bars = 0;
  for (std::size_t pos = out.find("\r["); pos != std::string::npos; pos = out.find("\r[", pos + 1), ++bars) {
    std::size_t end = out.find_first_of("\r\n", pos + 1);
    EXPECT_LE(end - pos - 1, 79u) << out.substr(pos + 1, end - pos - 1);
  }
  EXPECT_EQ(bars, 6u);  // 5 bars + the failure line, which also starts with "\r["
  EXPECT_NE(out.find("5/5  qqqq"), std::string::npos) << out;
  EXPECT_NE(out.find("q...\ndone: 4 ok, 1 failed;"), std::string::npos) << out;
  EXPECT_NE(out.find("\r[==============================] 5/5  "), std::string::npos) << out;
  EXPECT_NE(out.find("FAILED 10002 Stichting 2: kapot"), std::string::npos) << out;
  EXPECT_EQ(out.find("ok bestuur"), std::string::npos) << out;  // no per-item lines
  EXPECT_NE(out.find("\ndone: 4 ok, 1 failed;"), std::string::npos) << out;
  EXPECT_EQ(out.back(), '\n');
}

TEST_F(BatchTest, EmptyBatchWritesAnEmptyManifest) {
  Summary s = run_batch({}, options_, log_);
  EXPECT_TRUE(s.ok());
  EXPECT_TRUE(manifest_of(out_).complete);
  EXPECT_TRUE(manifest_of(out_).items.empty());
}
