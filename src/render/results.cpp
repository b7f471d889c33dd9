#include "render/results.hpp"

#include "pov/duration.hpp"
#include "render/html.hpp"

#include <fmt/format.h>

namespace pov::render {

const std::string_view internal_notice =
    "Internal: for the account team only. It holds internal notes and retrospectives; do not send it to the "
    "customer.";

namespace {

std::string or_dash(const std::string& text)
{
    return text.empty() ? std::string(dash) : text;
}

std::string or_dash(const std::optional<Date>& date)
{
    return date ? format_date(*date) : std::string(dash);
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
                           or_dash(pov.closed_on));
    case Status::cancelled: return fmt::format("Cancelled on {}", or_dash(pov.closed_on));
    case Status::in_progress: return fmt::format("In progress (as of {})", format_date(today));
    case Status::qualified: return "Qualified, not started";
    case Status::new_: return "Not yet qualified";
    }
    return "";
}

// A section of free text: one paragraph per filled (label, text), else `empty`.
ReportSection text_section(std::string title, std::string empty,
                           std::initializer_list<std::pair<const char*, const std::string*>> parts)
{
    ReportSection section{std::move(title), {}, {}, std::move(empty), {}};
    for (const auto& [label, text] : parts) {
        if (!text->empty()) {
            section.paragraphs.push_back(*label == '\0' ? *text : fmt::format("{}: {}", label, *text));
        }
    }
    return section;
}

ReportSection outcome(const Pov& pov, Date today, bool internal)
{
    ReportSection section{"Outcome", {}, {}, {}, {}};
    section.facts = {{"Outcome", outcome_line(pov, today)}};
    // Why it ended: a closed POV's reason, and a cancelled one's too.
    if (pov.status == Status::closed || pov.status == Status::cancelled) {
        section.facts.push_back(
            {pov.status == Status::cancelled ? "Why it was cancelled" : "Why", or_dash(pov.reason)});
    }
    // Who won a lost deal, and how the account team classes the loss, are the account team's.
    if (internal && pov.result == Result::unsuccessful) {
        section.facts.push_back({"Competitor", or_dash(pov.competitor)});
        section.facts.push_back({"Loss", pov.loss_type ? std::string(to_string(*pov.loss_type)) : std::string(dash)});
    }
    section.facts.push_back({"Solution", or_dash(pov.solution)});
    section.facts.push_back({"Type", fmt::format("{} POV", to_string(pov.type))});
    return section;
}

ReportSection criteria(const Pov& pov)
{
    ReportSection section{"Success criteria", {}, {}, "No success criteria recorded.", {}};
    if (pov.capabilities.empty()) {
        return section;
    }
    int met = 0;
    ReportTable table{{"#", "CRITERION", "TARGET", "BUSINESS OUTCOME", "RESULT", "EVIDENCE"}, {true}, {}, {}};
    for (const auto& capability : pov.capabilities) {
        met += capability.status == CapabilityStatus::met ? 1 : 0;
        table.rows.push_back({std::to_string(capability.n), capability.title, or_dash(capability.target),
                              or_dash(capability.outcome), std::string(verdict(capability.status)),
                              or_dash(capability.evidence)});
    }
    section.facts.push_back({"Met", fmt::format("{} of {}", met, pov.capabilities.size())});
    section.table = std::move(table);
    return section;
}

ReportSection timeline(const Pov& pov, Date today)
{
    ReportSection section{"Timeline", {}, {}, "Not scheduled yet.", {}};
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
    if (pov.exec_review_on) {
        section.facts.push_back({"Executive review", format_date(*pov.exec_review_on)});
    }
    if (!pov.extensions.empty()) {
        ReportTable table{{"EXTENDED ON", "FROM", "TO", "REASON"}, {}, {}, {}};
        for (const auto& extension : pov.extensions) {
            table.rows.push_back(
                {format_date(extension.on), format_date(extension.from), format_date(extension.to), extension.reason});
        }
        section.table = std::move(table);
    }
    return section;
}

ReportSection stakeholders(const Pov& pov)
{
    ReportSection section{"Stakeholders and sign-offs", {}, {}, {}, {}};
    section.facts = {
        {"Executive sponsor", person(pov.economic_buyer, pov.eb_signoff, true)},
        {"Champion", person(pov.champion, pov.champion_signoff, true)},
        {"Technical lead", person(pov.technical_lead, {}, false)},
        {"Business owner", person(pov.business_owner, {}, false)},
        {"Solutions Architect", or_dash(pov.sa)},
        {"Account owner", or_dash(pov.owner)},
        {"Customer Success Manager", or_dash(pov.csm)},
    };
    return section;
}

// Section 2: only shared notes reach the customer.
ReportSection shared_notes(const Pov& pov)
{
    ReportSection section{"Notes from the POV", {}, {}, "No shared notes.", {}};
    ReportTable table{{"DATE", "NOTE"}, {}, {}, {}};
    for (const auto& entry : pov.journal) {
        if (entry.shared) {
            table.rows.push_back({format_date(entry.on), entry.text});
        }
    }
    if (!table.rows.empty()) {
        section.table = std::move(table);
    }
    return section;
}

ReportSection internal_journal(const Pov& pov)
{
    ReportSection section{"Internal notes and retrospectives", {}, {}, "No internal notes or retrospectives.", {}};
    ReportTable table{{"DATE", "KIND", "TEXT"}, {}, {}, {}};
    for (const auto& entry : pov.journal) {
        if (!entry.shared) {
            table.rows.push_back({format_date(entry.on), std::string(to_string(entry.kind)), entry.text});
        }
    }
    if (!table.rows.empty()) {
        section.table = std::move(table);
    }
    return section;
}

} // namespace

std::string_view verdict(CapabilityStatus status)
{
    switch (status) {
    case CapabilityStatus::met: return "met";
    case CapabilityStatus::partial: return "partly met";
    case CapabilityStatus::not_met: return "not met";
    case CapabilityStatus::pending: return "pending";
    }
    return "";
}

std::string results_title(const Pov& pov, bool internal)
{
    return fmt::format("Proof of Value results{}: {} ({})", internal ? " (internal)" : "", pov.name, pov.account);
}

// Section 7's order. Every section is always there, and says briefly when it has nothing.
std::vector<ReportSection> results_sections(const Pov& pov, Date today, bool internal)
{
    std::vector<ReportSection> sections;
    sections.push_back(outcome(pov, today, internal));
    sections.push_back(text_section("Objective", "No objective recorded.",
                                    {{"Objective", &pov.objective},
                                     {"Desired future", &pov.desired_future},
                                     {"Business outcomes", &pov.business_outcomes},
                                     {"In scope", &pov.in_scope},
                                     {"Out of scope", &pov.out_of_scope}}));
    sections.push_back(criteria(pov));
    sections.push_back(text_section("Business impact", "No business impact recorded.", {{"", &pov.business_impact}}));
    sections.push_back(text_section("Technical findings and recommendations", "No technical findings recorded.",
                                    {{"", &pov.findings}}));
    sections.push_back(text_section("Next steps", "No next steps recorded.",
                                    {{"", &pov.next_steps}, {"Customer commitments", &pov.customer_commitments}}));
    sections.push_back(timeline(pov, today));
    sections.push_back(stakeholders(pov));
    sections.push_back(shared_notes(pov));
    if (internal) {
        sections.push_back(internal_journal(pov));
        sections.push_back(text_section("Command plan", "No command plan recorded.",
                                        {{"Why now", &pov.why_now},
                                         {"Why anything", &pov.why_anything},
                                         {"Metrics", &pov.metrics},
                                         {"Decision process", &pov.decision_process},
                                         {"Pain", &pov.pain},
                                         {"Access to the economic buyer", &pov.eb_access},
                                         {"Impact of not solving it", &pov.impact}}));
    }
    return sections;
}

std::string results_markdown(const Pov& pov, Date today, bool internal)
{
    std::string out = "# " + markdown_escape(results_title(pov, internal)) + "\n";
    if (internal) {
        out += "\n**" + std::string(internal_notice) + "**\n";
    }
    for (const auto& section : results_sections(pov, today, internal)) {
        out += markdown_section(section);
    }
    return out;
}

std::string results_html(const Pov& pov, Date today, bool internal)
{
    std::string body;
    if (internal) {
        body += fmt::format("<p class=\"internal\" style=\"color: #b91c1c; font-weight: 600\">{}</p>\n",
                            escape_xml(internal_notice));
    }
    for (const auto& section : results_sections(pov, today, internal)) {
        body += section_html(section);
    }
    return html_page(results_title(pov, internal), body,
                     fmt::format("Prepared by {} with pov on {}.", or_dash(pov.sa), format_date(today)));
}

std::string results_document(const Pov& pov, DocumentFormat format, Date today, bool internal)
{
    return format == DocumentFormat::html ? results_html(pov, today, internal) : results_markdown(pov, today, internal);
}

} // namespace pov::render
