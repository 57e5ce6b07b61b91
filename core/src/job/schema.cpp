#include "job/schema.hpp"

namespace povo::job {

std::vector<OptionSpec> signal_value_specs() {
  return {OptionSpec::one_of("op", {"<", "<=", ">", ">="}, "the comparison that flags a board: value <op> threshold", true)
              .with_example("\"<\""),
          OptionSpec::number("threshold", "the signal value", true).with_example("0.30"),
          OptionSpec::string("label", "how reports name it").with_default("signaleringswaarde").with_example("signaleringswaarde Inspectie"),
          OptionSpec::string("id", "a short name for it").with_example("inspectie_2021"),
          OptionSpec::string("when_input", "apply only to boards whose input (one of the indicator's inputs) lies in "
                                           "[when_min, when_max)").with_example("totale_baten"),
          OptionSpec::number("when_min", "lower bound of when_input, inclusive").with_default("no bound").with_example("3000000"),
          OptionSpec::number("when_max", "upper bound of when_input, exclusive").with_default("no bound").with_example("12000000")};
}

std::vector<OptionSpec> expression_indicator_specs() {
  return {
      OptionSpec::string("id", "a unique indicator id: lower-case letters, digits and _", true).with_example("reserves_per_leerling"),
      OptionSpec::string("label", "the Dutch label", true).with_example("Eigen vermogen per leerling"),
      OptionSpec::string("label_en", "the English label").with_default("the Dutch label").with_example("Equity per pupil"),
      OptionSpec::one_of("unit", {"ratio", "percentage", "euro", "fte", "count", "number"}, "the unit", true).with_example("euro"),
      OptionSpec::string("format", "number format: 0, 0.0, 0.00, 0%, 0.0%, eur, eur_mln or eur_compact")
          .with_default("by unit: ratio 0.00, percentage 0.0%, euro eur, fte 0.0, count 0, number 0.00")
          .with_example("eur"),
      OptionSpec::one_of("direction", {"higher_is_better", "lower_is_better", "neutral"}, "which way is better")
          .with_default("neutral"),
      OptionSpec::string("theme", "financien, huisvesting, personeel, leerlingen or resultaten").with_example("financien"),
      OptionSpec::string("definition", "one paragraph for the report's appendix (Dutch)"),
      OptionSpec::string("definition_en", "the definition in English").with_default("the Dutch definition"),
      OptionSpec::string("expression", "the formula over measures and indicators", true)
          .with_example("eigen_vermogen / leerlingen_bestuur"),
      OptionSpec::anything("aggregate", "how a group's or the sector's figure is formed: median (only the boards' "
                                        "median), sum (counts and amounts), or a ratio of sums "
                                        "{numerator: [...], denominator: [...]}")
          .with_default("median")
          .with_example("{numerator: [eigen_vermogen], denominator: [leerlingen_bestuur]}"),
      OptionSpec::list_of("signals", signal_value_specs(), "signal values of this indicator"),
  };
}

std::vector<OptionSpec> peer_group_specs() {
  return {
      OptionSpec::string("id", "a short name for the group definition", true).with_example("omvang"),
      OptionSpec::string("label", "how reports name the group").with_default("the id").with_example("Besturen van vergelijkbare omvang"),
      OptionSpec::strings("by", "board attributes that must be equal (as the sources declare them: sector, province, "
                                "denomination, rpa_region, municipality, ...)")
          .with_example("[sector]"),
      OptionSpec::map("size",
                      {OptionSpec::string("measure", "the board-level measure that sets the size", true).with_example("leerlingen_bestuur"),
                       OptionSpec::anything("bounds", "strictly ascending class boundaries", true).with_example("[400, 800, 1500]"),
                       OptionSpec::strings("labels", "one label per class: one more than bounds", true)
                           .with_example("[klein, middel, groot, zeer groot]")},
                      "size classes within the group"),
      OptionSpec::strings("boards", "an explicit list of board numbers (then by and size are not used)").with_example("[\"10001\", \"10002\"]"),
      OptionSpec::integer("min_size", "the minimum number of boards (k); a smaller group uses the fallback").with_default("5"),
      OptionSpec::string("fallback", "the id of a broader group to use when this one is too small").with_example("sector"),
  };
}

std::vector<OptionSpec> report_specs() {
  return {
      OptionSpec::string("id", "a short, unique name for the report", true).with_example("bestuur_po"),
      OptionSpec::one_of("kind", {"board", "sector"}, "one report per board, or one for the sector", true),
      OptionSpec::string("title", "the title; {year} is filled in, and in board reports {board} and {name}", true)
          .with_example("Benchmarkrapport {year}"),
      OptionSpec::string("subtitle", "a line under the title, with the same fields"),
      OptionSpec::free_map("boards", "which boards the report covers: attribute: value, all must match")
          .with_default("all boards")
          .with_example("{sector: po}"),
      OptionSpec::string("peer_group", "board reports: the comparison group, an id from peer_groups").with_example("omvang"),
      OptionSpec::string("file", "the output file name without extension, with the same fields as the title", true)
          .with_example("bestuur-{board}-{name}-{year}"),
      OptionSpec::string("own_story_dir", "board reports: the folder with <board number>.md texts").with_example("verhalen"),
      OptionSpec::one_of("locale", {"nl", "en"}, "the report's language").with_default("the job's locale"),
      OptionSpec::list_of("chapters",
                          {OptionSpec::string("title", "the chapter title", true).with_example("Financiën"),
                           OptionSpec::string("theme", "board reports: the own-story theme shown in this chapter")
                               .with_example("financien"),
                           OptionSpec::anything("blocks", "the chapter's blocks (see Blocks)", true)},
                          "the chapters, in order", true),
      OptionSpec::strings("appendix", "which appendices: definitions and/or colophon")
          .with_default("[definitions, colophon]"),
  };
}

std::vector<OptionSpec> output_specs() {
  return {
      OptionSpec::string("dir", "where reports are written").with_default("out").with_example("../../out/reports"),
      OptionSpec::string("date", "the date printed in every report, YYYY-MM-DD").with_default("SOURCE_DATE_EPOCH").with_example("\"2026-11-23\""),
      OptionSpec::string("watermark", "printed across every page").with_example("Fictieve gegevens"),
      OptionSpec::integer("min_group_size", "statistics over fewer boards with a value are not shown").with_default("5"),
      OptionSpec::number("max_missing_share", "warn when an indicator a report uses is missing for more than this share "
                                              "of its boards (0 to 1)")
          .with_default("0.2"),
      OptionSpec::strings("formats", "what to write per report: pdf").with_default("[pdf]"),
  };
}

const std::vector<OptionSpec>& job_schema() {
  static const std::vector<OptionSpec> schema = {
      OptionSpec::string("title", "the title of this job, shown in reports and logs").with_default("povo")
          .with_example("Benchmark po&vo"),
      OptionSpec::integer("year", "the report year; required when the job has reports").with_example("2024"),
      OptionSpec::one_of("locale", {"nl", "en"}, "language and number format of the reports").with_default("nl"),
      OptionSpec::string("data_dir", "where the sources' relative file names start").with_default("the folder of "
                                                                                          "the file declaring each source")
          .with_example("../../out/demo-data"),
      OptionSpec::boolean("strict", "treat warnings and data errors as fatal, as --strict does").with_default("false"),
      OptionSpec::list_of("sources",
                          {OptionSpec::string("id", "a name for this source, unique in the job", true).with_example("besturen"),
                           OptionSpec::string("plugin", "the data-source plugin that reads it", true).with_example("duo_csv"),
                           OptionSpec::anything("options", "options for the plugin; see `povo plugins` and its documentation")},
                          "the data sources, loaded in this order"),
      OptionSpec::list_of("indicator_sets",
                          {OptionSpec::string("plugin", "an indicator plugin", true).with_example("finance"),
                           OptionSpec::anything("options", "options for the plugin")},
                          "indicator plugins to use, with their options"),
      OptionSpec::list_of("indicators", expression_indicator_specs(),
                          "indicators defined as expressions over measures and other indicators"),
      OptionSpec::list_of("peer_groups", peer_group_specs(), "the groups boards are compared with"),
      OptionSpec::list_of("reports", report_specs(), "the reports to make"),
      OptionSpec::map("output", output_specs(), "where and how reports are written"),
      OptionSpec::free_map("signal_values", "signal values per indicator id, replacing the plugins' defaults; "
                                            "each a list of signal values ([] for none)")
          .with_example("{solvabiliteit_2: [{op: \"<\", threshold: 0.30}]}"),
  };
  return schema;
}

std::vector<Diagnostic> check_job_keys(const ConfigNode& root) {
  if (root.is_null()) {
    Diagnostic d;
    d.message = "the configuration is empty";
    d.location = root.location();
    d.hint = "start with 'sources:'";
    return {d};
  }
  return check_options(root, job_schema());
}

}  // namespace povo::job
