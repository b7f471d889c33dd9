#include "pov/lifecycle.hpp"
#include "pov/text.hpp"

#include "pov/duration.hpp"
#include "pov/error.hpp"
#include "pov/rules.hpp"
#include "pov/validation.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace pov {

namespace {

std::string_view status_phrase(Status status)
{
    switch (status) {
    case Status::new_: return "new";
    case Status::qualified: return "qualified";
    case Status::in_progress: return "in progress";
    case Status::closed: return "closed";
    case Status::cancelled: return "cancelled";
    }
    return "";
}

[[noreturn]] void conflict(std::string message, std::vector<std::string> details = {})
{
    throw Error(Exit::conflict, std::move(message), std::move(details));
}

// A status-bound command refused: "POV 7 is new; only an in-progress POV can be extended".
void require_status(const Pov& pov, Status status, std::string_view refusal)
{
    if (pov.status != status) {
        conflict(fmt::format("POV {} is {}; {}", pov.id, status_phrase(pov.status), refusal));
    }
}

// Section 4: back to `new`, to be qualified again.
void drop_back(Pov& pov)
{
    pov.status = Status::new_;
    pov.qualified_on.reset();
}

} // namespace

Date past_or_today(std::optional<Date> on, Date today, std::string_view what)
{
    const auto date = on.value_or(today);
    if (date > today) {
        throw Error(Exit::invalid,
                    fmt::format("{} {} lies in the future; today is {}", what, format_date(date), format_date(today)));
    }
    return date;
}

Date can_correct_start(const Pov& pov, Date on, Date today)
{
    if (!pov.started_on) {
        conflict(fmt::format("POV {} has not started; --started-on corrects a recorded start (pov start {} --on "
                             "DATE starts it)",
                             pov.id, pov.id));
    }
    past_or_today(on, today, "--started-on");
    if (pov.closed_on && on > *pov.closed_on) {
        throw Error(Exit::invalid, fmt::format("--started-on {} is after the POV closed on {}", format_date(on),
                                               format_date(*pov.closed_on)));
    }
    return on;
}

void require_open(const Pov& pov, std::string_view action)
{
    if (!is_open(pov.status)) {
        conflict(fmt::format("POV {} is {}; {} needs an open POV (reopen it first: pov reopen {} --reason TEXT)",
                             pov.id, status_phrase(pov.status), action, pov.id));
    }
}

std::optional<Forced> check_concurrency_limit(const Pov& pov, const Config& config, int sa_load, Force force,
                                              std::string_view action)
{
    // One more POV for the SA: the one this change sets running.
    if (within_concurrency_limit(sa_load + 1, config)) {
        return std::nullopt;
    }
    const auto load = fmt::format("SA {} already runs {} in progress (limit {})", pov.sa, counted(sa_load, "POV"),
                                  config.max_concurrent_per_sa);
    switch (force) {
    case Force::not_offered: conflict(fmt::format("{}; close one first or give this POV to another SA", load));
    case Force::not_given: conflict(fmt::format("{}; close one first, or go ahead with --force (recorded)", load));
    case Force::given: break;
    }
    return Forced{fmt::format("{} beyond the concurrency limit: {}", action, load),
                  fmt::format("{}; {} anyway (--force, recorded)", load, action)};
}

Transition can_create(const Pov& pov, const Config& config)
{
    validate_record(pov, config);
    Transition transition{Status::new_, std::nullopt, {}, std::nullopt};
    if (pov.type == PovType::lite) {
        transition.warnings.emplace_back("lite POVs are deprecated; prefer a guided POV");
    }
    return transition;
}

void can_change_field(const Pov& pov, std::string_view field)
{
    if (!pov.started_on) {
        return;
    }
    if (field == "end") {
        conflict(fmt::format("POV {} has started; its end moves only with pov extend {} --to DATE --reason TEXT",
                             pov.id, pov.id));
    }
    if (field == "start") {
        conflict(fmt::format("POV {} has started; its planned start is fixed", pov.id));
    }
}

void can_hand_over(const Pov& before, const Pov& after, const Config& config, int new_sa_load)
{
    if (after.status == Status::in_progress && after.sa != before.sa) {
        check_concurrency_limit(after, config, new_sa_load, Force::not_offered, "handed over");
    }
}

std::optional<std::string> drop_back_unless_qualified(Pov& pov, const Config& config)
{
    if (pov.status != Status::qualified) {
        return std::nullopt;
    }
    const auto verdict = qualify(pov, config);
    for (const auto& check : verdict.checks) {
        if (!check.ok) {
            drop_back(pov);
            return fmt::format("POV {} no longer qualifies ({}): it is new again until pov qualify {} passes", pov.id,
                               check.rule, pov.id);
        }
    }
    return std::nullopt;
}

bool becomes_qualified(const Pov& pov, const Qualification& qualification)
{
    return qualification.qualified && pov.status == Status::new_;
}

void can_change_criteria(const Pov& pov)
{
    require_open(pov, "changing its success criteria");
}

void can_add_capability(const Pov& pov, const Config& config)
{
    can_change_criteria(pov);
    const auto count = static_cast<int>(pov.capabilities.size());
    if (!within_capability_ceiling(count + 1, config)) {
        throw Error(Exit::invalid, fmt::format("POV {} already has {} capabilities; at most {} are allowed "
                                               "(remove one first: pov cap rm {} N)",
                                               pov.id, count, config.max_capabilities, pov.id));
    }
}

std::vector<std::string> after_criteria_change(Pov& pov)
{
    std::vector<std::string> warnings;
    if (clear_signoffs(pov)) {
        warnings.push_back(fmt::format("success criteria changed: both sign-offs are cleared; get them again with "
                                       "pov signoff {} --champion and --economic-buyer",
                                       pov.id));
        if (pov.status == Status::qualified) {
            drop_back(pov);
            warnings.push_back(
                fmt::format("POV {} is new again until it is qualified again: pov qualify {}", pov.id, pov.id));
        }
    }
    if (pov.status == Status::in_progress) {
        pov.criteria_creep = true;
        warnings.emplace_back("criteria changed after start: flagged as criteria creep");
    }
    return warnings;
}

Date can_sign_off(const Pov& pov, Signer signer, std::optional<Date> on, Date today)
{
    require_open(pov, "a sign-off");
    const bool champion = signer == Signer::champion;
    if ((champion ? pov.champion : pov.economic_buyer).empty()) {
        conflict(fmt::format("POV {} has no {} named; name one first: pov set {} {} NAME", pov.id,
                             champion ? "champion" : "economic buyer", pov.id,
                             champion ? "--champion" : "--economic-buyer"));
    }
    if (pov.capabilities.empty()) {
        conflict(fmt::format("POV {} has no success criteria to sign off; add them first: pov cap add {} TITLE", pov.id,
                             pov.id));
    }
    return past_or_today(on, today);
}

bool needs_approval(const Pov& pov, const Config& config)
{
    return config.require_approval && is_blank(pov.approved_by);
}

void can_approve(const Pov& pov, const std::string& by)
{
    require_open(pov, "approval");
    require_text(by, "--by", TextKind::line);
}

Transition can_start(const Pov& pov, const Config& config, Date today, int sa_load, std::optional<Date> on, bool force)
{
    if (pov.status == Status::new_) {
        conflict(
            fmt::format("POV {} is not qualified; only a qualified POV can start: pov qualify {}", pov.id, pov.id));
    }
    require_status(pov, Status::qualified, "only a qualified POV can start");
    if (needs_approval(pov, config)) {
        conflict(fmt::format("POV {} needs a manager's approval before it starts: pov approve {} --by NAME", pov.id,
                             pov.id));
    }
    if (!licence_ready(pov)) {
        conflict(fmt::format("a paid POV starts only once its prorated licence is bought: pov set {} "
                             "--license-purchased yes",
                             pov.id));
    }
    if (!pov.start || !pov.end) {
        conflict(fmt::format("POV {} has no planned start and end; set them and qualify it again", pov.id));
    }
    Transition transition{Status::in_progress, past_or_today(on, today), {}, std::nullopt};
    // Section 5: starting before the planned start warns.
    if (*transition.on < *pov.start) {
        transition.warnings.push_back(fmt::format("POV {} starts on {}, before its planned start {}; move the plan "
                                                  "with pov set {} --start DATE --end DATE if it changed",
                                                  pov.id, format_date(*transition.on), format_date(*pov.start),
                                                  pov.id));
    }
    transition.forced =
        check_concurrency_limit(pov, config, sa_load, force ? Force::given : Force::not_given, "started");
    return transition;
}

Transition can_extend(const Pov& pov, const Config& config, Date to, const std::string& reason)
{
    require_status(pov, Status::in_progress, "only an in-progress POV can be extended");
    require_text(reason, "--reason", TextKind::line);
    if (!pov.start || !pov.end) {
        conflict(fmt::format("POV {} has no planned start and end to extend", pov.id));
    }
    if (to <= *pov.end) {
        throw Error(Exit::invalid, fmt::format("--to {} must be later than the current end {}", format_date(to),
                                               format_date(*pov.end)));
    }
    check_duration(pov.type, *pov.start, to, config, true);
    Transition transition{Status::in_progress, std::nullopt, {}, std::nullopt};
    const auto extensions = pov.extensions.size() + 1;
    if (static_cast<int>(extensions) > config.max_extensions) {
        transition.warnings.push_back(fmt::format("POV {} is now extended {} times; more than {} is the endless "
                                                  "extension: agree a firm end with the economic buyer",
                                                  pov.id, extensions, config.max_extensions));
    }
    return transition;
}

void can_retro(const Pov& pov)
{
    require_status(pov, Status::in_progress, "retrospectives are for an in-progress POV");
}

void order_journal(std::vector<JournalEntry>& journal)
{
    std::stable_sort(journal.begin(), journal.end(),
                     [](const JournalEntry& a, const JournalEntry& b) { return a.on < b.on; });
}

std::size_t journal_index(const Pov& pov, std::int64_t n)
{
    const auto size = static_cast<std::int64_t>(pov.journal.size());
    if (n < 1 || n > size) {
        throw Error(Exit::invalid,
                    size == 0 ? fmt::format("POV {} has no journal entry {}; its journal is empty", pov.id, n)
                              : fmt::format("POV {} has no journal entry {}; it has {} (see pov journal {})", pov.id, n,
                                            size == 1 ? "only entry 1" : "entries " + number_range(1, size), pov.id));
    }
    return static_cast<std::size_t>(n - 1);
}

JournalEntry corrected_entry(const Pov& pov, std::int64_t n, const JournalChange& change, Date today)
{
    auto entry = pov.journal[journal_index(pov, n)];
    if (change.text) {
        require_text(*change.text, "--text", TextKind::multiline);
        entry.text = *change.text;
    }
    if (change.on) {
        entry.on = past_or_today(change.on, today, "--on");
    }
    if (change.shared) {
        if (*change.shared && entry.kind != JournalKind::note) {
            throw Error(Exit::invalid, fmt::format("journal entry {} of POV {} is a retro; only a note can be shared "
                                                   "with the customer",
                                                   n, pov.id));
        }
        entry.shared = *change.shared;
    }
    return entry;
}

Transition can_close(const Pov& pov, const CloseRequest& request, Date today)
{
    require_status(pov, Status::in_progress, "only an in-progress POV can be closed");
    require_text(request.reason, "--reason", TextKind::line);
    if (request.result == Result::successful && request.loss_type) {
        throw Error(Exit::invalid, "--loss-type is for an unsuccessful result only");
    }
    if (request.result == Result::unsuccessful && !request.loss_type) {
        throw Error(Exit::usage, "an unsuccessful close needs --loss-type technical or --loss-type non-technical");
    }
    std::vector<std::string> pending;
    for (const auto& capability : pov.capabilities) {
        if (capability.status == CapabilityStatus::pending) {
            pending.push_back(fmt::format("  pov cap set {} {} --status met|partial|not-met   # {}", pov.id,
                                          capability.n, capability.title));
        }
    }
    if (!pending.empty()) {
        auto message =
            fmt::format("POV {} has {}; give each a final status before closing:", pov.id,
                        counted(static_cast<long long>(pending.size()), "pending capability", "pending capabilities"));
        conflict(std::move(message), std::move(pending));
    }
    const auto on = past_or_today(request.on, today);
    if (pov.started_on && on < *pov.started_on) {
        throw Error(Exit::invalid, fmt::format("--on {} is before the POV started on {}", format_date(on),
                                               format_date(*pov.started_on)));
    }
    return {Status::closed, on, {}, std::nullopt};
}

Transition can_cancel(const Pov& pov, const std::string& reason, Date today)
{
    if (!is_open(pov.status)) {
        conflict(fmt::format("POV {} is {}; only an open POV can be cancelled", pov.id, status_phrase(pov.status)));
    }
    require_text(reason, "--reason", TextKind::line);
    return {Status::cancelled, today, {}, std::nullopt};
}

Status reopen_target(const Pov& pov, const std::vector<Event>& events)
{
    const auto left = pov.status == Status::closed ? Status::in_progress : Status::new_;
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->kind != EventKind::closed && it->kind != EventKind::cancelled) {
            continue;
        }
        const auto status = it->changes.find("status");
        if (status != it->changes.end() && status->is_array() && status->at(0).is_string()) {
            return enum_from_string<Status>(status->at(0).get<std::string>()).value_or(left);
        }
        return left;
    }
    return left;
}

Transition can_reopen(const Pov& pov, const Config& config, const std::vector<Event>& events, int sa_load,
                      const std::string& reason, bool force)
{
    if (is_open(pov.status)) {
        conflict(fmt::format("POV {} is {}; only a closed or cancelled POV can be reopened", pov.id,
                             status_phrase(pov.status)));
    }
    require_text(reason, "--reason", TextKind::line);
    Transition transition{reopen_target(pov, events), std::nullopt, {}, std::nullopt};
    if (transition.to == Status::in_progress) {
        transition.forced =
            check_concurrency_limit(pov, config, sa_load, force ? Force::given : Force::not_given, "reopened");
    }
    return transition;
}

} // namespace pov
