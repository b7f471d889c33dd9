// Values users type (contract section 2): money, booleans, integers, choices.
#include "helpers.hpp"

#include "pov/values.hpp"

using namespace pov;
using test::contains;
using test::error_of;

TEST_CASE("money takes plain dollars, k and M suffixes, a dollar sign and thousands separators")
{
    CHECK(parse_money("150000", "--net-arr") == 150000);
    CHECK(parse_money("150k", "--net-arr") == 150000);
    CHECK(parse_money("150K", "--net-arr") == 150000);
    CHECK(parse_money("$150,000", "--net-arr") == 150000);
    CHECK(parse_money("2.5k", "--net-arr") == 2500);
    CHECK(parse_money("0", "--net-arr") == 0);
    CHECK(parse_money("$1.2M", "--net-arr") == 1200000);
    CHECK(parse_money("3m", "--net-arr") == 3000000);
}

TEST_CASE("1.2M is exactly 1,200,000 dollars, not a rounded float")
{
    CHECK(parse_money("1.2M", "--net-arr") == 1200000);
    CHECK(parse_money("1.23M", "--net-arr") == 1230000);
    CHECK(parse_money("0.7M", "--net-arr") == 700000);   // 0.7 is not exact in binary
    CHECK(parse_money("4.35M", "--net-arr") == 4350000); // nor is 4.35
}

TEST_CASE("malformed money is a usage error naming the option and the value")
{
    for (const auto* bad : {"", "abc", "$", "k", "12x", "1.2.3", "1e6", "-5", " 150000", "150kk", "1,5M5"}) {
        const auto error = error_of([&] { parse_money(bad, "--net-arr"); });
        INFO("input: '" << bad << "'");
        REQUIRE(error);
        CHECK(error->code() == Exit::usage);
        CHECK(contains(error->what(), "--net-arr"));
        CHECK(contains(error->what(), std::string("'") + bad + "'"));
    }
}

TEST_CASE("money must come out in whole dollars")
{
    const auto error = error_of([] { parse_money("1.2345k", "--net-arr"); }); // 1234.5 dollars
    REQUIRE(error);
    CHECK(error->code() == Exit::invalid);
    CHECK(contains(error->what(), "whole"));
    CHECK_EXIT(parse_money("0.5", "--net-arr"), Exit::invalid);
    CHECK(parse_money("1.2345M", "--net-arr") == 1234500); // the same digits in millions are whole
}

TEST_CASE("money beyond a quadrillion dollars is rejected as invalid")
{
    CHECK(parse_money("1000000000000000", "--net-arr") == 1'000'000'000'000'000); // the ceiling itself
    CHECK(parse_money("1000000000000k", "--net-arr") == 1'000'000'000'000'000);
    CHECK_EXIT(parse_money("1000000000000001", "--net-arr"), Exit::invalid);
    CHECK_EXIT(parse_money("1000000000001k", "--net-arr"), Exit::invalid);
    CHECK_EXIT(parse_money("9223372036854775807", "--net-arr"), Exit::invalid);
    CHECK_EXIT(parse_money("99999999999999999999999", "--net-arr"), Exit::invalid);
    CHECK_EXIT(parse_money("$99,999,999,999,999,999,999M", "--net-arr"), Exit::invalid);
}

// Bug: digits × scale overflows int64 before the "whole dollars" division when the amount has
// many decimals; 999,999,999.9999M is 999,999,999,999,900 dollars, under the ceiling.
TEST_CASE("money with many decimals under the ceiling is parsed exactly")
{
    std::int64_t value = 0;
    const auto error = error_of([&] { value = parse_money("999999999.9999M", "--net-arr"); });
    CHECK_FALSE(error);
    CHECK(value == 999'999'999'999'900);
}

TEST_CASE("booleans are yes, no, true or false")
{
    CHECK(parse_bool("yes", "--strategic"));
    CHECK(parse_bool("true", "--strategic"));
    CHECK_FALSE(parse_bool("no", "--strategic"));
    CHECK_FALSE(parse_bool("false", "--strategic"));
    for (const auto* bad : {"", "y", "1", "0", "YES", "on", "nope"}) {
        INFO("input: '" << bad << "'");
        const auto error = error_of([&] { parse_bool(bad, "--strategic"); });
        REQUIRE(error);
        CHECK(error->code() == Exit::usage);
        CHECK(contains(error->what(), "--strategic"));
    }
}

TEST_CASE("integers are plain decimal whole numbers")
{
    CHECK(parse_integer("3", "--stage") == 3);
    CHECK(parse_integer("-3", "--stage") == -3);
    CHECK(parse_integer("007", "--stage") == 7);
    for (const auto* bad : {"", "-", "3.0", "three", "+3", "3 "}) {
        INFO("input: '" << bad << "'");
        CHECK_EXIT(parse_integer(bad, "--stage"), Exit::usage);
    }
    // A well-formed number too large for any field is a value a rule rejects.
    CHECK_EXIT(parse_integer("1234567890123456789", "--stage"), Exit::invalid);
}

TEST_CASE("status takes its spelling and in-progress for in_progress")
{
    CHECK(parse_status("new") == Status::new_);
    CHECK(parse_status("qualified") == Status::qualified);
    CHECK(parse_status("in_progress") == Status::in_progress);
    CHECK(parse_status("in-progress") == Status::in_progress);
    CHECK(parse_status("closed") == Status::closed);
    CHECK(parse_status("cancelled") == Status::cancelled);
    CHECK_EXIT(parse_status("canceled"), Exit::usage);
    CHECK_EXIT(parse_status("open"), Exit::usage);
}

TEST_CASE("an unknown choice is a usage error naming the value and every choice")
{
    CHECK(parse_choice<PovType>("onsite", "--type") == PovType::onsite);
    CHECK(parse_choice<Deal>("new-logo", "--deal") == Deal::new_logo);
    CHECK(parse_choice<LossType>("non-technical", "--loss-type") == LossType::non_technical);
    CHECK(parse_choice<CapabilityStatus>("not-met", "--status") == CapabilityStatus::not_met);

    const auto error = error_of([] { parse_choice<PovType>("huge", "--type"); });
    REQUIRE(error);
    CHECK(error->code() == Exit::usage);
    CHECK(contains(error->what(), "--type"));
    CHECK(contains(error->what(), "'huge'"));
    CHECK(contains(error->what(), "guided, onsite, paid, lite"));

    // Spellings are exact: the JSON spelling of an enum value, not its C++ name.
    CHECK_EXIT(parse_choice<Deal>("new_logo", "--deal"), Exit::usage);
    CHECK_EXIT(parse_choice<PovType>("Guided", "--type"), Exit::usage);
}

TEST_CASE("commas must group exactly three digits (section 2): 150,00 is refused, never read as 15000")
{
    CHECK(parse_money("$1,200,000", "--net-arr") == 1200000);
    CHECK(parse_money("12,345.5k", "--net-arr") == 12345500);
    for (const auto* bad : {"150,00", "1,2M", ",150", "1,,000", "1000,000", "1,000,00", "150,0000", "1,000,"}) {
        const auto error = error_of([&] { parse_money(bad, "--net-arr"); });
        INFO("input: '" << bad << "'");
        REQUIRE(error);
        CHECK(error->code() == Exit::usage);
        CHECK(contains(error->what(), std::string("'") + bad + "'"));
    }
}
