// The report's renderings: one ReportFigures, five formats, the same numbers in each.
// Rates are whole percents in text, Markdown and HTML (67%), numbers 0–1 in JSON and CSV.
#pragma once

#include "pov/report.hpp"
#include "render/text.hpp"

#include <functional>
#include <optional>
#include <string>

namespace pov::render {

enum class ReportFormat { text, markdown, json, csv, html };
} // namespace pov::render

template <> struct pov::EnumNames<pov::render::ReportFormat> {
    static constexpr std::array<std::string_view, 5> names{"text", "markdown", "json", "csv", "html"};
};

namespace pov::render {

// Where a rendering goes, a piece at a time.
using Write = std::function<void(std::string_view)>;
// What `render(write)` writes, as one text (tests, and documents small enough to hold).
std::string collected(const std::function<void(const Write&)>& render);

Json report_json(const ReportFigures& figures);
// report_json(figures).dump(2) and a newline, written item by item (the long lists are not held
// as JSON): handed to `write` a block at a time, or returned whole.
void write_report_json(const ReportFigures& figures, const Write& write);
std::string report_json_text(const ReportFigures& figures);
std::string report_csv(const ReportFigures& figures);
std::string report_text(const ReportFigures& figures, const Style& style);
std::string report_markdown(const ReportFigures& figures);
std::string report_html(const ReportFigures& figures);

// The report in `format`, handed to `write` as it is rendered: text, Markdown, HTML and JSON a
// section, a line of a long table, at a time; CSV a block of rows (a report of 100,000 POVs
// lists a line per POV closed).
void write_report(const ReportFigures& figures, ReportFormat format, const Style& style, const Write& write);
void write_report_text(const ReportFigures& figures, const Style& style, const Write& write);
void write_report_markdown(const ReportFigures& figures, const Write& write);
void write_report_html(const ReportFigures& figures, const Write& write);
void write_report_csv(const ReportFigures& figures, const Write& write);

// How a cell should stand out: red on a terminal and in HTML for `bad`, amber for `warn`.
enum class Tone { plain, warn, bad };

// The report laid out once as sections of facts and tables; text, Markdown and HTML draw it.
struct ReportTable {
    std::vector<std::string> headers;
    std::vector<bool> right_aligned;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::vector<Tone>> tones; // per cell; missing cells are plain
    // A long table (the closed list, a line per POV) gives its rows on demand after `rows`:
    // `generated` of them, row r's cells and tones filled by `row_at`, so no format holds them all.
    std::size_t generated = 0;
    std::function<void(std::size_t r, std::vector<std::string>& cells, std::vector<Tone>& tones)> row_at = {};

    [[nodiscard]] std::size_t size() const { return rows.size() + generated; }
    // Row r, held or generated, into `cells` and `tones` (emptied first).
    void row(std::size_t r, std::vector<std::string>& cells, std::vector<Tone>& tones) const;
};

struct ReportSection {
    std::string title;
    std::vector<std::pair<std::string, std::string>> facts;
    std::optional<ReportTable> table;
    std::string empty;                   // shown when the section has nothing else
    std::vector<std::string> paragraphs; // free text (multi-line), after the facts
};

// A section as Markdown: `## title`, facts as a list, paragraphs, then a pipe table.
std::string markdown_section(const ReportSection& section);
void write_markdown_section(const ReportSection& section, const Write& write);
std::string markdown_escape(std::string_view text);

std::string report_title(const ReportFigures& figures);
std::vector<ReportSection> report_sections(const ReportFigures& figures);

// Shared by the renderers so every format shows a figure the same way.
std::string percent(std::optional<double> rate);             // "67%", "–" when null
std::string decimal(std::optional<double> value);            // "28", "28.5", "–" when null
std::string period_label(const ReportFigures& figures);      // "2026-02-24 → 2026-03-02" or "everything to …"
std::string competitor_label(const std::string& competitor); // "(none)" for a loss without one

} // namespace pov::render
