#pragma once
// Block-based PDF documents on libharu: A4 page template, flow layout, tables, vector
// charts, cover, table of contents, bookmarks, metadata, watermark; deterministic output.
//
//   pdf::DocumentSpec spec;  spec.title = "..."; spec.date = format::Date{2026, 11, 23};
//   pdf::Document doc(spec, font_dir);
//   doc.add(pdf::Cover{...}); doc.add(pdf::TableOfContents{});
//   doc.add(pdf::Heading{1, "Financiën"}); doc.add(pdf::Paragraph::markup("Tekst met **vet**."));
//   doc.add(table); doc.add(chart);
//   doc.save("out.pdf");          // atomic; or doc.render() for the bytes
//   for (auto& w : doc.warnings()) ...
//
// All text is UTF-8. Every string is checked against the font: a missing character is drawn
// as U+FFFD and reported in warnings() with the text it came from.
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "format/format.hpp"
#include "pdf/text.hpp"

namespace povo::pdf {

struct Color {
  double r = 0, g = 0, b = 0;
  static constexpr Color rgb(int r, int g, int b) { return {r / 255.0, g / 255.0, b / 255.0}; }
};

/// The palette: calm and print-friendly; the board's own value in one accent colour.
namespace palette {
inline constexpr Color ink = Color::rgb(0x22, 0x2B, 0x36);
inline constexpr Color muted = Color::rgb(0x5F, 0x6B, 0x7A);
inline constexpr Color rule = Color::rgb(0xC9, 0xD1, 0xDB);
inline constexpr Color primary = Color::rgb(0x1F, 0x4E, 0x79);    // navy
inline constexpr Color secondary = Color::rgb(0x6C, 0x9F, 0xCF);  // mid blue
inline constexpr Color peer = Color::rgb(0xB4, 0xBD, 0xC8);       // grey-blue
inline constexpr Color band = Color::rgb(0xDD, 0xE6, 0xF0);       // P25–P75 band
inline constexpr Color accent = Color::rgb(0xD9, 0x6C, 0x06);     // the board itself
inline constexpr Color stripe = Color::rgb(0xF3, 0xF6, 0xF9);
inline constexpr Color ok = Color::rgb(0x2E, 0x7D, 0x32);
inline constexpr Color warning = Color::rgb(0xC0, 0x39, 0x2B);
inline constexpr Color neutral = Color::rgb(0x8A, 0x95, 0xA3);
inline constexpr Color highlight_bad = Color::rgb(0xF8, 0xD9, 0xD4);
inline constexpr Color highlight_good = Color::rgb(0xDC, 0xEF, 0xDC);
inline constexpr Color series[6] = {Color::rgb(0x1F, 0x4E, 0x79), Color::rgb(0x6C, 0x9F, 0xCF),
                                    Color::rgb(0x9A, 0xA5, 0xB1), Color::rgb(0x4F, 0x8A, 0x5B),
                                    Color::rgb(0x8E, 0x6C, 0x8A), Color::rgb(0xC8, 0xA2, 0x4B)};
}  // namespace palette

struct DocumentSpec {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  /// Document date (metadata and cover). If unset, SOURCE_DATE_EPOCH is used; if that is
  /// unset too, construction throws: output must be reproducible, so no clock is read.
  std::optional<format::Date> date;
  format::Locale locale = format::Locale::nl;
  std::string watermark;      // e.g. "Fictieve gegevens"; empty = none
  std::string header_text;    // running header, left; the current chapter is shown right
  std::string footer_text;    // footer, left; right is "pagina x van N" / "page x of N"
  bool number_headings = true;   // "1", "1.2", "1.2.3"
  bool number_captions = true;   // "Tabel 3.", "Figuur 2."
  int toc_depth = 2;             // heading levels listed in the TOC and the bookmarks
  bool compress = true;
};

// ------------------------------------------------------------------ blocks

struct Heading {
  int level = 1;  // 1 = chapter, 2 = section, 3 = subsection
  std::string text;
};

/// Inline text: UTF-8 plus a style.
struct Span {
  std::string text;
  FontStyle style = FontStyle::regular;
};

struct Paragraph {
  std::vector<Span> spans;
  Align align = Align::left;  // left (ragged) or justify
  bool small = false;         // 8 pt note text instead of 10 pt body
  /// "**bold**", "*italic*", "***both***"; everything else literal.
  static Paragraph markup(const std::string& text, Align align = Align::left);
};

struct BulletList {
  std::vector<Paragraph> items;
  bool numbered = false;
  static BulletList markup(const std::vector<std::string>& items, bool numbered = false);
};

enum class Highlight : std::uint8_t { none, bad, good };

struct Cell {
  std::string text;
  std::optional<double> value;  // for signal highlighting (and charts built from tables)
  Highlight highlight = Highlight::none;
  Cell() = default;
  Cell(std::string t) : text(std::move(t)) {}           // NOLINT implicit on purpose
  Cell(const char* t) : text(t) {}                       // NOLINT
  Cell(std::string t, double v, Highlight h = Highlight::none) : text(std::move(t)), value(v), highlight(h) {}
};

struct Column {
  Column() = default;
  Column(std::string h, bool is_numeric = false, std::optional<double> above = {},  // NOLINT
         std::optional<double> below = {})
      : header(std::move(h)), numeric(is_numeric), signal_above(above), signal_below(below) {}
  std::string header;
  bool numeric = false;  // numeric columns are right-aligned and never wrap
  /// Cells whose value is beyond a signal value are highlighted (bad), unless the cell
  /// already has a highlight.
  std::optional<double> signal_above;
  std::optional<double> signal_below;
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  std::optional<std::vector<Cell>> totals;
  bool striped = true;
  std::string caption;  // above; repeated with "(vervolg)" on continuation pages
  std::string source;   // "Bron: ..." line under the table
  std::vector<std::string> notes;
};

/// Common figure furniture: caption above, source and notes (footnotes) below.
struct Figure {
  std::string caption;
  std::string source;
  std::vector<std::string> notes;
  double height = 190;  // plot height in points (without caption/legend/notes)
};

struct Series {
  std::string name;
  std::vector<double> values;  // NaN = missing
  bool emphasis = false;       // the board itself: accent colour
};

struct BarChart {
  Figure figure;
  std::vector<std::string> categories;
  std::vector<double> values;
  std::vector<bool> emphasis;       // per category: the board's own bar (accent)
  format::NumberStyle number{format::NumberKind::decimal, 1};
  std::optional<double> reference;  // e.g. the sector median, drawn as a dashed line
  std::string reference_label;
  bool horizontal = false;          // auto-switches to horizontal when labels do not fit
};

struct GroupedBarChart {
  Figure figure;
  std::vector<std::string> categories;
  std::vector<Series> series;  // one value per category
  format::NumberStyle number{format::NumberKind::decimal, 1};
};

struct LineChart {
  Figure figure;
  std::vector<std::string> x_labels;  // e.g. years
  std::vector<Series> series;
  std::vector<double> median, p25, p75;  // optional peer median line and P25–P75 band
  std::string median_label = "mediaan";
  std::string band_label = "P25–P75";
  format::NumberStyle number{format::NumberKind::decimal, 1};
};

struct Histogram {
  Figure figure;
  std::vector<double> values;  // the distribution (all peers)
  std::optional<double> marked;  // the board's value
  std::string marked_label;      // e.g. "Stichting Voorbeeld"
  int bins = 0;                  // 0 = automatic (nice bin width)
  format::NumberStyle number{format::NumberKind::decimal, 1};
  std::string x_title;
  std::string y_title = "aantal besturen";
};

struct PeerPositionRow {
  std::string label;
  std::vector<double> peers;
  double value = 0;  // the board
  format::NumberStyle number{format::NumberKind::decimal, 1};
};

struct PeerPositionChart {
  Figure figure;
  std::vector<PeerPositionRow> rows;  // one strip (dots + P25–P75 box + median) per row
  std::string value_label = "uw bestuur";
};

struct SmallMultiples {
  Figure figure;            // figure.height is the height of one panel
  std::vector<LineChart> panels;  // each panel's figure.caption is its title
  int columns = 3;
};

enum class Signal : std::uint8_t { neutral, ok, warning };

struct KeyFigure {
  std::string label;
  std::string value;
  std::string sub;
  Signal signal = Signal::neutral;
};

struct KeyFigures {
  std::vector<KeyFigure> tiles;  // one row; 2–5 tiles fit well
};

struct Cover {
  std::string title;
  std::string subtitle;
  std::vector<std::string> lines;  // e.g. board name, period; the date is added
};

struct TableOfContents {
  std::string title;  // default "Inhoud" / "Contents"
};

struct PageBreak {};
struct Spacer {
  double height = 12;
};

using Block = std::variant<Heading, Paragraph, BulletList, Table, BarChart, GroupedBarChart,
                           LineChart, Histogram, PeerPositionChart, SmallMultiples, KeyFigures,
                           Cover, TableOfContents, PageBreak, Spacer>;

/// Where a heading ended up (after render()).
struct HeadingPlacement {
  int level;
  std::string number;  // "2.1"
  std::string text;
  int page;            // 1-based physical page
};

class Document {
 public:
  /// font_dir holds povo-DejaVuSans*.ttf (fonts/ in the source tree, <prefix>/share/povo/fonts
  /// when installed). Throws std::runtime_error if fonts are missing or no date is known.
  Document(DocumentSpec spec, std::string font_dir);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  Document& add(Block block);

  /// Lays out and returns the PDF bytes. Deterministic: the same spec and blocks give the
  /// same bytes. May be called more than once.
  std::vector<std::uint8_t> render();
  /// render() and write atomically: temp file in the same directory, fsync, rename.
  /// Throws std::runtime_error and leaves no file behind on failure.
  void save(const std::string& path);

  /// Warnings from the last render (missing glyphs, invalid UTF-8, ...), de-duplicated.
  const std::vector<std::string>& warnings() const { return warnings_; }
  const std::vector<HeadingPlacement>& headings() const { return headings_; }
  int page_count() const { return page_count_; }
  const DocumentSpec& spec() const { return spec_; }

 private:
  DocumentSpec spec_;
  std::string font_dir_;
  FontFamily fonts_;
  std::vector<Block> blocks_;
  std::vector<std::string> warnings_;
  std::vector<HeadingPlacement> headings_;
  int page_count_ = 0;
};

/// Writes bytes to path atomically (temp file in the same directory, fsync, rename).
void write_file_atomically(const std::string& path, const std::vector<std::uint8_t>& bytes);

}  // namespace povo::pdf
