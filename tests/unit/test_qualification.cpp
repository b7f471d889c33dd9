// Qualification (contract section 4): ten checks, each reported on its own.
#include "sample.hpp"

#include "pov/qualification.hpp"

#include <functional>

using namespace pov;
using test::contains;
using test::day;
using test::qualifying_pov;

namespace {

// A copy, not a reference: a reference into a temporary qualification would outlive it.
QualificationCheck check_named(const Qualification& q, const std::string& rule)
{
    for (const auto& check : q.checks) {
        if (check.rule == rule) {
            return check;
        }
    }
    FAIL("no check named " << rule);
    throw std::logic_error("unreachable");
}

// The rules that failed, in report order.
std::vector<std::string> failed_rules(const Qualification& q)
{
    std::vector<std::string> out;
    for (const auto& check : q.checks) {
        if (!check.ok) {
            out.push_back(check.rule);
        }
    }
    return out;
}

using Names = std::vector<std::string>;

} // namespace

TEST_CASE("qualification reports exactly ten checks, in the contract's order")
{
    const auto q = qualify(qualifying_pov(), Config{});
    std::vector<std::string> rules;
    for (const auto& check : q.checks) {
        rules.push_back(check.rule);
        CHECK_FALSE(check.detail.empty());
    }
    CHECK(rules == Names{"stage", "deal", "command_plan", "solution", "capabilities", "signoffs", "technical_lead",
                         "schedule", "strategic", "type"});
}

TEST_CASE("the sample POV passes every check")
{
    const auto q = qualify(qualifying_pov(), Config{});
    CHECK(q.qualified);
    CHECK(failed_rules(q).empty());
}

TEST_CASE("breaking one rule fails exactly that check")
{
    const std::vector<std::pair<std::string, std::function<void(Pov&)>>> breaks = {
        {"stage", [](Pov& p) { p.stage = 2; }},
        {"stage", [](Pov& p) { p.stage = 4; }},
        {"stage", [](Pov& p) { p.stage.reset(); }},
        {"deal", [](Pov& p) { p.deal.reset(); }},
        {"deal",
         [](Pov& p) {
             p.deal = Deal::uptier;
             p.net_arr = 50000;
         }},
        {"command_plan", [](Pov& p) { p.why_now.clear(); }},
        {"command_plan", [](Pov& p) { p.impact.clear(); }},
        {"command_plan", [](Pov& p) { p.impact = "   "; }}, // blank counts as empty (section 2)
        {"technical_lead", [](Pov& p) { p.technical_lead = " \t"; }},
        {"solution", [](Pov& p) { p.solution.clear(); }},
        {"solution", [](Pov& p) { p.solution = "blockchain"; }},
        {"capabilities", [](Pov& p) { p.capabilities.clear(); }},
        {"capabilities", [](Pov& p) { p.capabilities[1].title.clear(); }},
        {"signoffs", [](Pov& p) { p.champion_signoff.reset(); }},
        {"signoffs", [](Pov& p) { p.eb_signoff.reset(); }},
        {"signoffs", [](Pov& p) { p.champion.clear(); }},
        {"signoffs", [](Pov& p) { p.economic_buyer.clear(); }},
        {"technical_lead", [](Pov& p) { p.technical_lead.clear(); }},
        {"schedule", [](Pov& p) { p.sa.clear(); }},
        {"schedule", [](Pov& p) { p.start.reset(); }},
        {"schedule", [](Pov& p) { p.end.reset(); }},
        {"schedule", [](Pov& p) { p.end = day("2026-04-30"); }}, // 59 days
        {"schedule", [](Pov& p) { p.end = day("2026-03-15"); }}, // 13 days
        {"strategic", [](Pov& p) { p.strategic = true; }},
        {"type", [](Pov& p) { p.type = PovType::lite; }},
        {"type",
         [](Pov& p) {
             p.type = PovType::paid;
             p.end = day("2026-05-02");
         }}, // 61 days, no licence
    };
    for (const auto& [rule, breaker] : breaks) {
        auto pov = qualifying_pov();
        breaker(pov);
        const auto q = qualify(pov, Config{});
        INFO("broken rule: " << rule);
        CHECK_FALSE(q.qualified);
        CHECK(failed_rules(q) == Names{rule});
    }
}

TEST_CASE("the command plan check names each missing field")
{
    auto pov = qualifying_pov();
    pov.why_anything.clear();
    pov.decision_process.clear();
    pov.eb_access.clear();
    const auto q = qualify(pov, Config{});
    const auto check = check_named(q, "command_plan");
    CHECK_FALSE(check.ok);
    for (const auto* missing : {"why_anything", "decision_process", "eb_access"}) {
        CHECK(contains(check.detail, missing));
    }
    for (const auto* present : {"why_now", "metrics", "pain", "impact"}) {
        CHECK_FALSE(contains(check.detail, present));
    }

    SECTION("each of the seven fields is required")
    {
        for (const auto field : {&Pov::why_now, &Pov::why_anything, &Pov::metrics, &Pov::decision_process, &Pov::pain,
                                 &Pov::eb_access, &Pov::impact}) {
            auto one = qualifying_pov();
            one.*field = "";
            CHECK(failed_rules(qualify(one, Config{})) == Names{"command_plan"});
        }
    }
}

TEST_CASE("an uptier qualifies from rules.uptier_min_net_arr or with significant LAM")
{
    auto pov = qualifying_pov();
    pov.deal = Deal::uptier;
    pov.net_arr = 100000;
    CHECK(check_named(qualify(pov, Config{}), "deal").ok);
    pov.net_arr = 99999;
    CHECK_FALSE(check_named(qualify(pov, Config{}), "deal").ok);
    pov.net_arr.reset();
    CHECK_FALSE(check_named(qualify(pov, Config{}), "deal").ok);

    SECTION("significant LAM qualifies a small uptier")
    {
        pov.net_arr = 99999;
        pov.lam_significant = true;
        CHECK(check_named(qualify(pov, Config{}), "deal").ok);
        CHECK(qualify(pov, Config{}).qualified);
    }
    SECTION("the threshold comes from the config")
    {
        Config config;
        config.uptier_min_net_arr = 50000;
        pov.net_arr = 50000;
        CHECK(check_named(qualify(pov, config), "deal").ok);
        pov.net_arr = 49999;
        CHECK_FALSE(check_named(qualify(pov, config), "deal").ok);
    }
    SECTION("a new-logo deal needs no ARR")
    {
        pov.deal = Deal::new_logo;
        pov.net_arr.reset();
        CHECK(check_named(qualify(pov, Config{}), "deal").ok);
    }
}

TEST_CASE("a strategic guided POV needs desired_future and business_outcomes")
{
    auto pov = qualifying_pov();
    pov.strategic = true;
    CHECK_FALSE(check_named(qualify(pov, Config{}), "strategic").ok);
    pov.desired_future = "one platform";
    CHECK_FALSE(check_named(qualify(pov, Config{}), "strategic").ok);
    pov.business_outcomes = "ship weekly";
    CHECK(check_named(qualify(pov, Config{}), "strategic").ok);
    pov.desired_future.clear();
    const auto q = qualify(pov, Config{});
    const auto check = check_named(q, "strategic");
    CHECK_FALSE(check.ok);
    CHECK(contains(check.detail, "desired-future"));
    CHECK_FALSE(contains(check.detail, "business-outcomes"));
}

TEST_CASE("a strategic onsite POV needs no desired future")
{
    auto pov = qualifying_pov();
    pov.strategic = true;
    pov.type = PovType::onsite;
    pov.end = day("2026-03-07"); // 5 days
    const auto q = qualify(pov, Config{});
    CHECK(check_named(q, "strategic").ok);
    CHECK(q.qualified);
}

TEST_CASE("a paid POV needs license_purchased")
{
    auto pov = qualifying_pov();
    pov.type = PovType::paid;
    pov.end = day("2026-05-02"); // 61 days
    CHECK_FALSE(check_named(qualify(pov, Config{}), "type").ok);
    pov.license_purchased = true;
    CHECK(qualify(pov, Config{}).qualified);
}

TEST_CASE("a lite POV qualifies only in the commercial segment")
{
    auto pov = qualifying_pov();
    pov.type = PovType::lite;
    pov.end = day("2026-03-20"); // 18 days
    CHECK_FALSE(check_named(qualify(pov, Config{}), "type").ok);
    pov.segment = Segment::commercial;
    CHECK(qualify(pov, Config{}).qualified);
}

TEST_CASE("capabilities: one to rules.max_capabilities")
{
    auto pov = qualifying_pov();
    pov.capabilities = {test::capability(1, "only one")};
    CHECK(check_named(qualify(pov, Config{}), "capabilities").ok);
    pov.capabilities.clear();
    for (int n = 1; n <= 5; ++n) {
        pov.capabilities.push_back(test::capability(n, "criterion"));
    }
    CHECK(check_named(qualify(pov, Config{}), "capabilities").ok);
    Config config;
    config.max_capabilities = 4;
    CHECK_FALSE(check_named(qualify(pov, config), "capabilities").ok);
}

TEST_CASE("the schedule is judged with the extension ceiling once extended")
{
    auto pov = qualifying_pov();
    pov.end = day("2026-04-26"); // 55 days
    CHECK_FALSE(check_named(qualify(pov, Config{}), "schedule").ok);
    pov.extensions.push_back({day("2026-03-30"), day("2026-04-26"), "holidays", day("2026-03-25")});
    CHECK(check_named(qualify(pov, Config{}), "schedule").ok);
}

TEST_CASE("failed checks say what to do")
{
    auto pov = qualifying_pov();
    pov.stage = 2;
    pov.technical_lead.clear();
    pov.champion_signoff.reset();
    const auto q = qualify(pov, Config{});
    CHECK(contains(check_named(q, "stage").detail, "pov set 7 --stage 3"));
    CHECK(contains(check_named(q, "technical_lead").detail, "--technical-lead"));
    CHECK(contains(check_named(q, "signoffs").detail, "pov signoff 7 --champion"));
}
