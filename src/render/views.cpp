#include "render/views.hpp"

#include "pov/document.hpp"
#include "pov/duration.hpp"
#include "pov/json_text.hpp"
#include "pov/risks.hpp"
#include "pov/text.hpp"
#include "pov/values.hpp"
#include "render/table.hpp"
#include "render/width.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace pov::render {

namespace {

constexpr std::size_t label_width = 16;

// Lines after the first indented by `column` spaces.
std::string hanging(const std::string& text, std::size_t column)
{
    std::string out;
    for (const char c : text) {
        out += c;
        if (c == '\n') {
            out += std::string(column, ' ');
        }
    }
    return out;
}

// "label   value", continuation lines of multi-line values indented under the value.
std::string labelled(std::string_view label, const std::string& value, std::string_view indent = "")
{
    // A label as wide as the column still gets one space before its value.
    const auto pad = padding(label, std::max(label_width, display_width(label) + 1));
    const auto out = hanging(escape_control(value, true), display_width(indent) + label_width);
    return fmt::format("{}{}{}{}\n", indent, label, pad, out.empty() ? std::string(dash) : out);
}

// A titled block of labelled values (the command plan, the proposal), after a blank line.
std::string labelled_block(std::string_view title,
                           std::initializer_list<std::pair<std::string_view, std::string_view>> entries,
                           const Style& style)
{
    std::string out = "\n" + style.bold(title) + "\n";
    for (const auto& [label, value] : entries) {
        out += labelled(label, std::string(value), "  ");
    }
    return out;
}

std::string people(std::initializer_list<std::pair<std::string_view, std::string>> entries)
{
    std::string out;
    for (const auto& [role, name] : entries) {
        out += fmt::format("{}{} {}", out.empty() ? "" : " · ", role, shown(name));
    }
    return out;
}

std::string signoff_note(const std::string& person, const std::optional<Date>& signed_on)
{
    if (person.empty()) {
        return "";
    }
    return signed_on ? fmt::format(" (signed off {})", format_date(*signed_on)) : " (not signed off)";
}

std::string status_line(const Pov& pov, Date today)
{
    auto line = std::string(to_string(pov.status));
    if (pov.status == Status::in_progress && pov.started_on) {
        line += fmt::format(" since {}", format_date(*pov.started_on));
        if (pov.end) {
            const long left = days_between(today, *pov.end);
            line += left >= 0 ? fmt::format(", {} days left", left) : fmt::format(", {} days overdue", -left);
        }
    }
    if ((pov.status == Status::closed || pov.status == Status::cancelled) && pov.closed_on) {
        line += fmt::format(" on {}", format_date(*pov.closed_on));
    }
    return line;
}

std::string json_value_text(const Json& value)
{
    if (value.is_null()) {
        return std::string(dash);
    }
    if (value.is_string()) {
        return escape_control(value.get<std::string>());
    }
    return escape_control(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

// A journal entry's line after its `head` (its day and kind), its text hanging under itself. A
// shared note is one the customer may read (the results document).
std::string journal_line(const std::string& head, const JournalEntry& entry)
{
    const auto text = (entry.shared ? "[shared] " : "") + escape_control(entry.text, true);
    return head + hanging(text, display_width(head)) + "\n";
}

} // namespace

Json record_json(const Pov& pov, const std::vector<Risk>& risks, bool with_journal)
{
    auto json = to_json(pov, with_journal);
    json["risks"] = risks_json(risks);
    return json;
}

Json risks_json(const std::vector<Risk>& risks)
{
    Json out = Json::array();
    for (const auto risk : risks) {
        out.push_back(std::string(to_string(risk)));
    }
    return out;
}

Json records_json(const std::vector<Pov>& povs, const std::vector<std::vector<Risk>>& risks)
{
    Json array = Json::array();
    for (std::size_t i = 0; i < povs.size(); ++i) {
        array.push_back(record_json(povs[i], risks[i], false));
    }
    return array;
}

void ListJsonWriter::add(const Pov& pov, const std::vector<Risk>& risks)
{
    // record_json(pov, risks, false) laid out at depth 1 of the array.
    text_ = count_ == 0 ? "[\n  " : ",\n  ";
    ObjectWriter record(text_, 2, 1);
    write_record_members(record, pov, false);
    record.member("risks", risks_json(risks));
    record.end();
    sink_(text_);
    ++count_;
}

void ListJsonWriter::finish()
{
    sink_(count_ == 0 ? "[]\n" : "\n]\n");
}

Json capabilities_json(const std::vector<Capability>& capabilities)
{
    Json array = Json::array();
    for (const auto& capability : capabilities) {
        array.push_back(to_json(capability));
    }
    return array;
}

Json events_json(const std::vector<Event>& events)
{
    Json array = Json::array();
    for (const auto& event : events) {
        array.push_back(to_json(event));
    }
    return array;
}

Json qualification_json(const QualifyOutcome& result)
{
    Json checks = Json::array();
    for (const auto& check : result.qualification.checks) {
        checks.push_back({{"rule", check.rule}, {"ok", check.ok}, {"detail", check.detail}});
    }
    return {{"id", result.pov.id},
            {"qualified", result.qualification.qualified},
            {"status", std::string(to_string(result.pov.status))},
            {"checks", checks}};
}

std::string render_show(const Pov& pov, const std::vector<Risk>& risks, Date today, const Style& style)
{
    std::string out = style.bold(fmt::format("POV {}: {}", pov.id, escape_control(pov.name))) + "\n";
    out += labelled("Account", pov.account + (pov.opportunity.empty() ? "" : " · opportunity " + pov.opportunity));
    out += labelled("Status", status_line(pov, today));
    std::string type = std::string(to_string(pov.type)) + " · " + std::string(to_string(pov.segment));
    if (pov.strategic) {
        type += " · strategic";
    }
    out += labelled("Type", type);
    out += labelled("Solution", pov.solution);
    std::string deal = pov.deal ? std::string(to_string(*pov.deal)) : std::string(dash);
    deal += " · stage " + (pov.stage ? std::to_string(*pov.stage) : std::string(dash));
    deal += " · net ARR " + (pov.net_arr ? format_money(*pov.net_arr) : std::string(dash));
    if (pov.lam_significant) {
        deal += " · significant LAM";
    }
    out += labelled("Deal", deal);
    std::string schedule = fmt::format("{} → {}", shown(pov.start), shown(pov.end));
    if (pov.start && pov.end) {
        schedule += fmt::format(" ({} days)", duration_days(*pov.start, *pov.end));
    }
    if (!pov.extensions.empty()) {
        schedule += " · " + counted(static_cast<long long>(pov.extensions.size()), "extension");
    }
    out += labelled("Schedule", schedule);
    out += labelled("Exec review", shown(pov.exec_review_on));
    out += labelled("Team", people({{"SA", pov.sa}, {"owner", pov.owner}, {"CSM", pov.csm}}));
    out += labelled("Champion", shown(pov.champion) + signoff_note(pov.champion, pov.champion_signoff));
    out += labelled("Economic buyer", shown(pov.economic_buyer) + signoff_note(pov.economic_buyer, pov.eb_signoff));
    out +=
        labelled("Customer", people({{"technical lead", pov.technical_lead}, {"business owner", pov.business_owner}}));
    out += labelled("Approval", pov.approved_by.empty()
                                    ? std::string(dash)
                                    : fmt::format("{} on {}", pov.approved_by, shown(pov.approved_on)));
    out += labelled("PS positioned", pov.ps_positioned ? "yes" : "no");
    if (pov.type == PovType::paid) {
        out += labelled("Licence", pov.license_purchased ? "purchased" : "not purchased");
    }
    if (pov.result) {
        std::string result = std::string(to_string(*pov.result)) + ": " + pov.reason;
        if (!pov.competitor.empty()) {
            result += " · competitor " + pov.competitor;
        }
        if (pov.loss_type) {
            result += " · " + std::string(to_string(*pov.loss_type));
        }
        out += labelled("Result", result);
    } else if (!pov.reason.empty()) {
        out += labelled("Reason", pov.reason);
    }

    if (!risks.empty()) {
        out += "\n" + style.bold("Risks") + "\n";
        for (const auto risk : risks) {
            const auto name = to_string(risk);
            out += fmt::format("  {}{}{}\n", style.risk(name), padding(name, 20), risk_advice(risk));
        }
    }

    out += "\n" + style.bold(fmt::format("Success criteria ({})", pov.capabilities.size())) + "\n";
    out += pov.capabilities.empty() ? "  none yet: pov cap add " + std::to_string(pov.id) + " TITLE --target T\n"
                                    : render_capabilities(pov.capabilities, style);

    out += labelled_block("Command plan",
                          {{"Why now", pov.why_now},
                           {"Why anything", pov.why_anything},
                           {"Metrics", pov.metrics},
                           {"Decision", pov.decision_process},
                           {"Pain", pov.pain},
                           {"EB access", pov.eb_access},
                           {"Impact", pov.impact},
                           {"Future", pov.desired_future},
                           {"Outcomes", pov.business_outcomes}},
                          style);
    out += labelled_block("Proposal",
                          {{"Objective", pov.objective},
                           {"In scope", pov.in_scope},
                           {"Out of scope", pov.out_of_scope},
                           {"Commitments", pov.customer_commitments},
                           {"Next steps", pov.next_steps}},
                          style);
    out += labelled_block("Results", {{"Impact", pov.business_impact}, {"Findings", pov.findings}}, style);
    if (!pov.extensions.empty()) {
        out += "\n" + style.bold("Extensions") + "\n";
        for (const auto& extension : pov.extensions) {
            out += fmt::format("  {} → {}  {} (on {})\n", format_date(extension.from), format_date(extension.to),
                               escape_control(extension.reason), format_date(extension.on));
        }
    }
    if (!pov.journal.empty()) {
        out += "\n" + style.bold("Journal") + "\n";
        for (const auto& entry : pov.journal) {
            const auto kind = to_string(entry.kind);
            out += journal_line(fmt::format("  {}  {}{}  ", format_date(entry.on), kind, padding(kind, 5)), entry);
        }
    }
    return out;
}

std::string render_journal(const std::vector<JournalEntry>& journal, const Style& style)
{
    const auto width = std::to_string(journal.size()).size();
    std::string out = style.bold(fmt::format("{:>{}}  {:<10}  {:<5}  {}", "N", width, "ON", "KIND", "TEXT")) + "\n";
    int n = 0;
    for (const auto& entry : journal) {
        out += journal_line(
            fmt::format("{:>{}}  {}  {:<5}  ", ++n, width, format_date(entry.on), to_string(entry.kind)), entry);
    }
    return out;
}

std::string render_capabilities(const std::vector<Capability>& capabilities, const Style& style)
{
    Table table({"N", "STATUS", "TITLE", "TARGET", "OUTCOME", "EVIDENCE"}, {true});
    for (const auto& capability : capabilities) {
        const auto status = to_string(capability.status);
        const auto color = capability.status == CapabilityStatus::met       ? Color::green
                           : capability.status == CapabilityStatus::not_met ? Color::red
                           : capability.status == CapabilityStatus::partial ? Color::yellow
                                                                            : Color::none;
        table.add({std::to_string(capability.n), std::string(status), escape_control(capability.title),
                   shown(capability.target), shown(capability.outcome), shown(capability.evidence)},
                  {Color::none, color});
    }
    return table.render(style, "  ");
}

ListTable::ListTable(Date today)
    : today_(today), table_({"ID", "NAME", "ACCOUNT", "SA", "TYPE", "STATUS", "END", "LEFT", "RISKS"},
                            {true, false, false, false, false, false, false, true})
{
    table_.may_clip({1, 2, 3});
}

void ListTable::add(const Pov& pov, const std::vector<Risk>& risks)
{
    std::string left;
    if (pov.status == Status::in_progress && pov.end) {
        left = std::to_string(days_between(today_, *pov.end));
    }
    std::string names;
    for (const auto risk : risks) {
        names += (names.empty() ? "" : ",") + std::string(to_string(risk));
    }
    const bool overdue = !risks.empty() && risks.front() == Risk::overdue;
    table_.add({std::to_string(pov.id), escape_control(pov.name), escape_control(pov.account), escape_control(pov.sa),
                std::string(to_string(pov.type)), std::string(to_string(pov.status)), shown(pov.end),
                left.empty() ? std::string(dash) : left, names},
               {Color::none, Color::none, Color::none, Color::none, Color::none,
                pov.status == Status::in_progress ? Color::cyan : Color::none, Color::none,
                overdue ? Color::red : Color::none, names.empty() ? Color::none : Color::yellow});
}

std::string ListTable::render(const Style& style, std::size_t max_width) const
{
    return table_.render(style, "", max_width);
}

std::string render_list(const std::vector<Pov>& povs, const std::vector<std::vector<Risk>>& risks, Date today,
                        const Style& style, std::size_t max_width)
{
    ListTable table(today);
    for (std::size_t i = 0; i < povs.size(); ++i) {
        table.add(povs[i], risks[i]);
    }
    return table.render(style, max_width);
}

std::string render_history(const std::vector<Event>& events, const Style& style)
{
    std::string out;
    for (const auto& event : events) {
        out += fmt::format("{}  {}", style.dim(event.at), style.bold(to_string(event.kind)));
        if (!event.detail.empty()) {
            out += "  " + escape_control(event.detail);
        }
        out += "\n";
        for (const auto& [field, change] : event.changes.items()) {
            out +=
                fmt::format("    {}: {} → {}\n", field, json_value_text(change.at(0)), json_value_text(change.at(1)));
        }
    }
    return out;
}

std::string render_qualification(const QualifyOutcome& result, bool dry_run, const Style& style)
{
    const auto& pov = result.pov;
    const auto& qualification = result.qualification;
    std::string out = fmt::format("Qualification of POV {}: {}\n", pov.id, escape_control(pov.name));
    std::size_t failed = 0;
    for (const auto& check : qualification.checks) {
        failed += check.ok ? 0 : 1;
        out += fmt::format("  {}  {}{} {}\n", check.ok ? style.green("ok  ") : style.red("FAIL"), check.rule,
                           padding(check.rule, 15), escape_control(check.detail));
    }
    if (qualification.qualified) {
        out += fmt::format("All {} checks pass.\n", qualification.checks.size());
    } else {
        out += fmt::format("Not qualified: {} of {} checks fail.\n", failed, qualification.checks.size());
    }
    if (result.status_changed && result.needs_approval) {
        out += fmt::format("POV {} is now qualified; it needs a manager's approval before it starts: "
                           "pov approve {} --by NAME\n",
                           pov.id, pov.id);
    } else if (result.status_changed) {
        out += fmt::format("POV {} is now qualified; start it with pov start {}\n", pov.id, pov.id);
    } else if (qualification.qualified && dry_run && pov.status == Status::new_) {
        out += fmt::format("POV {} would be qualified (dry run: nothing changed)\n", pov.id);
    }
    return out;
}

} // namespace pov::render
