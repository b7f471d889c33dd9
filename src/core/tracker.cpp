#include "pov/tracker.hpp"

#include "pov/document.hpp"
#include "pov/error.hpp"
#include "pov/fields.hpp"
#include "pov/lifecycle.hpp"
#include "pov/risks.hpp"
#include "pov/rules.hpp"
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

Capability& capability_at(Pov& pov, int n)
{
    if (n < 1 || n > static_cast<int>(pov.capabilities.size())) {
        throw Error(Exit::not_found,
                    pov.capabilities.empty()
                        ? fmt::format("POV {} has no capability {}; it has no capabilities yet", pov.id, n)
                        : fmt::format("POV {} has no capability {}; it has {}", pov.id, n,
                                      pov.capabilities.size() == 1
                                          ? std::string("only capability 1")
                                          : "capabilities " +
                                                number_range(1, static_cast<long long>(pov.capabilities.size()))));
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

Outcome Tracker::change(std::int64_t id, EventKind kind, const Mutation& mutate, Store::Lock lock)
{
    Outcome outcome;
    store_.transaction(lock, [&] {
        const Pov before = load(id);
        Pov after = before;
        Change change{{clock_.now, kind, Json::object(), {}}, {}, {}};
        mutate(after, change);
        validate_change(before, after, config_);
        outcome.warnings = std::move(change.warnings);
        if (lock == Store::Lock::read || !save(before, after, change)) {
            outcome.pov = std::move(after);
            return;
        }
        for (const auto& [field, value] : change.event.changes.items()) {
            outcome.changed.push_back(field);
        }
        outcome.pov = load(id);
    });
    return outcome;
}

bool Tracker::save(const Pov& before, const Pov& after, Change& change)
{
    auto& event = change.event;
    auto changes = diff_scalars(before, after);
    for (auto& [key, value] : event.changes.items()) {
        changes[key] = value;
    }
    event.changes = std::move(changes);
    const bool recorded = !event.changes.empty() || !event.detail.empty();
    // A change that changes nothing writes nothing: a qualify that fails, or finds the POV
    // already qualified, leaves the file as it was (section 4: status unchanged).
    if (!recorded && change.more.empty() && to_json(before) == to_json(after)) {
        return false;
    }
    store_.update(before, after);
    // A change that only adds entries appends them; a correction (journal edit or rm) rewrites it.
    const bool appended = after.journal.size() >= before.journal.size() &&
                          std::equal(before.journal.begin(), before.journal.end(), after.journal.begin());
    if (!appended) {
        store_.replace_journal(after.id, after.journal);
    } else {
        for (auto i = before.journal.size(); i < after.journal.size(); ++i) {
            store_.add_journal(after.id, after.journal[i]);
        }
    }
    if (recorded) {
        store_.add_event(after.id, event);
    }
    for (const auto& more : change.more) {
        store_.add_event(after.id, more);
    }
    return true;
}

void Tracker::follow(const Transition& transition, Change& change)
{
    change.warnings.insert(change.warnings.end(), transition.warnings.begin(), transition.warnings.end());
    if (transition.forced) {
        // Section 8: going beyond a limit is its own `forced` event, after the change's own.
        change.more.push_back({change.event.at, EventKind::forced, Json::object(), transition.forced->detail});
        change.warnings.push_back(transition.forced->warning);
    }
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
        pov.capabilities.push_back({static_cast<int>(pov.capabilities.size()) + 1,
                                    trim_blanks(capability.title),
                                    trim_blanks(capability.target),
                                    trim_blanks(capability.outcome),
                                    CapabilityStatus::pending,
                                    {},
                                    today});
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
    Outcome outcome;
    outcome.warnings = can_create(pov, config_).warnings;
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
    return set(id, fields, std::nullopt);
}

Outcome Tracker::set(std::int64_t id, const std::vector<FieldInput>& fields,
                     const std::optional<std::vector<NewCapability>>& criteria)
{
    return change(id, EventKind::updated, [&](Pov& pov, Change& change) {
        const Pov before_set = pov;
        for (const auto& input : fields) {
            // A recorded start is corrected, not set (section 2): days in POV follow it.
            if (input.field == "started_on") {
                pov.started_on =
                    can_correct_start(pov, parse_date(input.value, clock_.today, "--started-on"), clock_.today);
                continue;
            }
            const auto& field = writable_field(input.field);
            const auto value = parse_field_input(field, input.value, clock_.today);
            if (value != field.get(pov)) {
                can_change_field(pov, field.name);
            }
            put_field(pov, field, value);
        }
        if (criteria) {
            replace_criteria(pov, *criteria, change);
        }
        clear_replaced_signoffs(before_set, pov);
        can_hand_over(before_set, pov, config_, store_.in_progress_count(pov.sa));
        if (auto warning = drop_back_unless_qualified(pov, config_)) {
            change.warnings.push_back(std::move(*warning));
        }
    });
}

void Tracker::change_criteria(Pov& pov, Change& change)
{
    change.event.kind = EventKind::criteria_changed;
    const auto warnings = after_criteria_change(pov);
    change.warnings.insert(change.warnings.end(), warnings.begin(), warnings.end());
}

void Tracker::replace_criteria(Pov& pov, const std::vector<NewCapability>& wanted, Change& change) const
{
    const auto old = pov.capabilities;
    std::vector<bool> kept(old.size(), false);
    std::vector<Capability> next;
    bool criteria_changed = wanted.size() != old.size();
    for (const auto& want : wanted) {
        Capability capability{static_cast<int>(next.size()) + 1, want.title, want.target, want.outcome,
                              CapabilityStatus::pending,         {},         clock_.today};
        // The first criterion of the same title not yet taken is this one, moved or retargeted.
        std::size_t i = 0;
        while (i < old.size() && (kept[i] || old[i].title != want.title)) {
            ++i;
        }
        if (i == old.size()) {
            criteria_changed = true;
        } else {
            kept[i] = true;
            capability.status = old[i].status;
            capability.evidence = old[i].evidence;
            const bool same = old[i].target == want.target && old[i].outcome == want.outcome;
            capability.updated_on = same ? old[i].updated_on : clock_.today;
            criteria_changed = criteria_changed || is_criteria_change(old[i], capability);
        }
        next.push_back(std::move(capability));
    }
    bool changed = false;
    for (std::size_t n = 1; n <= std::max(old.size(), next.size()); ++n) {
        const auto before = n <= old.size() ? capability_summary(old[n - 1]) : Json(nullptr);
        const auto after = n <= next.size() ? capability_summary(next[n - 1]) : Json(nullptr);
        if (before != after) {
            change.event.changes[fmt::format("capabilities.{}", n)] = Json::array({before, after});
            changed = true;
        }
    }
    if (!changed) {
        return;
    }
    can_change_criteria(pov);
    pov.capabilities = std::move(next);
    if (criteria_changed) {
        change_criteria(pov, change);
    }
}

Outcome Tracker::add_capability(std::int64_t id, const NewCapability& capability)
{
    return change(id, EventKind::criteria_changed, [&](Pov& pov, Change& change) {
        can_add_capability(pov, config_);
        Capability added{static_cast<int>(pov.capabilities.size()) + 1,
                         trim_blanks(capability.title),
                         trim_blanks(capability.target),
                         trim_blanks(capability.outcome),
                         CapabilityStatus::pending,
                         {},
                         clock_.today};
        change.event.changes[fmt::format("capabilities.{}", added.n)] =
            Json::array({nullptr, capability_summary(added)});
        pov.capabilities.push_back(std::move(added));
        change_criteria(pov, change);
    });
}

Outcome Tracker::change_capability(std::int64_t id, int n, const CapabilityChange& request)
{
    return change(id, EventKind::updated, [&](Pov& pov, Change& change) {
        can_change_criteria(pov);
        auto& capability = capability_at(pov, n);
        const auto old = capability;
        capability.title = trim_blanks(request.title.value_or(capability.title));
        capability.target = trim_blanks(request.target.value_or(capability.target));
        capability.outcome = trim_blanks(request.outcome.value_or(capability.outcome));
        capability.status = request.status.value_or(capability.status);
        capability.evidence = request.evidence.value_or(capability.evidence);
        const auto before = capability_summary(old);
        const auto after = capability_summary(capability);
        for (const auto& [key, value] : after.items()) {
            if (before[key] != value) {
                change.event.changes[fmt::format("capabilities.{}.{}", n, key)] = Json::array({before[key], value});
            }
        }
        if (change.event.changes.empty()) {
            return;
        }
        capability.updated_on = clock_.today;
        if (is_criteria_change(old, capability)) {
            change_criteria(pov, change);
        }
    });
}

Outcome Tracker::remove_capability(std::int64_t id, int n)
{
    return change(id, EventKind::criteria_changed, [&](Pov& pov, Change& change) {
        can_change_criteria(pov);
        const auto removed = capability_summary(capability_at(pov, n));
        pov.capabilities.erase(pov.capabilities.begin() + (n - 1));
        for (std::size_t i = 0; i < pov.capabilities.size(); ++i) {
            pov.capabilities[i].n = static_cast<int>(i) + 1;
        }
        change.event.changes[fmt::format("capabilities.{}", n)] = Json::array({removed, nullptr});
        if (n <= static_cast<int>(pov.capabilities.size())) {
            const auto last = static_cast<long long>(pov.capabilities.size());
            change.event.detail = fmt::format("{} {} renumbered {}", last == n ? "capability" : "capabilities",
                                              number_range(n + 1, last + 1), number_range(n, last));
        }
        change_criteria(pov, change);
    });
}

Outcome Tracker::sign_off(std::int64_t id, Signer signer, std::optional<Date> on)
{
    return change(id, EventKind::signed_off, [&](Pov& pov, Change& change) {
        const auto date = can_sign_off(pov, signer, on, clock_.today);
        const bool champion = signer == Signer::champion;
        (champion ? pov.champion_signoff : pov.eb_signoff) = date;
        change.event.detail =
            fmt::format("{} signed off {}", champion ? pov.champion : pov.economic_buyer,
                        counted(static_cast<long long>(pov.capabilities.size()), "criterion", "criteria"));
    });
}

QualifyOutcome Tracker::qualify(std::int64_t id, bool dry_run)
{
    QualifyOutcome result;
    // `--dry-run` only reports (section 4): a read transaction that stores nothing.
    auto outcome = change(
        id, EventKind::qualified,
        [&](Pov& pov, Change&) {
            result.qualification = pov::qualify(pov, config_);
            if (!dry_run && becomes_qualified(pov, result.qualification)) {
                pov.status = Status::qualified;
                pov.qualified_on = clock_.today;
                result.status_changed = true;
            }
        },
        dry_run ? Store::Lock::read : Store::Lock::write);
    result.pov = std::move(outcome.pov);
    result.needs_approval = needs_approval(result.pov, config_);
    return result;
}

Outcome Tracker::approve(std::int64_t id, const std::string& typed_by)
{
    const auto by = trim_blanks(typed_by);
    return change(id, EventKind::approved, [&](Pov& pov, Change&) {
        can_approve(pov, by);
        pov.approved_by = by;
        pov.approved_on = clock_.today;
    });
}

Outcome Tracker::start(std::int64_t id, std::optional<Date> on, bool force)
{
    return change(id, EventKind::started, [&](Pov& pov, Change& change) {
        const auto transition = can_start(pov, config_, clock_.today, store_.in_progress_count(pov.sa), on, force);
        follow(transition, change);
        pov.status = transition.to;
        pov.started_on = transition.on;
    });
}

Outcome Tracker::extend(std::int64_t id, Date to, const std::string& typed_reason)
{
    const auto reason = trim_blanks(typed_reason);
    return change(id, EventKind::extended, [&](Pov& pov, Change& change) {
        follow(can_extend(pov, config_, to, reason), change);
        pov.extensions.push_back({*pov.end, to, reason, clock_.today});
        pov.end = to;
        change.event.detail = reason;
    });
}

Outcome Tracker::log(std::int64_t id, const std::string& text, std::optional<Date> on, bool shared)
{
    return change(id, EventKind::logged, [&](Pov& pov, Change& change) {
        require_text(text, "the note", TextKind::multiline);
        pov.journal.push_back({past_or_today(on, clock_.today), JournalKind::note, text, shared});
        change.event.changes["journal"] = Json::array({nullptr, to_json(pov.journal.back())});
    });
}

Outcome Tracker::retro(std::int64_t id, const Retro& retro)
{
    return change(id, EventKind::logged, [&](Pov& pov, Change& change) {
        can_retro(pov);
        require_text(retro.went_well, "--went-well", TextKind::multiline);
        require_text(retro.problems, "--problems", TextKind::multiline);
        require_text(retro.change, "--change", TextKind::multiline);
        // The answer stays the last line: risks.cpp's retro_on_track reads it back (off_track).
        auto text = fmt::format("What went well: {}\nProblems to overcome: {}\nWhat to change: {}\nOn track: {}",
                                retro.went_well, retro.problems, retro.change, retro.on_track ? "yes" : "no");
        check_text("the retro", text, TextKind::multiline);
        pov.journal.push_back({past_or_today(retro.on, clock_.today), JournalKind::retro, std::move(text)});
        change.event.changes["journal"] = Json::array({nullptr, to_json(pov.journal.back())});
    });
}

Outcome Tracker::edit_journal(std::int64_t id, std::int64_t n, const JournalChange& request)
{
    return change(id, EventKind::journal_changed, [&](Pov& pov, Change& change) {
        const auto corrected = corrected_entry(pov, n, request, clock_.today);
        auto& entry = pov.journal[journal_index(pov, n)];
        const auto before = to_json(entry);
        const auto after = to_json(corrected);
        for (const auto& [key, value] : after.items()) {
            if (before[key] != value) {
                change.event.changes[fmt::format("journal.{}.{}", n, key)] = Json::array({before[key], value});
            }
        }
        entry = corrected;
        order_journal(pov.journal); // a new day may move it
    });
}

Outcome Tracker::remove_journal(std::int64_t id, std::int64_t n)
{
    return change(id, EventKind::journal_changed, [&](Pov& pov, Change& change) {
        const auto index = journal_index(pov, n);
        change.event.changes[fmt::format("journal.{}", n)] = Json::array({to_json(pov.journal[index]), nullptr});
        pov.journal.erase(pov.journal.begin() + static_cast<std::ptrdiff_t>(index));
    });
}

Outcome Tracker::close(std::int64_t id, const CloseRequest& typed)
{
    auto request = typed;
    request.reason = trim_blanks(request.reason);
    request.competitor = trim_blanks(request.competitor);
    return change(id, EventKind::closed, [&](Pov& pov, Change& change) {
        const auto transition = can_close(pov, request, clock_.today);
        follow(transition, change);
        pov.status = transition.to;
        pov.closed_on = transition.on;
        pov.result = request.result;
        pov.reason = request.reason;
        pov.competitor = request.competitor;
        pov.loss_type = request.loss_type;
        change.event.detail = request.reason;
    });
}

Outcome Tracker::cancel(std::int64_t id, const std::string& typed_reason)
{
    const auto reason = trim_blanks(typed_reason);
    return change(id, EventKind::cancelled, [&](Pov& pov, Change& change) {
        const auto transition = can_cancel(pov, reason, clock_.today);
        follow(transition, change);
        pov.status = transition.to;
        pov.closed_on = transition.on;
        pov.reason = reason;
        change.event.detail = reason;
    });
}

Outcome Tracker::reopen(std::int64_t id, const std::string& typed_reason, bool force)
{
    const auto reason = trim_blanks(typed_reason);
    return change(id, EventKind::reopened, [&](Pov& pov, Change& change) {
        const auto transition =
            can_reopen(pov, config_, store_.events(id), store_.in_progress_count(pov.sa), reason, force);
        follow(transition, change);
        pov.status = transition.to;
        pov.closed_on.reset();
        pov.result.reset();
        pov.competitor.clear();
        pov.loss_type.reset();
        pov.reason = reason;
        change.event.detail = reason;
    });
}

Pov Tracker::remove(std::int64_t id)
{
    Pov pov;
    store_.transaction(Store::Lock::write, [&] {
        pov = load(id);
        store_.remove(id);
    });
    return pov;
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

void Tracker::each_listed(const ListFilter& filter,
                          const std::function<void(const Pov&, const std::vector<Risk>&)>& visit)
{
    store_.transaction(Store::Lock::read, [&] {
        const auto load = sa_load();
        store_.each_listed(filter, [&](const Pov& pov) { visit(pov, pov::risks(pov, clock_.today, config_, load)); });
    });
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

} // namespace pov
