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
    std::optional<double> days_mean; // rounded to one decimal, as every format shows it
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
};

// A POV's status on a past day, from its dates: created_on, qualified_on, started_on, closed_on.
// nullopt when it did not exist yet.
std::optional<Status> status_on(const Pov& pov, Date day);

// The figures for POVs (journals not needed), narrowed to one SA when `sa` is not empty.
// The POVs a team report covers: every store's (journals not needed), each uuid once, the first
// store's copy winning (`report --include`).
std::vector<Pov> team_povs(const std::vector<Store*>& stores);

ReportFigures report_figures(const std::vector<Pov>& povs, const ReportRange& range, const Config& config,
                             const std::string& sa = {});

} // namespace pov
