// Whole-record validation: what every stored POV obeys, whatever its status.
#include "sample.hpp"

#include "pov/fields.hpp"
#include "pov/validation.hpp"

using namespace pov;
using test::contains;
using test::day;
using test::error_of;
using test::minimal_pov;

namespace {

// The error validate_record throws for `pov` with the default config, or nullopt.
std::optional<Error> problem(const Pov& pov, const Config& config = Config{})
{
    return error_of([&] { validate_record(pov, config); });
}

void require_invalid_naming(const Pov& pov, const std::string& word, const Config& config = Config{})
{
    const auto error = problem(pov, config);
    REQUIRE(error);
    CHECK(error->code() == Exit::invalid);
    CHECK(contains(error->what(), word));
}

} // namespace

TEST_CASE("a record with a name, an account and an SA is valid")
{
    CHECK_FALSE(problem(minimal_pov()));
    CHECK_FALSE(problem(test::qualifying_pov()));
}

TEST_CASE("name, account and sa are required")
{
    for (const auto field : {&Pov::name, &Pov::account, &Pov::sa}) {
        auto pov = minimal_pov();
        pov.*field = "";
        const auto error = problem(pov);
        REQUIRE(error);
        CHECK(error->code() == Exit::invalid);
        CHECK(contains(error->what(), "required"));
    }
    auto pov = minimal_pov();
    pov.account.clear();
    require_invalid_naming(pov, "account");
}

TEST_CASE("stage is 0 to 8")
{
    auto pov = minimal_pov();
    for (const int stage : {0, 3, 8}) {
        pov.stage = stage;
        CHECK_FALSE(problem(pov));
    }
    pov.stage = 9;
    require_invalid_naming(pov, "stage");
    pov.stage = -1;
    require_invalid_naming(pov, "stage");
    pov.stage.reset();
    CHECK_FALSE(problem(pov));
}

TEST_CASE("the solution must be one of the configured solutions")
{
    auto pov = minimal_pov();
    for (const auto* solution :
         {"devsecops", "software-compliance", "automated-software-delivery", "devops-platform"}) {
        pov.solution = solution;
        CHECK_FALSE(problem(pov));
    }
    pov.solution = "blockchain";
    require_invalid_naming(pov, "blockchain");

    Config config;
    config.solutions = {"blockchain"};
    CHECK_FALSE(problem(pov, config));
    pov.solution = "devsecops";
    require_invalid_naming(pov, "devsecops", config);
}

TEST_CASE("a lite POV is only for the commercial segment")
{
    auto pov = minimal_pov();
    pov.type = PovType::lite;
    pov.segment = Segment::enterprise;
    require_invalid_naming(pov, "commercial");
    pov.segment = Segment::commercial;
    CHECK_FALSE(problem(pov));
}

TEST_CASE("at most five capabilities, each with a title")
{
    auto pov = minimal_pov();
    for (int n = 1; n <= 5; ++n) {
        pov.capabilities.push_back(test::capability(n, "criterion " + std::to_string(n)));
    }
    CHECK_FALSE(problem(pov));
    pov.capabilities.push_back(test::capability(6, "one too many"));
    require_invalid_naming(pov, "6");

    SECTION("a capability without a title")
    {
        auto untitled = minimal_pov();
        untitled.capabilities = {test::capability(1, "fine"), test::capability(2, "")};
        require_invalid_naming(untitled, "capability 2");
    }
}

TEST_CASE("a lowered rules.max_capabilities is the limit")
{
    Config config;
    config.max_capabilities = 3;
    auto pov = minimal_pov();
    pov.capabilities = {test::capability(1, "a"), test::capability(2, "b"), test::capability(3, "c")};
    CHECK_FALSE(problem(pov, config));
    pov.capabilities.push_back(test::capability(4, "d"));
    require_invalid_naming(pov, "3", config);
    CHECK_FALSE(problem(pov)); // four is fine under the default five
}

TEST_CASE("the planned dates obey the type's duration, with extensions the ceiling")
{
    auto pov = minimal_pov();
    pov.start = day("2026-03-01");
    pov.end = day("2026-04-15"); // 45 days
    CHECK_FALSE(problem(pov));
    pov.end = day("2026-04-16"); // 46 days
    require_invalid_naming(pov, "46 days");
    pov.extensions.push_back({day("2026-04-15"), day("2026-04-16"), "customer holiday", day("2026-04-10")});
    CHECK_FALSE(problem(pov));
    pov.end = day("2026-04-30"); // 60 days
    CHECK_FALSE(problem(pov));
    pov.end = day("2026-05-01"); // 61 days
    require_invalid_naming(pov, "61 days");
    pov.end = pov.start;
    require_invalid_naming(pov, "0 days");
}

TEST_CASE("dates must be real calendar days: 2026-02-29 cannot be given, 2028-02-29 can")
{
    const auto* start = find_field("start");
    REQUIRE(start != nullptr);
    CHECK_EXIT(parse_field_input(*start, "2026-02-29", day("2026-01-10")), Exit::usage);

    auto pov = minimal_pov();
    put_field(pov, *start, parse_field_input(*start, "2028-02-29", day("2028-01-10")));
    REQUIRE(pov.start);
    CHECK(*pov.start == day("2028-02-29"));
    pov.end = day("2028-03-28"); // 28 days
    CHECK_FALSE(problem(pov));
}

TEST_CASE("text fields obey the text rules, naming the field")
{
    auto pov = minimal_pov();
    pov.champion = "Eve\x1b[2J";
    require_invalid_naming(pov, "champion");

    pov = minimal_pov();
    pov.pain = "multi\nline pain is fine";
    CHECK_FALSE(problem(pov));
    pov.pain = std::string(100'001, 'x');
    require_invalid_naming(pov, "pain");

    pov = minimal_pov();
    pov.name = std::string(10'001, 'x');
    require_invalid_naming(pov, "name");

    pov = minimal_pov();
    pov.capabilities = {test::capability(1, "title with\nnewline")};
    require_invalid_naming(pov, "capability 1");

    pov = minimal_pov();
    auto c = test::capability(1, "fine");
    c.evidence = "screenshot attached\nrun #42";
    pov.capabilities = {c};
    CHECK_FALSE(problem(pov));
    pov.capabilities[0].evidence = "\x1b]8;;http://evil\x07";
    require_invalid_naming(pov, "evidence");
}

TEST_CASE("net ARR may not be negative")
{
    auto pov = minimal_pov();
    pov.net_arr = 0;
    CHECK_FALSE(problem(pov));
    pov.net_arr = -1;
    require_invalid_naming(pov, "net_arr");
}
