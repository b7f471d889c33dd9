#include "pov/risks.hpp"

#include "pov/duration.hpp"
#include "pov/rules.hpp"

#include <algorithm>

namespace pov {

namespace {

bool all_pending(const Pov& pov)
{
    return std::all_of(pov.capabilities.begin(), pov.capabilities.end(),
                       [](const Capability& c) { return c.status == CapabilityStatus::pending; });
}

} // namespace

std::vector<Risk> risks(const Pov& pov, Date today, const Config& config,
                        const std::map<std::string, int>& in_progress_by_sa)
{
    const auto it = in_progress_by_sa.find(pov.sa);
    return risks(pov, today, config, it == in_progress_by_sa.end() ? 0 : it->second);
}

std::vector<Risk> risks(const Pov& pov, Date today, const Config& config, int sa_in_progress)
{
    std::vector<Risk> found;
    const bool running = pov.status == Status::in_progress;
    if (running && pov.end) {
        const long left = days_between(today, *pov.end);
        if (left < 0) {
            found.push_back(Risk::overdue);
        } else if (left <= config.ending_soon_days) {
            found.push_back(Risk::ending_soon);
        }
    }
    if (running) {
        // No journal entry or capability change since the start counts from the start.
        auto since = pov.last_activity;
        if (pov.started_on && (!since || *pov.started_on > *since)) {
            since = pov.started_on;
        }
        if (since && days_between(*since, today) > config.stale_after_days) {
            found.push_back(Risk::stale);
        }
    }
    if (is_open(pov.status) && static_cast<int>(pov.extensions.size()) > config.max_extensions) {
        found.push_back(Risk::endless_extension);
    }
    if (pov.criteria_creep && is_open(pov.status)) {
        found.push_back(Risk::criteria_creep);
    }
    if (running && (!pov.champion_signoff || !pov.eb_signoff)) {
        found.push_back(Risk::unsigned_criteria);
    }
    if (running && pov.start && pov.end && all_pending(pov)) {
        const auto began = pov.started_on.value_or(*pov.start);
        const long planned = duration_days(*pov.start, *pov.end);
        if (2 * days_between(began, today) > planned) {
            found.push_back(Risk::no_progress);
        }
    }
    if (running && !within_concurrency_limit(sa_in_progress, config)) {
        found.push_back(Risk::over_limit);
    }
    if ((pov.status == Status::qualified || running) && !pov.ps_positioned) {
        found.push_back(Risk::ps_not_positioned);
    }
    if (running && config.require_approval && pov.approved_by.empty()) {
        found.push_back(Risk::not_approved);
    }
    if (running && pov.latest_retro_on_track == false) {
        found.push_back(Risk::off_track);
    }
    // The planned start has passed from the day after it.
    if ((pov.status == Status::new_ || pov.status == Status::qualified) && pov.start && *pov.start < today) {
        found.push_back(Risk::late_start);
    }
    // The vanishing sponsor: no executive review booked, or it is behind us and the POV runs on.
    if (running && (!pov.exec_review_on || *pov.exec_review_on < today)) {
        found.push_back(Risk::no_exec_review);
    }
    std::sort(found.begin(), found.end());
    return found;
}

void only_overdue(ListFilter& filter, Date today)
{
    filter.statuses = {Status::in_progress};
    filter.end_to = add_days(today, -1);
}

void only_ending_within(ListFilter& filter, Date today, long days)
{
    filter.statuses = {Status::in_progress};
    filter.end_from = today;
    filter.end_to = add_days(today, days);
}

std::optional<bool> retro_on_track(std::string_view retro_text)
{
    constexpr std::string_view label = "On track: ";
    const auto at = retro_text.rfind(label);
    if (at == std::string_view::npos || (at > 0 && retro_text[at - 1] != '\n')) {
        return std::nullopt;
    }
    auto answer = retro_text.substr(at + label.size());
    answer = answer.substr(0, answer.find('\n'));
    if (answer == "yes") {
        return true;
    }
    if (answer == "no") {
        return false;
    }
    return std::nullopt;
}

std::string_view risk_advice(Risk risk)
{
    switch (risk) {
    case Risk::overdue: return "past its planned end: close it with a result, or extend it with a reason";
    case Risk::over_limit: return "its SA runs more POVs than the limit: hand one over or close one";
    case Risk::unsigned_criteria:
        return "running without both sign-offs: get the champion and economic buyer to sign off the criteria";
    case Risk::endless_extension:
        return "extended more than once: agree a firm end with the economic buyer or close it";
    case Risk::no_progress:
        return "past half its planned length with every criterion pending: review the plan with the champion";
    case Risk::criteria_creep:
        return "success criteria changed after start: re-confirm scope and sign-offs with the customer";
    case Risk::not_approved: return "running without a manager's approval: pov approve ID --by NAME";
    case Risk::stale: return "no journal entry or criteria update lately: log progress or hold a retro";
    case Risk::ending_soon: return "ends soon: book the conclusion meeting and collect evidence for each criterion";
    case Risk::ps_not_positioned: return "professional services not positioned: position PS with the account team";
    case Risk::off_track:
        return "the latest retro says it is off track: agree a recovery plan with the champion, or close it";
    case Risk::late_start:
        return "its planned start has passed: start it (pov start ID) or move the start (pov set ID --start DATE)";
    case Risk::no_exec_review:
        return "no executive review ahead: book one with the economic buyer (pov set ID --exec-review-on DATE)";
    }
    return "";
}

} // namespace pov
