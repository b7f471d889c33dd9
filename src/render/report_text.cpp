// The report for people: sections laid out once, drawn as text (aligned tables) or Markdown.
#include "pov/risks.hpp"
#include "pov/text.hpp"
#include "render/report.hpp"
#include "render/table.hpp"
#include "render/width.hpp"

#include <cmath>

#include <fmt/format.h>

namespace pov::render {

namespace {

std::vector<Color> tone_colors(const std::vector<Tone>& tones)
{
    std::vector<Color> colors;
    for (const auto tone : tones) {
        colors.push_back(tone == Tone::bad ? Color::red : tone == Tone::warn ? Color::yellow : Color::none);
    }
    return colors;
}

std::string count(int n, std::string_view one, std::string_view many)
{
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

ReportTable tally_table(std::string_view first, const std::vector<GroupRow>& rows, bool with_limit)
{
    ReportTable table{{std::string(first), "IN PROGRESS", "CLOSED", "WON", "LOST", "WIN RATE", "ARR WON"},
                      {false, true, true, true, true, true, true},
                      {},
                      {}};
    for (const auto& row : rows) {
        auto in_progress = std::to_string(row.tally.in_progress);
        if (with_limit && row.over_limit) {
            in_progress += " (over limit)";
        }
        table.rows.push_back({row.name.empty() ? std::string(dash) : row.name, in_progress,
                              std::to_string(row.tally.closed), std::to_string(row.tally.won),
                              std::to_string(row.tally.lost), percent(row.tally.win_rate()), money(row.tally.arr_won)});
        table.tones.push_back({Tone::plain, with_limit && row.over_limit ? Tone::bad : Tone::plain});
    }
    return table;
}

std::string risk_names(const std::vector<Risk>& risks)
{
    std::string out;
    for (const auto risk : risks) {
        out += (out.empty() ? "" : ", ") + std::string(to_string(risk));
    }
    return out;
}

std::string signed_money(std::int64_t dollars)
{
    return (dollars > 0 ? "+" : "") + money(dollars);
}

std::string optional_name(const auto& value)
{
    return value ? std::string(to_string(*value)) : std::string(dash);
}

std::string text_or_dash(const std::string& text)
{
    return text.empty() ? std::string(dash) : text;
}

ReportSection closed_section(const ReportFigures& f)
{
    ReportSection section{
        fmt::format("Closed in the period ({})", f.closed_list.size()), {}, {}, "No POV closed in the period.", {}};
    if (f.closed_list.empty()) {
        return section;
    }
    ReportTable table{
        {"ID", "NAME", "ACCOUNT", "SA", "RESULT", "NET ARR", "DAYS", "CLOSED", "REASON", "COMPETITOR", "LOSS TYPE"},
        {true, false, false, false, false, true, true, false, false, false, false},
        {},
        {}};
    table.generated = f.closed_list.size();
    table.row_at = [&f](std::size_t r, std::vector<std::string>& cells, std::vector<Tone>& tones) {
        const auto& item = f.closed_list[r];
        cells = {std::to_string(item.pov.id),
                 item.pov.name,
                 item.account,
                 item.pov.sa,
                 optional_name(item.result),
                 money(item.net_arr),
                 item.days ? std::to_string(*item.days) : std::string(dash),
                 format_date(item.closed_on),
                 text_or_dash(item.reason),
                 text_or_dash(item.competitor),
                 optional_name(item.loss_type)};
        const bool lost = item.result == Result::unsuccessful;
        tones = {Tone::plain, Tone::plain, Tone::plain, Tone::plain, lost ? Tone::bad : Tone::plain};
    };
    section.table = std::move(table);
    return section;
}

ReportSection cancelled_section(const ReportFigures& f)
{
    ReportSection section{fmt::format("Cancelled in the period ({})", f.cancelled_list.size()),
                          {},
                          {},
                          "No POV cancelled in the period.",
                          {}};
    if (f.cancelled_list.empty()) {
        return section;
    }
    ReportTable table{
        {"ID", "NAME", "ACCOUNT", "SA", "ON", "REASON"}, {true, false, false, false, false, false}, {}, {}};
    for (const auto& item : f.cancelled_list) {
        table.rows.push_back({std::to_string(item.pov.id), item.pov.name, item.account, item.pov.sa,
                              format_date(item.on), text_or_dash(item.reason)});
    }
    section.table = std::move(table);
    return section;
}

ReportTable upcoming_table(const std::vector<UpcomingItem>& items, std::string_view date_header)
{
    ReportTable table{{"ID", "NAME", "SA", std::string(date_header)}, {true, false, false, false}, {}, {}};
    for (const auto& item : items) {
        table.rows.push_back({std::to_string(item.pov.id), item.pov.name, item.pov.sa, format_date(item.date)});
    }
    return table;
}

} // namespace

std::string markdown_escape(std::string_view text)
{
    std::string out;
    for (const char c : escape_control(text, true)) {
        if (c == '|' || c == '\\' || c == '*' || c == '`' || c == '<' || c == '>' || c == '[' || c == ']') {
            out += '\\';
        }
        out += c;
    }
    return out;
}

std::string percent(std::optional<double> rate)
{
    return rate ? fmt::format("{}%", std::lround(*rate * 100.0)) : std::string(dash);
}

std::string decimal(std::optional<double> value)
{
    if (!value) {
        return std::string(dash);
    }
    if (*value == std::floor(*value)) {
        return fmt::format("{}", static_cast<long long>(*value));
    }
    return fmt::format("{:.1f}", *value);
}

std::string period_label(const ReportFigures& f)
{
    if (!f.range.since) {
        return fmt::format("everything up to {}", format_date(f.range.until));
    }
    return fmt::format("{} → {}", format_date(*f.range.since), format_date(f.range.until));
}

std::string report_title(const ReportFigures& f)
{
    return fmt::format("POV report: {}{}", period_label(f), f.sa.empty() ? "" : " · SA " + f.sa);
}

std::vector<ReportSection> report_sections(const ReportFigures& f)
{
    std::vector<ReportSection> sections;

    ReportSection summary{"Summary", {}, {}, {}, {}};
    std::string counts;
    for (std::size_t i = 0; i < f.counts.size(); ++i) {
        counts += fmt::format("{}{} {}", i == 0 ? "" : " · ", EnumNames<Status>::names[i], f.counts[i]);
    }
    summary.facts = {
        {"As of", format_date(f.range.as_of())},
        {"By status", counts},
        {"In the period", fmt::format("created {} · started {} · won {} · lost {} · cancelled {}", f.created, f.started,
                                      f.won, f.lost, f.cancelled)},
        {"Win rate",
         fmt::format("{} in the period · {} overall", percent(f.win_rate_period), percent(f.win_rate_overall))},
        {"Net ARR", fmt::format("{} in POV · {} won · {} lost in the period", money(f.arr.in_pov), money(f.arr.won),
                                money(f.arr.lost))},
        {"ARR change in POV",
         fmt::format("{} (at close minus at start, over {})", signed_money(f.arr.change_during_pov),
                     count(f.arr.change_povs, "POV closed in the period", "POVs closed in the period"))},
        {"Days in POV", fmt::format("median {} · mean {} (over {})", decimal(f.days_median), decimal(f.days_mean),
                                    count(f.days_count, "POV closed in the period", "POVs closed in the period"))},
        {"Planned vs actual", fmt::format("{} planned · {} actual days on average", decimal(f.planned_days_mean),
                                          decimal(f.actual_days_mean))},
        {"Extensions", fmt::format("{} granted in the period to {} · {} open with more than {}", f.extensions_granted,
                                   count(f.povs_extended, "POV", "POVs"), f.endless, f.max_extensions)},
        {"Capability hit rate", fmt::format("{} ({} of {} criteria met in POVs closed in the period)",
                                            percent(f.capability_hit_rate), f.capabilities_met, f.capabilities_total)},
    };
    sections.push_back(std::move(summary));
    sections.push_back(closed_section(f));
    sections.push_back(cancelled_section(f));

    sections.push_back({fmt::format("Per SA (limit {} in progress)", f.concurrency_limit),
                        {},
                        f.per_sa.empty() ? std::nullopt : std::optional(tally_table("SA", f.per_sa, true)),
                        "No POV in progress or closed in the period.",
                        {}});
    sections.push_back({"Per type",
                        {},
                        f.per_type.empty() ? std::nullopt : std::optional(tally_table("TYPE", f.per_type, false)),
                        "No POV in progress or closed in the period.",
                        {}});
    sections.push_back(
        {"Per solution",
         {},
         f.per_solution.empty() ? std::nullopt : std::optional(tally_table("SOLUTION", f.per_solution, false)),
         "No POV in progress or closed in the period.",
         {}});

    ReportSection losses{"Losses", {}, {}, "No POV lost in the period.", {}};
    if (f.lost > 0) {
        losses.facts.push_back(
            {"By type", fmt::format("technical {} · non-technical {}", f.losses_technical, f.losses_non_technical)});
        ReportTable table{{"COMPETITOR", "LOSSES"}, {false, true}, {}, {}};
        for (const auto& [competitor, n] : f.losses_by_competitor) {
            table.rows.push_back({competitor_label(competitor), std::to_string(n)});
        }
        losses.table = std::move(table);
    }
    sections.push_back(std::move(losses));

    ReportSection attention{
        fmt::format("Needs attention ({})", f.attention.size()), {}, {}, "No open POV has a risk.", {}};
    if (!f.attention.empty()) {
        ReportTable table{{"ID", "NAME", "SA", "STATUS", "END", "RISKS", "WHAT TO DO"},
                          {true, false, false, false, false, false, false},
                          {},
                          {}};
        for (const auto& item : f.attention) {
            const bool severe = item.risks.front() <= Risk::unsigned_criteria;
            table.rows.push_back({std::to_string(item.pov.id), item.pov.name, item.pov.sa,
                                  std::string(to_string(item.status)),
                                  item.end ? format_date(*item.end) : std::string(dash), risk_names(item.risks),
                                  std::string(risk_advice(item.risks.front()))});
            table.tones.push_back(
                {Tone::plain, Tone::plain, Tone::plain, Tone::plain, Tone::plain, severe ? Tone::bad : Tone::warn});
        }
        attention.table = std::move(table);
    }
    sections.push_back(std::move(attention));

    sections.push_back({fmt::format("Ending in the next {} days", f.upcoming_days),
                        {},
                        f.ending.empty() ? std::nullopt : std::optional(upcoming_table(f.ending, "END")),
                        "None.",
                        {}});
    sections.push_back({fmt::format("Starting in the next {} days", f.upcoming_days),
                        {},
                        f.starting.empty() ? std::nullopt : std::optional(upcoming_table(f.starting, "START")),
                        "None.",
                        {}});
    return sections;
}

void write_report_text(const ReportFigures& figures, const Style& style, const Write& write)
{
    write(style.bold(escape_control(report_title(figures))) + "\n");
    for (const auto& section : report_sections(figures)) {
        std::string out = "\n" + style.bold(section.title) + "\n";
        std::size_t label_width = 0;
        for (const auto& [label, value] : section.facts) {
            label_width = std::max(label_width, display_width(label));
        }
        for (const auto& [label, value] : section.facts) {
            out += fmt::format("  {}{}  {}\n", label, padding(label, label_width), escape_control(value));
        }
        if (!section.table && section.facts.empty()) {
            out += "  " + section.empty + "\n";
        }
        write(out);
        if (section.table) {
            const auto& source = *section.table;
            std::vector<Tone> tones;
            Table(source.headers, source.right_aligned)
                .write(
                    style, "  ", source.size(),
                    [&](std::size_t r, std::vector<std::string>& cells, std::vector<Color>& colors) {
                        source.row(r, cells, tones);
                        for (auto& cell : cells) {
                            cell = escape_control(cell);
                        }
                        colors = tone_colors(tones);
                    },
                    write);
        }
    }
}

std::string report_text(const ReportFigures& figures, const Style& style)
{
    return collected([&](const Write& write) { write_report_text(figures, style, write); });
}

void ReportTable::row(std::size_t r, std::vector<std::string>& cells, std::vector<Tone>& tones) const
{
    cells.clear();
    tones.clear();
    if (r >= rows.size()) {
        row_at(r - rows.size(), cells, tones);
        return;
    }
    cells = rows[r];
    if (r < this->tones.size()) {
        tones = this->tones[r];
    }
}

void write_markdown_section(const ReportSection& section, const Write& write)
{
    std::string out = "\n## " + markdown_escape(section.title) + "\n\n";
    for (const auto& [label, value] : section.facts) {
        out += fmt::format("- **{}**: {}\n", markdown_escape(label), markdown_escape(value));
    }
    for (const auto& paragraph : section.paragraphs) {
        out += (section.facts.empty() && &paragraph == &section.paragraphs.front() ? "" : "\n");
        // A line break inside a paragraph stays a line break (two trailing spaces).
        std::string text = markdown_escape(paragraph);
        std::string broken;
        for (const char c : text) {
            broken += c == '\n' ? std::string("  \n") : std::string(1, c);
        }
        out += broken + "\n";
    }
    if (section.table) {
        if (!section.facts.empty() || !section.paragraphs.empty()) {
            out += "\n";
        }
        const auto& table = *section.table;
        std::string header = "|";
        std::string rule = "|";
        for (std::size_t c = 0; c < table.headers.size(); ++c) {
            header += " " + markdown_escape(table.headers[c]) + " |";
            rule += c < table.right_aligned.size() && table.right_aligned[c] ? " ---: |" : " --- |";
        }
        out += header + "\n" + rule + "\n";
        write(out);
        out.clear();
        std::vector<std::string> row;
        std::vector<Tone> tones;
        for (std::size_t r = 0; r < table.size(); ++r) {
            table.row(r, row, tones);
            out = "|";
            for (const auto& value : row) {
                std::string cell = markdown_escape(value);
                std::string flat;
                for (const char c : cell) {
                    flat += c == '\n' ? std::string("<br>") : std::string(1, c);
                }
                out += " " + flat + " |";
            }
            out += "\n";
            write(out);
        }
        out.clear();
    } else if (section.facts.empty() && section.paragraphs.empty()) {
        out += section.empty + "\n";
    }
    write(out);
}

std::string markdown_section(const ReportSection& section)
{
    return collected([&](const Write& write) { write_markdown_section(section, write); });
}

void write_report_markdown(const ReportFigures& figures, const Write& write)
{
    write("# " + markdown_escape(report_title(figures)) + "\n");
    for (const auto& section : report_sections(figures)) {
        write_markdown_section(section, write);
    }
}

std::string report_markdown(const ReportFigures& figures)
{
    return collected([&](const Write& write) { write_report_markdown(figures, write); });
}

} // namespace pov::render
