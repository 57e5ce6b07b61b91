// povo_pdf_bench [docs=200] : renders board-like 8-page reports with 1 and 2 threads,
// one libharu document per thread, and prints docs/s, pages/s and bytes/page.
#include <time.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "sample_report.hpp"

using namespace povo::pdf;

namespace {
struct Result {
  double seconds, cpu_seconds;
  long long pages, bytes;
};

double thread_cpu() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

Result run(int docs, int threads) {
  std::atomic<int> next{0};
  std::atomic<long long> pages{0}, bytes{0}, cpu_ns{0};
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      double c0 = thread_cpu();
      for (int i; (i = next++) < docs;) {
        Document doc(sample::spec("Stichting " + std::to_string(i)), sample::font_dir());
        sample::add_board_report(doc, static_cast<unsigned>(i));
        auto out = doc.render();
        pages += doc.page_count();
        bytes += static_cast<long long>(out.size());
      }
      cpu_ns += static_cast<long long>((thread_cpu() - c0) * 1e9);
    });
  for (auto& th : pool) th.join();
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return {s, static_cast<double>(cpu_ns.load()) * 1e-9, pages.load(), bytes.load()};
}
}  // namespace

int main(int argc, char** argv) {
  int docs = argc > 1 ? std::atoi(argv[1]) : 200;
  run(10, 1);  // warm up (font metrics cache, page cache)
  for (int threads : {1, 2}) {
    Result r = run(docs, threads);
    // docs per CPU-second is the per-core figure; it is less sensitive to other load on a
    // shared machine than wall-clock docs/s.
    std::printf("threads=%d docs=%d wall=%.3fs docs/s(wall)=%.1f docs/cpu-s(per core)=%.1f pages/doc=%.1f pages/s=%.0f bytes/page=%.0f bytes/doc=%.0f\n",
                threads, docs, r.seconds, docs / r.seconds, docs / r.cpu_seconds,
                static_cast<double>(r.pages) / docs, r.pages / r.seconds,
                static_cast<double>(r.bytes) / static_cast<double>(r.pages), static_cast<double>(r.bytes) / docs);
  }
}
