// The report as data: JSON (section 12) and CSV (section 13).
#include "pov/fields.hpp"
#include "pov/json_text.hpp"
#include "pov/risks.hpp"
#include "render/csv.hpp"
#include "render/report.hpp"
#include "render/views.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include <fmt/format.h>

namespace pov::render {

namespace {

// Whole numbers print as integers (42, not 42.0), so JSON, CSV and text read alike; the rest
// exactly as computed (22.333333333333332): only people's formats round (contract section 7).
Json optional_number(std::optional<double> value)
{
    if (!value) {
        return nullptr;
    }
    if (*value == std::floor(*value) && std::fabs(*value) < 1e15) {
        return static_cast<std::int64_t>(*value);
    }
    return *value;
}

Json tally_json(const char* key, const GroupRow& row, bool with_limit)
{
    Json out = Json::object();
    out[key] = row.name.empty() ? Json(nullptr) : Json(row.name);
    out["in_progress"] = row.tally.in_progress;
    if (with_limit) {
        out["over_limit"] = row.over_limit;
    }
    out["closed"] = row.tally.closed;
    out["won"] = row.tally.won;
    out["lost"] = row.tally.lost;
    out["win_rate"] = optional_number(row.tally.win_rate());
    out["arr_won"] = row.tally.arr_won;
    return out;
}

template <typename E> std::optional<std::string_view> optional_name(const std::optional<E>& value)
{
    return value ? std::optional(to_string(*value)) : std::nullopt;
}

// The long lists' items, each described once (json_text.hpp's ObjectBuilder): built as JSON
// values for report_json, written as dump(2) text for the report's streamed JSON.

// The members that name an item's POV, first in every list: id, name, the account (closed and
// cancelled lists) and the SA.
template <typename Object> void named_members(Object& o, const PovRef& pov, const std::string* account = nullptr)
{
    o.member("id", pov.id);
    o.member("name", pov.name);
    if (account != nullptr) {
        o.member("account", *account);
    }
    o.member("sa", pov.sa);
}

template <typename Object> void attention_members(Object& o, const AttentionItem& item)
{
    Json advice = Json::array();
    for (const auto risk : item.risks) {
        advice.push_back(std::string(risk_advice(risk)));
    }
    named_members(o, item.pov);
    o.member("status", to_string(item.status));
    o.member("end", date_or_null(item.end));
    o.member("risks", risks_json(item.risks));
    o.member("advice", advice);
}

template <typename Object> void timeline_members(Object& o, const TimelineItem& item)
{
    named_members(o, item.pov);
    o.member("started_on", format_date(item.started_on));
    o.member("end", format_date(item.end));
    o.member("original_end", date_or_null(item.original_end));
}

template <typename Object> void closed_members(Object& o, const ClosedItem& item)
{
    named_members(o, item.pov, &item.account);
    o.member("result", optional_name(item.result));
    o.member("reason", text_or_null(item.reason));
    o.member("competitor", text_or_null(item.competitor));
    o.member("loss_type", optional_name(item.loss_type));
    o.member("net_arr", item.net_arr);
    o.member("closed_on", format_date(item.closed_on));
    o.member("days", item.days);
}

template <typename Object> void cancelled_members(Object& o, const CancelledItem& item)
{
    named_members(o, item.pov, &item.account);
    o.member("reason", text_or_null(item.reason));
    o.member("on", format_date(item.on));
}

Json attention_json(const AttentionItem& item)
{
    return built_object([&](ObjectBuilder& o) { attention_members(o, item); });
}

Json timeline_json(const TimelineItem& item)
{
    return built_object([&](ObjectBuilder& o) { timeline_members(o, item); });
}

Json closed_json(const ClosedItem& item)
{
    return built_object([&](ObjectBuilder& o) { closed_members(o, item); });
}

Json cancelled_json(const CancelledItem& item)
{
    return built_object([&](ObjectBuilder& o) { cancelled_members(o, item); });
}

// The report's long lists, by their key in the JSON document: each item written `level` deep.
struct LongList {
    const char* key;
    std::size_t size;
    std::function<void(std::string&, std::size_t, int)> write;
};

template <typename Item>
LongList long_list(const char* key, const std::vector<Item>& items, void (*members)(ObjectWriter&, const Item&))
{
    return {key, items.size(), [&items, members](std::string& out, std::size_t i, int level) {
                ObjectWriter object(out, 2, level);
                members(object, items[i]);
                object.end();
            }};
}

std::vector<LongList> long_lists(const ReportFigures& f)
{
    return {long_list("attention", f.attention, &attention_members<ObjectWriter>),
            long_list("timeline", f.timeline, &timeline_members<ObjectWriter>),
            long_list("closed", f.closed_list, &closed_members<ObjectWriter>),
            long_list("cancelled", f.cancelled_list, &cancelled_members<ObjectWriter>)};
}

// `value` as dump(2) writes it `level` levels deep: its inner lines indented that much more (a
// dumped string holds no newline of its own).
void append_dump(std::string& out, const Json& value, int level)
{
    append_indented_json(out, json_text(value), 2, level);
}

// The document without its long lists' items (report_json_text adds them).
Json report_json(const ReportFigures& f, bool with_lists);

} // namespace

std::string competitor_label(const std::string& competitor)
{
    return competitor.empty() ? "(none)" : competitor;
}

Json report_json(const ReportFigures& f)
{
    return report_json(f, true);
}

// The JSON document as report_json(f).dump(2) + "\n" would write it, without holding the long
// lists as JSON values or the whole text: each item is built and written in turn, and the text
// handed to `write` a block at a time.
void write_report_json(const ReportFigures& f, const Write& write)
{
    constexpr std::size_t block = 64 * 1024;
    const auto head = report_json(f, false);
    const auto lists = long_lists(f);
    std::string out = "{";
    out.reserve(2 * block);
    const auto flush = [&](std::size_t at_least) {
        if (out.size() >= at_least) {
            write(out);
            out.clear();
        }
    };
    bool first = true;
    for (const auto& [key, value] : head.items()) {
        out += first ? "\n  " : ",\n  ";
        first = false;
        append_json_string(out, key);
        out += ": ";
        const auto list = std::find_if(lists.begin(), lists.end(), [&](const LongList& l) { return key == l.key; });
        if (list == lists.end() || list->size == 0) {
            append_dump(out, value, 1);
            continue;
        }
        out += "[";
        for (std::size_t i = 0; i < list->size; ++i) {
            out += i == 0 ? "\n    " : ",\n    ";
            list->write(out, i, 2);
            flush(block);
        }
        out += "\n  ]";
    }
    out += first ? "}\n" : "\n}\n";
    flush(0);
}

std::string collected(const std::function<void(const Write&)>& render)
{
    std::string out;
    render([&out](std::string_view text) { out += text; });
    return out;
}

std::string report_json_text(const ReportFigures& f)
{
    return collected([&](const Write& write) { write_report_json(f, write); });
}

namespace {

Json report_json(const ReportFigures& f, bool with_lists)
{
    Json out = Json::object();
    out["as_of"] = format_date(f.range.as_of());
    out["since"] = date_json(f.range.since);
    out["until"] = format_date(f.range.until);
    out["sa"] = f.sa.empty() ? Json(nullptr) : Json(f.sa);
    auto& counts = out["counts"] = Json::object();
    for (std::size_t i = 0; i < f.counts.size(); ++i) {
        counts[std::string(EnumNames<Status>::names[i])] = f.counts[i];
    }
    out["period"] = {
        {"created", f.created}, {"started", f.started}, {"won", f.won}, {"lost", f.lost}, {"cancelled", f.cancelled}};
    out["win_rate"] = {{"period", optional_number(f.win_rate_period)},
                       {"overall", optional_number(f.win_rate_overall)}};
    out["days_in_pov"] = {
        {"median", optional_number(f.days_median)}, {"mean", optional_number(f.days_mean)}, {"count", f.days_count}};
    out["length"] = {{"planned_mean", optional_number(f.planned_days_mean)},
                     {"actual_mean", optional_number(f.actual_days_mean)}};
    out["extensions"] = {{"granted", f.extensions_granted}, {"povs", f.povs_extended}, {"endless", f.endless}};
    out["concurrency_limit"] = f.concurrency_limit;
    auto& per_sa = out["per_sa"] = Json::array();
    for (const auto& row : f.per_sa) {
        per_sa.push_back(tally_json("sa", row, true));
    }
    auto& per_type = out["per_type"] = Json::array();
    for (const auto& row : f.per_type) {
        per_type.push_back(tally_json("type", row, false));
    }
    auto& per_solution = out["per_solution"] = Json::array();
    for (const auto& row : f.per_solution) {
        per_solution.push_back(tally_json("solution", row, false));
    }
    Json by_competitor = Json::object();
    for (const auto& [competitor, count] : f.losses_by_competitor) {
        by_competitor[competitor_label(competitor)] = count;
    }
    out["losses"] = {{"by_competitor", by_competitor},
                     {"by_type", {{"technical", f.losses_technical}, {"non-technical", f.losses_non_technical}}}};
    out["capability_hit_rate"] = optional_number(f.capability_hit_rate);
    out["capabilities"] = {{"met", f.capabilities_met}, {"total", f.capabilities_total}};
    auto& attention = out["attention"] = Json::array();
    for (std::size_t i = 0; with_lists && i < f.attention.size(); ++i) {
        attention.push_back(attention_json(f.attention[i]));
    }
    Json ending = Json::array();
    for (const auto& item : f.ending) {
        ending.push_back(
            {{"id", item.pov.id}, {"name", item.pov.name}, {"sa", item.pov.sa}, {"end", format_date(item.date)}});
    }
    Json starting = Json::array();
    for (const auto& item : f.starting) {
        starting.push_back(
            {{"id", item.pov.id}, {"name", item.pov.name}, {"sa", item.pov.sa}, {"start", format_date(item.date)}});
    }
    out["upcoming"] = {{"days", f.upcoming_days}, {"ending", ending}, {"starting", starting}};
    auto& timeline = out["timeline"] = Json::array();
    for (std::size_t i = 0; with_lists && i < f.timeline.size(); ++i) {
        timeline.push_back(timeline_json(f.timeline[i]));
    }
    auto& closed = out["closed"] = Json::array();
    for (std::size_t i = 0; with_lists && i < f.closed_list.size(); ++i) {
        closed.push_back(closed_json(f.closed_list[i]));
    }
    auto& cancelled = out["cancelled"] = Json::array();
    for (std::size_t i = 0; with_lists && i < f.cancelled_list.size(); ++i) {
        cancelled.push_back(cancelled_json(f.cancelled_list[i]));
    }
    out["arr"] = {{"in_pov", f.arr.in_pov},
                  {"won", f.arr.won},
                  {"lost", f.arr.lost},
                  {"change_during_pov", f.arr.change_during_pov},
                  {"change_povs", f.arr.change_povs}};
    auto& weeks = out["arr_by_week"] = Json::array();
    for (const auto& week : f.arr_by_week) {
        weeks.push_back(
            {{"from", format_date(week.from)}, {"to", format_date(week.to)}, {"won", week.won}, {"lost", week.lost}});
    }
    return out;
}

} // namespace

// One long table, `section,name,metric,value`, from the JSON so both carry the same numbers: the
// document without its long lists, whose items are built one at a time (as write_report_json
// writes them), and the rows handed to `write` a block at a time.
void write_report_csv(const ReportFigures& f, const Write& write)
{
    constexpr std::size_t block = 64 * 1024;
    const auto json = report_json(f, false);
    std::string out = csv_row({"section", "name", "metric", "value"});
    const auto row = [&](const std::string& section, const std::string& name, const std::string& metric,
                         const Json& value) {
        out += csv_row({section, name, metric, csv_value(value)});
        if (out.size() >= block) {
            write(out);
            out.clear();
        }
    };
    for (const auto* key : {"as_of", "since", "until", "sa"}) {
        row("report", "", key, json[key]);
    }
    row("report", "", "concurrency_limit", json["concurrency_limit"]);
    for (const auto* section : {"counts", "period", "win_rate", "days_in_pov", "length", "extensions"}) {
        for (const auto& [metric, value] : json[section].items()) {
            row(section, "", metric, value);
        }
    }
    const std::pair<const char*, const char*> groups[] = {
        {"per_sa", "sa"}, {"per_type", "type"}, {"per_solution", "solution"}};
    for (const auto& [section, key] : groups) {
        for (const auto& item : json[section]) {
            for (const auto& [metric, value] : item.items()) {
                if (metric != key) {
                    row(section, csv_value(item[key]), metric, value);
                }
            }
        }
    }
    for (const auto& [competitor, count] : json["losses"]["by_competitor"].items()) {
        row("losses_by_competitor", competitor, "count", count);
    }
    for (const auto& [type, count] : json["losses"]["by_type"].items()) {
        row("losses_by_type", type, "count", count);
    }
    row("capabilities", "", "hit_rate", json["capability_hit_rate"]);
    row("capabilities", "", "met", json["capabilities"]["met"]);
    row("capabilities", "", "total", json["capabilities"]["total"]);
    for (const auto& attention : f.attention) {
        const auto item = attention_json(attention);
        const auto id = csv_value(item["id"]);
        row("attention", id, "name", item["name"]);
        row("attention", id, "sa", item["sa"]);
        row("attention", id, "risks", fmt::format("{}", fmt::join(item["risks"].get<std::vector<std::string>>(), ";")));
    }
    for (const auto& [metric, value] : json["arr"].items()) {
        row("arr", "", metric, value);
    }
    const auto item_rows = [&](const char* section, const Json& item) {
        const auto id = csv_value(item["id"]);
        for (const auto& [metric, value] : item.items()) {
            if (metric != "id") {
                row(section, id, metric, value);
            }
        }
    };
    for (const auto& item : f.closed_list) {
        item_rows("closed", closed_json(item));
    }
    for (const auto& item : f.cancelled_list) {
        item_rows("cancelled", cancelled_json(item));
    }
    for (const auto& week : json["arr_by_week"]) {
        const auto from = csv_value(week["from"]);
        for (const auto& [metric, value] : week.items()) {
            if (metric != "from") {
                row("arr_by_week", from, metric, value);
            }
        }
    }
    for (const auto* kind : {"ending", "starting"}) {
        for (const auto& item : json["upcoming"][kind]) {
            const auto id = csv_value(item["id"]);
            row(std::string("upcoming_") + kind, id, "name", item["name"]);
            row(std::string("upcoming_") + kind, id, "sa", item["sa"]);
            row(std::string("upcoming_") + kind, id, kind == std::string("ending") ? "end" : "start",
                item[kind == std::string("ending") ? "end" : "start"]);
        }
    }
    write(out);
}

std::string report_csv(const ReportFigures& f)
{
    return collected([&](const Write& write) { write_report_csv(f, write); });
}

void write_report(const ReportFigures& figures, ReportFormat format, const Style& style, const Write& write)
{
    switch (format) {
    case ReportFormat::text: write_report_text(figures, style, write); return;
    case ReportFormat::markdown: write_report_markdown(figures, write); return;
    case ReportFormat::json: write_report_json(figures, write); return;
    case ReportFormat::csv: write_report_csv(figures, write); return;
    case ReportFormat::html: write_report_html(figures, write); return;
    }
}

} // namespace pov::render
