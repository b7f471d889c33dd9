#include "pov/report.hpp"

#include "pov/duration.hpp"
#include "pov/error.hpp"
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

double round_to_tenth(double value)
{
    return std::round(value * 10.0) / 10.0;
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
    return round_to_tenth(sum / static_cast<double>(values.size()));
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

// A POV as it stood on a past day: its status then, only the extensions granted by then (and
// the end they had set), and no activity later than that day.
Pov as_it_stood(const Pov& pov, Status status, Date day)
{
    Pov then = pov;
    then.status = status;
    const auto later = std::find_if(then.extensions.begin(), then.extensions.end(),
                                    [&](const Extension& extension) { return extension.on > day; });
    if (later != then.extensions.end()) {
        then.end = later->from;
        then.extensions.erase(later, then.extensions.end());
    }
    if (then.last_activity && *then.last_activity > day) {
        then.last_activity = day; // busy after that day: it was not stale then as far as we know
    }
    return then;
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

ReportFigures report_figures(const std::vector<Pov>& all, const ReportRange& range, const Config& config,
                             const std::string& sa)
{
    ReportFigures f;
    f.range = range;
    f.sa = sa;
    f.concurrency_limit = config.max_concurrent_per_sa;
    f.upcoming_days = config.ending_soon_days;
    f.max_extensions = config.max_extensions;
    const auto as_of = range.as_of();

    // Each POV as it stood on the as-of date.
    std::vector<Pov> povs;
    for (const auto& pov : all) {
        if (!sa.empty() && pov.sa != sa) {
            continue;
        }
        if (const auto status = status_on(pov, as_of)) {
            povs.push_back(as_it_stood(pov, *status, as_of));
        }
    }

    std::map<std::string, int> load;
    for (const auto& pov : povs) {
        if (pov.status == Status::in_progress) {
            ++load[pov.sa];
        }
    }

    Groups by_sa;
    Groups by_type;
    Groups by_solution;
    int won_overall = 0;
    int lost_overall = 0;
    std::vector<long> days;
    std::vector<long> planned;
    std::set<std::string> extended; // by uuid: ids repeat across --include databases

    for (const auto& pov : povs) {
        const auto status = pov.status;
        f.counts[static_cast<std::size_t>(status)] += 1;
        f.created += range.contains(pov.created_on) ? 1 : 0;
        f.started += range.contains(pov.started_on) ? 1 : 0;
        const bool open = is_open(status);
        auto& sa_row = by_sa[pov.sa];
        auto& type_row = by_type[std::string(to_string(pov.type))];
        auto& solution_row = by_solution[pov.solution];
        if (status == Status::in_progress) {
            for (auto* row : {&sa_row, &type_row, &solution_row}) {
                row->in_progress += 1;
            }
        }
        if (status == Status::cancelled && range.contains(pov.closed_on)) {
            f.cancelled += 1;
        }
        const bool decided = status == Status::closed && pov.result.has_value();
        if (decided) {
            (*pov.result == Result::successful ? won_overall : lost_overall) += 1;
        }
        if (decided && range.contains(pov.closed_on)) {
            const bool won = *pov.result == Result::successful;
            (won ? f.won : f.lost) += 1;
            for (auto* row : {&sa_row, &type_row, &solution_row}) {
                row->closed += 1;
                (won ? row->won : row->lost) += 1;
            }
            if (!won) {
                f.losses_by_competitor[pov.competitor] += 1;
                if (pov.loss_type) {
                    (*pov.loss_type == LossType::technical ? f.losses_technical : f.losses_non_technical) += 1;
                }
            }
            if (pov.started_on) {
                days.push_back(days_between(*pov.started_on, *pov.closed_on));
                if (pov.start && pov.end) {
                    planned.push_back(planned_days(pov));
                }
            }
            for (const auto& capability : pov.capabilities) {
                f.capabilities_total += 1;
                f.capabilities_met += capability.status == CapabilityStatus::met ? 1 : 0;
            }
        }
        for (const auto& extension : pov.extensions) {
            if (range.contains(extension.on)) {
                f.extensions_granted += 1;
                extended.insert(pov.uuid);
            }
        }
        if (open && static_cast<int>(pov.extensions.size()) > config.max_extensions) {
            f.endless += 1;
        }
        if (open) {
            const auto it = load.find(pov.sa);
            auto found = risks(pov, as_of, config, it == load.end() ? 0 : it->second);
            if (!found.empty()) {
                f.attention.push_back({ref(pov), status, pov.end, std::move(found)});
            }
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
    }

    f.win_rate_period = win_rate(f.won, f.lost);
    f.win_rate_overall = win_rate(won_overall, lost_overall);
    f.days_count = static_cast<int>(days.size());
    f.days_median = median(days);
    f.days_mean = mean(days);
    f.actual_days_mean = mean(days);
    f.planned_days_mean = mean(planned);
    f.povs_extended = static_cast<int>(extended.size());
    if (f.capabilities_total > 0) {
        f.capability_hit_rate = static_cast<double>(f.capabilities_met) / static_cast<double>(f.capabilities_total);
    }

    // Per SA: everyone with a POV running or decided in the period.
    for (auto row : by_sa.rows()) {
        if (row.tally.in_progress == 0 && row.tally.closed == 0) {
            continue;
        }
        row.over_limit = !within_concurrency_limit(row.tally.in_progress, config);
        f.per_sa.push_back(std::move(row));
    }
    for (auto* target : {&f.per_type, &f.per_solution}) {
        for (auto row : (target == &f.per_type ? by_type : by_solution).rows()) {
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
    return f;
}

std::vector<Pov> team_povs(const std::vector<Store*>& stores)
{
    std::vector<Pov> povs;
    std::set<std::string> seen;
    for (auto* store : stores) {
        std::vector<Pov> loaded;
        store->transaction(Store::Lock::read, [&] { loaded = store->all(false); });
        for (auto& pov : loaded) {
            if (seen.insert(pov.uuid).second) {
                povs.push_back(std::move(pov));
            }
        }
    }
    return povs;
}

} // namespace pov
