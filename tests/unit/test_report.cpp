// The report's figures on a fixed team, every expectation computed by hand (contract section 7).
#include "pov/error.hpp"
#include "pov/report.hpp"
#include "render/report.hpp"

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
    CHECK(*f.days_mean == Approx(22.7)); // 68 / 3 = 22.67, shown to one decimal everywhere

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
    // planned: 30, 30, 30 and 20 (before the extension) → 27.5; actual 24, 26, 18, 29 → 24.25 → 24.3
    CHECK(*f.planned_days_mean == Approx(27.5));
    CHECK(*f.actual_days_mean == Approx(24.3));
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
    const auto f = report_figures({}, report_range(Period::all, {}, {}, on("2026-03-31")), Config{});
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
    CHECK(json["win_rate"]["period"].get<double>() == Approx(0.3333));
    CHECK(json["win_rate"]["overall"].get<double>() == Approx(0.5));
    CHECK(json["capability_hit_rate"].get<double>() == Approx(0.6667));
    CHECK(json["days_in_pov"]["median"].get<double>() == Approx(24));
    CHECK(json["days_in_pov"]["mean"].get<double>() == Approx(22.7));
    CHECK(json["period"]["won"] == 1);
    CHECK(json["period"]["lost"] == 2);
    CHECK(json["losses"]["by_competitor"]["GitHub"] == 1);
    CHECK(json["per_sa"][0]["sa"] == "Ann");
    CHECK(json["per_sa"][0]["over_limit"] == true);
    for (const auto* line : {"win_rate,,period,0.3333", "win_rate,,overall,0.5", "days_in_pov,,median,24",
                             "days_in_pov,,mean,22.7", "capabilities,,hit_rate,0.6667", "period,,won,1",
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
    const auto before = report_figures({pov}, report_range(Period::week, {}, {}, on("2026-03-20")), config);
    CHECK(before.endless == 0);
    REQUIRE(before.timeline.size() == 1);
    CHECK(before.timeline[0].end == on("2026-04-07"));
    const auto after = report_figures({pov}, report_range(Period::week, {}, {}, on("2026-04-02")), config);
    CHECK(after.endless == 1);
    CHECK(after.extensions_granted == 1);
}
