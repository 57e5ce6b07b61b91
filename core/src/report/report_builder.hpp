// Report model -> layout: turns a report definition and its context into a
// pdf::Document, block by block.
#pragma once

#include "pdf/document.hpp"
#include "report/own_story.hpp"
#include "report/report_context.hpp"
#include "report/report_definition.hpp"

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

/// Builds the document. Throws povo::Error when a block cannot be made (for example
/// an indicator the data does not have); the caller reports it for this report only.
std::unique_ptr<pdf::Document> build_report(const ReportDef& def, const ReportContext& context, const RunInfo& run,
                                            const OwnStory& story);

namespace detail {
// Block builders, split by report kind (board_blocks.cpp, sector_blocks.cpp).
void add_board_block(pdf::Document& doc, const BlockDef& block, const ReportContext& c, const OwnStory& story);
void add_sector_block(pdf::Document& doc, const BlockDef& block, const ReportContext& c);
std::size_t indicator(const ReportContext& c, const std::string& id, const SourceLocation& where);
std::string label(const ReportContext& c, std::size_t i);
std::string text_of(const ReportContext& c, std::size_t i, const Value& v);
format::NumberStyle style(const ReportContext& c, std::size_t i);
double number_or_nan(const Value& v);
std::string signal_text(const ReportContext& c, std::size_t i, const SignalValue& s);
void add_target(pdf::Document& doc, pdf::LineChart& chart, const Target& t, const ReportContext& c, std::size_t i,
                const std::vector<double>& values);
}  // namespace detail

}  // namespace povo::report
