// Duration rules per POV type (contract section 3): end - start days, limits from the config.
#include "helpers.hpp"

#include "pov/duration.hpp"

using namespace pov;
using test::day;

namespace {

const Date start = day("2026-03-01");

// Whether a POV of `days` days from 2026-03-01 obeys its type's limits.
bool fits(PovType type, long days, bool extended = false, const Config& config = Config{})
{
    return !duration_problem(type, start, add_days(start, days), config, extended);
}

} // namespace

TEST_CASE("days run from start to end, counting the start and not the end")
{
    CHECK(duration_days(day("2026-03-01"), day("2026-03-15")) == 14);
    CHECK(duration_days(day("2026-03-01"), day("2026-03-02")) == 1);
    CHECK(duration_days(day("2026-02-15"), day("2026-03-01")) == 14); // across February 2026 (28 days)
    CHECK(duration_days(day("2028-02-15"), day("2028-03-01")) == 15); // 2028 is a leap year
}

TEST_CASE("a guided POV lasts 14 to 45 days, up to 60 with extensions")
{
    CHECK_FALSE(fits(PovType::guided, 13));
    CHECK(fits(PovType::guided, 14));
    CHECK(fits(PovType::guided, 45));
    CHECK_FALSE(fits(PovType::guided, 46));
    CHECK(fits(PovType::guided, 60, true));
    CHECK_FALSE(fits(PovType::guided, 61, true));
    CHECK_FALSE(fits(PovType::guided, 13, true)); // extensions lift the ceiling, not the floor
}

TEST_CASE("an onsite POV lasts 1 to 7 days, up to 10 with extensions")
{
    CHECK(fits(PovType::onsite, 1));
    CHECK(fits(PovType::onsite, 7));
    CHECK_FALSE(fits(PovType::onsite, 8));
    CHECK(fits(PovType::onsite, 10, true));
    CHECK_FALSE(fits(PovType::onsite, 11, true));
}

TEST_CASE("a paid POV lasts 61 to 180 days, up to 365 with extensions")
{
    CHECK_FALSE(fits(PovType::paid, 60));
    CHECK(fits(PovType::paid, 61));
    CHECK(fits(PovType::paid, 180));
    CHECK_FALSE(fits(PovType::paid, 181));
    CHECK(fits(PovType::paid, 365, true));
    CHECK_FALSE(fits(PovType::paid, 366, true));
}

TEST_CASE("a lite POV lasts 7 to 30 days, up to 45 with extensions")
{
    CHECK_FALSE(fits(PovType::lite, 6));
    CHECK(fits(PovType::lite, 7));
    CHECK(fits(PovType::lite, 30));
    CHECK_FALSE(fits(PovType::lite, 31));
    CHECK(fits(PovType::lite, 45, true));
    CHECK_FALSE(fits(PovType::lite, 46, true));
}

TEST_CASE("an end on or before the start is invalid for every type")
{
    for (const auto type : {PovType::guided, PovType::onsite, PovType::paid, PovType::lite}) {
        INFO(to_string(type));
        CHECK_FALSE(fits(type, 0));
        CHECK_FALSE(fits(type, -1));
        CHECK_FALSE(fits(type, 0, true));
        CHECK_EXIT(check_duration(type, start, start, Config{}), Exit::invalid);
        CHECK_EXIT(check_duration(type, start, add_days(start, -20), Config{}), Exit::invalid);
    }
}

TEST_CASE("a duration error names the rule, the limit and the value")
{
    const auto problem = duration_problem(PovType::guided, day("2026-03-01"), day("2026-05-10"), Config{});
    REQUIRE(problem);
    CHECK(*problem == "guided POV must last 14–45 days; 2026-03-01 → 2026-05-10 is 70 days");

    const auto error =
        test::error_of([] { check_duration(PovType::onsite, day("2026-03-01"), day("2026-03-09"), Config{}); });
    REQUIRE(error);
    CHECK(error->code() == Exit::invalid);
    CHECK(std::string(error->what()) == "onsite POV must last 1–7 days; 2026-03-01 → 2026-03-09 is 8 days");

    const auto extended = duration_problem(PovType::guided, day("2026-03-01"), day("2026-05-01"), Config{}, true);
    REQUIRE(extended);
    CHECK(test::contains(*extended, "60"));
    CHECK(test::contains(*extended, "2026-03-01 → 2026-05-01 is 61 days"));

    const auto backwards = duration_problem(PovType::guided, day("2026-03-10"), day("2026-03-01"), Config{});
    REQUIRE(backwards);
    CHECK(test::contains(*backwards, "2026-03-10 → 2026-03-01"));
}

TEST_CASE("duration limits come from the config")
{
    Config config;
    CHECK(fits(PovType::guided, 45, false, config));
    config.types[static_cast<std::size_t>(PovType::guided)] = {10, 30, 40};
    CHECK_FALSE(fits(PovType::guided, 45, false, config));
    CHECK(fits(PovType::guided, 30, false, config));
    CHECK_FALSE(fits(PovType::guided, 31, false, config));
    CHECK(fits(PovType::guided, 10, false, config));
    CHECK_FALSE(fits(PovType::guided, 9, false, config));
    CHECK(fits(PovType::guided, 40, true, config));
    CHECK_FALSE(fits(PovType::guided, 41, true, config));
    // Other types keep their own rules.
    CHECK(fits(PovType::paid, 180, false, config));

    const auto problem = duration_problem(PovType::guided, day("2026-03-01"), day("2026-04-15"), config);
    REQUIRE(problem);
    CHECK(*problem == "guided POV must last 10–30 days; 2026-03-01 → 2026-04-15 is 45 days");
}
