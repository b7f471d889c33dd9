// Record-level rules of contract sections 1–4, each once, and the places that apply them agree.
#include "sample.hpp"

#include "pov/qualification.hpp"
#include "pov/rules.hpp"
#include "pov/validation.hpp"

#include <algorithm>

using namespace pov;
using test::day;
using test::qualifying_pov;

namespace {

bool violates(const Pov& pov, const std::string& rule, const Config& config = Config{})
{
    const auto found = find_violations(pov, config);
    return std::any_of(found.begin(), found.end(), [&](const Violation& v) { return v.rule == rule; });
}

bool check_passes(const Pov& pov, const std::string& rule, const Config& config = Config{})
{
    const auto q = qualify(pov, config);
    for (const auto& check : q.checks) {
        if (check.rule == rule) {
            return check.ok;
        }
    }
    FAIL("no check named " << rule);
    return false;
}

// `within(count, config)` holds for every count up to `limit` and for none beyond it.
template <typename Within> void check_limit(Within within, int limit, const Config& config)
{
    for (int count = 0; count <= limit; ++count) {
        CHECK(within(count, config));
    }
    CHECK_FALSE(within(limit + 1, config));
}

} // namespace

TEST_CASE("rules: lite only for the commercial segment, in validation and qualification alike")
{
    for (const auto type : {PovType::guided, PovType::onsite, PovType::paid, PovType::lite}) {
        for (const auto segment : {Segment::enterprise, Segment::commercial}) {
            auto pov = qualifying_pov();
            pov.type = type;
            pov.segment = segment;
            pov.license_purchased = true;
            const bool allowed = type != PovType::lite || segment == Segment::commercial;
            INFO(to_string(type) << " in " << to_string(segment));
            CHECK(lite_allowed(pov) == allowed);
            CHECK(violates(pov, "lite") == !allowed);
            CHECK(check_passes(pov, "type") == allowed);
        }
    }
}

TEST_CASE("rules: a paid POV needs its licence, other types do not")
{
    auto pov = qualifying_pov();
    for (const auto type : {PovType::guided, PovType::onsite, PovType::lite}) {
        pov.type = type;
        CHECK(licence_ready(pov));
    }
    pov.type = PovType::paid;
    CHECK_FALSE(licence_ready(pov));
    CHECK_FALSE(check_passes(pov, "type"));
    pov.license_purchased = true;
    CHECK(licence_ready(pov));
    CHECK(check_passes(pov, "type"));
}

TEST_CASE("rules: the capability ceiling is rules.max_capabilities, five by default")
{
    const Config defaults;
    check_limit(within_capability_ceiling, 5, defaults);
    Config lowered;
    lowered.max_capabilities = 3;
    check_limit(within_capability_ceiling, 3, lowered);

    // Validation and qualification draw the same line.
    auto pov = qualifying_pov();
    pov.capabilities = {test::capability(1, "a"), test::capability(2, "b"), test::capability(3, "c"),
                        test::capability(4, "d")};
    CHECK_FALSE(violates(pov, "capabilities", defaults));
    CHECK(check_passes(pov, "capabilities", defaults));
    CHECK(violates(pov, "capabilities", lowered));
    CHECK_FALSE(check_passes(pov, "capabilities", lowered));
}

TEST_CASE("rules: an SA runs at most rules.max_concurrent_per_sa POVs, three by default")
{
    check_limit(within_concurrency_limit, 3, Config{});
    Config relaxed;
    relaxed.max_concurrent_per_sa = 5;
    check_limit(within_concurrency_limit, 5, relaxed);
}

TEST_CASE("rules: a solution is one of the configured solutions")
{
    const Config defaults;
    for (const auto* name : {"devsecops", "software-compliance", "automated-software-delivery", "devops-platform"}) {
        CHECK(is_configured_solution(name, defaults));
    }
    CHECK_FALSE(is_configured_solution("blockchain", defaults));
    CHECK_FALSE(is_configured_solution("", defaults));
    CHECK_FALSE(is_configured_solution("DevSecOps", defaults)); // names are exact

    Config custom;
    custom.solutions = {"blockchain"};
    CHECK(is_configured_solution("blockchain", custom));
    CHECK_FALSE(is_configured_solution("devsecops", custom));

    // Validation allows no solution yet; qualification needs one.
    auto pov = qualifying_pov();
    pov.solution = "blockchain";
    CHECK(violates(pov, "solution", defaults));
    CHECK_FALSE(check_passes(pov, "solution", defaults));
    CHECK_FALSE(violates(pov, "solution", custom));
    CHECK(check_passes(pov, "solution", custom));
    pov.solution.clear();
    CHECK_FALSE(violates(pov, "solution", defaults));
    CHECK_FALSE(check_passes(pov, "solution", defaults));
}

TEST_CASE("rules: a retitle or retarget changes the criteria; status, evidence and outcome do not")
{
    const auto before = test::capability(1, "Pipeline under 10 minutes", "p95 < 10 min");
    auto after = before;
    CHECK_FALSE(is_criteria_change(before, after));
    after.status = CapabilityStatus::met;
    after.evidence = "run #42";
    after.outcome = "faster releases";
    after.updated_on = day("2026-03-02");
    CHECK_FALSE(is_criteria_change(before, after));
    after.title = "Pipeline under 5 minutes";
    CHECK(is_criteria_change(before, after));
    after = before;
    after.target = "p95 < 5 min";
    CHECK(is_criteria_change(before, after));
}

TEST_CASE("rules: changing the criteria voids both sign-offs")
{
    auto pov = qualifying_pov();
    CHECK(clear_signoffs(pov));
    CHECK_FALSE(pov.champion_signoff);
    CHECK_FALSE(pov.eb_signoff);
    CHECK_FALSE(clear_signoffs(pov)); // nothing left to clear

    pov = qualifying_pov();
    pov.champion_signoff.reset();
    CHECK(clear_signoffs(pov));
    CHECK_FALSE(pov.eb_signoff);
}

TEST_CASE("rules: a new champion or economic buyer has not signed off")
{
    const auto before = qualifying_pov();
    auto after = before;
    clear_replaced_signoffs(before, after);
    CHECK(after.champion_signoff == before.champion_signoff);
    CHECK(after.eb_signoff == before.eb_signoff);

    after.champion = "Someone Else";
    clear_replaced_signoffs(before, after);
    CHECK_FALSE(after.champion_signoff);
    CHECK(after.eb_signoff == before.eb_signoff);

    after = before;
    after.economic_buyer = "New Sponsor";
    after.owner = "New Owner"; // other people do not sign off
    clear_replaced_signoffs(before, after);
    CHECK(after.champion_signoff == before.champion_signoff);
    CHECK_FALSE(after.eb_signoff);
}

TEST_CASE("rules: a required text is not empty and obeys its kind's rules")
{
    CHECK_EXIT(require_text("budget frozen", "--reason", TextKind::line), Exit::ok);
    const auto empty = test::error_of([] { require_text("", "--reason", TextKind::line); });
    REQUIRE(empty);
    CHECK(empty->code() == Exit::invalid);
    CHECK(std::string(empty->what()) == "--reason may not be empty");
    CHECK_EXIT(require_text("two\nlines", "--reason", TextKind::line), Exit::invalid);
    CHECK_EXIT(require_text("two\nlines", "the note", TextKind::multiline), Exit::ok);
    CHECK_EXIT(require_text(std::string(10'001, 'x'), "--reason", TextKind::line), Exit::invalid);
    CHECK_EXIT(require_text("raw \x1b[31m escape", "the note", TextKind::multiline), Exit::invalid);
}

TEST_CASE("name_matches: case-insensitive, the whole name or the start of any word (section 6)")
{
    CHECK(pov::name_matches("Priya Raman", "priya"));
    CHECK(pov::name_matches("Priya Raman", "RAMAN"));
    CHECK(pov::name_matches("Priya Raman", "ram"));
    CHECK(pov::name_matches("Priya Raman", "priya raman"));
    CHECK(pov::name_matches("Priya Raman", "Priya Raman"));
    CHECK(pov::name_matches("Acme Rockets", ""));
    CHECK(pov::name_matches("Jean-Luc Picard", "luc"));
    CHECK_FALSE(pov::name_matches("Priya Raman", "iya"));
    CHECK_FALSE(pov::name_matches("Priya Raman", "priya ramanujan"));
    CHECK_FALSE(pov::name_matches("Priya Raman", "raman priya"));
    CHECK_FALSE(pov::name_matches("", "priya"));
}
