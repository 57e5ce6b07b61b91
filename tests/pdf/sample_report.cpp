#include "sample_report.hpp"

#include <cmath>

namespace povo::pdf::sample {

namespace {
struct Rng {
  unsigned s;
  double next() {  // deterministic LCG in [0,1)
    s = s * 1664525u + 1013904223u;
    return static_cast<double>(s >> 8) / 16777216.0;
  }
};
using format::NumberKind;
using format::format_value;
}  // namespace

DocumentSpec spec(const std::string& board) {
  DocumentSpec s;
  s.title = "Benchmark financiën 2025 – " + board;
  s.author = "povo";
  s.subject = "Financiële benchmark van schoolbesturen (po)";
  s.keywords = "benchmark, solvabiliteit, reservepositie, po";
  s.date = format::Date{2026, 11, 23};
  s.watermark = "Fictieve gegevens";
  s.header_text = "Benchmark 2025 · " + board;
  s.footer_text = "Fictieve gegevens – niet voor publicatie";
  return s;
}

Table long_table(int rows) {
  Table t;
  t.caption = "Alle besturen in de vergelijkingsgroep";
  t.source = "Bron: DUO, jaarverslagen 2021–2025 (fictief).";
  t.columns = {{"Bestuur", false, {}, {}}, {"Leerlingen", true, {}, {}}, {"Solvabiliteit 2", true, {}, 0.30},
               {"Baten (€)", true, {}, {}}};
  Rng r{7};
  for (int i = 1; i <= rows; ++i) {
    double solv = 0.2 + 0.6 * r.next();
    double baten = 1e6 + 4e7 * r.next();
    t.rows.push_back({Cell("Bestuur " + std::to_string(i)), Cell(format::format_integer(std::int64_t(200 + i * 37 % 5000))),
                      Cell(format::format_decimal(solv, 2), solv), Cell(format::format_euro(baten))});
  }
  return t;
}

void add_everything(Document& doc) {
  doc.add(Cover{"Benchmark financiën 2025", "Stichting Voorbeeld Onderwijs vergeleken met 412 besturen in het primair onderwijs",
                {"Stichting Voorbeeld Onderwijs (bestuursnummer 41234)", "Sector: primair onderwijs"}});
  doc.add(TableOfContents{});
  doc.add(Heading{1, "Inleiding"});
  doc.add(Paragraph::markup(
      "Deze rapportage vergelijkt de **financiële positie** van Stichting Voorbeeld Onderwijs met die van vergelijkbare "
      "besturen. Alle bedragen zijn in euro’s; een coëfficiënt van 0,73 betekent dat het bestuur € 0,73 aan eigen "
      "vermogen heeft per euro balanstotaal. De gegevens zijn *fictief* en dienen alleen ter illustratie.",
      Align::justify));
  doc.add(Paragraph::markup(
      "Een lang samengesteld woord zoals arbeidsongeschiktheidsverzekeringsmaatschappijbestuursvergaderingsnotulen "
      "moet netjes worden afgebroken in plaats van te verdwijnen. Ook “aanhalingstekens”, ‘enkele’ en een gedachtestreepje – zoals "
      "hier — blijven behouden, evenals ë, é, ï, ĳ en €; ook ≈ en ≤ 5%."));
  doc.add(BulletList::markup({"**Solvabiliteit 2**: eigen vermogen plus voorzieningen gedeeld door het balanstotaal.",
                              "**Liquiditeit** (current ratio): vlottende activa gedeeld door kortlopende schulden.",
                              "*Reservepositie*: het eigen vermogen afgezet tegen het normatief eigen vermogen, volgens de "
                              "signaleringswaarde van de inspectie."}));
  doc.add(KeyFigures{{{"Solvabiliteit 2", "0,73", "mediaan peers 0,68", Signal::ok},
                      {"Liquiditeit", "1,9", "signaalwaarde < 0,75", Signal::ok},
                      {"Reservepositie", "€ 1,2 mln", "boven signaleringswaarde", Signal::warning},
                      {"Leerlingen", "4.812", "1 oktober 2025", Signal::neutral}}});
  doc.add(Heading{1, "Financiële kengetallen"});
  doc.add(Heading{2, "Vergelijking met de peers"});
  Table t;
  t.caption = "Kengetallen 2025 ten opzichte van de vergelijkingsgroep";
  t.source = "Bron: DUO, jaarverslagen 2025 (fictief).";
  t.notes = {"Signaleringswaarden volgens de inspectie van het onderwijs.",
             "Besturen met minder dan 100 leerlingen zijn niet meegenomen."};
  t.columns = {{"Kengetal", false, {}, {}}, {"Uw bestuur", true, {}, {}}, {"Mediaan", true, {}, {}},
               {"P25", true, {}, {}}, {"P75", true, {}, {}}, {"Toelichting", false, {}, {}}};
  t.rows = {{"Solvabiliteit 2", "0,73", "0,68", "0,59", "0,77", "Ruim boven de signaleringswaarde van 0,30"},
            {"Liquiditeit (current ratio)", Cell("0,62", 0.62, Highlight::bad), "1,85", "1,32", "2,71", "Onder de signaleringswaarde van 0,75"},
            {"Rentabiliteit", "−1,2%", "0,8%", "−0,9%", "2,1%", "Negatief resultaat door eenmalige lasten"},
            {"Huisvestingsratio", "8,4%", "8,9%", "7,1%", "10,2%", "Binnen de bandbreedte"},
            {"Personeelslasten per leerling", "€ 7.412", "€ 7.180", "€ 6.840", "€ 7.690", "Licht boven de mediaan"}};
  t.totals = std::vector<Cell>{"Totaal baten", "€ 38,4 mln", "€ 21,7 mln", "€ 9,1 mln", "€ 44,0 mln", ""};
  doc.add(t);
  doc.add(Heading{2, "Ontwikkeling door de jaren"});
  LineChart lc;
  lc.figure = {"Solvabiliteit 2, 2019–2025", "Bron: DUO (fictief).", {"De band toont het 25e tot 75e percentiel van de peers."}, 170};
  lc.x_labels = {"2019", "2020", "2021", "2022", "2023", "2024", "2025"};
  lc.series = {{"Stichting Voorbeeld Onderwijs", {0.61, 0.64, 0.70, 0.74, 0.71, 0.72, 0.73}, true}};
  lc.median = {0.60, 0.62, 0.66, 0.69, 0.68, 0.68, 0.68};
  lc.p25 = {0.50, 0.52, 0.56, 0.60, 0.59, 0.59, 0.59};
  lc.p75 = {0.70, 0.72, 0.75, 0.78, 0.77, 0.77, 0.77};
  lc.number = {NumberKind::decimal, 2};
  doc.add(lc);
  doc.add(Heading{1, "Positie tussen de peers"});
  doc.add(Paragraph::markup("Onderstaande figuren tonen waar het bestuur staat ten opzichte van de andere besturen.", Align::justify));
  BarChart bc;
  bc.figure = {"Rentabiliteit per bestuur in de regio", "Bron: DUO (fictief).", {}, 160};
  bc.categories = {"Voorbeeld", "Kindwijzer", "De Regenboog", "Allure", "Prisma", "Fluvius", "Veluwe", "Arcade"};
  bc.values = {-0.012, 0.008, 0.021, -0.004, 0.015, 0.031, 0.002, -0.018};
  bc.emphasis = {true};
  bc.number = {NumberKind::percent_of_fraction, 1};
  bc.reference = 0.008;
  bc.reference_label = "mediaan 0,8%";
  doc.add(bc);
  BarChart hb;
  hb.figure = {"Personeelslasten per leerling", "Bron: DUO (fictief).", {}, 150};
  hb.categories = {"Stichting Voorbeeld Onderwijs", "Stichting Katholiek Onderwijs Noord-Holland Zuid",
                   "Vereniging voor Christelijk Primair Onderwijs", "Openbaar Onderwijs Groningen", "Stichting Prisma"};
  hb.values = {7412, 7180, 6840, 7690, 7050};
  hb.emphasis = {true};
  hb.number = {NumberKind::euro, 0};
  doc.add(hb);
  GroupedBarChart gb;
  gb.figure = {"Baten en lasten per leerling", "Bron: DUO (fictief).", {}, 150};
  gb.categories = {"2021", "2022", "2023", "2024", "2025"};
  gb.series = {{"Baten", {8900, 9300, 9800, 10100, 10400}, false}, {"Lasten", {8800, 9350, 9900, 10250, 10500}, false}};
  gb.number = {NumberKind::euro, 0};
  doc.add(gb);
  Histogram h;
  h.figure = {"Verdeling van de solvabiliteit 2 over 412 besturen", "Bron: DUO (fictief).", {}, 150};
  Rng r{42};
  for (int i = 0; i < 412; ++i) h.values.push_back(0.35 + 0.5 * (r.next() + r.next() + r.next()) / 3);
  h.marked = 0.73;
  h.marked_label = "Stichting Voorbeeld";
  h.number = {NumberKind::decimal, 2};
  h.x_title = "solvabiliteit 2";
  doc.add(h);
  PeerPositionChart pp;
  pp.figure = {"Positie op vijf kengetallen", "Bron: DUO (fictief).", {}, 0};
  auto peers = [&](double c, double s) { std::vector<double> v; for (int i = 0; i < 60; ++i) v.push_back(c + s * (r.next() - 0.5)); return v; };
  pp.rows = {{"Solvabiliteit 2", peers(0.68, 0.5), 0.73, {NumberKind::decimal, 2}},
             {"Liquiditeit", peers(1.9, 2.5), 0.62, {NumberKind::decimal, 2}},
             {"Rentabiliteit", peers(0.01, 0.08), -0.012, {NumberKind::percent_of_fraction, 1}},
             {"Huisvestingsratio", peers(0.09, 0.06), 0.084, {NumberKind::percent_of_fraction, 1}},
             {"Weerstandsvermogen", peers(0.25, 0.3), 0.31, {NumberKind::percent_of_fraction, 1}}};
  doc.add(pp);
  SmallMultiples sm;
  sm.figure = {"Kengetallen door de jaren", "Bron: DUO (fictief).", {}, 95};
  sm.columns = 3;
  const char* names[] = {"Solvabiliteit 2", "Liquiditeit", "Rentabiliteit", "Huisvestingsratio", "Weerstandsvermogen", "Personeel per leerling"};
  for (int k = 0; k < 6; ++k) {
    LineChart p;
    p.figure.caption = names[k];
    p.x_labels = {"2021", "2022", "2023", "2024", "2025"};
    double base = 0.5 + 0.3 * k;
    Series s{"Stichting Voorbeeld Onderwijs", {}, true};
    for (int y = 0; y < 5; ++y) {
      s.values.push_back(base * (0.9 + 0.2 * r.next()));
      p.median.push_back(base);
      p.p25.push_back(base * 0.85);
      p.p75.push_back(base * 1.15);
    }
    p.series = {s};
    p.number = {NumberKind::decimal, 1};
    sm.panels.push_back(p);
  }
  doc.add(sm);
  doc.add(Heading{1, "Verantwoording"});
  doc.add(Heading{2, "Gegevens en methode"});
  for (int i = 0; i < 3; ++i)
    doc.add(Paragraph::markup("De vergelijkingsgroep bestaat uit besturen met een vergelijkbaar aantal leerlingen en een "
                              "vergelijkbare denominatie. Percentielen zijn berekend over alle besturen in de groep; de mediaan "
                              "is het 50e percentiel. Waarden die de signaleringswaarde overschrijden zijn in de tabellen gemarkeerd.",
                              Align::justify));
  doc.add(Heading{2, "Alle besturen"});
  doc.add(long_table(60));
}

void add_board_report(Document& doc, unsigned seed) {
  Rng r{seed * 2654435761u + 1};
  doc.add(Cover{"Benchmark financiën 2025", "Bestuursrapport primair onderwijs", {"Stichting " + std::to_string(seed), "Vergelijkingsgroep: 412 besturen"}});
  doc.add(TableOfContents{});
  const char* chapters[] = {"Samenvatting", "Balans", "Exploitatie", "Personeel", "Huisvesting"};
  for (int c = 0; c < 5; ++c) {
    doc.add(Heading{1, chapters[c]});
    doc.add(Paragraph::markup("Dit hoofdstuk beschrijft de **" + std::string(chapters[c]) +
                              "** van het bestuur in vergelijking met de peers. De waarden zijn fictief; een waarde van 0,73 betekent "
                              "dat het bestuur boven de mediaan van 0,68 uitkomt.", Align::justify));
    if (c == 0) {
      doc.add(KeyFigures{{{"Solvabiliteit 2", format::format_decimal(0.5 + 0.4 * r.next(), 2), "mediaan 0,68", Signal::ok},
                          {"Liquiditeit", format::format_decimal(0.5 + 2 * r.next(), 1), "signaal < 0,75", Signal::warning},
                          {"Reserves", format::format_euro_millions(1e6 + 3e6 * r.next()), "boven norm", Signal::neutral}}});
    }
    LineChart lc;
    lc.figure = {std::string(chapters[c]) + ": kengetal door de jaren", "Bron: DUO (fictief).", {}, 150};
    lc.x_labels = {"2019", "2020", "2021", "2022", "2023", "2024", "2025"};
    Series s{"Dit bestuur", {}, true};
    for (int y = 0; y < 7; ++y) {
      double m = 0.6 + 0.02 * y;
      s.values.push_back(m + 0.15 * (r.next() - 0.5));
      lc.median.push_back(m);
      lc.p25.push_back(m - 0.08);
      lc.p75.push_back(m + 0.08);
    }
    lc.series = {s};
    lc.number = {NumberKind::decimal, 2};
    doc.add(lc);
    Table t;
    t.caption = std::string(chapters[c]) + " in cijfers";
    t.source = "Bron: DUO (fictief).";
    t.columns = {{"Post", false, {}, {}}, {"2023", true, {}, {}}, {"2024", true, {}, {}}, {"2025", true, {}, {}}, {"Mediaan", true, {}, {}}};
    for (int k = 0; k < 12; ++k) {
      std::vector<Cell> row{"Post " + std::to_string(k + 1)};
      for (int y = 0; y < 4; ++y) {
        double v = 1e5 + 5e6 * r.next();
        row.push_back(Cell(format::format_euro(v), v));
      }
      t.rows.push_back(row);
    }
    t.columns[3].signal_above = 4.5e6;
    t.totals = std::vector<Cell>{"Totaal", "€ 31.234.567", "€ 32.100.200", "€ 33.004.120", "€ 30.990.000"};
    doc.add(t);
    BarChart bc;
    bc.figure = {"Positie in de regio", "Bron: DUO (fictief).", {}, 130};
    for (int k = 0; k < 8; ++k) {
      bc.categories.push_back("Best. " + std::to_string(k + 1));
      bc.values.push_back(0.2 + 0.6 * r.next());
    }
    bc.emphasis = {false, false, true};
    bc.number = {NumberKind::percent_of_fraction, 0};
    doc.add(bc);
  }
}

}  // namespace povo::pdf::sample
