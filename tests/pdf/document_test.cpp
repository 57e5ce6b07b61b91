#include "pdf/document.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "sample_report.hpp"

using namespace povo::pdf;
namespace fs = std::filesystem;

namespace {

struct Cmd {
  int rc;
  std::string out;
};

Cmd sh(const std::string& cmd, bool with_stderr = true) {
  Cmd r{-1, {}};
  FILE* p = ::popen((cmd + (with_stderr ? " 2>&1" : " 2>/dev/null")).c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = ::pclose(p);
  r.rc = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

Cmd sh_quiet(const std::string& cmd) {  // stdout only (poppler warns about libharu's ToUnicode on stderr)
  return sh(cmd, false);
}

fs::path out_dir() {
  fs::path d = fs::path(POVO_BINARY_DIR) / "pdf-test";
  fs::create_directories(d);
  return d;
}

std::string squash(const std::string& s) {  // collapse runs of blanks
  std::string o;
  for (char c : s) {
    if (c == ' ' && !o.empty() && o.back() == ' ') continue;
    o.push_back(c);
  }
  return o;
}

std::string page_text(const fs::path& pdf, int page, bool layout = false) {
  return squash(sh_quiet("pdftotext " + std::string(layout ? "-layout " : "") + "-f " + std::to_string(page) + " -l " +
                         std::to_string(page) + " '" + pdf.string() + "' -").out);
}

std::vector<std::uint8_t> render_everything(DocumentSpec spec = sample::spec()) {
  Document doc(spec, sample::font_dir());
  sample::add_everything(doc);
  return doc.render();
}

fs::path write(const std::string& name, const std::vector<std::uint8_t>& bytes) {
  fs::path p = out_dir() / name;
  write_file_atomically(p.string(), bytes);
  return p;
}

}  // namespace

TEST(PdfDocument, EveryElementPassesQpdfCheck) {
  fs::path p = write("every.pdf", render_everything());
  Cmd c = sh("qpdf --check '" + p.string() + "'");
  EXPECT_EQ(c.rc, 0) << c.out;
  EXPECT_NE(c.out.find("No syntax or stream encoding errors"), std::string::npos) << c.out;
  std::printf("sample: %s\n", p.c_str());
}

TEST(PdfDocument, AllFontsEmbedded) {
  fs::path p = write("every.pdf", render_everything());
  Cmd c = sh_quiet("pdffonts '" + p.string() + "'");
  ASSERT_EQ(c.rc, 0);
  std::istringstream in(c.out);
  std::string line;
  int fonts = 0, cid = 0;
  std::getline(in, line);  // header
  std::getline(in, line);  // ----
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++fonts;
    if (line.find("CID TrueType") != std::string::npos) ++cid;
    // columns: ... emb sub uni object ID
    EXPECT_TRUE(std::regex_search(line, std::regex("\\s(yes)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$"))) << line;
  }
  EXPECT_GE(fonts, 4) << c.out;  // regular, bold, italic (single-byte) + CID fallback for ≈
  EXPECT_GE(cid, 1) << c.out;
}

TEST(PdfDocument, DutchTextRoundTripsThroughPdftotext) {
  fs::path p = write("every.pdf", render_everything());
  std::string all = squash(sh_quiet("pdftotext '" + p.string() + "' -").out);
  for (const char* s : {"Deze rapportage vergelijkt de financiële positie van Stichting Voorbeeld Onderwijs",
                        "een coëfficiënt van 0,73 betekent dat het", "bestuur € 0,73 aan eigen vermogen",
                        "Ook “aanhalingstekens”, ‘enkele’ en een", "gedachtestreepje – zoals hier — blijven behouden, evenals ë, é, ï, ĳ en €; ook ≈ en ≤ 5%.",
                        "€ 1,2 mln", "Personeelslasten per leerling", "23 november 2026", "€ 38,4 mln", "−1,2%",
                        "Tabel 1. Kengetallen 2025 ten opzichte van de vergelijkingsgroep", "Figuur 1. Solvabiliteit 2, 2019–2025",
                        "Bron: DUO, jaarverslagen 2025 (fictief).", "pagina 3 van "})
    EXPECT_NE(all.find(s), std::string::npos) << s;
  Cmd info = sh_quiet("pdfinfo '" + p.string() + "'");
  EXPECT_NE(info.out.find("Benchmark financiën 2025 – Stichting Voorbeeld Onderwijs"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("Author:          povo"), std::string::npos);
  EXPECT_NE(info.out.find("Keywords:        benchmark, solvabiliteit"), std::string::npos);
  EXPECT_NE(info.out.find("Subject:         Financiële benchmark"), std::string::npos);
  EXPECT_NE(info.out.find("CreationDate:    Mon Nov 23 00:00:00 2026 UTC"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("Page size:       595.276 x 841.89 pts (A4)"), std::string::npos) << info.out;
}

TEST(PdfDocument, TocPageNumbersMatchHeadingPages) {
  Document doc(sample::spec(), sample::font_dir());
  sample::add_everything(doc);
  fs::path p = write("toc.pdf", doc.render());
  ASSERT_FALSE(doc.headings().empty());
  std::string toc = page_text(p, 2, true);
  int checked = 0;
  for (const HeadingPlacement& h : doc.headings()) {
    if (h.level > 2) continue;
    std::string title = h.number + " " + h.text;
    // The TOC line ends with the page number.
    std::regex line_re(std::regex_replace(title, std::regex(R"([.()])"), R"(\$&)") + " (\\d+)\\n");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(toc, m, line_re)) << title << "\n" << toc;
    int toc_page = std::stoi(m[1]);
    EXPECT_EQ(toc_page, h.page) << title;
    // pdftotext finds the heading on that page and not on an earlier content page.
    // (A watermark letter may share the line, hence the optional tail.)
    std::regex head_re("(^|\\n) ?" + std::regex_replace(title, std::regex(R"([.()])"), R"(\$&)") + "( [^ ]?)?\\n");
    EXPECT_TRUE(std::regex_search(page_text(p, toc_page, true), head_re)) << title << " p" << toc_page;
    for (int q = 3; q < toc_page; ++q) EXPECT_FALSE(std::regex_search(page_text(p, q, true), head_re)) << title << " p" << q;
    ++checked;
  }
  EXPECT_GE(checked, 6);
  // Bookmarks and link annotations exist: one link per TOC entry.
  Cmd qdf = sh("qpdf --qdf --object-streams=disable '" + p.string() + "' " + (out_dir() / "toc.qdf").string());
  std::ifstream in(out_dir() / "toc.qdf", std::ios::binary);
  std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t links = 0;
  for (std::size_t pos = 0; (pos = raw.find("/Subtype /Link", pos)) != std::string::npos; ++pos) ++links;
  EXPECT_EQ(links, static_cast<std::size_t>(checked));
  EXPECT_NE(raw.find("/Outlines"), std::string::npos);
  EXPECT_NE(raw.find("/PageMode /UseOutlines"), std::string::npos);
}

TEST(PdfDocument, TwoRendersAreByteIdentical) {
  auto a = render_everything();
  auto b = render_everything();
  ASSERT_EQ(a.size(), b.size());
  EXPECT_TRUE(a == b);
  std::string s(a.begin(), a.end());
  EXPECT_NE(s.find("/ID ["), std::string::npos);
  // A different content gives a different /ID.
  DocumentSpec other = sample::spec();
  other.title += " (2)";
  auto c = render_everything(other);
  std::string t(c.begin(), c.end());
  auto id = [](const std::string& x) { return x.substr(x.find("/ID ["), 80); };
  EXPECT_NE(id(s), id(t));
}

TEST(PdfDocument, DateFromSourceDateEpochOrError) {
  DocumentSpec spec = sample::spec();
  spec.date.reset();
  ::unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_THROW(Document(spec, sample::font_dir()), std::runtime_error);
  ::setenv("SOURCE_DATE_EPOCH", "1795437000", 1);  // 2026-11-23 12:30:00 UTC
  Document doc(spec, sample::font_dir());
  doc.add(Cover{"Titel", "Ondertitel", {}});
  fs::path p = write("epoch.pdf", doc.render());
  ::unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_NE(sh_quiet("pdfinfo '" + p.string() + "'").out.find("Mon Nov 23 12:30:00 2026 UTC"), std::string::npos);
  EXPECT_NE(page_text(p, 1).find("23 november 2026"), std::string::npos);
}

TEST(PdfDocument, MissingGlyphIsWarnedAndShownVisibly) {
  Document doc(sample::spec(), sample::font_dir());
  doc.add(Heading{1, "Tekens"});
  doc.add(Paragraph::markup("Ohm Ω en een emoji 😀 in de tekst."));
  fs::path p = write("glyphs.pdf", doc.render());
  ASSERT_EQ(doc.warnings().size(), 2u);
  EXPECT_NE(doc.warnings()[0].find("U+03A9"), std::string::npos) << doc.warnings()[0];
  EXPECT_NE(doc.warnings()[0].find("Ohm Ω en een emoji 😀 in de tekst."), std::string::npos);
  EXPECT_NE(doc.warnings()[1].find("U+1F600"), std::string::npos);
  EXPECT_NE(page_text(p, 1).find("Ohm \xEF\xBF\xBD en een emoji \xEF\xBF\xBD in de tekst."), std::string::npos);
}

TEST(PdfDocument, LongTableRepeatsHeaderOnEveryPage) {
  Document doc(sample::spec(), sample::font_dir());
  doc.add(Heading{1, "Lange tabel"});
  doc.add(sample::long_table(300));
  fs::path p = write("table300.pdf", doc.render());
  ASSERT_GE(doc.page_count(), 4);
  std::string all;
  for (int page = 1; page <= doc.page_count(); ++page) {
    std::string t = page_text(p, page, true);
    EXPECT_TRUE(std::regex_search(t, std::regex("Bestuur Leerlingen Solvabiliteit 2 Baten \\(€\\)"))) << "page " << page << "\n" << t;
    if (page > 1) {
      EXPECT_NE(t.find("Tabel 1. Alle besturen in de vergelijkingsgroep (vervolg)"), std::string::npos) << page;
    }
    all += t;
  }
  for (int row : {1, 2, 150, 299, 300}) {
    std::regex re("\\n ?Bestuur " + std::to_string(row) + " ");
    EXPECT_EQ(std::distance(std::sregex_iterator(all.begin(), all.end(), re), std::sregex_iterator()), 1) << row;
  }
  EXPECT_NE(all.find("Bron: DUO, jaarverslagen 2021–2025 (fictief)."), std::string::npos);
}

TEST(PdfDocument, EnglishLocale) {
  DocumentSpec spec = sample::spec();
  spec.locale = povo::format::Locale::en;
  Document doc(spec, sample::font_dir());
  doc.add(Cover{"Benchmark", "", {}});
  doc.add(Heading{1, "Introduction"});
  Table t;
  t.caption = "Figures";
  t.columns = {{"Name", false, {}, {}}, {"Value", true, {}, {}}};
  t.rows = {{"a", povo::format::format_euro_millions(1.2e6, 1, povo::format::Locale::en)}};
  doc.add(t);
  fs::path p = write("en.pdf", doc.render());
  EXPECT_NE(page_text(p, 1).find("23 November 2026"), std::string::npos);
  std::string t2 = page_text(p, 2);
  EXPECT_NE(t2.find("page 2 of 2"), std::string::npos) << t2;
  EXPECT_NE(t2.find("Table 1. Figures"), std::string::npos);
  EXPECT_NE(t2.find("€ 1.2 m"), std::string::npos);
}

TEST(PdfSave, AtomicWriteLeavesNoTempFiles) {
  fs::path dir = out_dir() / "atomic";
  fs::remove_all(dir);
  fs::create_directories(dir);
  Document doc(sample::spec(), sample::font_dir());
  doc.add(Paragraph::markup("Hallo."));
  std::string target = (dir / "r.pdf").string();
  doc.save(target);
  doc.save(target);  // replaces
  std::vector<std::string> names;
  for (auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  ASSERT_EQ(names.size(), 1u) << names[0];
  EXPECT_EQ(names[0], "r.pdf");
  std::ifstream in(target, std::ios::binary);
  std::string head(8, '\0');
  in.read(head.data(), 8);
  EXPECT_EQ(head.substr(0, 5), "%PDF-");
  // Failure: the target is a directory -> rename fails, nothing is left behind.
  fs::create_directories(dir / "busy.pdf" / "x");
  EXPECT_THROW(doc.save((dir / "busy.pdf").string()), std::runtime_error);
  // Failure: missing directory -> no file at all.
  EXPECT_THROW(doc.save((dir / "nope" / "r.pdf").string()), std::runtime_error);
  names.clear();
  for (auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"busy.pdf", "r.pdf"}));
  EXPECT_FALSE(fs::exists(dir / "nope"));
}

TEST(PdfDocument, MissingFontDirectoryThrows) {
  EXPECT_THROW(Document(sample::spec(), "/nonexistent/fonts"), std::runtime_error);
}

namespace {
// Body text metrics of the page template (render.hpp): 9.5 pt on 1.42 leading, A4 with
// 72/64 pt top/bottom and 62 pt side margins.
constexpr double kLine = 9.5 * 1.42;
constexpr double kBody = 841.89 - 72 - 64;
constexpr double kWidth = 595.276 - 124;
const char* kPara =
    "De vergelijkingsgroep bestaat uit besturen met een vergelijkbaar aantal leerlingen en een vergelijkbare "
    "denominatie. Percentielen zijn berekend over alle besturen in de groep; de mediaan is het vijftigste "
    "percentiel. Waarden die de signaleringswaarde overschrijden zijn in de tabellen gemarkeerd, zodat de lezer "
    "ze snel vindt. Alle bedragen zijn afgerond op hele euro's en alle percentages op een decimaal, tenzij anders "
    "vermeld in de toelichting bij de tabel of de figuur.";

std::vector<std::string> para_lines() {
  FontFamily f = FontFamily::load(sample::font_dir());
  std::vector<std::string> out;
  for (const Line& l : break_lines({{utf8_decode(kPara), FontStyle::regular}}, f, 9.5, kWidth))
    out.push_back(utf8_encode(l.fragments.at(0).text));
  return out;
}
}  // namespace

TEST(PdfLayout, NoOrphanLineAtPageBottom) {
  auto lines = para_lines();
  ASSERT_EQ(lines.size(), 5u);
  Document doc(sample::spec(), sample::font_dir());
  doc.add(Spacer{kBody - kLine * 1.5});  // room for one line only
  doc.add(Paragraph::markup(kPara));
  fs::path p = write("orphan.pdf", doc.render());
  ASSERT_EQ(doc.page_count(), 2);
  EXPECT_EQ(page_text(p, 1).find(lines[0]), std::string::npos);
  for (auto& l : lines) EXPECT_NE(page_text(p, 2).find(l), std::string::npos) << l;
}

TEST(PdfLayout, NoWidowLineAtPageTop) {
  auto lines = para_lines();
  ASSERT_EQ(lines.size(), 5u);
  Document doc(sample::spec(), sample::font_dir());
  doc.add(Spacer{kBody - kLine * 4.5});  // room for 4 of 5 lines: must carry 2, not 1
  doc.add(Paragraph::markup(kPara));
  fs::path p = write("widow.pdf", doc.render());
  ASSERT_EQ(doc.page_count(), 2);
  std::string p1 = page_text(p, 1), p2 = page_text(p, 2);
  for (int i = 0; i < 3; ++i) EXPECT_NE(p1.find(lines[i]), std::string::npos) << lines[i];
  for (int i = 3; i < 5; ++i) EXPECT_NE(p2.find(lines[i]), std::string::npos) << lines[i];
}

TEST(PdfLayout, HeadingKeptWithNextBlock) {
  auto lines = para_lines();
  Document doc(sample::spec(), sample::font_dir());
  doc.add(Spacer{kBody - 60});  // a level-2 heading fits, heading + 2 lines do not
  doc.add(Heading{2, "Kop die niet alleen mag staan"});
  doc.add(Paragraph::markup(kPara));
  fs::path p = write("keep.pdf", doc.render());
  ASSERT_EQ(doc.page_count(), 2);
  ASSERT_EQ(doc.headings().size(), 1u);
  EXPECT_EQ(doc.headings()[0].page, 2);
  EXPECT_NE(page_text(p, 2, true).find("1 Kop die niet alleen mag staan"), std::string::npos) << page_text(p, 2, true);
  EXPECT_EQ(page_text(p, 1).find("Kop die niet"), std::string::npos);
}

TEST(PdfLayout, BookmarksCarryUtf8Titles) {
  Document doc(sample::spec(), sample::font_dir());
  sample::add_everything(doc);
  fs::path p = write("bookmarks.pdf", doc.render());
  Cmd c = sh_quiet("qpdf --json --json-key=outlines '" + p.string() + "'");
  ASSERT_EQ(c.rc, 0);
  for (const char* t : {"\"title\": \"1 Inleiding\"", "\"title\": \"2 Financiële kengetallen\"",
                        "\"title\": \"2.1 Vergelijking met de peers\"", "\"title\": \"4.2 Alle besturen\""})
    EXPECT_NE(c.out.find(t), std::string::npos) << t << "\n" << c.out.substr(0, 2000);
}

TEST(PdfDocument, ParallelRendersAreIdentical) {
  // One libharu document per thread; the output does not depend on the thread.
  auto one = render_everything();
  std::vector<std::uint8_t> a, b;
  std::thread t1([&] { a = render_everything(); });
  std::thread t2([&] { b = render_everything(); });
  t1.join();
  t2.join();
  EXPECT_TRUE(a == one);
  EXPECT_TRUE(b == one);
}

TEST(PdfDocument, TableCellsWrapAndBreakLongWords) {
  Document doc(sample::spec(), sample::font_dir());
  Table t;
  t.columns = {{"Omschrijving"}, {"A", true}, {"B", true}, {"C", true}, {"D", true}, {"E", true}};
  std::string num = "€ 123.456.789";
  t.rows = {{"arbeidsongeschiktheidsverzekeringsmaatschappijen", num, num, num, num, num}};
  doc.add(t);
  fs::path p = write("wrap.pdf", doc.render());
  std::string text = sh_quiet("pdftotext '" + p.string() + "' -").out;
  // Numbers stay whole. The compound is broken over several lines with hyphens (layout
  // view), and no letter is lost: pdftotext joins the hyphenated pieces back into the word.
  EXPECT_NE(text.find("€ 123.456.789"), std::string::npos) << text;
  EXPECT_NE(text.find("arbeidsongeschiktheidsverzekeringsmaatschappijen"), std::string::npos) << text;
  std::string layout = page_text(p, 1, true);
  EXPECT_EQ(layout.find("arbeidsongeschiktheidsverzekeringsmaatschappijen"), std::string::npos) << layout;
  EXPECT_NE(layout.find("arbeidsonges"), std::string::npos) << layout;
  EXPECT_NE(layout.find("Omschrijving"), std::string::npos) << layout;  // a header word is not cut
}
