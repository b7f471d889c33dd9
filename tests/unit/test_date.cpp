#include "pov/date.hpp"
#include "pov/error.hpp"

#include <catch2/catch.hpp>

using namespace pov;

namespace {
Date day(const char* text)
{
    return *parse_iso_date(text);
}
} // namespace

TEST_CASE("ISO dates must be real calendar days")
{
    CHECK(parse_iso_date("2026-03-02"));
    CHECK_FALSE(parse_iso_date("2026-02-29")); // 2026 is not a leap year
    CHECK(parse_iso_date("2028-02-29"));       // 2028 is
    CHECK_FALSE(parse_iso_date("2026-13-01"));
    CHECK_FALSE(parse_iso_date("2026-04-31"));
    CHECK_FALSE(parse_iso_date("2026-3-2"));
    CHECK_FALSE(parse_iso_date("2026-03-02x"));
    CHECK_FALSE(parse_iso_date(""));
    CHECK_FALSE(parse_iso_date("0000-01-01"));
}

TEST_CASE("relative dates count from today")
{
    const auto today = day("2026-03-02");
    CHECK(parse_date("today", today) == today);
    CHECK(parse_date("yesterday", today) == day("2026-03-01"));
    CHECK(parse_date("tomorrow", today) == day("2026-03-03"));
    CHECK(parse_date("+14d", today) == day("2026-03-16"));
    CHECK(parse_date("-3d", today) == day("2026-02-27"));
    CHECK(parse_date("+2w", today) == day("2026-03-16"));
    CHECK(parse_date("2026-05-01", today) == day("2026-05-01"));
}

TEST_CASE("a malformed date is a usage error that names the value")
{
    const auto today = day("2026-03-02");
    for (const auto* bad : {"2026-02-29", "next week", "+d", "+3x", "14d", "", "+999999d"}) {
        try {
            parse_date(bad, today);
            FAIL("accepted " << bad);
        } catch (const Error& e) {
            CHECK(e.code() == Exit::usage);
            CHECK(std::string(e.what()).find(std::string("'") + bad + "'") != std::string::npos);
        }
    }
}

TEST_CASE("days between dates is end minus start")
{
    CHECK(days_between(day("2026-03-02"), day("2026-03-30")) == 28);
    CHECK(days_between(day("2026-03-30"), day("2026-03-02")) == -28);
    CHECK(days_between(day("2028-02-28"), day("2028-03-01")) == 2);
    CHECK(format_date(add_days(day("2026-12-31"), 1)) == "2027-01-01");
}

TEST_CASE("a date is written YYYY-MM-DD, zero-padded")
{
    using namespace std::chrono;
    CHECK(format_date(year{999} / 1 / 5) == "0999-01-05");
    CHECK(format_date(year{2026} / 12 / 31) == "2026-12-31");
    CHECK(format_date(year{10000} / 1 / 1) == "10000-01-01");
}
