// Risks (contract section 9): each one triggered, and not triggered just across its boundary.
#include "sample.hpp"

#include "pov/risks.hpp"

#include <algorithm>

using namespace pov;
using test::day;

namespace {

using Risks = std::vector<Risk>;

// An in-progress guided POV from 2026-03-02 to 2026-03-30 (28 days) with none of the ten risks
// on 2026-03-10: signed off, PS positioned, one criterion met, a journal entry the day before, the
// executive review booked for 2026-03-27, the latest retro on track.
Pov healthy_running_pov()
{
    auto pov = test::qualifying_pov();
    pov.status = Status::in_progress;
    pov.started_on = day("2026-03-02");
    pov.ps_positioned = true;
    pov.capabilities[0].status = CapabilityStatus::met;
    pov.last_activity = day("2026-03-09");
    pov.exec_review_on = day("2026-03-27");
    pov.latest_retro_on_track = true;
    return pov;
}

bool has(const Risks& found, Risk risk)
{
    return std::find(found.begin(), found.end(), risk) != found.end();
}

Risks risks_on(const Pov& pov, const char* today, const Config& config = Config{}, int sa_load = 1)
{
    return risks(pov, day(today), config, sa_load);
}

} // namespace

TEST_CASE("a healthy running POV has no risk")
{
    CHECK(risks_on(healthy_running_pov(), "2026-03-10").empty());
}

TEST_CASE("overdue: in progress past its planned end")
{
    const auto pov = healthy_running_pov();
    CHECK(has(risks_on(pov, "2026-03-31"), Risk::overdue));
    CHECK_FALSE(has(risks_on(pov, "2026-03-30"), Risk::overdue)); // the end day itself
    auto closed = pov;
    closed.status = Status::closed;
    CHECK_FALSE(has(risks_on(closed, "2026-04-30"), Risk::overdue));
}

TEST_CASE("ending_soon: ends within rules.ending_soon_days, inclusive")
{
    const auto pov = healthy_running_pov();                           // ends 2026-03-30
    CHECK(has(risks_on(pov, "2026-03-23"), Risk::ending_soon));       // 7 days left
    CHECK_FALSE(has(risks_on(pov, "2026-03-22"), Risk::ending_soon)); // 8 days left
    CHECK(has(risks_on(pov, "2026-03-30"), Risk::ending_soon));       // ends today
    CHECK_FALSE(has(risks_on(pov, "2026-03-31"), Risk::ending_soon)); // overdue instead

    Config config;
    config.ending_soon_days = 3;
    CHECK_FALSE(has(risks_on(pov, "2026-03-26", config), Risk::ending_soon)); // 4 days left
    CHECK(has(risks_on(pov, "2026-03-27", config), Risk::ending_soon));
}

TEST_CASE("stale: no journal entry or capability change for more than rules.stale_after_days")
{
    auto pov = healthy_running_pov();
    pov.end = day("2026-04-15"); // keep ending_soon and no_progress out of the way
    pov.last_activity = day("2026-03-05");
    CHECK_FALSE(has(risks_on(pov, "2026-03-12"), Risk::stale)); // 7 days since
    CHECK(has(risks_on(pov, "2026-03-13"), Risk::stale));       // 8 days since

    SECTION("without any activity the start counts")
    {
        pov.last_activity.reset();
        CHECK_FALSE(has(risks_on(pov, "2026-03-09"), Risk::stale)); // 7 days after 03-02
        CHECK(has(risks_on(pov, "2026-03-10"), Risk::stale));
    }
    SECTION("activity before the start does not count")
    {
        pov.last_activity = day("2026-02-20");
        CHECK_FALSE(has(risks_on(pov, "2026-03-09"), Risk::stale));
        CHECK(has(risks_on(pov, "2026-03-10"), Risk::stale));
    }
    SECTION("the limit comes from the config")
    {
        Config config;
        config.stale_after_days = 14;
        CHECK_FALSE(has(risks_on(pov, "2026-03-19", config), Risk::stale));
        CHECK(has(risks_on(pov, "2026-03-20", config), Risk::stale));
    }
}

TEST_CASE("endless_extension: more than rules.max_extensions extensions")
{
    auto pov = healthy_running_pov();
    pov.extensions.push_back({day("2026-03-30"), day("2026-04-05"), "holidays", day("2026-03-20")});
    CHECK_FALSE(has(risks_on(pov, "2026-03-10"), Risk::endless_extension));
    pov.extensions.push_back({day("2026-04-05"), day("2026-04-10"), "again", day("2026-04-01")});
    CHECK(has(risks_on(pov, "2026-03-10"), Risk::endless_extension));
    Config config;
    config.max_extensions = 2;
    CHECK_FALSE(has(risks_on(pov, "2026-03-10", config), Risk::endless_extension));
}

TEST_CASE("criteria_creep: criteria changed after start")
{
    auto pov = healthy_running_pov();
    CHECK_FALSE(has(risks_on(pov, "2026-03-10"), Risk::criteria_creep));
    pov.criteria_creep = true;
    CHECK(has(risks_on(pov, "2026-03-10"), Risk::criteria_creep));
}

TEST_CASE("unsigned_criteria: in progress without both sign-offs")
{
    auto pov = healthy_running_pov();
    pov.eb_signoff.reset();
    CHECK(has(risks_on(pov, "2026-03-10"), Risk::unsigned_criteria));
    pov = healthy_running_pov();
    pov.champion_signoff.reset();
    CHECK(has(risks_on(pov, "2026-03-10"), Risk::unsigned_criteria));
    pov.status = Status::qualified; // not running yet
    CHECK_FALSE(has(risks_on(pov, "2026-03-10"), Risk::unsigned_criteria));
}

TEST_CASE("no_progress: past half its planned length with every capability pending")
{
    auto pov = healthy_running_pov(); // 28 planned days from 2026-03-02: half is 2026-03-16
    pov.capabilities[0].status = CapabilityStatus::pending;
    CHECK_FALSE(has(risks_on(pov, "2026-03-16"), Risk::no_progress)); // exactly half
    CHECK(has(risks_on(pov, "2026-03-17"), Risk::no_progress));
    pov.capabilities[1].status = CapabilityStatus::partial;
    CHECK_FALSE(has(risks_on(pov, "2026-03-17"), Risk::no_progress));
}

TEST_CASE("over_limit: its SA runs more POVs than rules.max_concurrent_per_sa")
{
    const auto pov = healthy_running_pov();
    CHECK_FALSE(has(risks_on(pov, "2026-03-10", Config{}, 3), Risk::over_limit));
    CHECK(has(risks_on(pov, "2026-03-10", Config{}, 4), Risk::over_limit));
    Config config;
    config.max_concurrent_per_sa = 4;
    CHECK_FALSE(has(risks_on(pov, "2026-03-10", config, 4), Risk::over_limit));
}

TEST_CASE("ps_not_positioned: qualified or in progress without professional services")
{
    auto pov = healthy_running_pov();
    pov.ps_positioned = false;
    CHECK(has(risks_on(pov, "2026-03-10"), Risk::ps_not_positioned));
    pov.status = Status::qualified;
    CHECK(has(risks_on(pov, "2026-03-10"), Risk::ps_not_positioned));
    pov.status = Status::new_;
    CHECK_FALSE(has(risks_on(pov, "2026-03-10"), Risk::ps_not_positioned));
    pov.status = Status::closed;
    CHECK_FALSE(has(risks_on(pov, "2026-03-10"), Risk::ps_not_positioned));
}

TEST_CASE("not_approved: in progress without approval only while approval is required")
{
    const auto pov = healthy_running_pov();
    CHECK_FALSE(has(risks_on(pov, "2026-03-10"), Risk::not_approved));
    Config config;
    config.require_approval = true;
    CHECK(has(risks_on(pov, "2026-03-10", config), Risk::not_approved));
    auto approved = pov;
    approved.approved_by = "Morgan Manager";
    approved.approved_on = day("2026-03-01");
    CHECK_FALSE(has(risks_on(approved, "2026-03-10", config), Risk::not_approved));
}

TEST_CASE("off_track: in progress and its latest retrospective said not on track")
{
    auto pov = healthy_running_pov();
    pov.latest_retro_on_track = false;
    CHECK(has(risks_on(pov, "2026-03-10"), Risk::off_track));
    pov.latest_retro_on_track = true; // a later retro back on track clears it
    CHECK_FALSE(has(risks_on(pov, "2026-03-10"), Risk::off_track));
    pov.latest_retro_on_track.reset(); // no retro yet
    CHECK_FALSE(has(risks_on(pov, "2026-03-10"), Risk::off_track));
    pov.latest_retro_on_track = false;
    pov.status = Status::closed;
    CHECK_FALSE(has(risks_on(pov, "2026-03-10"), Risk::off_track));
}

TEST_CASE("retro_on_track reads the answer on a retro's last line")
{
    CHECK(retro_on_track("What went well: a\nProblems to overcome: b\nWhat to change: c\nOn track: no") == false);
    CHECK(retro_on_track("What went well: a\nProblems to overcome: b\nWhat to change: c\nOn track: yes") == true);
    // An answer typed into an earlier answer does not count; the last line does.
    CHECK(retro_on_track("What went well: a\nOn track: no\nWhat to change: c\nOn track: yes") == true);
    CHECK_FALSE(retro_on_track("a note that mentions On track: no").has_value());
    CHECK_FALSE(retro_on_track("").has_value());
}

TEST_CASE("late_start: new or qualified and its planned start has passed")
{
    auto pov = test::qualifying_pov();                               // new, planned start 2026-03-02
    CHECK_FALSE(has(risks_on(pov, "2026-03-02"), Risk::late_start)); // the start day itself
    CHECK(has(risks_on(pov, "2026-03-03"), Risk::late_start));
    pov.status = Status::qualified;
    CHECK(has(risks_on(pov, "2026-03-03"), Risk::late_start));
    pov.status = Status::in_progress;
    CHECK_FALSE(has(risks_on(pov, "2026-03-03"), Risk::late_start));
    pov.status = Status::new_;
    pov.start.reset(); // not scheduled: nothing is late
    CHECK_FALSE(has(risks_on(pov, "2026-03-03"), Risk::late_start));
}

TEST_CASE("no_exec_review: in progress with no executive review booked, or its date passed")
{
    auto pov = healthy_running_pov();                                    // review on 2026-03-27
    CHECK_FALSE(has(risks_on(pov, "2026-03-27"), Risk::no_exec_review)); // the review day itself
    CHECK(has(risks_on(pov, "2026-03-28"), Risk::no_exec_review));       // passed, still running
    pov.exec_review_on.reset();
    CHECK(has(risks_on(pov, "2026-03-10"), Risk::no_exec_review));
    pov.status = Status::qualified; // booked while planning: not a risk before the start
    CHECK_FALSE(has(risks_on(pov, "2026-03-10"), Risk::no_exec_review));
    pov.status = Status::closed;
    CHECK_FALSE(has(risks_on(pov, "2026-03-10"), Risk::no_exec_review));
}

TEST_CASE("closed and cancelled POVs carry no running risk")
{
    auto pov = healthy_running_pov();
    pov.capabilities[0].status = CapabilityStatus::pending;
    pov.eb_signoff.reset();
    pov.ps_positioned = false;
    pov.criteria_creep = true;
    pov.exec_review_on.reset();
    pov.latest_retro_on_track = false;
    for (const auto status : {Status::closed, Status::cancelled}) {
        pov.status = status;
        CHECK(risks_on(pov, "2026-04-30", Config{}, 9).empty());
    }
}

TEST_CASE("risks come worst first, in the enum's order")
{
    auto pov = healthy_running_pov();
    pov.capabilities[0].status = CapabilityStatus::pending;
    pov.eb_signoff.reset();
    pov.ps_positioned = false;
    pov.criteria_creep = true;
    pov.last_activity.reset();
    pov.extensions = {{day("2026-03-30"), day("2026-03-31"), "a", day("2026-03-20")},
                      {day("2026-03-31"), day("2026-04-01"), "b", day("2026-03-25")}};
    pov.end = day("2026-04-01");
    pov.latest_retro_on_track = false;
    Config config;
    config.require_approval = true;
    // 2026-04-02: past the end, 31 days after the start, four POVs for the SA.
    const auto found = risks_on(pov, "2026-04-02", config, 4);
    CHECK(found == Risks{Risk::overdue, Risk::over_limit, Risk::off_track, Risk::unsigned_criteria,
                         Risk::no_exec_review, Risk::endless_extension, Risk::no_progress, Risk::criteria_creep,
                         Risk::not_approved, Risk::stale, Risk::ps_not_positioned});
    CHECK(std::is_sorted(found.begin(), found.end()));

    // ending_soon sits between stale and ps_not_positioned.
    const auto soon = risks_on(pov, "2026-03-31", config, 4);
    CHECK(soon == Risks{Risk::over_limit, Risk::off_track, Risk::unsigned_criteria, Risk::no_exec_review,
                        Risk::endless_extension, Risk::no_progress, Risk::criteria_creep, Risk::not_approved,
                        Risk::stale, Risk::ending_soon, Risk::ps_not_positioned});

    // late_start sits between criteria_creep and not_approved.
    pov.status = Status::qualified;
    CHECK(risks_on(pov, "2026-03-03", config, 4) ==
          Risks{Risk::endless_extension, Risk::criteria_creep, Risk::late_start, Risk::ps_not_positioned});
}

TEST_CASE("every risk has advice")
{
    for (std::size_t i = 0; i < EnumNames<Risk>::names.size(); ++i) {
        CHECK_FALSE(risk_advice(static_cast<Risk>(i)).empty());
    }
}
