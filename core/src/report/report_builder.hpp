// Report model -> layout: turns a compiled report definition and its context into a
// pdf::Document, block by block.
#pragma once

#include "job/report_spec.hpp"
#include "pdf/document.hpp"
#include "report/own_story.hpp"
#include "report/report_context.hpp"

#include <memory>
#include <string>
#include <vector>

namespace povo::report {

/// Facts about the run for the cover and the colophon, the same for every report.
struct RunInfo {
  std::string job_title;
  format::Date date;
  std::string watermark;                                    ///< e.g. "Fictieve gegevens"
  std::string povo_version;
  std::string config_hash;                                  ///< sha256 of the effective configuration
  std::vector<std::pair<std::string, std::string>> data_files;  ///< file, sha256
  std::vector<std::pair<std::string, std::string>> plugins;     ///< id, version
  std::string font_dir;
};

/// Builds the document. Everything the definition refers to was checked when the job was
/// compiled; what can still fail (a board's own text that is not UTF-8) throws povo::Error
/// and the caller reports it for this report only.
std::unique_ptr<pdf::Document> build_report(const job::ReportSpec& def, const ReportContext& context,
                                            const RunInfo& run, const OwnStory& story);

namespace detail {
// Block builders, split by report kind (board_blocks.cpp, sector_blocks.cpp).
void add_board_block(pdf::Document& doc, const job::BoardBlock& block, const ReportContext& c, const OwnStory& story);
void add_sector_block(pdf::Document& doc, const job::SectorBlock& block, const ReportContext& c);
std::string label(const ReportContext& c, std::size_t i);
std::string text_of(const ReportContext& c, std::size_t i, const Value& v);
format::NumberStyle style(const ReportContext& c, std::size_t i);
double number_or_nan(const Value& v);
std::string signal_text(const ReportContext& c, std::size_t i, const job::SignalRule& s);
/// How a board attribute is named for readers: "provincie", "denominatie", ...
std::string attribute_label(const std::string& attribute, const ReportContext& c);
std::string caption_or(const ReportContext& c, const std::optional<job::TitleTemplate>& caption, std::string fallback);
void add_target(pdf::Document& doc, pdf::LineChart& chart, const job::Target& t, const ReportContext& c, std::size_t i,
                const std::vector<double>& values);
}  // namespace detail

}  // namespace povo::report
