// The weekly report's figures (contract sections 7 and 12), computed once from the records;
// text, Markdown, JSON, CSV and HTML are renderings of this one struct.
#pragma once

#include "pov/config.hpp"
#include "pov/record.hpp"
#include "pov/store.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pov {

enum class Period { week, month, quarter, all };
template <> struct EnumNames<Period> {
    static constexpr std::array<std::string_view, 4> names{"week", "month", "quarter", "all"};
};

// The period's bounds, both inclusive; `since` is empty for `all`. The as-of date is `until`.
struct ReportRange {
    std::optional<Date> since;
    Date until;

    [[nodiscard]] Date as_of() const { return until; }
    [[nodiscard]] bool contains(const std::optional<Date>& day) const
    {
        return day && *day <= until && (!since || *day >= *since);
    }
};

// `week` is the 7 days ending on the as-of date, `month` 30, `quarter` 91, `all` everything;
// `since`/`until` set the bounds directly; the as-of date is `until`, else today.
// Throws pov::Error (invalid) when since is after until.
ReportRange report_range(Period period, std::optional<Date> since, std::optional<Date> until, Date today);

// Won ÷ (won + lost); nullopt when nothing closed with a result.
std::optional<double> win_rate(int won, int lost);

// What happened to a group of POVs (an SA, a type, a solution, the whole team).
struct Tally {
    int in_progress = 0; // as of the as-of date
    int closed = 0;      // closed with a result in the period (won + lost)
    int won = 0;
    int lost = 0;
    std::int64_t arr_won = 0; // net ARR of the POVs won in the period, whole dollars
    [[nodiscard]] std::optional<double> win_rate() const { return pov::win_rate(won, lost); }
};

struct GroupRow {
    std::string name; // empty: not set (a POV without a solution)
    Tally tally;
    bool over_limit = false; // per SA: runs more POVs than rules.max_concurrent_per_sa
};

struct PovRef {
    std::int64_t id = 0;
    std::string name;
    std::string sa;
};

struct AttentionItem {
    PovRef pov;
    Status status = Status::new_;
    std::optional<Date> end;
    std::vector<Risk> risks; // worst first
};

struct UpcomingItem {
    PovRef pov;
    Date date; // the planned end, or the planned start
};

// A POV closed in the period, as it stood on the as-of date.
struct ClosedItem {
    PovRef pov;
    std::string account;
    std::optional<Result> result;
    std::string reason;
    std::string competitor;
    std::optional<LossType> loss_type;
    std::optional<std::int64_t> net_arr;
    Date closed_on;
    std::optional<long> days; // closed_on - started_on; nullopt when it never started
};

struct CancelledItem {
    PovRef pov;
    std::string account;
    std::string reason;
    Date on;
};

// Net ARR in whole US dollars; a POV without one counts as 0.
struct ArrFigures {
    std::int64_t in_pov = 0; // in progress as of the as-of date
    std::int64_t won = 0;    // closed successful in the period
    std::int64_t lost = 0;   // closed unsuccessful in the period
    // Net ARR at close minus net ARR at start (from the audit log), summed over the POVs closed
    // in the period whose both values are known; `change_povs` counts them.
    std::int64_t change_during_pov = 0;
    int change_povs = 0;
};

// Net ARR won and lost in one week of the period (weeks end on the as-of date; the first one may
// be shorter, starting on the period's first day).
struct WeekArr {
    Date from;
    Date to;
    std::int64_t won = 0;
    std::int64_t lost = 0;
};

struct TimelineItem {
    PovRef pov;
    Date started_on;
    Date end;                         // planned end now
    std::optional<Date> original_end; // before extensions, when extended
};

struct ReportFigures {
    ReportRange range;
    std::string sa; // the --sa filter; empty for the whole team
    int concurrency_limit = 0;
    int upcoming_days = 0;
    int max_extensions = 0;

    std::array<int, 5> counts{}; // by Status, as of the as-of date

    // In the period.
    int created = 0;
    int started = 0;
    int won = 0;
    int lost = 0;
    int cancelled = 0;

    std::optional<double> win_rate_period;
    std::optional<double> win_rate_overall; // everything closed up to the as-of date

    // closed_on - started_on over POVs closed with a result in the period.
    std::optional<double> days_median;
    std::optional<double> days_mean; // exact: people's formats round it, JSON and CSV do not
    int days_count = 0;

    // Planned (before extensions) and actual length over the same POVs.
    std::optional<double> planned_days_mean;
    std::optional<double> actual_days_mean;

    int extensions_granted = 0; // extensions recorded in the period
    int povs_extended = 0;      // distinct POVs extended in the period
    int endless = 0;            // open POVs with more than rules.max_extensions

    std::vector<GroupRow> per_sa;
    std::vector<GroupRow> per_type;
    std::vector<GroupRow> per_solution;

    std::map<std::string, int> losses_by_competitor; // "" for a loss without a competitor
    int losses_technical = 0;
    int losses_non_technical = 0;

    int capabilities_met = 0;
    int capabilities_total = 0;
    std::optional<double> capability_hit_rate;

    std::vector<AttentionItem> attention; // every open POV with a risk, worst first
    std::vector<UpcomingItem> ending;     // in progress, ending within upcoming_days
    std::vector<UpcomingItem> starting;   // not started, planned to start within upcoming_days
    std::vector<TimelineItem> timeline;   // in progress, by planned end

    std::vector<ClosedItem> closed_list;       // closed in the period, by closed_on then id
    std::vector<CancelledItem> cancelled_list; // cancelled in the period, by date then id
    ArrFigures arr;
    std::vector<WeekArr> arr_by_week; // oldest first; empty when the period has no first day
};

// A POV's status on a past day, from its dates: created_on, qualified_on, started_on, closed_on.
// nullopt when it did not exist yet.
std::optional<Status> status_on(const Pov& pov, Date day);

// The day an event counts from: the date it claims for itself (a close or cancel `--on`, a start
// `--on`), else the date of its timestamp. nullopt when neither can be read.
std::optional<Date> event_day(const Event& event);

// A POV's fields as they stood at the end of `day`: every change in `events` (its audit log,
// oldest first; any tail of it that holds everything after `day` will do) that counts from a
// later day is undone, field by field. Extensions granted later are dropped and the end they
// moved restored; activity later than the day is not seen. Pure: records and events in, a record out.
Pov as_recorded_on(const Pov& pov, const std::vector<Event>& events, Date day);

// The net ARR right after the POV was started (its last `started` event counting by `day`),
// from its whole audit log; nullopt when the log holds no start or no net ARR then.
std::optional<std::int64_t> net_arr_at_start(const Pov& pov, const std::vector<Event>& events, Date day);

// A report's records in memory (tests, and any caller with records at hand): the POVs and, by
// uuid, the audit events needed to see each as it stood on the as-of date (those recorded after
// it, or the whole log) and, for a POV closed in the period, its net ARR at start.
struct ReportData {
    std::vector<Pov> povs;
    std::map<std::string, std::vector<Event>> events; // by uuid, oldest first
    // The as-of date is before today: undo what was recorded after it. On or after today the
    // records are the truth, whatever the clock of an event's timestamp says.
    bool past = false;
};

// The figures, narrowed to one SA when `sa` is not empty.
ReportFigures report_figures(const ReportData& data, const ReportRange& range, const Config& config,
                             const std::string& sa = {});
// The same from the records alone, with no audit log to rebuild the past from.
ReportFigures report_figures(const std::vector<Pov>& povs, const ReportRange& range, const Config& config,
                             const std::string& sa = {});

// The figures of a team report over stores (`report --include`): every store's POVs, each uuid
// once, the first store's copy winning. The POVs pass one at a time (Store::each_for_report) with
// the events recorded after the as-of date when it lies before `today`; only what the report lists
// is kept. The open POVs' journal activity and the net ARR at start of those closed in the period
// are read afterwards for those POVs alone. The cost follows the POVs and what changed since the
// as-of date.
ReportFigures report_figures(const std::vector<Store*>& stores, const ReportRange& range, Date today,
                             const Config& config, const std::string& sa = {});

} // namespace pov
