#include "render/html.hpp"

#include "pov/text.hpp"
#include "render/width.hpp"

#include <fmt/format.h>

namespace pov::render {

namespace {

std::string_view highlight(Tone tone)
{
    switch (tone) {
    case Tone::bad: return "bad";
    case Tone::warn: return "warn";
    case Tone::plain: return "";
    }
    return "";
}

// A short value without spaces (a date, a status, an id) that should not break across lines.
bool short_word(const std::string& value)
{
    return display_width(value) <= 24 && value.find(' ') == std::string::npos;
}

constexpr std::string_view stylesheet = R"css(
:root {
  color-scheme: light;
  --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --head: #f9fafb;
  --bad: #b91c1c; --bad-bg: #fef2f2; --warn: #92400e; --warn-bg: #fffbeb;
}
* { box-sizing: border-box; }
html { background: #fff; }
body {
  margin: 0 auto; max-width: 1120px; padding: 28px 32px 40px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: #fff;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
h1 { font-size: 22px; margin: 0 0 20px; padding-bottom: 10px; border-bottom: 2px solid var(--ink); }
h2 { font-size: 16px; margin: 28px 0 8px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px 20px; }
.chart-box { margin: 0; padding: 10px 14px 12px; border: 1px solid var(--line); border-radius: 8px; break-inside: avoid; }
.chart-box.wide { grid-column: 1 / -1; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg.chart { display: block; width: 100%; height: auto; }
svg.chart text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
svg.chart .value { font-weight: 600; font-variant-numeric: tabular-nums; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg.chart .tick { font-size: 11px; fill: var(--muted); }
svg.chart .muted { fill: var(--muted); }
svg.chart .value.over { fill: var(--bad); }
svg.chart .axis { stroke: #9ca3af; stroke-width: 1; }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.chart .track { fill: #f3f4f6; }
svg.chart .stripe { fill: #f9fafb; }
svg.chart .bar.status-new { fill: #94a3b8; }
svg.chart .bar.status-qualified { fill: #6366f1; }
svg.chart .bar.status-in_progress { fill: #0891b2; }
svg.chart .bar.status-closed { fill: #16a34a; }
svg.chart .bar.status-cancelled { fill: #d1d5db; stroke: #9ca3af; }
svg.chart .bar.rate { fill: #16a34a; }
svg.chart .bar.load { fill: #2563eb; }
svg.chart .bar.over { fill: #dc2626; }
svg.chart .bar.won { fill: #16a34a; }
svg.chart .bar.lost { fill: #dc2626; }
svg.chart .bar.planned { fill: #2563eb; }
svg.chart .bar.late { fill: #dc2626; }
svg.chart .bar.extension { fill: #93c5fd; stroke: #2563eb; stroke-dasharray: 3 2; }
svg.chart .bar.late.extension { fill: #fca5a5; stroke: #dc2626; }
svg.chart .limit { stroke: #dc2626; stroke-width: 2; stroke-dasharray: 5 4; }
svg.chart .limit-label { fill: #dc2626; font-weight: 600; }
svg.chart .original-end { stroke: var(--ink); stroke-width: 2; }
svg.chart .as-of { stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg.chart .as-of-label { fill: var(--ink); font-weight: 600; }
.no-data { margin: 8px 0; padding: 18px; text-align: center; color: var(--muted); background: var(--head); border-radius: 6px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 18px; margin: 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin-top: 8px; }
th, td { padding: 4px 10px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
th { font-size: 11px; font-weight: 600; letter-spacing: 0.04em; color: var(--muted); background: var(--head); border-bottom: 1px solid #d1d5db; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.bad td { background: var(--bad-bg); }
tr.bad td:first-child { box-shadow: inset 3px 0 0 var(--bad); }
tr.warn td:first-child { box-shadow: inset 3px 0 0 #f59e0b; }
td.bad { color: var(--bad); font-weight: 600; }
td.warn { color: var(--warn); }
.empty { color: var(--muted); margin: 4px 0; }
.text { white-space: pre-line; margin: 6px 0; }
footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
@page { margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .charts { grid-template-columns: 1fr 1fr; }
  section, tr { break-inside: avoid; }
  .table-wrap { overflow: visible; }
}
)css";

} // namespace

// Text for an XML/HTML text node or attribute: control characters shown as the text report shows
// them (`\n`, `\x1b`), the five markup characters escaped, and the non-characters U+FFFE and
// U+FFFF, which XML forbids, replaced by U+FFFD.
std::string escape_xml(std::string_view text)
{
    const auto shown = escape_control(text);
    std::string out;
    out.reserve(shown.size());
    const std::string_view view = shown;
    for (std::size_t i = 0; i < view.size(); ++i) {
        switch (view[i]) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            if (view.substr(i, 3) == "\xEF\xBF\xBE" || view.substr(i, 3) == "\xEF\xBF\xBF") {
                out += "\xEF\xBF\xBD";
                i += 2;
            } else {
                out += view[i];
            }
        }
    }
    return out;
}

// Multi-line text: line breaks kept (the stylesheet shows them), everything else as escape_xml.
std::string escape_xml_text(std::string_view text)
{
    std::string out;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        const auto end = text.find('\n', begin);
        out += escape_xml(text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
        if (end == std::string_view::npos) {
            break;
        }
        out += '\n';
        begin = end + 1;
    }
    return out;
}

void write_table_html(const ReportTable& table, const Write& write)
{
    const auto right = [&](std::size_t c) { return c < table.right_aligned.size() && table.right_aligned[c]; };
    std::string out = "<div class=\"table-wrap\"><table>\n<thead><tr>";
    for (std::size_t c = 0; c < table.headers.size(); ++c) {
        out +=
            fmt::format("<th scope=\"col\"{}>{}</th>", right(c) ? " class=\"num\"" : "", escape_xml(table.headers[c]));
    }
    out += "</tr></thead>\n<tbody>\n";
    write(out);
    std::vector<std::string> cells;
    std::vector<Tone> tones;
    for (std::size_t r = 0; r < table.size(); ++r) {
        table.row(r, cells, tones);
        std::string_view row_class;
        for (const auto tone : tones) {
            const auto cls = highlight(tone);
            if (cls == "bad" || (cls == "warn" && row_class.empty())) {
                row_class = cls;
            }
        }
        out = row_class.empty() ? "<tr>" : fmt::format("<tr class=\"{}\">", row_class);
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const auto& value = cells[c];
            std::string classes = right(c) ? "num" : short_word(value) ? "nowrap" : "";
            if (const auto cls = highlight(c < tones.size() ? tones[c] : Tone::plain); !cls.empty()) {
                classes += (classes.empty() ? "" : " ") + std::string(cls);
            }
            out += fmt::format("<td{}>{}</td>", classes.empty() ? "" : fmt::format(" class=\"{}\"", classes),
                               escape_xml(value));
        }
        out += "</tr>\n";
        write(out);
    }
    write("</tbody>\n</table></div>\n");
}

void write_section_html(const ReportSection& section, const Write& write)
{
    std::string out = fmt::format("<section>\n<h2>{}</h2>\n", escape_xml(section.title));
    if (!section.facts.empty()) {
        out += "<dl class=\"facts\">\n";
        for (const auto& [label, value] : section.facts) {
            out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", escape_xml(label), escape_xml(value));
        }
        out += "</dl>\n";
    }
    for (const auto& paragraph : section.paragraphs) {
        out += fmt::format("<p class=\"text\">{}</p>\n", escape_xml_text(paragraph));
    }
    if (section.table) {
        write(out);
        out.clear();
        write_table_html(*section.table, write);
    } else if (section.facts.empty() && section.paragraphs.empty()) {
        out += fmt::format("<p class=\"empty\">{}</p>\n", escape_xml(section.empty));
    }
    write(out + "</section>\n");
}

std::string section_html(const ReportSection& section)
{
    return collected([&](const Write& write) { write_section_html(section, write); });
}

// No `<` or `&` in here: the page must stay well-formed XML.
std::string html_page_start(std::string_view title)
{
    const auto heading = escape_xml(title);
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                      "<meta name=\"color-scheme\" content=\"light\"/>\n";
    out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<h1>{}</h1>\n", heading, stylesheet,
                       heading);
    return out;
}

std::string html_page_end(std::string_view footer)
{
    return fmt::format("<footer>{}</footer>\n</body>\n</html>\n", escape_xml(footer));
}

std::string html_page(std::string_view title, const std::string& body, std::string_view footer)
{
    return html_page_start(title) + body + html_page_end(footer);
}

} // namespace pov::render
