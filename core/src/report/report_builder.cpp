#include "report/report_builder.hpp"

#include "report/report_text.hpp"
#include "report/value_text.hpp"


namespace povo::report {

using namespace detail;

namespace {

bool nl(const ReportContext& c) { return c.locale == format::Locale::nl; }

void definitions(pdf::Document& doc, const job::ReportSpec& def, const ReportContext& c) {
  doc.add(pdf::Heading{1, nl(c) ? "Definities" : "Definitions"});
  for (const auto& ref : def.indicators()) {
    const std::size_t i = ref.index;
    const IndicatorInfo& info = c.indicators().info(i);
    const auto& signals = c.indicators().def(i).signals;
    const std::string& text = nl(c) ? info.definition_nl : info.definition_en;
    std::string line = "**" + label(c, i) + ".** " + (text.empty() ? std::string() : text + " ");
    if (!signals.empty()) {
      line += nl(c) ? "Signaleringswaarde: " : "Signal value: ";
      for (std::size_t s = 0; s < signals.size(); ++s) {
        line += (s ? "; " : "") + signal_text(c, i, signals[s]);
      }
      line += ".";
    }
    doc.add(pdf::Paragraph::markup(line, pdf::Align::justify));
  }
  doc.add(pdf::Paragraph::markup(
      nl(c) ? "Medianen en kwartielen volgen Hyndman & Fan type 7 (lineaire interpolatie). Een sectorcijfer is een "
              "verhouding van totalen over alle besturen (bijvoorbeeld de som van het eigen vermogen gedeeld door de "
              "som van het totale vermogen). Aantallen van 1 tot en met 4 staan als \xE2\x80\x98<5\xE2\x80\x99; cijfers "
              "die daarvan afhangen worden niet berekend of als bandbreedte getoond."
            : "Medians and quartiles follow Hyndman & Fan type 7 (linear interpolation). A sector figure is a ratio of "
              "totals over all boards. Counts from 1 to 4 are shown as \xE2\x80\x98<5\xE2\x80\x99; figures that depend "
              "on them are not computed or are shown as a range.",
      pdf::Align::justify));
}

void colophon(pdf::Document& doc, const RunInfo& run, const ReportContext& c) {
  doc.add(pdf::Heading{1, nl(c) ? "Verantwoording" : "Colophon"});
  doc.add(pdf::Paragraph::markup((nl(c) ? "Gemaakt met povo " : "Made with povo ") + run.povo_version +
                                 (nl(c) ? ". Configuratie (sha256): " : ". Configuration (sha256): ") + run.config_hash + "."));
  pdf::Table files;
  files.columns = {pdf::Column(nl(c) ? "Gegevensbestand" : "Data file"), pdf::Column("sha256")};
  for (const auto& [file, hash] : run.data_files) files.rows.push_back({file, hash});
  files.caption = nl(c) ? "Gebruikte gegevensbestanden" : "Data files used";
  doc.add(files);
  pdf::Table plugins;
  plugins.columns = {pdf::Column("Plugin"), pdf::Column(nl(c) ? "Versie" : "Version")};
  for (const auto& [id, version] : run.plugins) plugins.rows.push_back({id, version});
  plugins.caption = nl(c) ? "Gebruikte plugins" : "Plugins used";
  doc.add(plugins);
}

}  // namespace

std::unique_ptr<pdf::Document> build_report(const job::ReportSpec& def, const ReportContext& c, const RunInfo& run,
                                            const OwnStory& story) {
  pdf::DocumentSpec spec;
  spec.title = c.fill(def.title);
  spec.subject = def.subtitle ? c.fill(*def.subtitle) : run.job_title;
  spec.author = run.job_title;
  spec.keywords = "benchmark, " + std::to_string(c.year);
  spec.date = run.date;
  spec.locale = c.locale;
  spec.watermark = run.watermark;
  spec.header_text = spec.title;
  spec.footer_text = run.watermark.empty() ? run.job_title : run.watermark;
  auto doc = std::make_unique<pdf::Document>(spec, run.font_dir);

  pdf::Cover cover;
  cover.title = spec.title;
  cover.subtitle = def.subtitle ? c.fill(*def.subtitle) : std::string();
  if (c.board) {
    cover.lines.push_back(c.board_name(*c.board));
    cover.lines.push_back((nl(c) ? "Bestuursnummer " : "Board number ") + c.dataset().entity_code(EntityKind::board, *c.board));
    cover.lines.push_back((nl(c) ? "Vergelijkingsgroep: " : "Comparison group: ") + c.membership.label);
  } else {
    cover.lines.push_back(std::to_string(c.scope.size()) + (nl(c) ? " besturen" : " boards"));
  }
  doc->add(cover);
  doc->add(pdf::TableOfContents{});

  if (const auto* board = std::get_if<job::BoardLayout>(&def.layout)) {
    for (const auto& chapter : board->chapters) {
      doc->add(pdf::Heading{1, c.fill(chapter.title)});
      bool story_shown = false;
      for (const auto& block : chapter.blocks) {
        add_board_block(*doc, block.block, c, story);
        story_shown |= std::holds_alternative<job::OwnStoryBlock>(block.block);
      }
      // A chapter with a theme shows the board's own explanation for it, if there is one.
      if (!chapter.theme.empty() && !story_shown) add_board_block(*doc, job::OwnStoryBlock{chapter.theme}, c, story);
    }
  } else {
    for (const auto& chapter : std::get<job::SectorLayout>(def.layout).chapters) {
      doc->add(pdf::Heading{1, c.fill(chapter.title)});
      for (const auto& block : chapter.blocks) add_sector_block(*doc, block.block, c);
    }
  }
  if (def.definitions) definitions(*doc, def, c);
  if (def.colophon) colophon(*doc, run, c);
  return doc;
}

}  // namespace povo::report
