// The report's figures on a fixed team, every expectation computed by hand (contract section 7).
#include "helpers.hpp"
#include "pov/document.hpp"
#include "pov/error.hpp"
#include "pov/report.hpp"
#include "render/report.hpp"
#include "store/sqlite/sqlite_store.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace pov;

namespace {

Date on(const char* text)
{
    return *parse_iso_date(text);
}

Pov pov_of(std::int64_t id, const char* sa, Status status)
{
    Pov pov;
    pov.id = id;
    pov.uuid = "uuid-" + std::to_string(id);
    pov.name = "POV " + std::to_string(id);
    pov.account = "Account";
    pov.sa = sa;
    pov.status = status;
    pov.solution = "devsecops";
    pov.created_on = on("2026-02-01");
    pov.ps_positioned = true;
    pov.champion_signoff = on("2026-02-10");
    pov.eb_signoff = on("2026-02-10");
    return pov;
}

Capability criterion(int n, CapabilityStatus status)
{
    return {n, "criterion " + std::to_string(n), {}, {}, status, {}, {}};
}

Pov closed(std::int64_t id, const char* sa, const char* started, const char* closed_on, Result result)
{
    auto pov = pov_of(id, sa, Status::closed);
    pov.start = on(started);
    pov.end = add_days(on(started), 30);
    pov.started_on = on(started);
    pov.closed_on = on(closed_on);
    pov.result = result;
    return pov;
}

Pov running(std::int64_t id, const char* sa, const char* started, const char* end)
{
    auto pov = pov_of(id, sa, Status::in_progress);
    pov.start = on(started);
    pov.end = on(end);
    pov.started_on = on(started);
    pov.last_activity = on("2026-03-30");
    pov.exec_review_on = pov.end; // booked: no no_exec_review risk while it runs to its end
    pov.capabilities = {criterion(1, CapabilityStatus::met)};
    return pov;
}

// The team, as of 2026-03-31; the week is 2026-03-25 … 2026-03-31.
std::vector<Pov> team()
{
    std::vector<Pov> povs;
    auto a = closed(1, "Ann", "2026-03-01", "2026-03-25", Result::successful); // the period's first day
    a.capabilities = {criterion(1, CapabilityStatus::met), criterion(2, CapabilityStatus::met),
                      criterion(3, CapabilityStatus::partial)};
    povs.push_back(a);
    auto b = closed(2, "Ann", "2026-03-05", "2026-03-31", Result::unsuccessful); // its last day
    b.competitor = "GitHub";
    b.loss_type = LossType::technical;
    b.capabilities = {criterion(1, CapabilityStatus::met), criterion(2, CapabilityStatus::not_met)};
    povs.push_back(b);
    auto c = closed(3, "Bob", "2026-03-20", "2026-03-24", Result::successful); // the day before
    c.type = PovType::onsite;
    c.solution.clear();
    povs.push_back(c);
    auto d = closed(4, "Bob", "2026-03-10", "2026-03-28", Result::unsuccessful);
    d.loss_type = LossType::non_technical;
    d.solution = "software-compliance";
    d.capabilities = {criterion(1, CapabilityStatus::met)};
    povs.push_back(d);
    povs.push_back(running(5, "Ann", "2026-03-02", "2026-04-05")); // ends in 5 days
    povs.push_back(running(6, "Ann", "2026-03-20", "2026-04-20"));
    povs.push_back(running(7, "Ann", "2026-03-21", "2026-04-25"));
    povs.push_back(running(8, "Ann", "2026-03-25", "2026-04-30")); // Ann's fourth: over the limit of 3
    auto i = pov_of(9, "Bob", Status::qualified);
    i.start = on("2026-04-03");
    i.end = on("2026-05-01");
    povs.push_back(i);
    auto j = pov_of(10, "Bob", Status::cancelled);
    j.closed_on = on("2026-03-27");
    povs.push_back(j);
    auto k = pov_of(11, "Cy", Status::new_);
    k.created_on = on("2026-03-26");
    k.champion_signoff.reset();
    k.eb_signoff.reset();
    povs.push_back(k);
    return povs;
}

ReportFigures week()
{
    return report_figures(team(), report_range(Period::week, {}, {}, on("2026-03-31")), Config{});
}

const GroupRow& row(const std::vector<GroupRow>& rows, const std::string& name)
{
    for (const auto& r : rows) {
        if (r.name == name) {
            return r;
        }
    }
    FAIL("no row " << name);
    return rows.front();
}

} // namespace

TEST_CASE("periods end on the as-of date and count back 7, 30 or 91 days")
{
    const auto today = on("2026-03-31");
    CHECK(*report_range(Period::week, {}, {}, today).since == on("2026-03-25"));
    CHECK(*report_range(Period::month, {}, {}, today).since == on("2026-03-02"));
    CHECK(*report_range(Period::quarter, {}, {}, today).since == on("2025-12-31"));
    CHECK_FALSE(report_range(Period::all, {}, {}, today).since);
    const auto explicit_range = report_range(Period::week, on("2026-01-01"), on("2026-01-31"), today);
    CHECK(*explicit_range.since == on("2026-01-01"));
    CHECK(explicit_range.as_of() == on("2026-01-31"));
    // --until alone moves the as-of date, and the week with it.
    CHECK(*report_range(Period::week, {}, on("2026-02-10"), today).since == on("2026-02-04"));
    // --since alone runs to today.
    CHECK(report_range(Period::week, on("2026-03-01"), {}, today).until == today);
    try {
        report_range(Period::week, on("2026-04-02"), on("2026-04-01"), today);
        FAIL("since after until was accepted");
    } catch (const Error& e) {
        CHECK(e.code() == Exit::invalid);
    }
}

TEST_CASE("counts by status are as of the as-of date")
{
    const auto f = week();
    CHECK(f.counts == std::array<int, 5>{1, 1, 4, 4, 1});
    // Three weeks earlier POV 11 did not exist, 1–4 were running or not started, and 10, never
    // qualified, was still new.
    const auto earlier = report_figures(team(), report_range(Period::week, {}, {}, on("2026-03-10")), Config{});
    CHECK(earlier.counts[static_cast<int>(Status::new_)] == 1);
    CHECK(earlier.counts[static_cast<int>(Status::closed)] == 0);
    CHECK(earlier.counts[static_cast<int>(Status::in_progress)] == 4); // 1, 2, 4, 5
}

TEST_CASE("the period's events include its first and last day")
{
    const auto f = week();
    CHECK(f.created == 1);   // POV 11
    CHECK(f.started == 1);   // POV 8 on the first day
    CHECK(f.won == 1);       // POV 1 on the first day; POV 3 the day before does not count
    CHECK(f.lost == 2);      // POV 2 on the last day, POV 4
    CHECK(f.cancelled == 1); // POV 10
}

TEST_CASE("win rates: successful over closed with a result, in the period and overall")
{
    const auto f = week();
    REQUIRE(f.win_rate_period);
    CHECK(*f.win_rate_period == Approx(1.0 / 3.0));
    REQUIRE(f.win_rate_overall);
    CHECK(*f.win_rate_overall == Approx(0.5)); // won 1 and 3, lost 2 and 4
    CHECK_FALSE(win_rate(0, 0));
    CHECK(*win_rate(2, 1) == Approx(2.0 / 3.0));
}

TEST_CASE("days in POV: median and mean of closed_on - started_on")
{
    const auto f = week();
    // 24 (POV 1), 26 (POV 2), 18 (POV 4): odd count.
    CHECK(f.days_count == 3);
    CHECK(*f.days_median == Approx(24));
    CHECK(*f.days_mean == 68.0 / 3.0); // exact: only people's formats round it

    SECTION("an even count takes the mean of the middle two")
    {
        auto povs = team();
        povs.push_back(closed(12, "Cy", "2026-03-10", "2026-03-30", Result::successful)); // 20 days
        const auto even = report_figures(povs, report_range(Period::week, {}, {}, on("2026-03-31")), Config{});
        CHECK(even.days_count == 4);
        CHECK(*even.days_median == Approx(22)); // 18 20 | 24 26
        CHECK(*even.days_mean == Approx(22));   // 88 / 4
    }
}

TEST_CASE("planned vs actual length uses the plan before extensions")
{
    auto povs = team();
    auto extended = closed(12, "Cy", "2026-03-01", "2026-03-30", Result::successful);
    extended.end = on("2026-03-31");
    extended.extensions = {{on("2026-03-21"), on("2026-03-31"), "holiday", on("2026-03-26")}};
    povs.push_back(extended);
    const auto f = report_figures(povs, report_range(Period::week, {}, {}, on("2026-03-31")), Config{});
    // planned: 30, 30, 30 and 20 (before the extension) → 27.5; actual 24, 26, 18, 29 → 24.25
    CHECK(*f.planned_days_mean == Approx(27.5));
    CHECK(*f.actual_days_mean == 24.25);
    CHECK(f.extensions_granted == 1);
    CHECK(f.povs_extended == 1);
}

TEST_CASE("per-SA rows mark those over the concurrency limit")
{
    const auto f = week();
    REQUIRE(f.per_sa.size() == 2); // Cy has nothing running or decided in the period
    const auto& ann = row(f.per_sa, "Ann");
    CHECK(ann.tally.in_progress == 4);
    CHECK(ann.over_limit);
    CHECK(ann.tally.closed == 2);
    CHECK(ann.tally.won == 1);
    CHECK(ann.tally.lost == 1);
    CHECK(*ann.tally.win_rate() == Approx(0.5));
    const auto& bob = row(f.per_sa, "Bob");
    CHECK_FALSE(bob.over_limit);
    CHECK(bob.tally.in_progress == 0);
    CHECK(bob.tally.lost == 1);
    CHECK(*bob.tally.win_rate() == Approx(0.0));

    SECTION("the limit comes from the config")
    {
        Config config;
        config.max_concurrent_per_sa = 4;
        const auto relaxed = report_figures(team(), report_range(Period::week, {}, {}, on("2026-03-31")), config);
        CHECK_FALSE(row(relaxed.per_sa, "Ann").over_limit);
    }
}

TEST_CASE("per-type and per-solution tables")
{
    const auto f = week();
    const auto& guided = row(f.per_type, "guided");
    CHECK(guided.tally.in_progress == 4);
    CHECK(guided.tally.closed == 3);
    CHECK(guided.tally.won == 1);
    const auto& devsecops = row(f.per_solution, "devsecops");
    CHECK(devsecops.tally.closed == 2);
    CHECK(row(f.per_solution, "software-compliance").tally.lost == 1);
}

TEST_CASE("losses by competitor and by loss type")
{
    const auto f = week();
    CHECK(f.losses_by_competitor == std::map<std::string, int>{{"", 1}, {"GitHub", 1}});
    CHECK(f.losses_technical == 1);
    CHECK(f.losses_non_technical == 1);
}

TEST_CASE("capability hit rate: met over all criteria of POVs closed in the period")
{
    const auto f = week();
    CHECK(f.capabilities_met == 4); // 2 of 3, 1 of 2, 1 of 1
    CHECK(f.capabilities_total == 6);
    CHECK(*f.capability_hit_rate == Approx(4.0 / 6.0));
}

TEST_CASE("the attention list holds every open POV with a risk, worst first")
{
    const auto f = week();
    REQUIRE(f.attention.size() == 4);
    CHECK(f.attention[0].pov.id == 5); // over_limit and ending_soon: two risks
    CHECK(f.attention[0].risks == std::vector<Risk>{Risk::over_limit, Risk::ending_soon});
    CHECK(f.attention[1].pov.id == 6);
    CHECK(f.attention[3].pov.id == 8);

    SECTION("an overdue POV comes before everything")
    {
        auto povs = team();
        auto late = running(12, "Cy", "2026-03-01", "2026-03-29");
        povs.push_back(late);
        const auto g = report_figures(povs, report_range(Period::week, {}, {}, on("2026-03-31")), Config{});
        CHECK(g.attention.front().pov.id == 12);
        CHECK(g.attention.front().risks.front() == Risk::overdue);
    }
}

TEST_CASE("POVs ending or starting in the next 7 days")
{
    const auto f = week();
    REQUIRE(f.ending.size() == 1);
    CHECK(f.ending[0].pov.id == 5);
    REQUIRE(f.starting.size() == 1);
    CHECK(f.starting[0].pov.id == 9);
    CHECK(f.timeline.size() == 4);
}

TEST_CASE("narrowing to one SA (--sa) narrows every figure")
{
    const auto f = report_figures(team(), report_range(Period::week, {}, {}, on("2026-03-31")), Config{}, "Bob");
    CHECK(f.per_sa.size() == 1);
    CHECK(f.won == 0);
    CHECK(f.lost == 1);
    CHECK(f.cancelled == 1);
    CHECK(f.attention.empty());
}

TEST_CASE("an empty team has no rates, no medians, and nothing to attend to")
{
    const auto f = report_figures(std::vector<Pov>{}, report_range(Period::all, {}, {}, on("2026-03-31")), Config{});
    CHECK_FALSE(f.win_rate_period);
    CHECK_FALSE(f.win_rate_overall);
    CHECK_FALSE(f.days_median);
    CHECK_FALSE(f.days_mean);
    CHECK_FALSE(f.capability_hit_rate);
    const auto json = render::report_json(f);
    CHECK(json["win_rate"]["period"].is_null());
    CHECK(json["days_in_pov"]["median"].is_null());
    CHECK(json["capability_hit_rate"].is_null());
    CHECK(render::report_text(f, render::Style(false)).find("–") != std::string::npos);
}

TEST_CASE("every format carries the same numbers")
{
    const auto f = week();
    const render::Style plain(false);
    const auto json = render::report_json(f);
    const auto csv = render::report_csv(f);
    const auto text = render::report_text(f, plain);
    const auto markdown = render::report_markdown(f);
    const auto html = render::report_html(f);

    // JSON and CSV: rates as numbers 0–1.
    // JSON and CSV numbers are never rounded: 1/3 and 68/3 stay as computed.
    CHECK(json["win_rate"]["period"].get<double>() == 1.0 / 3.0);
    CHECK(json["win_rate"]["overall"].get<double>() == 0.5);
    CHECK(json["capability_hit_rate"].get<double>() == 4.0 / 6.0);
    CHECK(json["days_in_pov"]["median"].get<double>() == 24);
    CHECK(json["days_in_pov"]["mean"].get<double>() == 68.0 / 3.0);
    CHECK(json["period"]["won"] == 1);
    CHECK(json["period"]["lost"] == 2);
    CHECK(json["losses"]["by_competitor"]["GitHub"] == 1);
    CHECK(json["per_sa"][0]["sa"] == "Ann");
    CHECK(json["per_sa"][0]["over_limit"] == true);
    for (const auto* line :
         {"win_rate,,period,0.3333333333333333", "win_rate,,overall,0.5", "days_in_pov,,median,24",
          "days_in_pov,,mean,22.666666666666668", "capabilities,,hit_rate,0.6666666666666666", "period,,won,1",
          "period,,lost,2", "per_sa,Ann,over_limit,true", "losses_by_competitor,GitHub,count,1"}) {
        CHECK(csv.find(std::string(line) + "\r\n") != std::string::npos);
    }
    // Text, Markdown and HTML: rates as whole percents, the same medians and means.
    for (const auto* document : {&text, &markdown, &html}) {
        INFO(*document);
        CHECK(document->find("33% in the period") != std::string::npos);
        CHECK(document->find("50% overall") != std::string::npos);
        CHECK(document->find("median 24") != std::string::npos);
        CHECK(document->find("mean 22.7") != std::string::npos);
        CHECK(document->find("67% (4 of 6") != std::string::npos);
        CHECK(document->find("GitHub") != std::string::npos);
        CHECK(document->find("over limit") != std::string::npos);
    }
}

TEST_CASE("the JSON report holds no wall-clock time: same data, same bytes")
{
    CHECK(render::report_json(week()).dump() == render::report_json(week()).dump());
    CHECK(render::report_html(week()) == render::report_html(week()));
}

TEST_CASE("a past as-of date sees the status, extensions and activity of that day")
{
    auto pov = pov_of(1, "Ann", Status::in_progress);
    pov.created_on = on("2026-03-01");
    pov.qualified_on = on("2026-03-05");
    pov.start = on("2026-03-10");
    pov.started_on = on("2026-03-10");
    pov.end = on("2026-04-20");
    pov.extensions = {{on("2026-04-07"), on("2026-04-20"), "holiday", on("2026-04-01")}};
    CHECK_FALSE(status_on(pov, on("2026-02-28")));
    CHECK(status_on(pov, on("2026-03-03")) == Status::new_);
    CHECK(status_on(pov, on("2026-03-05")) == Status::qualified);
    CHECK(status_on(pov, on("2026-03-10")) == Status::in_progress);

    // As of 2026-03-20 the extension (granted 2026-04-01) had not happened.
    Config config;
    config.max_extensions = 0;
    const auto before =
        report_figures(std::vector<Pov>{pov}, report_range(Period::week, {}, {}, on("2026-03-20")), config);
    CHECK(before.endless == 0);
    REQUIRE(before.timeline.size() == 1);
    CHECK(before.timeline[0].end == on("2026-04-07"));
    const auto after =
        report_figures(std::vector<Pov>{pov}, report_range(Period::week, {}, {}, on("2026-04-02")), config);
    CHECK(after.endless == 1);
    CHECK(after.extensions_granted == 1);
}

// ---- Money, the closed and cancelled lists, and the past rebuilt from the audit log ----------

namespace {

// The team with net ARR: won 1 ($100k), lost 2 ($250k) and 4 (none); 3 won before the period
// ($50k); running 5 ($120k), 6 ($80k), 7 (none), 8 ($200k).
std::vector<Pov> team_with_arr()
{
    auto povs = team();
    const std::map<std::int64_t, std::int64_t> arr{{1, 100'000}, {2, 250'000}, {3, 50'000},
                                                   {5, 120'000}, {6, 80'000},  {8, 200'000}};
    for (auto& pov : povs) {
        if (const auto it = arr.find(pov.id); it != arr.end()) {
            pov.net_arr = it->second;
        }
    }
    povs[0].reason = "All criteria met";
    povs[1].reason = "Lost on price";
    povs[9].reason = "Budget frozen";
    return povs;
}

Event event(const char* at, EventKind kind, Json changes)
{
    return {at, kind, std::move(changes), {}};
}

// POV 20: lost on 03-06 at $200k (started 03-02 at $150k), reopened 03-12, extended 03-18,
// raised to $300k on 03-19 and won on 03-25.
Pov reopened_pov()
{
    auto pov = pov_of(20, "Dee", Status::closed);
    pov.account = "Delta";
    pov.start = on("2026-03-02");
    pov.started_on = on("2026-03-02");
    pov.end = on("2026-04-10");
    pov.extensions = {{on("2026-03-30"), on("2026-04-10"), "holiday", on("2026-03-18")}};
    pov.closed_on = on("2026-03-25");
    pov.result = Result::successful;
    pov.reason = "Won after all";
    pov.net_arr = 300'000;
    pov.capabilities = {criterion(1, CapabilityStatus::met)};
    return pov;
}

std::vector<Event> reopened_log()
{
    return {
        event("2026-02-01T09:00:00Z", EventKind::created,
              {{"net_arr", {nullptr, 150000}}, {"status", {nullptr, "new"}}}),
        event("2026-03-02T09:00:00Z", EventKind::started,
              {{"status", {"qualified", "in_progress"}}, {"started_on", {nullptr, "2026-03-02"}}}),
        event("2026-03-05T09:00:00Z", EventKind::updated, {{"net_arr", {150000, 200000}}}),
        event("2026-03-06T09:00:00Z", EventKind::updated, {{"capabilities.1.status", {"pending", "not-met"}}}),
        event("2026-03-06T10:00:00Z", EventKind::closed,
              {{"status", {"in_progress", "closed"}},
               {"closed_on", {nullptr, "2026-03-06"}},
               {"result", {nullptr, "unsuccessful"}},
               {"reason", {nullptr, "Lost on price"}},
               {"competitor", {nullptr, "GitHub"}},
               {"loss_type", {nullptr, "non-technical"}}}),
        event("2026-03-12T09:00:00Z", EventKind::reopened,
              {{"status", {"closed", "in_progress"}},
               {"closed_on", {"2026-03-06", nullptr}},
               {"result", {"unsuccessful", nullptr}},
               {"reason", {"Lost on price", "Customer came back"}},
               {"competitor", {"GitHub", nullptr}},
               {"loss_type", {"non-technical", nullptr}}}),
        event("2026-03-14T09:00:00Z", EventKind::updated, {{"capabilities.1.status", {"not-met", "met"}}}),
        event("2026-03-18T09:00:00Z", EventKind::extended, {{"end", {"2026-03-30", "2026-04-10"}}}),
        event("2026-03-19T09:00:00Z", EventKind::updated, {{"net_arr", {200000, 300000}}}),
        event("2026-03-25T09:00:00Z", EventKind::closed,
              {{"status", {"in_progress", "closed"}},
               {"closed_on", {nullptr, "2026-03-25"}},
               {"result", {nullptr, "successful"}},
               {"reason", {"Customer came back", "Won after all"}}}),
    };
}

ReportFigures reopened_week(const char* as_of, bool past = true)
{
    const ReportData data{{reopened_pov()}, {{"uuid-20", reopened_log()}}, past};
    return report_figures(data, report_range(Period::week, {}, {}, on(as_of)), Config{});
}

} // namespace

TEST_CASE("money for people: $150k, $1.2M, whole dollars below $1k")
{
    CHECK(render::money(150'000) == "$150k");
    CHECK(render::money(150'500) == "$150.5k");
    CHECK(render::money(1'200'000) == "$1.2M");
    CHECK(render::money(1'250'000) == "$1.3M");
    CHECK(render::money(2'000'000) == "$2M");
    CHECK(render::money(999'960) == "$1M"); // not $1000k
    CHECK(render::money(2'500'000'000) == "$2.5B");
    CHECK(render::money(950) == "$950");
    CHECK(render::money(0) == "$0");
    CHECK(render::money(-50'000) == "-$50k");
    CHECK(render::money(std::nullopt) == "–");
}

TEST_CASE("net ARR: in POV, won and lost in the period, ARR won per SA")
{
    const auto f = report_figures(team_with_arr(), report_range(Period::week, {}, {}, on("2026-03-31")), Config{});
    CHECK(f.arr.in_pov == 400'000); // 5, 6, 7, 8: 120k + 80k + none + 200k
    CHECK(f.arr.won == 100'000);    // 1; 3 closed the day before the period
    CHECK(f.arr.lost == 250'000);   // 2, and 4 without a net ARR
    CHECK(row(f.per_sa, "Ann").tally.arr_won == 100'000);
    CHECK(row(f.per_sa, "Bob").tally.arr_won == 0);
    // No audit log: no change can be measured.
    CHECK(f.arr.change_during_pov == 0);
    CHECK(f.arr.change_povs == 0);
}

TEST_CASE("the change in net ARR while in POV: at close minus at start, from the audit log")
{
    // POV 1 started at $80k and closed at $100k; POV 2 never changed ($250k); POV 4 has none.
    ReportData data{team_with_arr(), {}, false};
    data.events["uuid-1"] = {
        event("2026-02-01T09:00:00Z", EventKind::created, {{"net_arr", {nullptr, 80000}}}),
        event("2026-03-01T09:00:00Z", EventKind::started, {{"started_on", {nullptr, "2026-03-01"}}}),
        event("2026-03-10T09:00:00Z", EventKind::updated, {{"net_arr", {80000, 100000}}}),
        event("2026-03-25T09:00:00Z", EventKind::closed, {{"closed_on", {nullptr, "2026-03-25"}}}),
    };
    data.events["uuid-2"] = {
        event("2026-02-01T09:00:00Z", EventKind::created, {{"net_arr", {nullptr, 250000}}}),
        event("2026-03-05T09:00:00Z", EventKind::started, {{"started_on", {nullptr, "2026-03-05"}}}),
    };
    const auto f = report_figures(data, report_range(Period::week, {}, {}, on("2026-03-31")), Config{});
    CHECK(f.arr.change_during_pov == 20'000);
    CHECK(f.arr.change_povs == 2);
    CHECK(net_arr_at_start(data.povs[0], data.events["uuid-1"], on("2026-03-31")) == 80'000);
    // Set after the start only: the start value is what the first change found.
    const std::vector<Event> later_only{
        event("2026-03-01T09:00:00Z", EventKind::started, {}),
        event("2026-03-10T09:00:00Z", EventKind::updated, {{"net_arr", {nullptr, 90000}}}),
    };
    CHECK_FALSE(net_arr_at_start(data.povs[0], later_only, on("2026-03-31")));
    CHECK_FALSE(net_arr_at_start(data.povs[0], {}, on("2026-03-31")));
}

TEST_CASE("the closed and cancelled lists of the period")
{
    const auto f = report_figures(team_with_arr(), report_range(Period::week, {}, {}, on("2026-03-31")), Config{});
    REQUIRE(f.closed_list.size() == 3); // by date: 1 (03-25), 4 (03-28), 2 (03-31)
    CHECK(f.closed_list[0].pov.id == 1);
    CHECK(f.closed_list[1].pov.id == 4);
    CHECK(f.closed_list[2].pov.id == 2);
    const auto& lost = f.closed_list[2];
    CHECK(lost.account == "Account");
    CHECK(lost.pov.sa == "Ann");
    CHECK(lost.result == Result::unsuccessful);
    CHECK(lost.reason == "Lost on price");
    CHECK(lost.competitor == "GitHub");
    CHECK(lost.loss_type == LossType::technical);
    CHECK(lost.net_arr == 250'000);
    CHECK(lost.closed_on == on("2026-03-31"));
    CHECK(lost.days == 26);
    CHECK_FALSE(f.closed_list[1].net_arr);
    REQUIRE(f.cancelled_list.size() == 1);
    CHECK(f.cancelled_list[0].pov.id == 10);
    CHECK(f.cancelled_list[0].reason == "Budget frozen");
    CHECK(f.cancelled_list[0].on == on("2026-03-27"));

    SECTION("weeks of ARR won and lost end on the as-of date")
    {
        const auto month =
            report_figures(team_with_arr(), report_range(Period::month, {}, {}, on("2026-03-31")), Config{});
        // 30 days from 03-02: weeks to 03-31, 03-24, 03-17, 03-10 and a short one 03-02 … 03-03.
        REQUIRE(month.arr_by_week.size() == 5);
        CHECK(month.arr_by_week.front().from == on("2026-03-02"));
        CHECK(month.arr_by_week.front().to == on("2026-03-03"));
        CHECK(month.arr_by_week.back().from == on("2026-03-25"));
        CHECK(month.arr_by_week.back().won == 100'000);
        CHECK(month.arr_by_week.back().lost == 250'000);
        CHECK(month.arr_by_week[3].won == 50'000); // POV 3 on 03-24
    }
}

TEST_CASE("every format shows the lists and the money: $ to people, whole dollars to scripts")
{
    const auto f = report_figures(team_with_arr(), report_range(Period::week, {}, {}, on("2026-03-31")), Config{});
    const auto json = render::report_json(f);
    CHECK(json["arr"]["in_pov"] == 400000);
    CHECK(json["arr"]["won"] == 100000);
    CHECK(json["arr"]["lost"] == 250000);
    CHECK(json["arr"]["change_during_pov"] == 0);
    CHECK(json["per_sa"][0]["arr_won"] == 100000);
    REQUIRE(json["closed"].size() == 3);
    CHECK(json["closed"][2] == Json::parse(R"({"id": 2, "name": "POV 2", "account": "Account", "sa": "Ann",
        "result": "unsuccessful", "reason": "Lost on price", "competitor": "GitHub", "loss_type": "technical",
        "net_arr": 250000, "closed_on": "2026-03-31", "days": 26})"));
    CHECK(json["closed"][1]["net_arr"].is_null());
    CHECK(json["cancelled"][0] == Json::parse(R"({"id": 10, "name": "POV 10", "account": "Account", "sa": "Bob",
        "reason": "Budget frozen", "on": "2026-03-27"})"));
    const auto csv = render::report_csv(f);
    for (const auto* line :
         {"arr,,in_pov,400000", "arr,,won,100000", "arr,,lost,250000", "per_sa,Ann,arr_won,100000",
          "closed,2,net_arr,250000", "closed,2,reason,Lost on price", "cancelled,10,on,2026-03-27"}) {
        CHECK(csv.find(std::string(line) + "\r\n") != std::string::npos);
    }
    const auto text = render::report_text(f, render::Style(false));
    const auto markdown = render::report_markdown(f);
    const auto html = render::report_html(f);
    for (const auto* document : {&text, &markdown, &html}) {
        INFO(*document);
        CHECK(document->find("$400k in POV · $100k won · $250k lost in the period") != std::string::npos);
        CHECK(document->find("Closed in the period (3)") != std::string::npos);
        CHECK(document->find("Lost on price") != std::string::npos);
        CHECK(document->find("$250k") != std::string::npos);
        CHECK(document->find("Cancelled in the period (1)") != std::string::npos);
        CHECK(document->find("Budget frozen") != std::string::npos);
    }
    CHECK(html.find("id=\"chart-arr\"") != std::string::npos);
    CHECK(html.find("class=\"bar won\"") != std::string::npos);
    CHECK(html.find("class=\"bar lost\"") != std::string::npos);
}

TEST_CASE("an event counts from the day it claims: a close --on, else its timestamp's date")
{
    CHECK(event_day(event("2026-03-12T09:00:00Z", EventKind::closed, {{"closed_on", {nullptr, "2026-03-05"}}})) ==
          on("2026-03-05"));
    CHECK(event_day(event("2026-03-12T09:00:00Z", EventKind::started, {{"started_on", {nullptr, "2026-03-10"}}})) ==
          on("2026-03-10"));
    CHECK(event_day(event("2026-03-12T09:00:00Z", EventKind::updated, {{"closed_on", {nullptr, "2026-03-05"}}})) ==
          on("2026-03-12"));
    CHECK_FALSE(event_day(event("garbage", EventKind::updated, {})));
}

TEST_CASE("a reopen cannot rewrite the week in which the POV first closed")
{
    SECTION("the week of the first close still shows the loss, at its net ARR then")
    {
        const auto f = reopened_week("2026-03-08");
        CHECK(f.lost == 1);
        CHECK(f.won == 0);
        CHECK(f.counts[static_cast<int>(Status::closed)] == 1);
        REQUIRE(f.closed_list.size() == 1);
        const auto& item = f.closed_list[0];
        CHECK(item.result == Result::unsuccessful);
        CHECK(item.reason == "Lost on price");
        CHECK(item.competitor == "GitHub");
        CHECK(item.loss_type == LossType::non_technical);
        CHECK(item.net_arr == 200'000);
        CHECK(item.closed_on == on("2026-03-06"));
        CHECK(item.days == 4);
        CHECK(f.arr.lost == 200'000);
        CHECK(f.arr.change_during_pov == 50'000); // $200k at close, $150k at start
        CHECK(f.losses_by_competitor.at("GitHub") == 1);
        CHECK(f.capabilities_met == 0); // not met then; met only after the reopen
        CHECK(f.capabilities_total == 1);
    }
    SECTION("a week while it ran again: in progress at $200k, not yet extended")
    {
        const auto f = reopened_week("2026-03-15");
        CHECK(f.counts[static_cast<int>(Status::in_progress)] == 1);
        CHECK(f.closed_list.empty());
        CHECK(f.arr.in_pov == 200'000);
        REQUIRE(f.timeline.size() == 1);
        CHECK(f.timeline[0].end == on("2026-03-30"));
        CHECK_FALSE(f.timeline[0].original_end);
    }
    SECTION("the week of the second close shows the win")
    {
        const auto f = reopened_week("2026-03-31");
        REQUIRE(f.closed_list.size() == 1);
        CHECK(f.closed_list[0].result == Result::successful);
        CHECK(f.closed_list[0].reason == "Won after all");
        CHECK(f.closed_list[0].competitor.empty());
        CHECK(f.arr.won == 300'000);
        CHECK(f.arr.change_during_pov == 150'000);
    }
    SECTION("without the audit log the first week would have lost the loss")
    {
        const auto f = reopened_week("2026-03-08", false);
        CHECK(f.lost == 0);
        CHECK(f.closed_list.empty());
    }
    SECTION("as_recorded_on undoes field by field")
    {
        const auto then = as_recorded_on(reopened_pov(), reopened_log(), on("2026-03-13"));
        CHECK(then.status == Status::in_progress);
        CHECK_FALSE(then.closed_on);
        CHECK_FALSE(then.result);
        CHECK(then.reason == "Customer came back");
        CHECK(then.net_arr == 200'000);
        CHECK(then.end == on("2026-03-30"));
        // Only what happened after the day is needed: the log's tail gives the same record.
        const auto log = reopened_log();
        const std::vector<Event> tail(log.begin() + 6, log.end());
        CHECK(to_json(as_recorded_on(reopened_pov(), tail, on("2026-03-13"))) == to_json(then));
    }
}

TEST_CASE("a close recorded later with --on counts from its own day")
{
    // Closed --on 03-05 but recorded on 03-12, after a change of net ARR on 03-10.
    auto pov = reopened_pov();
    pov.extensions.clear();
    pov.end = on("2026-03-30");
    pov.closed_on = on("2026-03-05");
    pov.net_arr = 180'000;
    const std::vector<Event> log{
        event("2026-03-10T09:00:00Z", EventKind::updated, {{"net_arr", {150000, 180000}}}),
        event("2026-03-12T09:00:00Z", EventKind::closed,
              {{"status", {"in_progress", "closed"}}, {"closed_on", {nullptr, "2026-03-05"}}}),
    };
    const auto then = as_recorded_on(pov, log, on("2026-03-08"));
    CHECK(then.status == Status::closed);
    CHECK(then.closed_on == on("2026-03-05"));
    CHECK(then.net_arr == 150'000);
    const auto before = as_recorded_on(pov, log, on("2026-03-04"));
    CHECK(before.status == Status::in_progress);
    CHECK_FALSE(before.closed_on);
}

TEST_CASE("a report over stores has the figures of the same records in memory")
{
    test::TempDir dir;
    auto store = open_sqlite_store({(dir / "pov.db").string(), OpenMode::create, 5000});
    auto other = open_sqlite_store({(dir / "other.db").string(), OpenMode::create, 5000});
    ReportData data{{}, {}, false};
    auto records = team_with_arr();
    records.push_back(reopened_pov());
    for (auto pov : records) {
        pov.id = 0;
        const auto log = pov.uuid == "uuid-20" ? reopened_log() : std::vector<Event>{};
        const auto id = store->insert(pov);
        store->add_journal(id, {on("2026-03-11"), JournalKind::retro, "Slow week\nOn track: no"});
        for (const auto& event : log) {
            store->add_event(id, event);
        }
        data.povs.push_back(*store->find(id, false));
        data.events[pov.uuid] = log;
    }
    // Another SA's database: one POV of its own, and a copy of one the first holds (the first wins).
    auto copy = reopened_pov();
    copy.sa = "Zed";
    other->insert(copy);
    auto running = pov_of(30, "Zed", Status::in_progress);
    running.started_on = on("2026-03-20");
    other->insert(running);
    const std::vector<Store*> stores{store.get()};
    const auto today = on("2026-04-01");
    for (const auto* as_of : {"2026-03-10", "2026-03-13", "2026-03-31", "2026-04-01", "2026-04-20"}) {
        for (const auto* sa : {"", "ann", "Bob"}) {
            const auto range = report_range(Period::month, {}, on(as_of), today);
            data.past = on(as_of) < today;
            const auto expected = render::report_json(report_figures(data, range, Config{}, sa));
            CHECK(render::report_json(report_figures(stores, range, today, Config{}, sa)) == expected);
        }
    }
    const auto range = report_range(Period::all, {}, {}, today);
    const auto both = report_figures({store.get(), other.get()}, range, today, Config{});
    const auto first = report_figures(stores, range, today, Config{});
    CHECK(both.counts[static_cast<std::size_t>(Status::in_progress)] ==
          first.counts[static_cast<std::size_t>(Status::in_progress)] + 1);
    CHECK(report_figures({store.get(), other.get()}, range, today, Config{}, "zed").counts ==
          std::array<int, 5>{0, 0, 1, 0, 0});
}

TEST_CASE("the streamed report JSON is report_json's value laid out by dump(2), item by item")
{
    auto f = report_figures(team(), report_range(Period::all, {}, {}, on("2026-03-31")), Config{});
    // Every long list with an item, some members empty or awkward.
    f.attention.push_back({{7, "Quote \" and \\ and é", "Sam"}, Status::in_progress, std::nullopt, {}});
    f.timeline.push_back({{8, "T", "Sam"}, on("2026-03-01"), on("2026-03-20"), on("2026-03-15")});
    f.closed_list.push_back({{9, "Lost one", "Bob"},
                             "",
                             Result::unsuccessful,
                             "",
                             "Globex",
                             LossType::technical,
                             -5,
                             on("2026-03-30"),
                             12});
    f.closed_list.push_back({{10, "", ""},
                             "Acme",
                             std::nullopt,
                             "why\nnot",
                             "",
                             std::nullopt,
                             std::nullopt,
                             on("2026-03-30"),
                             std::nullopt});
    f.cancelled_list.push_back({{11, "C", "Cy"}, "Acme", "", on("2026-03-29")});
    REQUIRE_FALSE(f.attention.empty());
    CHECK(render::report_json_text(f) == render::report_json(f).dump(2) + "\n");
    const auto empty =
        report_figures(std::vector<Pov>{}, report_range(Period::all, {}, {}, on("2026-03-31")), Config{});
    CHECK(render::report_json_text(empty) == render::report_json(empty).dump(2) + "\n");
}
