#include "pov/tracker.hpp"

#include "pov/document.hpp"
#include "pov/duration.hpp"
#include "pov/error.hpp"
#include "pov/fields.hpp"
#include "pov/risks.hpp"
#include "pov/text.hpp"
#include "pov/validation.hpp"

#include <algorithm>
#include <random>

#include <fmt/format.h>

namespace pov {

namespace {

Json capability_summary(const Capability& capability)
{
    auto json = to_json(capability);
    json.erase("updated_on");
    return json;
}

std::string status_phrase(const Pov& pov)
{
    switch (pov.status) {
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

void require_open(const Pov& pov, std::string_view action)
{
    if (!is_open(pov.status)) {
        conflict(fmt::format("POV {} is {}; {} needs an open POV (reopen it first: pov reopen {} --reason TEXT)",
                             pov.id, status_phrase(pov), action, pov.id));
    }
}

void require_text(const std::string& text, std::string_view what, TextKind kind)
{
    if (text.empty()) {
        throw Error(Exit::invalid, fmt::format("{} may not be empty", what));
    }
    check_text(what, text, kind);
}

Capability& capability_at(Pov& pov, int n)
{
    if (n < 1 || n > static_cast<int>(pov.capabilities.size())) {
        throw Error(Exit::not_found,
                    pov.capabilities.empty()
                        ? fmt::format("POV {} has no capability {}; it has no capabilities yet", pov.id, n)
                        : fmt::format("POV {} has no capability {}; it has 1–{}", pov.id, n, pov.capabilities.size()));
    }
    return pov.capabilities[static_cast<std::size_t>(n - 1)];
}

const Field& writable_field(std::string_view name)
{
    const auto* field = find_field(name);
    if (field == nullptr || field->access != FieldAccess::writable) {
        throw Error(Exit::usage, fmt::format("'{}' is not a field that can be set", name));
    }
    return *field;
}

} // namespace

std::string generate_uuid()
{
    std::random_device device;
    std::mt19937_64 engine((static_cast<std::uint64_t>(device()) << 32) ^ device());
    std::uint64_t high = engine();
    std::uint64_t low = engine();
    high = (high & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL; // version 4
    low = (low & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;   // RFC 4122 variant
    return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xFFFF, high & 0xFFFF,
                       low >> 48, low & 0xFFFFFFFFFFFFULL);
}

Tracker::Tracker(Store& store, const Config& config, Clock clock)
    : store_(store), config_(config), clock_(std::move(clock))
{
}

Pov Tracker::load(std::int64_t id)
{
    auto pov = store_.find(id);
    if (!pov) {
        throw Error(Exit::not_found, fmt::format("no POV with id {}; see pov list --all", id));
    }
    return std::move(*pov);
}

void Tracker::check_load(const Pov& pov, bool force, std::vector<Event>* forced, Outcome& outcome,
                         std::string_view action)
{
    const int running = store_.in_progress_count(pov.sa);
    if (running < config_.max_concurrent_per_sa) {
        return;
    }
    const auto load = fmt::format("SA {} already runs {} POVs in progress (limit {})", pov.sa, running,
                                  config_.max_concurrent_per_sa);
    if (!force || forced == nullptr) {
        conflict(forced == nullptr ? fmt::format("{}; close one first or give this POV to another SA", load)
                                   : fmt::format("{}; close one first, or go ahead with --force (recorded)", load));
    }
    // Section 8: going beyond the limit is its own `forced` event.
    forced->push_back({clock_.now, EventKind::forced, Json::object(),
                       fmt::format("{} beyond the concurrency limit: {}", action, load)});
    outcome.warnings.push_back(fmt::format("{}; {} anyway (--force, recorded)", load, action));
}

Date Tracker::past_or_today(std::optional<Date> on, std::string_view what) const
{
    const auto date = on.value_or(clock_.today);
    if (date > clock_.today) {
        throw Error(Exit::invalid, fmt::format("{} {} lies in the future; today is {}", what, format_date(date),
                                               format_date(clock_.today)));
    }
    return date;
}

Outcome Tracker::change(std::int64_t id, EventKind kind, const std::function<void(Pov&, Outcome&, Event&)>& mutate,
                        const std::vector<Event>* extra)
{
    Outcome outcome;
    store_.transaction(Store::Lock::write, [&] {
        const Pov before = load(id);
        Pov after = before;
        Event event{clock_.now, kind, Json::object(), {}};
        mutate(after, outcome, event);
        validate_change(before, after, config_);
        auto changes = diff_scalars(before, after);
        for (auto& [key, value] : event.changes.items()) {
            changes[key] = value;
        }
        event.changes = std::move(changes);
        for (const auto& [field, change] : event.changes.items()) {
            outcome.changed.push_back(field);
        }
        store_.update(after);
        // The journal is append-only: what the change added follows what was there.
        for (auto i = before.journal.size(); i < after.journal.size(); ++i) {
            store_.add_journal(id, after.journal[i]);
        }
        if (!event.changes.empty() || !event.detail.empty()) {
            store_.add_event(id, event);
        }
        if (extra != nullptr) {
            for (const auto& more : *extra) {
                store_.add_event(id, more);
            }
        }
        outcome.pov = load(id);
    });
    return outcome;
}

Pov draft_pov(const std::vector<FieldInput>& fields, const std::vector<NewCapability>& capabilities,
              const Config& config, Date today)
{
    Pov pov;
    pov.uuid = generate_uuid();
    pov.created_on = today;
    for (const auto& input : fields) {
        const auto& field = writable_field(input.field);
        put_field(pov, field, parse_field_input(field, input.value, today));
    }
    for (const auto& capability : capabilities) {
        pov.capabilities.push_back({static_cast<int>(pov.capabilities.size()) + 1, capability.title, capability.target,
                                    capability.outcome, CapabilityStatus::pending, {}, today});
    }
    validate_record(pov, config);
    return pov;
}

Outcome Tracker::create(const std::vector<FieldInput>& fields, const std::vector<NewCapability>& capabilities)
{
    return create(draft_pov(fields, capabilities, config_, clock_.today));
}

Outcome Tracker::create(Pov pov)
{
    validate_record(pov, config_);
    Outcome outcome;
    if (pov.type == PovType::lite) {
        outcome.warnings.push_back("lite POVs are deprecated; prefer a guided POV");
    }
    store_.transaction(Store::Lock::write, [&] {
        pov.id = store_.insert(pov);
        Event event{clock_.now, EventKind::created, diff_scalars(Pov{}, pov), {}};
        event.changes.erase("id");
        for (const auto& capability : pov.capabilities) {
            event.changes[fmt::format("capabilities.{}", capability.n)] =
                Json::array({nullptr, capability_summary(capability)});
        }
        store_.add_event(pov.id, event);
        outcome.pov = load(pov.id);
    });
    return outcome;
}

Outcome Tracker::set(std::int64_t id, const std::vector<FieldInput>& fields)
{
    return change(id, EventKind::updated, [&](Pov& pov, Outcome& outcome, Event&) {
        const Pov before_set = pov;
        for (const auto& input : fields) {
            const auto& field = writable_field(input.field);
            const auto value = parse_field_input(field, input.value, clock_.today);
            const bool started = pov.started_on.has_value();
            if (started && (field.name == "start" || field.name == "end") && value != field.get(pov)) {
                conflict(field.name == "end"
                             ? fmt::format("POV {} has started; its end moves only with pov extend {} --to DATE "
                                           "--reason TEXT",
                                           id, id)
                             : fmt::format("POV {} has started; its planned start is fixed", id));
            }
            put_field(pov, field, value);
        }
        // A sign-off is a person's: someone new in the role has not signed off (section 4).
        if (pov.champion != before_set.champion) {
            pov.champion_signoff.reset();
        }
        if (pov.economic_buyer != before_set.economic_buyer) {
            pov.eb_signoff.reset();
        }
        // Handing a running POV to another SA obeys the concurrency limit like a start.
        if (pov.status == Status::in_progress && pov.sa != before_set.sa) {
            check_load(pov, false, nullptr, outcome);
        }
        // A qualified POV that no longer passes its checks must be qualified again (section 4).
        if (pov.status == Status::qualified) {
            const auto verdict = pov::qualify(pov, config_);
            if (!verdict.qualified) {
                pov.status = Status::new_;
                pov.qualified_on.reset();
                for (const auto& check : verdict.checks) {
                    if (!check.ok) {
                        outcome.warnings.push_back(fmt::format("POV {} no longer qualifies ({}): it is new again "
                                                               "until pov qualify {} passes",
                                                               id, check.rule, id));
                        break;
                    }
                }
            }
        }
    });
}

// Changing the success criteria voids the sign-offs on them (section 4).
void Tracker::change_criteria(Pov& pov, Outcome& outcome, Event& event)
{
    event.kind = EventKind::criteria_changed;
    if (pov.champion_signoff || pov.eb_signoff) {
        pov.champion_signoff.reset();
        pov.eb_signoff.reset();
        outcome.warnings.push_back(fmt::format("success criteria changed: both sign-offs are cleared; get them again "
                                               "with pov signoff {} --champion and --economic-buyer",
                                               pov.id));
        if (pov.status == Status::qualified) {
            pov.status = Status::new_;
            pov.qualified_on.reset();
            outcome.warnings.push_back(
                fmt::format("POV {} is new again until it is qualified again: pov qualify {}", pov.id, pov.id));
        }
    }
    if (pov.status == Status::in_progress) {
        pov.criteria_creep = true;
        outcome.warnings.push_back("criteria changed after start: flagged as criteria creep");
    }
}

Outcome Tracker::add_capability(std::int64_t id, const NewCapability& capability)
{
    return change(id, EventKind::criteria_changed, [&](Pov& pov, Outcome& outcome, Event& event) {
        require_open(pov, "changing its success criteria");
        if (static_cast<int>(pov.capabilities.size()) >= config_.max_capabilities) {
            throw Error(Exit::invalid, fmt::format("POV {} already has {} capabilities; at most {} are allowed "
                                                   "(remove one first: pov cap rm {} N)",
                                                   id, pov.capabilities.size(), config_.max_capabilities, id));
        }
        Capability added{static_cast<int>(pov.capabilities.size()) + 1, capability.title, capability.target,
                         capability.outcome, CapabilityStatus::pending, {}, clock_.today};
        event.changes[fmt::format("capabilities.{}", added.n)] = Json::array({nullptr, capability_summary(added)});
        pov.capabilities.push_back(std::move(added));
        change_criteria(pov, outcome, event);
    });
}

Outcome Tracker::change_capability(std::int64_t id, int n, const CapabilityChange& request)
{
    return change(id, EventKind::updated, [&](Pov& pov, Outcome& outcome, Event& event) {
        require_open(pov, "changing its success criteria");
        auto& capability = capability_at(pov, n);
        const auto before = capability_summary(capability);
        bool criteria = false;
        if (request.title && *request.title != capability.title) {
            capability.title = *request.title;
            criteria = true;
        }
        if (request.target && *request.target != capability.target) {
            capability.target = *request.target;
            criteria = true;
        }
        if (request.outcome) {
            capability.outcome = *request.outcome;
        }
        if (request.status) {
            capability.status = *request.status;
        }
        if (request.evidence) {
            capability.evidence = *request.evidence;
        }
        const auto after = capability_summary(capability);
        for (const auto& [key, value] : after.items()) {
            if (before[key] != value) {
                event.changes[fmt::format("capabilities.{}.{}", n, key)] = Json::array({before[key], value});
            }
        }
        if (event.changes.empty()) {
            return;
        }
        capability.updated_on = clock_.today;
        if (criteria) {
            change_criteria(pov, outcome, event);
        }
    });
}

Outcome Tracker::remove_capability(std::int64_t id, int n)
{
    return change(id, EventKind::criteria_changed, [&](Pov& pov, Outcome& outcome, Event& event) {
        require_open(pov, "changing its success criteria");
        const auto removed = capability_summary(capability_at(pov, n));
        pov.capabilities.erase(pov.capabilities.begin() + (n - 1));
        for (std::size_t i = 0; i < pov.capabilities.size(); ++i) {
            pov.capabilities[i].n = static_cast<int>(i) + 1;
        }
        event.changes[fmt::format("capabilities.{}", n)] = Json::array({removed, nullptr});
        if (n <= static_cast<int>(pov.capabilities.size())) {
            event.detail = fmt::format("capabilities {}–{} renumbered {}–{}", n + 1, pov.capabilities.size() + 1, n,
                                       pov.capabilities.size());
        }
        change_criteria(pov, outcome, event);
    });
}

Outcome Tracker::sign_off(std::int64_t id, Signer signer, std::optional<Date> on)
{
    return change(id, EventKind::signed_off, [&](Pov& pov, Outcome&, Event& event) {
        require_open(pov, "a sign-off");
        const bool champion = signer == Signer::champion;
        const auto& person = champion ? pov.champion : pov.economic_buyer;
        if (person.empty()) {
            conflict(fmt::format("POV {} has no {} named; name one first: pov set {} {} NAME", id,
                                 champion ? "champion" : "economic buyer", id,
                                 champion ? "--champion" : "--economic-buyer"));
        }
        if (pov.capabilities.empty()) {
            conflict(fmt::format("POV {} has no success criteria to sign off; add them first: pov cap add {} TITLE",
                                 id, id));
        }
        const auto date = past_or_today(on, "--on");
        (champion ? pov.champion_signoff : pov.eb_signoff) = date;
        event.detail = fmt::format("{} signed off {} {}", person, pov.capabilities.size(),
                                   pov.capabilities.size() == 1 ? "criterion" : "criteria");
    });
}

QualifyOutcome Tracker::qualify(std::int64_t id, bool dry_run)
{
    QualifyOutcome result;
    store_.transaction(dry_run ? Store::Lock::read : Store::Lock::write, [&] {
        Pov pov = load(id);
        result.qualification = pov::qualify(pov, config_);
        if (!dry_run && result.qualification.qualified && pov.status == Status::new_) {
            const Pov before = pov;
            pov.status = Status::qualified;
            pov.qualified_on = clock_.today;
            store_.update(pov);
            store_.add_event(id, {clock_.now, EventKind::qualified, diff_scalars(before, pov), {}});
            result.status_changed = true;
        }
        result.pov = std::move(pov);
    });
    return result;
}

Outcome Tracker::approve(std::int64_t id, const std::string& by)
{
    return change(id, EventKind::approved, [&](Pov& pov, Outcome&, Event&) {
        require_open(pov, "approval");
        require_text(by, "--by", TextKind::line);
        pov.approved_by = by;
        pov.approved_on = clock_.today;
    });
}

Outcome Tracker::start(std::int64_t id, std::optional<Date> on, bool force)
{
    std::vector<Event> forced;
    return change(
        id, EventKind::started,
        [&](Pov& pov, Outcome& outcome, Event&) {
        if (pov.status != Status::qualified) {
            if (pov.status == Status::new_) {
                conflict(fmt::format("POV {} is not qualified; only a qualified POV can start: pov qualify {}", id, id));
            }
            conflict(fmt::format("POV {} is {}; only a qualified POV can start", id, status_phrase(pov)));
        }
        if (config_.require_approval && pov.approved_by.empty()) {
            conflict(fmt::format("POV {} needs a manager's approval before it starts: pov approve {} --by NAME", id, id));
        }
        if (pov.type == PovType::paid && !pov.license_purchased) {
            conflict(fmt::format("a paid POV starts only once its prorated licence is bought: pov set {} "
                                 "--license-purchased yes",
                                 id));
        }
        if (!pov.start || !pov.end) {
            conflict(fmt::format("POV {} has no planned start and end; set them and qualify it again", id));
        }
        const auto date = past_or_today(on, "--on");
        check_load(pov, force, &forced, outcome);
        pov.status = Status::in_progress;
        pov.started_on = date;
        },
        &forced);
}

Outcome Tracker::extend(std::int64_t id, Date to, const std::string& reason)
{
    return change(id, EventKind::extended, [&](Pov& pov, Outcome& outcome, Event& event) {
        if (pov.status != Status::in_progress) {
            conflict(fmt::format("POV {} is {}; only an in-progress POV can be extended", id, status_phrase(pov)));
        }
        require_text(reason, "--reason", TextKind::line);
        if (!pov.start || !pov.end) {
            conflict(fmt::format("POV {} has no planned start and end to extend", id));
        }
        const auto end = *pov.end;
        if (to <= end) {
            throw Error(Exit::invalid, fmt::format("--to {} must be later than the current end {}", format_date(to),
                                                   format_date(end)));
        }
        if (auto problem = duration_problem(pov.type, *pov.start, to, config_, true)) {
            throw Error(Exit::invalid, std::move(*problem));
        }
        pov.extensions.push_back({end, to, reason, clock_.today});
        pov.end = to;
        event.detail = reason;
        if (static_cast<int>(pov.extensions.size()) > config_.max_extensions) {
            outcome.warnings.push_back(fmt::format("POV {} is now extended {} times; more than {} is the endless "
                                                   "extension: agree a firm end with the economic buyer",
                                                   id, pov.extensions.size(), config_.max_extensions));
        }
    });
}

Outcome Tracker::log(std::int64_t id, const std::string& text)
{
    return change(id, EventKind::logged, [&](Pov& pov, Outcome&, Event& event) {
        require_text(text, "the note", TextKind::multiline);
        pov.journal.push_back({clock_.today, JournalKind::note, text});
        event.changes["journal"] = Json::array({nullptr, to_json(pov.journal.back())});
    });
}

Outcome Tracker::retro(std::int64_t id, const Retro& retro)
{
    return change(id, EventKind::logged, [&](Pov& pov, Outcome&, Event& event) {
        if (pov.status != Status::in_progress) {
            conflict(fmt::format("POV {} is {}; retrospectives are for an in-progress POV", id, status_phrase(pov)));
        }
        require_text(retro.went_well, "--went-well", TextKind::multiline);
        require_text(retro.problems, "--problems", TextKind::multiline);
        require_text(retro.change, "--change", TextKind::multiline);
        auto text = fmt::format("What went well: {}\nProblems to overcome: {}\nWhat to change: {}\nOn track: {}",
                                retro.went_well, retro.problems, retro.change, retro.on_track ? "yes" : "no");
        check_text("the retro", text, TextKind::multiline);
        pov.journal.push_back({clock_.today, JournalKind::retro, std::move(text)});
        event.changes["journal"] = Json::array({nullptr, to_json(pov.journal.back())});
    });
}

Outcome Tracker::close(std::int64_t id, const CloseRequest& request)
{
    return change(id, EventKind::closed, [&](Pov& pov, Outcome&, Event& event) {
        if (pov.status != Status::in_progress) {
            conflict(fmt::format("POV {} is {}; only an in-progress POV can be closed", id, status_phrase(pov)));
        }
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
                pending.push_back(fmt::format("  pov cap set {} {} --status met|partial|not-met   # {}", id,
                                              capability.n, capability.title));
            }
        }
        if (!pending.empty()) {
            conflict(fmt::format("POV {} has {} pending {}; give each a final status before closing:", id,
                                 pending.size(), pending.size() == 1 ? "capability" : "capabilities"),
                     pending);
        }
        const auto on = past_or_today(request.on, "--on");
        if (pov.started_on && on < *pov.started_on) {
            throw Error(Exit::invalid, fmt::format("--on {} is before the POV started on {}", format_date(on),
                                                   format_date(*pov.started_on)));
        }
        pov.status = Status::closed;
        pov.closed_on = on;
        pov.result = request.result;
        pov.reason = request.reason;
        pov.competitor = request.competitor;
        pov.loss_type = request.loss_type;
        event.detail = request.reason;
    });
}

Outcome Tracker::cancel(std::int64_t id, const std::string& reason)
{
    return change(id, EventKind::cancelled, [&](Pov& pov, Outcome&, Event& event) {
        if (!is_open(pov.status)) {
            conflict(fmt::format("POV {} is {}; only an open POV can be cancelled", id, status_phrase(pov)));
        }
        require_text(reason, "--reason", TextKind::line);
        pov.status = Status::cancelled;
        pov.closed_on = clock_.today;
        pov.reason = reason;
        event.detail = reason;
    });
}

Outcome Tracker::reopen(std::int64_t id, const std::string& reason, bool force)
{
    std::vector<Event> forced;
    return change(
        id, EventKind::reopened,
        [&](Pov& pov, Outcome& outcome, Event& event) {
        if (is_open(pov.status)) {
            conflict(fmt::format("POV {} is {}; only a closed or cancelled POV can be reopened", id, status_phrase(pov)));
        }
        require_text(reason, "--reason", TextKind::line);
        // Back to the state it left (section 5), as its close or cancel event recorded.
        auto previous = pov.status == Status::closed ? Status::in_progress : Status::new_;
        const auto events = store_.events(id);
        for (auto it = events.rbegin(); it != events.rend(); ++it) {
            if (it->kind != EventKind::closed && it->kind != EventKind::cancelled) {
                continue;
            }
            const auto status = it->changes.find("status");
            if (status != it->changes.end() && status->is_array() && status->at(0).is_string()) {
                previous = enum_from_string<Status>(status->at(0).get<std::string>()).value_or(previous);
            }
            break;
        }
        if (previous == Status::in_progress) {
            check_load(pov, force, &forced, outcome, "reopened");
        }
        pov.status = previous;
        pov.closed_on.reset();
        pov.result.reset();
        pov.competitor.clear();
        pov.loss_type.reset();
        pov.reason = reason;
        event.detail = reason;
        },
        &forced);
}

Pov Tracker::get(std::int64_t id)
{
    Pov pov;
    store_.transaction(Store::Lock::read, [&] { pov = load(id); });
    return pov;
}

std::vector<Pov> Tracker::list(const ListFilter& filter)
{
    std::vector<Pov> povs;
    store_.transaction(Store::Lock::read, [&] { povs = store_.list(filter); });
    return povs;
}

std::vector<Event> Tracker::history(std::int64_t id)
{
    std::vector<Event> events;
    store_.transaction(Store::Lock::read, [&] {
        load(id);
        events = store_.events(id);
    });
    return events;
}

std::map<std::string, int> Tracker::sa_load()
{
    return store_.in_progress_by_sa();
}

std::vector<Risk> Tracker::risks_of(const Pov& pov)
{
    return pov::risks(pov, clock_.today, config_, store_.in_progress_count(pov.sa));
}

std::vector<Risk> Tracker::risks_of(const Pov& pov, const std::map<std::string, int>& load) const
{
    const auto it = load.find(pov.sa);
    return pov::risks(pov, clock_.today, config_, it == load.end() ? 0 : it->second);
}

} // namespace pov
