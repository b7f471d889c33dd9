// The report as one self-contained HTML5 page: the shared sections of report_sections() drawn as
// definition lists and tables, and five inline SVG charts (status, win rate, load, timeline, ARR).
// The page is also well-formed XML (void elements closed, every text and attribute escaped,
// only the five XML entities), fetches nothing, and holds no wall-clock time: the same figures
// give the same bytes.
#include "pov/date.hpp"
#include "pov/text.hpp"
#include "render/html.hpp"
#include "render/report.hpp"
#include "render/width.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

namespace pov::render {

namespace {

// A label inside a chart, whose full text goes in a <title> tooltip: control characters shown
// first (`\x1b`), then clipped to `columns` display columns. Not XML-escaped.
std::string chart_label(std::string_view raw, std::size_t columns)
{
    return clip(escape_control(raw), columns);
}

std::string name_or_dash(const std::string& name)
{
    return name.empty() ? std::string(dash) : name;
}

// A coordinate with one fixed decimal, so the geometry is the same bytes on every run.
std::string px(double value)
{
    return fmt::format("{:.1f}", value);
}

// ---------------------------------------------------------------------------------------------
// SVG pieces

std::string svg_open(std::string_view id, int width, int height, std::string_view title)
{
    return fmt::format("<svg id=\"{0}\" class=\"chart\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" height=\"{2}\" "
                       "role=\"img\" aria-labelledby=\"{0}-title\">\n<title id=\"{0}-title\">{3}</title>\n",
                       id, width, height, escape_xml(title));
}

std::string svg_text(double x, double y, std::string_view text, std::string_view css_class = "",
                     std::string_view anchor = "start")
{
    return fmt::format("<text x=\"{}\" y=\"{}\"{}{}>{}</text>\n", px(x), px(y),
                       css_class.empty() ? "" : fmt::format(" class=\"{}\"", css_class),
                       anchor == "start" ? "" : fmt::format(" text-anchor=\"{}\"", anchor), escape_xml(text));
}

std::string svg_rect(double x, double y, double w, double h, std::string_view css_class)
{
    return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{}\"/>\n", px(x), px(y),
                       px(std::max(w, 0.0)), px(std::max(h, 0.0)), css_class);
}

std::string svg_line(double x1, double y1, double x2, double y2, std::string_view css_class)
{
    return fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"{}\"/>\n", px(x1), px(y1), px(x2), px(y2),
                       css_class);
}

// A chart in its frame: a caption, then the SVG, or a short note when there is nothing to draw.
std::string chart_figure(std::string_view caption, const std::string& svg, std::string_view no_data, bool wide = false)
{
    std::string out = fmt::format("<figure class=\"chart-box{}\">\n<figcaption>{}</figcaption>\n", wide ? " wide" : "",
                                  escape_xml(caption));
    out += svg.empty() ? fmt::format("<p class=\"no-data\">No data: {}</p>\n", escape_xml(no_data)) : svg;
    return out + "</figure>\n";
}

// Integer tick spacing that gives at most eight ticks up to `max`.
int tick_step(int max)
{
    for (const int step : {1, 2, 5, 10, 20, 50, 100, 200, 500}) {
        if (max / step <= 8) {
            return step;
        }
    }
    return max / 8 + 1;
}

// Day spacing of the timeline's date ticks: at most six intervals over `span` days.
long day_step(long span)
{
    for (const long step : {1L, 2L, 7L, 14L, 28L, 56L, 91L, 182L, 364L}) {
        if (span / step <= 6) {
            return step;
        }
    }
    return (span / 6 / 364 + 1) * 364;
}

// Layout shared by the two per-SA bar charts: a name column, bars, a value column.
struct BarLayout {
    static constexpr int width = 360;
    static constexpr int label_right = 108; // names end here (anchored at the end)
    static constexpr int bar_left = 116;
    static constexpr int bar_width = 130;
    static constexpr int row_height = 26;
    static constexpr int bar_height = 16;
    static constexpr std::size_t name_columns = 16;
};

// One SA's name at the start of a bar row, clipped, with the full name as a tooltip.
std::string sa_label(const GroupRow& row, double y)
{
    const auto name = name_or_dash(row.name);
    return fmt::format("<g><title>{}</title>\n{}</g>\n", escape_xml(name),
                       svg_text(BarLayout::label_right, y, chart_label(name, BarLayout::name_columns), "label", "end"));
}

// ---------------------------------------------------------------------------------------------
// Charts

// 1. POVs by status, one vertical bar per status, as of the as-of date.
std::string status_chart(const ReportFigures& f)
{
    const int total = std::accumulate(f.counts.begin(), f.counts.end(), 0);
    const auto caption = "POVs by status";
    const auto as_of = format_date(f.range.as_of());
    if (total == 0) {
        return chart_figure(caption, "", fmt::format("no POV as of {}.", as_of));
    }
    constexpr int width = 360;
    constexpr int height = 236;
    constexpr int left = 16;
    constexpr int baseline = 196;
    constexpr int plot_height = 160;
    constexpr int slot = (width - 2 * left) / 5;
    constexpr int bar_width = 40;
    const int max = *std::max_element(f.counts.begin(), f.counts.end());

    std::string title = fmt::format("POVs by status as of {}:", as_of);
    for (std::size_t i = 0; i < f.counts.size(); ++i) {
        title += fmt::format("{} {} {}", i == 0 ? "" : ",", EnumNames<Status>::names[i], f.counts[i]);
    }
    std::string svg = svg_open("chart-status", width, height, title);
    for (std::size_t i = 0; i < f.counts.size(); ++i) {
        const auto name = EnumNames<Status>::names[i];
        const int n = f.counts[i];
        const int bar = n == 0 ? 0 : std::max(2, static_cast<int>(std::lround(n * double(plot_height) / max)));
        const int x = left + static_cast<int>(i) * slot + (slot - bar_width) / 2;
        svg += svg_rect(x, baseline - bar, bar_width, bar, fmt::format("bar status-{}", name));
        svg += svg_text(x + bar_width / 2.0, baseline - bar - 6, std::to_string(n), "value", "middle");
        svg += svg_text(x + bar_width / 2.0, baseline + 18, name, "tick", "middle");
    }
    svg += svg_line(left, baseline, width - left, baseline, "axis");
    svg += "</svg>\n";
    return chart_figure(caption, svg, "");
}

// 2. Win rate per SA in the period: horizontal bars on 0–100%, "–" when nothing closed.
std::string win_rate_chart(const ReportFigures& f)
{
    const auto caption = "Win rate per SA in the period (won/closed)";
    if (f.per_sa.empty()) {
        return chart_figure(caption, "", "no POV in progress or closed in the period.");
    }
    using L = BarLayout;
    constexpr int top = 8;
    const int rows_bottom = top + static_cast<int>(f.per_sa.size()) * L::row_height;
    const int height = rows_bottom + 26;

    std::string title = "Win rate per SA in the period:";
    for (std::size_t i = 0; i < f.per_sa.size(); ++i) {
        const auto& row = f.per_sa[i];
        title += fmt::format("{} {} {}", i == 0 ? "" : ",", name_or_dash(row.name), percent(row.tally.win_rate()));
    }
    std::string svg = svg_open("chart-win-rate", L::width, height, title);
    for (const int tick : {0, 50, 100}) {
        const double x = L::bar_left + L::bar_width * tick / 100.0;
        svg += svg_line(x, top, x, rows_bottom, tick == 0 ? "axis" : "grid");
        svg += svg_text(x, rows_bottom + 16, fmt::format("{}%", tick), "tick", "middle");
    }
    for (std::size_t i = 0; i < f.per_sa.size(); ++i) {
        const auto& row = f.per_sa[i];
        const int y = top + static_cast<int>(i) * L::row_height;
        const int bar_y = y + (L::row_height - L::bar_height) / 2;
        const double text_y = bar_y + L::bar_height - 3;
        svg += sa_label(row, text_y);
        svg += svg_rect(L::bar_left, bar_y, L::bar_width, L::bar_height, "track");
        const auto rate = row.tally.win_rate();
        if (!rate) {
            svg += svg_text(L::bar_left + 6, text_y, std::string(dash), "value muted");
            continue;
        }
        const double length = L::bar_width * std::clamp(*rate, 0.0, 1.0);
        svg += svg_rect(L::bar_left, bar_y, length, L::bar_height, "bar rate");
        svg += svg_text(L::bar_left + L::bar_width + 6, text_y,
                        fmt::format("{} ({}/{})", percent(rate), row.tally.won, row.tally.closed), "value");
    }
    svg += "</svg>\n";
    return chart_figure(caption, svg, "");
}

// 3. POVs in progress per SA against the concurrency limit (a dashed line); over it in warning colour.
std::string load_chart(const ReportFigures& f)
{
    const auto caption = fmt::format("In progress per SA (limit {})", f.concurrency_limit);
    if (f.per_sa.empty()) {
        return chart_figure(caption, "", "no POV in progress or closed in the period.");
    }
    using L = BarLayout;
    constexpr int top = 22;
    const int rows_bottom = top + static_cast<int>(f.per_sa.size()) * L::row_height;
    const int height = rows_bottom + 26;
    int max = std::max(f.concurrency_limit, 1);
    for (const auto& row : f.per_sa) {
        max = std::max(max, row.tally.in_progress);
    }
    const auto x_of = [&](int n) { return L::bar_left + L::bar_width * double(n) / max; };

    std::string title = fmt::format("In progress per SA against the limit of {}:", f.concurrency_limit);
    for (std::size_t i = 0; i < f.per_sa.size(); ++i) {
        const auto& row = f.per_sa[i];
        title += fmt::format("{} {} {}{}", i == 0 ? "" : ",", name_or_dash(row.name), row.tally.in_progress,
                             row.over_limit ? " (over limit)" : "");
    }
    std::string svg = svg_open("chart-load", L::width, height, title);
    const int step = tick_step(max);
    for (int tick = 0; tick <= max; tick += step) {
        svg += svg_line(x_of(tick), top, x_of(tick), rows_bottom, tick == 0 ? "axis" : "grid");
        svg += svg_text(x_of(tick), rows_bottom + 16, std::to_string(tick), "tick", "middle");
    }
    for (std::size_t i = 0; i < f.per_sa.size(); ++i) {
        const auto& row = f.per_sa[i];
        const int y = top + static_cast<int>(i) * L::row_height;
        const int bar_y = y + (L::row_height - L::bar_height) / 2;
        const double text_y = bar_y + L::bar_height - 3;
        const int n = row.tally.in_progress;
        svg += sa_label(row, text_y);
        svg += svg_rect(L::bar_left, bar_y, x_of(n) - L::bar_left, L::bar_height,
                        row.over_limit ? "bar over" : "bar load");
        svg += svg_text(x_of(n) + 6, text_y, row.over_limit ? fmt::format("{} · over limit", n) : std::to_string(n),
                        row.over_limit ? "value over" : "value");
    }
    if (f.concurrency_limit > 0) {
        const double x = x_of(f.concurrency_limit);
        svg += svg_line(x, top - 6, x, rows_bottom, "limit");
        svg += svg_text(x, top - 9, fmt::format("limit {}", f.concurrency_limit), "tick limit-label", "middle");
    }
    svg += "</svg>\n";
    return chart_figure(caption, svg, "");
}

// 4. Running POVs from their start to their planned end, the original end marked when extended,
// and a line at the as-of date.
std::string timeline_chart(const ReportFigures& f)
{
    const auto caption = "Running POVs: start to planned end";
    const auto as_of = f.range.as_of();
    if (f.timeline.empty()) {
        return chart_figure(caption, "", fmt::format("no POV in progress as of {}.", format_date(as_of)), true);
    }
    constexpr int width = 960;
    constexpr int name_x = 4;
    constexpr int plot_left = 270;
    constexpr int plot_right = 790; // end-date labels go to the right of the bars
    constexpr int top = 28;
    constexpr int row_height = 36;
    constexpr int bar_height = 14;
    const int rows_bottom = top + static_cast<int>(f.timeline.size()) * row_height;
    const int axis_y = rows_bottom + 4;
    const int legend_y = axis_y + 44;
    const int height = legend_y + 10;

    Date lo = as_of;
    Date hi = as_of;
    for (const auto& item : f.timeline) {
        lo = std::min({lo, item.started_on, item.end});
        hi = std::max({hi, item.started_on, item.end});
        if (item.original_end) {
            lo = std::min(lo, *item.original_end);
            hi = std::max(hi, *item.original_end);
        }
    }
    const long span = std::max(days_between(lo, hi), 1L);
    const auto x_of = [&](Date day) {
        return plot_left + (plot_right - plot_left) * double(days_between(lo, day)) / span;
    };

    std::string svg = svg_open("chart-timeline", width, height,
                               fmt::format("Timeline of {} as of {}, from {} to {}",
                                           counted(static_cast<long long>(f.timeline.size()), "running POV"),
                                           format_date(as_of), format_date(lo), format_date(hi)));
    // The date axis, with light grid lines across the rows.
    const long step = day_step(span);
    for (long day = 0; day <= span; day += step) {
        const double x = x_of(add_days(lo, day));
        svg += svg_line(x, top, x, axis_y, "grid");
        svg += svg_line(x, axis_y, x, axis_y + 4, "axis");
        svg += svg_text(x, axis_y + 17, format_date(add_days(lo, day)), "tick", "middle");
    }
    svg += svg_line(plot_left, axis_y, plot_right, axis_y, "axis");

    for (std::size_t i = 0; i < f.timeline.size(); ++i) {
        const auto& item = f.timeline[i];
        const int y = top + static_cast<int>(i) * row_height;
        const int bar_y = y + (row_height - bar_height) / 2;
        const bool late = item.end < as_of;
        std::string tooltip = fmt::format("#{} {} ({}): {} → {}", item.pov.id, item.pov.name, name_or_dash(item.pov.sa),
                                          format_date(item.started_on), format_date(item.end));
        std::string end_label = format_date(item.end);
        if (item.original_end) {
            tooltip += fmt::format(", extended from {}", format_date(*item.original_end));
            end_label += fmt::format(", was {}", format_date(*item.original_end).substr(5));
        }
        if (late) {
            tooltip += ", past its planned end";
            end_label += " · overdue";
        }
        svg += fmt::format("<g class=\"row\"><title>{}</title>\n", escape_xml(tooltip));
        if (i % 2 == 1) {
            svg += svg_rect(0, y, width, row_height, "stripe");
        }
        svg += svg_text(name_x, y + 16, chart_label(fmt::format("#{} {}", item.pov.id, item.pov.name), 40), "label");
        svg += svg_text(name_x, y + 30, chart_label(name_or_dash(item.pov.sa), 40), "label muted");
        const double start_x = x_of(item.started_on);
        const double end_x = x_of(item.end);
        const auto bar_class = late ? "bar late" : "bar planned";
        if (item.original_end && *item.original_end < item.end) {
            const double original_x = x_of(*item.original_end);
            svg += svg_rect(start_x, bar_y, original_x - start_x, bar_height, bar_class);
            svg += svg_rect(original_x, bar_y, end_x - original_x, bar_height,
                            late ? "bar late extension" : "bar extension");
            svg += svg_line(original_x, bar_y - 4, original_x, bar_y + bar_height + 4, "original-end");
        } else {
            svg += svg_rect(start_x, bar_y, std::max(end_x - start_x, 2.0), bar_height, bar_class);
        }
        svg += svg_text(std::max(end_x, start_x + 2.0) + 6, bar_y + bar_height - 3, end_label,
                        late ? "value over" : "value");
        svg += "</g>\n";
    }

    // The as-of line, labelled with its date; the label kept inside the plot.
    const double as_of_x = x_of(as_of);
    svg += svg_line(as_of_x, top - 8, as_of_x, axis_y, "as-of");
    svg += svg_text(std::clamp(as_of_x, plot_left + 50.0, plot_right - 50.0), top - 12,
                    fmt::format("as of {}", format_date(as_of)), "tick as-of-label", "middle");

    // Legend, in words as well as colours.
    int x = plot_left;
    const auto key = [&](std::string_view swatch_class, std::string_view label, int label_width) {
        svg += svg_rect(x, legend_y - 10, 14, 10, swatch_class);
        svg += svg_text(x + 19, legend_y - 1, label, "tick", "start");
        x += label_width;
    };
    key("bar planned", "planned", 80);
    key("bar extension", "extension", 90);
    key("bar late", "past planned end", 130);
    svg += svg_line(x + 6, legend_y - 13, x + 6, legend_y + 1, "original-end");
    svg += svg_text(x + 14, legend_y - 1, "original end", "tick", "start");
    x += 100;
    svg += svg_line(x + 6, legend_y - 13, x + 6, legend_y + 1, "as-of");
    svg += svg_text(x + 14, legend_y - 1, "as-of date", "tick", "start");
    svg += "</svg>\n";
    return chart_figure(caption, svg, "", true);
}

// 5. Net ARR won and lost per week of the period: a green and a red bar per week, on a money axis.
std::string arr_chart(const ReportFigures& f)
{
    const auto caption = "Net ARR won and lost per week";
    if (f.arr_by_week.empty()) {
        return chart_figure(caption, "", "no POV closed in the period.", true);
    }
    constexpr int width = 960;
    constexpr int plot_left = 72;
    constexpr int plot_right = 944;
    constexpr int top = 16;
    constexpr int baseline = 196;
    constexpr int plot_height = baseline - top;
    constexpr int legend_y = baseline + 50;
    constexpr int height = legend_y + 10;
    std::int64_t max = 0;
    for (const auto& week : f.arr_by_week) {
        max = std::max({max, week.won, week.lost});
    }
    // A round step for the axis, 1, 2, 2.5 or 5 times a power of ten, four of which reach the top.
    std::int64_t step = 1;
    for (std::int64_t power = 1;; power *= 10) {
        const std::int64_t candidates[] = {power, power * 2, power * 5 / 2, power * 5};
        const auto found = std::find_if(std::begin(candidates), std::end(candidates),
                                        [&](std::int64_t candidate) { return candidate * 4 >= max; });
        if (found != std::end(candidates)) {
            step = *found;
            break;
        }
    }
    const double top_value = static_cast<double>(step * 4);
    const auto y_of = [&](std::int64_t value) {
        return baseline - plot_height * static_cast<double>(value) / top_value;
    };

    std::string title = "Net ARR won and lost per week:";
    for (std::size_t i = 0; i < f.arr_by_week.size(); ++i) {
        const auto& week = f.arr_by_week[i];
        title += fmt::format("{} week to {} won {} lost {}", i == 0 ? "" : ",", format_date(week.to), money(week.won),
                             money(week.lost));
    }
    std::string svg = svg_open("chart-arr", width, height, title);
    for (int tick = 0; tick <= 4; ++tick) {
        const double y = y_of(step * tick);
        svg += svg_line(plot_left, y, plot_right, y, tick == 0 ? "axis" : "grid");
        svg += svg_text(plot_left - 6, y + 4, money(step * tick), "tick", "end");
    }
    const double slot = double(plot_right - plot_left) / static_cast<double>(f.arr_by_week.size());
    const double bar = std::clamp(slot * 0.35, 1.0, 36.0);
    // Label every week while they fit, else every few.
    const auto label_every = static_cast<std::size_t>(std::ceil(80.0 / slot));
    for (std::size_t i = 0; i < f.arr_by_week.size(); ++i) {
        const auto& week = f.arr_by_week[i];
        const double middle = plot_left + slot * (static_cast<double>(i) + 0.5);
        svg += fmt::format("<g><title>{}</title>\n",
                           escape_xml(fmt::format("{} → {}: won {}, lost {}", format_date(week.from),
                                                  format_date(week.to), money(week.won), money(week.lost))));
        svg += svg_rect(middle - bar, y_of(week.won), bar, baseline - y_of(week.won), "bar won");
        svg += svg_rect(middle, y_of(week.lost), bar, baseline - y_of(week.lost), "bar lost");
        if (slot >= 60) {
            if (week.won > 0) {
                svg += svg_text(middle - bar / 2, y_of(week.won) - 4, money(week.won), "value", "middle");
            }
            if (week.lost > 0) {
                svg += svg_text(middle + bar / 2, y_of(week.lost) - 4, money(week.lost), "value", "middle");
            }
        }
        svg += "</g>\n";
        if (i % label_every == 0 || i + 1 == f.arr_by_week.size()) {
            svg += svg_text(middle, baseline + 17, format_date(week.to).substr(5), "tick", "middle");
        }
    }
    svg += svg_text(plot_left, baseline + 34, "week ending", "tick muted", "start");
    svg += svg_rect(plot_left + 120, legend_y - 10, 14, 10, "bar won");
    svg += svg_text(plot_left + 139, legend_y - 1, fmt::format("won ({})", money(f.arr.won)), "tick", "start");
    svg += svg_rect(plot_left + 260, legend_y - 10, 14, 10, "bar lost");
    svg += svg_text(plot_left + 279, legend_y - 1, fmt::format("lost ({})", money(f.arr.lost)), "tick", "start");
    svg += "</svg>\n";
    return chart_figure(caption, svg, "", true);
}

} // namespace

void write_report_html(const ReportFigures& figures, const Write& write)
{
    write(html_page_start(report_title(figures)));
    const auto sections = report_sections(figures);
    // The summary first, then the charts at a glance, then the tables.
    for (std::size_t i = 0; i < sections.size(); ++i) {
        write_section_html(sections[i], write);
        if (i == 0) {
            write("<h2>At a glance</h2>\n<div class=\"charts\">\n");
            write(status_chart(figures) + win_rate_chart(figures) + load_chart(figures) + timeline_chart(figures) +
                  arr_chart(figures));
            write("</div>\n");
        }
    }
    write(
        html_page_end(fmt::format("Generated by pov from the records as of {}.", format_date(figures.range.as_of()))));
}

std::string report_html(const ReportFigures& figures)
{
    return collected([&](const Write& write) { write_report_html(figures, write); });
}

} // namespace pov::render
