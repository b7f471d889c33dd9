#include "pov/report.hpp"

#include "pov/duration.hpp"
#include "pov/error.hpp"
#include "pov/fields.hpp"
#include "pov/risks.hpp"
#include "pov/rules.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

namespace pov {

namespace {

constexpr long period_days(Period period)
{
    switch (period) {
    case Period::week: return 7;
    case Period::month: return 30;
    case Period::quarter: return 91;
    case Period::all: return 0;
    }
    return 7;
}

std::optional<double> median(std::vector<long> values)
{
    if (values.empty()) {
        return std::nullopt;
    }
    std::sort(values.begin(), values.end());
    const auto middle = values.size() / 2;
    if (values.size() % 2 == 1) {
        return static_cast<double>(values[middle]);
    }
    return (static_cast<double>(values[middle - 1]) + static_cast<double>(values[middle])) / 2.0;
}

std::optional<double> mean(const std::vector<long> values)
{
    if (values.empty()) {
        return std::nullopt;
    }
    double sum = 0;
    for (const auto value : values) {
        sum += static_cast<double>(value);
    }
    return sum / static_cast<double>(values.size());
}

PovRef ref(const Pov& pov)
{
    return {pov.id, pov.name, pov.sa};
}

// The planned length before any extension.
long planned_days(const Pov& pov)
{
    const auto end = pov.extensions.empty() ? *pov.end : pov.extensions.front().from;
    return duration_days(*pov.start, end);
}

// The latest activity as seen on a day: busy after that day, it was not stale then as far as we know.
std::optional<Date> activity_as_of(std::optional<Date> last_activity, Date day)
{
    return last_activity && *last_activity > day ? std::optional(day) : last_activity;
}

// Makes `then` the POV as it stood on a past day: its status then, only the extensions granted
// by then (and the end they had set), and no activity later than that day.
void stand_on(Pov& then, Status status, Date day)
{
    then.status = status;
    const auto later = std::find_if(then.extensions.begin(), then.extensions.end(),
                                    [&](const Extension& extension) { return extension.on > day; });
    if (later != then.extensions.end()) {
        then.end = later->from;
        then.extensions.erase(later, then.extensions.end());
    }
    then.last_activity = activity_as_of(then.last_activity, day);
}

std::optional<Date> json_date(const Json& value)
{
    return value.is_string() ? parse_iso_date(value.get_ref<const std::string&>()) : std::nullopt;
}

// The [old, new] pair of a change, when it is one.
const Json* change_pair(const Json& change)
{
    return change.is_array() && change.size() == 2 ? &change : nullptr;
}

// Undoes one change of a field (or of a criterion's status) on `pov`; what cannot be read back
// (an import from elsewhere, a renumbered criterion) is left as it is.
void undo_change(Pov& pov, const std::string& key, const Json& old_value)
{
    if (const auto* field = find_field(key); field != nullptr && field->access != FieldAccess::identity) {
        try {
            put_field(pov, *field, old_value);
        } catch (const Error&) {
        }
        return;
    }
    // `capabilities.N.status`, as `cap set` records it.
    constexpr std::string_view prefix = "capabilities.";
    constexpr std::string_view suffix = ".status";
    if (key.size() <= prefix.size() + suffix.size() || !key.starts_with(prefix) || !key.ends_with(suffix) ||
        !old_value.is_string()) {
        return;
    }
    const auto number = key.substr(prefix.size(), key.size() - prefix.size() - suffix.size());
    if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos || number.size() > 3) {
        return;
    }
    const auto n = static_cast<std::size_t>(std::stoi(number));
    const auto status = enum_from_string<CapabilityStatus>(old_value.get_ref<const std::string&>());
    if (n >= 1 && n <= pov.capabilities.size() && status) {
        pov.capabilities[n - 1].status = *status;
    }
}

// Weeks ending on the as-of date back to the period's first day (for `all`, the first close
// in it); the first week may be shorter.
std::vector<WeekArr> arr_by_week(const std::vector<ClosedItem>& closed, const ReportRange& range)
{
    auto first = range.since;
    for (const auto& item : closed) {
        if (!first || item.closed_on < *first) {
            first = item.closed_on;
        }
    }
    if (!first) {
        return {};
    }
    std::vector<WeekArr> weeks;
    for (Date to = range.until; to >= *first; to = add_days(to, -7)) {
        weeks.push_back({std::max(add_days(to, -6), *first), to, 0, 0});
    }
    std::reverse(weeks.begin(), weeks.end());
    for (const auto& item : closed) {
        if (!item.result) {
            continue;
        }
        const auto week = std::find_if(weeks.begin(), weeks.end(), [&](const WeekArr& w) {
            return item.closed_on >= w.from && item.closed_on <= w.to;
        });
        if (week != weeks.end()) {
            (*item.result == Result::successful ? week->won : week->lost) += item.net_arr.value_or(0);
        }
    }
    return weeks;
}

class Groups {
public:
    Tally& operator[](const std::string& name) { return rows_[name]; }

    [[nodiscard]] std::vector<GroupRow> rows() const
    {
        std::vector<GroupRow> out;
        for (const auto& [name, tally] : rows_) {
            out.push_back({name, tally, false});
        }
        return out;
    }

private:
    std::map<std::string, Tally> rows_;
};

} // namespace

ReportRange report_range(Period period, std::optional<Date> since, std::optional<Date> until, Date today)
{
    ReportRange range;
    range.until = until.value_or(today);
    if (since) {
        range.since = since;
    } else if (period != Period::all) {
        range.since = add_days(range.until, -(period_days(period) - 1));
    }
    if (range.since && *range.since > range.until) {
        throw Error(Exit::invalid, fmt::format("--since {} is after the report's end {}", format_date(*range.since),
                                               format_date(range.until)));
    }
    return range;
}

std::optional<double> win_rate(int won, int lost)
{
    if (won + lost == 0) {
        return std::nullopt;
    }
    return static_cast<double>(won) / static_cast<double>(won + lost);
}

std::optional<Status> status_on(const Pov& pov, Date day)
{
    if (pov.created_on && *pov.created_on > day) {
        return std::nullopt;
    }
    if (pov.closed_on && *pov.closed_on <= day) {
        return pov.status == Status::closed || pov.status == Status::cancelled ? pov.status : Status::closed;
    }
    if (pov.started_on && *pov.started_on <= day) {
        return Status::in_progress;
    }
    // Not started yet that day: qualified if it was by then. A POV with no qualified_on (an
    // import from elsewhere) that has moved on since counts as qualified.
    if (pov.qualified_on) {
        return *pov.qualified_on <= day ? Status::qualified : Status::new_;
    }
    return pov.status == Status::new_ || pov.status == Status::cancelled ? Status::new_ : Status::qualified;
}

std::optional<Date> event_day(const Event& event)
{
    const auto claimed = [&](const char* field) -> std::optional<Date> {
        const auto it = event.changes.find(field);
        if (it == event.changes.end() || change_pair(*it) == nullptr) {
            return std::nullopt;
        }
        return json_date((*it)[1]);
    };
    // A close, cancel or start given `--on` happened on that day, whenever it was recorded.
    if (event.kind == EventKind::closed || event.kind == EventKind::cancelled) {
        if (const auto day = claimed("closed_on")) {
            return day;
        }
    }
    if (event.kind == EventKind::started) {
        if (const auto day = claimed("started_on")) {
            return day;
        }
    }
    return event.at.size() >= 10 ? parse_iso_date(std::string_view(event.at).substr(0, 10)) : std::nullopt;
}

Pov as_recorded_on(const Pov& pov, const std::vector<Event>& events, Date day)
{
    Pov then = pov;
    // Newest first: a change that counts by `day` settles its fields (what it set stood then); a
    // later one puts back the value it found, unless an earlier-logged change settled it.
    std::set<std::string> settled;
    for (auto event = events.rbegin(); event != events.rend(); ++event) {
        const auto when = event_day(*event);
        const bool later = when && *when > day;
        for (const auto& [key, change] : event->changes.items()) {
            const auto* pair = change_pair(change);
            if (pair == nullptr || settled.contains(key)) {
                continue;
            }
            if (!later) {
                settled.insert(key);
                continue;
            }
            undo_change(then, key, (*pair)[0]);
        }
    }
    return then;
}

std::optional<std::int64_t> net_arr_at_start(const Pov& pov, const std::vector<Event>& events, Date day)
{
    std::optional<std::size_t> start;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto when = event_day(events[i]);
        if (events[i].kind == EventKind::started && (!when || *when <= day)) {
            start = i;
        }
    }
    if (!start) {
        return std::nullopt;
    }
    // The value the log shows right after the start: the last change up to it, else what the
    // first change after it found, else the value now.
    const auto value_of = [](const Json& value) -> std::optional<std::int64_t> {
        return value.is_number_integer() ? std::optional(value.get<std::int64_t>()) : std::nullopt;
    };
    for (std::size_t i = *start + 1; i-- > 0;) {
        const auto it = events[i].changes.find("net_arr");
        if (it != events[i].changes.end() && change_pair(*it) != nullptr) {
            return value_of((*it)[1]);
        }
    }
    for (std::size_t i = *start + 1; i < events.size(); ++i) {
        const auto it = events[i].changes.find("net_arr");
        if (it != events[i].changes.end() && change_pair(*it) != nullptr) {
            return value_of((*it)[0]);
        }
    }
    return pov.net_arr;
}

namespace {

// The figures, accumulated one POV at a time as it stood on the as-of date (stand_on): a report
// of any size keeps only what it lists. Open POVs wait in `open` for their risks, which need every
// SA's load, and POVs closed in the period for their net ARR at start (arr_change).
class Figures {
public:
    Figures(const ReportRange& range, const Config& config, const std::string& sa) : range_(range), config_(config)
    {
        f_.range = range;
        f_.sa = sa;
        f_.concurrency_limit = config.max_concurrent_per_sa;
        f_.upcoming_days = config.ending_soon_days;
        f_.max_extensions = config.max_extensions;
    }

    // Counts `then`, a POV with its fields as they were on the as-of date, when it is the
    // report's SA's and existed on that date, standing it there (its status then); true when it
    // closed in the period, so that its net ARR change counts too.
    bool consider(Pov& then)
    {
        if (!name_matches(then.sa, f_.sa)) {
            return false;
        }
        const auto status = status_on(then, range_.as_of());
        if (!status) {
            return false;
        }
        stand_on(then, *status, range_.as_of());
        return add(then);
    }

    // Counts `pov` as it is (consider stands it on the as-of date first); true when it closed in
    // the period.
    bool add(const Pov& pov)
    {
        auto& f = f_;
        const auto as_of = range_.as_of();
        const auto status = pov.status;
        f.counts[static_cast<std::size_t>(status)] += 1;
        f.created += range_.contains(pov.created_on) ? 1 : 0;
        f.started += range_.contains(pov.started_on) ? 1 : 0;
        const bool open = is_open(status);
        auto& sa_row = by_sa_[pov.sa];
        auto& type_row = by_type_[std::string(to_string(pov.type))];
        auto& solution_row = by_solution_[pov.solution];
        const auto net_arr = pov.net_arr.value_or(0);
        if (status == Status::in_progress) {
            ++load_[pov.sa];
            for (auto* row : {&sa_row, &type_row, &solution_row}) {
                row->in_progress += 1;
            }
            f.arr.in_pov += net_arr;
        }
        if (status == Status::cancelled && range_.contains(pov.closed_on)) {
            f.cancelled += 1;
            f.cancelled_list.push_back({ref(pov), pov.account, pov.reason, *pov.closed_on});
        }
        const bool closed_in_period = status == Status::closed && range_.contains(pov.closed_on);
        if (closed_in_period) {
            f.closed_list.push_back(
                {ref(pov), pov.account, pov.result, pov.reason, pov.competitor, pov.loss_type, pov.net_arr,
                 *pov.closed_on,
                 pov.started_on ? std::optional(days_between(*pov.started_on, *pov.closed_on)) : std::nullopt});
        }
        const bool decided = status == Status::closed && pov.result.has_value();
        if (decided) {
            (*pov.result == Result::successful ? won_overall_ : lost_overall_) += 1;
        }
        if (decided && range_.contains(pov.closed_on)) {
            const bool won = *pov.result == Result::successful;
            (won ? f.won : f.lost) += 1;
            (won ? f.arr.won : f.arr.lost) += net_arr;
            for (auto* row : {&sa_row, &type_row, &solution_row}) {
                row->closed += 1;
                (won ? row->won : row->lost) += 1;
                row->arr_won += won ? net_arr : 0;
            }
            if (!won) {
                f.losses_by_competitor[pov.competitor] += 1;
                if (pov.loss_type) {
                    (*pov.loss_type == LossType::technical ? f.losses_technical : f.losses_non_technical) += 1;
                }
            }
            if (pov.started_on) {
                days_.push_back(days_between(*pov.started_on, *pov.closed_on));
                if (pov.start && pov.end) {
                    planned_.push_back(planned_days(pov));
                }
            }
            for (const auto& capability : pov.capabilities) {
                f.capabilities_total += 1;
                f.capabilities_met += capability.status == CapabilityStatus::met ? 1 : 0;
            }
        }
        // Each POV comes once (report_figures counts a uuid once), so a POV extended in the period
        // counts once however many extensions it got.
        bool extended = false;
        for (const auto& extension : pov.extensions) {
            if (range_.contains(extension.on)) {
                f.extensions_granted += 1;
                extended = true;
            }
        }
        f.povs_extended += extended ? 1 : 0;
        if (open && static_cast<int>(pov.extensions.size()) > config_.max_extensions) {
            f.endless += 1;
        }
        if (open) {
            open_.push_back(pov);
        }
        if (status == Status::in_progress && pov.end && pov.started_on) {
            const long left = days_between(as_of, *pov.end);
            if (left >= 0 && left <= f.upcoming_days) {
                f.ending.push_back({ref(pov), *pov.end});
            }
            f.timeline.push_back({ref(pov), *pov.started_on, *pov.end,
                                  pov.extensions.empty() ? std::nullopt : std::optional(pov.extensions.front().from)});
        }
        if ((status == Status::new_ || status == Status::qualified) && pov.start) {
            const long until_start = days_between(as_of, *pov.start);
            if (until_start >= 0 && until_start <= f.upcoming_days) {
                f.starting.push_back({ref(pov), *pov.start});
            }
        }
        return closed_in_period;
    }

    // A POV closed in the period: its net ARR now and right after its start, when both are known.
    void arr_change(std::optional<std::int64_t> at_start, std::optional<std::int64_t> at_close)
    {
        if (at_start && at_close) {
            f_.arr.change_during_pov += *at_close - *at_start;
            f_.arr.change_povs += 1;
        }
    }

    // The open POVs added so far, in the order added (their activity may be filled in later).
    std::vector<Pov>& open() { return open_; }
    // The POVs closed in the period so far, in the order added.
    [[nodiscard]] const std::vector<ClosedItem>& closed() const { return f_.closed_list; }

    ReportFigures finish()
    {
        auto& f = f_;
        const auto as_of = range_.as_of();
        for (const auto& pov : open_) {
            auto found = risks(pov, as_of, config_, load_);
            if (!found.empty()) {
                f.attention.push_back({ref(pov), pov.status, pov.end, std::move(found)});
            }
        }
        open_.clear();
        f.win_rate_period = win_rate(f.won, f.lost);
        f.win_rate_overall = win_rate(won_overall_, lost_overall_);
        f.days_count = static_cast<int>(days_.size());
        f.days_median = median(days_);
        f.days_mean = mean(days_);
        f.actual_days_mean = mean(days_);
        f.planned_days_mean = mean(planned_);
        if (f.capabilities_total > 0) {
            f.capability_hit_rate = static_cast<double>(f.capabilities_met) / static_cast<double>(f.capabilities_total);
        }

        // Per SA: everyone with a POV running or decided in the period.
        for (auto row : by_sa_.rows()) {
            if (row.tally.in_progress == 0 && row.tally.closed == 0) {
                continue;
            }
            row.over_limit = !within_concurrency_limit(row.tally.in_progress, config_);
            f.per_sa.push_back(std::move(row));
        }
        for (auto* target : {&f.per_type, &f.per_solution}) {
            for (auto row : (target == &f.per_type ? by_type_ : by_solution_).rows()) {
                if (row.tally.in_progress > 0 || row.tally.closed > 0) {
                    target->push_back(std::move(row));
                }
            }
        }

        // Worst first: the gravest risk, then how many, then the oldest id.
        std::sort(f.attention.begin(), f.attention.end(), [](const AttentionItem& a, const AttentionItem& b) {
            if (a.risks.front() != b.risks.front()) {
                return a.risks.front() < b.risks.front();
            }
            if (a.risks.size() != b.risks.size()) {
                return a.risks.size() > b.risks.size();
            }
            return a.pov.id < b.pov.id;
        });
        const auto by_date = [](const UpcomingItem& a, const UpcomingItem& b) {
            return a.date != b.date ? a.date < b.date : a.pov.id < b.pov.id;
        };
        std::sort(f.ending.begin(), f.ending.end(), by_date);
        std::sort(f.starting.begin(), f.starting.end(), by_date);
        std::sort(f.timeline.begin(), f.timeline.end(), [](const TimelineItem& a, const TimelineItem& b) {
            return a.end != b.end ? a.end < b.end : a.pov.id < b.pov.id;
        });
        std::sort(f.closed_list.begin(), f.closed_list.end(), [](const ClosedItem& a, const ClosedItem& b) {
            return a.closed_on != b.closed_on ? a.closed_on < b.closed_on : a.pov.id < b.pov.id;
        });
        std::sort(f.cancelled_list.begin(), f.cancelled_list.end(), [](const CancelledItem& a, const CancelledItem& b) {
            return a.on != b.on ? a.on < b.on : a.pov.id < b.pov.id;
        });
        f.arr_by_week = arr_by_week(f.closed_list, range_);
        return std::move(f_);
    }

private:
    const ReportRange& range_;
    const Config& config_;
    ReportFigures f_;
    std::map<std::string, int> load_; // in progress per SA
    Groups by_sa_;
    Groups by_type_;
    Groups by_solution_;
    int won_overall_ = 0;
    int lost_overall_ = 0;
    std::vector<long> days_;
    std::vector<long> planned_;
    std::vector<Pov> open_;
};

} // namespace

ReportFigures report_figures(const std::vector<Pov>& povs, const ReportRange& range, const Config& config,
                             const std::string& sa)
{
    return report_figures(ReportData{povs, {}, false}, range, config, sa);
}

ReportFigures report_figures(const ReportData& data, const ReportRange& range, const Config& config,
                             const std::string& sa)
{
    const auto as_of = range.as_of();
    static const std::vector<Event> no_events;
    Figures figures(range, config, sa);
    // Each POV as it stood on the as-of date: its fields from the audit log, its status from
    // the dates it had then. A POV's whole log goes along for its net ARR at start.
    for (const auto& now : data.povs) {
        const auto found = data.events.find(now.uuid);
        const auto& log = found == data.events.end() ? no_events : found->second;
        Pov then = data.past && !log.empty() ? as_recorded_on(now, log, as_of) : now;
        if (figures.consider(then)) {
            figures.arr_change(net_arr_at_start(then, log, as_of), then.net_arr);
        }
    }
    return figures.finish();
}

ReportFigures report_figures(const std::vector<Store*>& stores, const ReportRange& range, Date today,
                             const Config& config, const std::string& sa)
{
    const auto as_of = range.as_of();
    // The as-of date is before today: undo what was recorded after it. On or after today the
    // records are the truth, whatever the clock of an event's timestamp says.
    const auto changed_since = as_of < today ? std::optional(add_days(as_of, 1)) : std::nullopt;
    Figures figures(range, config, sa);
    std::set<std::string> seen; // by uuid, with --include: the first store's copy wins
    for (std::size_t index = 0; index < stores.size(); ++index) {
        auto* store = stores[index];
        const bool several = stores.size() > 1;
        const bool remember = several && index + 1 < stores.size();
        store->transaction(Store::Lock::read, [&] {
            const auto first_open = figures.open().size();
            const auto first_closed = figures.closed().size();
            // With other stores, every POV is read, so that the first store's copy of a uuid
            // wins whatever its SA.
            store->each_for_report(
                several ? std::string() : sa, changed_since, [&](Pov& now, const std::vector<Event>& later) {
                    if (several && (remember ? !seen.insert(now.uuid).second : seen.contains(now.uuid))) {
                        return;
                    }
                    if (changed_since && !later.empty()) {
                        now = as_recorded_on(now, later, as_of);
                    }
                    figures.consider(now);
                });
            // The open POVs' journal activity, for their risks.
            auto& open = figures.open();
            std::vector<std::int64_t> ids;
            for (auto i = first_open; i < open.size(); ++i) {
                ids.push_back(open[i].id);
            }
            auto next = first_open;
            store->journal_activity(ids, [&](std::int64_t, std::optional<Date> latest, std::optional<bool> on_track) {
                auto& pov = open[next++];
                if (latest && (!pov.last_activity || *latest > *pov.last_activity)) {
                    pov.last_activity = activity_as_of(latest, as_of);
                }
                pov.latest_retro_on_track = on_track;
            });
            // The POVs closed in the period: their net ARR at start, from their log.
            const auto& closed = figures.closed();
            ids.clear();
            for (auto i = first_closed; i < closed.size(); ++i) {
                ids.push_back(closed[i].pov.id);
            }
            auto next_closed = first_closed;
            Pov then; // net_arr_at_start reads the net ARR at close only
            store->net_arr_events(ids, [&](std::int64_t, const std::vector<Event>& log) {
                then.net_arr = closed[next_closed++].net_arr;
                figures.arr_change(net_arr_at_start(then, log, as_of), then.net_arr);
            });
        });
    }
    return figures.finish();
}

} // namespace pov
