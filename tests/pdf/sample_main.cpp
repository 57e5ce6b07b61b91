#include <cstdio>
#include <exception>

#include "sample_report.hpp"

int main(int argc, char** argv) {
  const char* out = argc > 1 ? argv[1] : "povo-sample.pdf";
  bool board = argc > 2;
  try {
    povo::pdf::Document doc(povo::pdf::sample::spec(), povo::pdf::sample::font_dir());
    if (board) povo::pdf::sample::add_board_report(doc, 1);
    else povo::pdf::sample::add_everything(doc);
    doc.save(out);
    std::printf("%s: %d pages\n", out, doc.page_count());
    for (const auto& w : doc.warnings()) std::printf("warning: %s\n", w.c_str());
    for (const auto& h : doc.headings()) std::printf("  p%d %s %s\n", h.page, h.number.c_str(), h.text.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}
