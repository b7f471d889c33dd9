#include "render/results.hpp"

#include "pov/duration.hpp"
#include "render/html.hpp"

#include <fmt/format.h>

namespace pov::render {

namespace {

std::string or_dash(const std::string& text)
{
    return text.empty() ? std::string(dash) : text;
}

std::string person(const std::string& name, const std::optional<Date>& signed_on, bool signs)
{
    if (name.empty()) {
        return std::string(dash);
    }
    if (!signs) {
        return name;
    }
    return signed_on ? fmt::format("{} (signed off the criteria {})", name, format_date(*signed_on))
                     : fmt::format("{} (has not signed off the current criteria)", name);
}

std::string outcome_line(const Pov& pov, Date today)
{
    switch (pov.status) {
    case Status::closed:
        return fmt::format("{} on {}", pov.result == Result::successful ? "Successful" : "Unsuccessful",
                           pov.closed_on ? format_date(*pov.closed_on) : std::string(dash));
    case Status::cancelled:
        return fmt::format("Cancelled on {}", pov.closed_on ? format_date(*pov.closed_on) : std::string(dash));
    case Status::in_progress: return fmt::format("In progress (as of {})", format_date(today));
    case Status::qualified: return "Qualified, not started";
    case Status::new_: return "Not yet qualified";
    }
    return "";
}

ReportSection timeline(const Pov& pov, Date today)
{
    ReportSection section{"Timeline", {}, {}, {}, {}};
    if (pov.start && pov.end) {
        const auto original_end = pov.extensions.empty() ? *pov.end : pov.extensions.front().from;
        section.facts.push_back(
            {"Planned", fmt::format("{} → {} ({} days)", format_date(*pov.start), format_date(original_end),
                                    duration_days(*pov.start, original_end))});
        if (!pov.extensions.empty()) {
            section.facts.push_back({"Extended to", fmt::format("{} ({} days)", format_date(*pov.end),
                                                                duration_days(*pov.start, *pov.end))});
        }
    }
    if (pov.started_on) {
        const auto finished = pov.closed_on.value_or(today);
        section.facts.push_back(
            {"Actual", fmt::format("{} → {} ({} days{})", format_date(*pov.started_on),
                                   pov.closed_on ? format_date(*pov.closed_on) : "today",
                                   days_between(*pov.started_on, finished), pov.closed_on ? "" : " so far")});
    }
    if (!pov.extensions.empty()) {
        ReportTable table{{"EXTENDED ON", "FROM", "TO", "REASON"}, {}, {}, {}};
        for (const auto& extension : pov.extensions) {
            table.rows.push_back(
                {format_date(extension.on), format_date(extension.from), format_date(extension.to), extension.reason});
        }
        section.table = std::move(table);
    }
    section.empty = "Not scheduled yet.";
    return section;
}

} // namespace

std::string_view verdict(CapabilityStatus status)
{
    switch (status) {
    case CapabilityStatus::met: return "pass";
    case CapabilityStatus::partial: return "partial";
    case CapabilityStatus::not_met: return "fail";
    case CapabilityStatus::pending: return "pending";
    }
    return "";
}

std::string results_title(const Pov& pov)
{
    return fmt::format("Proof of Value results: {} ({})", pov.name, pov.account);
}

std::vector<ReportSection> results_sections(const Pov& pov, Date today)
{
    std::vector<ReportSection> sections;

    ReportSection summary{"Summary", {}, {}, {}, {}};
    summary.facts = {
        {"Outcome", outcome_line(pov, today)},
        {"Solution", or_dash(pov.solution)},
        {"Type", fmt::format("{} POV", to_string(pov.type))},
    };
    if (pov.result) {
        summary.facts.push_back({"Why", or_dash(pov.reason)});
    }
    if (pov.result == Result::unsuccessful) {
        summary.facts.push_back({"Competitor", or_dash(pov.competitor)});
        if (pov.loss_type) {
            summary.facts.push_back({"Loss", std::string(to_string(*pov.loss_type))});
        }
    }
    sections.push_back(std::move(summary));

    ReportSection objective{"Objective and desired outcomes", {}, {}, "No objective recorded.", {}};
    for (const auto& [label, text] : {std::pair<const char*, const std::string*>{"Objective", &pov.objective},
                                      {"Desired future", &pov.desired_future},
                                      {"Business outcomes", &pov.business_outcomes},
                                      {"In scope", &pov.in_scope},
                                      {"Out of scope", &pov.out_of_scope}}) {
        if (!text->empty()) {
            objective.paragraphs.push_back(fmt::format("{}: {}", label, *text));
        }
    }
    sections.push_back(std::move(objective));

    ReportSection criteria{"Success criteria", {}, {}, "No success criteria recorded.", {}};
    if (!pov.capabilities.empty()) {
        int passed = 0;
        ReportTable table{{"#", "CRITERION", "TARGET", "BUSINESS OUTCOME", "RESULT", "EVIDENCE"}, {true}, {}, {}};
        for (const auto& capability : pov.capabilities) {
            passed += capability.status == CapabilityStatus::met ? 1 : 0;
            table.rows.push_back({std::to_string(capability.n), capability.title, or_dash(capability.target),
                                  or_dash(capability.outcome), std::string(verdict(capability.status)),
                                  or_dash(capability.evidence)});
        }
        criteria.facts.push_back({"Met", fmt::format("{} of {}", passed, pov.capabilities.size())});
        criteria.table = std::move(table);
    }
    sections.push_back(std::move(criteria));

    ReportSection value{"Metrics and impact", {}, {}, "No metrics or impact recorded.", {}};
    for (const auto& [label, text] : {std::pair<const char*, const std::string*>{"Metrics", &pov.metrics},
                                      {"Impact of not solving it", &pov.impact},
                                      {"Why now", &pov.why_now},
                                      {"Pain", &pov.pain}}) {
        if (!text->empty()) {
            value.paragraphs.push_back(fmt::format("{}: {}", label, *text));
        }
    }
    sections.push_back(std::move(value));

    sections.push_back(timeline(pov, today));

    ReportSection people{"Stakeholders and sign-offs", {}, {}, {}, {}};
    people.facts = {
        {"Executive sponsor", person(pov.economic_buyer, pov.eb_signoff, true)},
        {"Champion", person(pov.champion, pov.champion_signoff, true)},
        {"Technical lead", person(pov.technical_lead, {}, false)},
        {"Business owner", person(pov.business_owner, {}, false)},
        {"Solutions Architect", or_dash(pov.sa)},
        {"Account owner", or_dash(pov.owner)},
        {"Customer Success Manager", or_dash(pov.csm)},
    };
    sections.push_back(std::move(people));

    ReportSection findings{"Findings", {}, {}, "No journal entries or retrospectives recorded.", {}};
    if (!pov.journal.empty()) {
        ReportTable table{{"DATE", "KIND", "FINDING"}, {}, {}, {}};
        for (const auto& entry : pov.journal) {
            table.rows.push_back({format_date(entry.on), std::string(to_string(entry.kind)), entry.text});
        }
        findings.table = std::move(table);
    }
    sections.push_back(std::move(findings));

    ReportSection next{"Next steps", {}, {}, "No next steps recorded.", {}};
    if (!pov.next_steps.empty()) {
        next.paragraphs.push_back(pov.next_steps);
    }
    if (!pov.customer_commitments.empty()) {
        next.paragraphs.push_back("Customer commitments: " + pov.customer_commitments);
    }
    sections.push_back(std::move(next));
    return sections;
}

std::string results_markdown(const Pov& pov, Date today)
{
    std::string out = "# " + markdown_escape(results_title(pov)) + "\n";
    for (const auto& section : results_sections(pov, today)) {
        out += markdown_section(section);
    }
    return out;
}

std::string results_html(const Pov& pov, Date today)
{
    std::string body;
    for (const auto& section : results_sections(pov, today)) {
        body += section_html(section);
    }
    return html_page(results_title(pov), body,
                     fmt::format("Prepared by {} with pov on {}.", or_dash(pov.sa), format_date(today)));
}

std::string results_document(const Pov& pov, DocumentFormat format, Date today)
{
    return format == DocumentFormat::html ? results_html(pov, today) : results_markdown(pov, today);
}

} // namespace pov::render
