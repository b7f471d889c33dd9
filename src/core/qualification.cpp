#include "pov/qualification.hpp"

#include "pov/duration.hpp"
#include "pov/fields.hpp"
#include "pov/rules.hpp"
#include "pov/text.hpp"
#include "pov/values.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

namespace pov {

namespace {

constexpr int technical_evaluation_stage = 3;

QualificationCheck pass(std::string rule, std::string detail)
{
    return {std::move(rule), true, std::move(detail)};
}

QualificationCheck fail(std::string rule, std::string detail)
{
    return {std::move(rule), false, std::move(detail)};
}

QualificationCheck check_stage(const Pov& pov)
{
    if (pov.stage == technical_evaluation_stage) {
        return pass("stage", "stage is 3 (Technical Evaluation)");
    }
    return fail("stage", fmt::format("stage is {}; the opportunity must be in stage 3 (Technical Evaluation): "
                                     "pov set {} --stage 3",
                                     pov.stage ? std::to_string(*pov.stage) : "not set", pov.id));
}

QualificationCheck check_deal(const Pov& pov, const Config& config)
{
    if (pov.deal == Deal::new_logo) {
        return pass("deal", "a new-logo deal");
    }
    if (pov.deal == Deal::uptier) {
        if (pov.net_arr && *pov.net_arr >= config.uptier_min_net_arr) {
            return pass("deal", fmt::format("an uptier with net ARR {} (at least {})", format_money(*pov.net_arr),
                                            format_money(config.uptier_min_net_arr)));
        }
        if (pov.lam_significant) {
            return pass("deal", "an uptier with significant LAM");
        }
        return fail("deal", fmt::format("an uptier needs net ARR of at least {} or significant LAM; net ARR is {}: "
                                        "pov set {} --net-arr AMOUNT or --lam-significant yes",
                                        format_money(config.uptier_min_net_arr),
                                        pov.net_arr ? format_money(*pov.net_arr) : "not set", pov.id));
    }
    return fail("deal", fmt::format("the deal is not set; a POV needs a new-logo or a qualifying uptier: "
                                    "pov set {} --deal new-logo|uptier",
                                    pov.id));
}

QualificationCheck check_command_plan(const Pov& pov)
{
    const std::pair<std::string_view, const std::string*> plan[] = {
        {"why_now", &pov.why_now}, {"why_anything", &pov.why_anything},
        {"metrics", &pov.metrics}, {"decision_process", &pov.decision_process},
        {"pain", &pov.pain},       {"eb_access", &pov.eb_access},
        {"impact", &pov.impact},
    };
    std::vector<std::string> missing;
    std::vector<std::string> options;
    for (const auto& [name, value] : plan) {
        if (is_blank(*value)) {
            missing.emplace_back(name);
            options.push_back(option_name(name) + " TEXT");
        }
    }
    if (missing.empty()) {
        return pass("command_plan", "all seven command plan fields are filled");
    }
    return fail("command_plan", fmt::format("command plan is missing {}: pov set {} {}", fmt::join(missing, ", "),
                                            pov.id, fmt::join(options, " ")));
}

QualificationCheck check_solution(const Pov& pov, const Config& config)
{
    if (is_configured_solution(pov.solution, config)) {
        return pass("solution", fmt::format("mapped to solution {}", pov.solution));
    }
    const auto state =
        pov.solution.empty() ? std::string("not set") : fmt::format("'{}' is not configured", pov.solution);
    return fail("solution", fmt::format("solution {}; map the POV to one of {}: pov set {} --solution NAME", state,
                                        fmt::join(config.solutions, ", "), pov.id));
}

QualificationCheck check_capabilities(const Pov& pov, const Config& config)
{
    const auto count = static_cast<int>(pov.capabilities.size());
    if (count == 0) {
        return fail("capabilities", fmt::format("no success criteria; add 1 to {}: pov cap add {} TITLE --target T",
                                                config.max_capabilities, pov.id));
    }
    if (!within_capability_ceiling(count, config)) {
        return fail("capabilities", fmt::format("{} success criteria; at most {}: pov cap rm {} N", count,
                                                config.max_capabilities, pov.id));
    }
    for (const auto& capability : pov.capabilities) {
        if (is_blank(capability.title)) {
            return fail("capabilities", fmt::format("capability {} has no title: pov cap set {} {} --title T",
                                                    capability.n, pov.id, capability.n));
        }
    }
    return pass("capabilities", counted(count, "success criterion", "success criteria"));
}

QualificationCheck check_signoffs(const Pov& pov)
{
    std::vector<std::string> problems;
    if (is_blank(pov.champion)) {
        problems.push_back(fmt::format("name the champion (pov set {} --champion NAME)", pov.id));
    } else if (!pov.champion_signoff) {
        problems.push_back(fmt::format("record the champion's sign-off (pov signoff {} --champion)", pov.id));
    }
    if (is_blank(pov.economic_buyer)) {
        problems.push_back(fmt::format("name the economic buyer (pov set {} --economic-buyer NAME)", pov.id));
    } else if (!pov.eb_signoff) {
        problems.push_back(
            fmt::format("record the economic buyer's sign-off (pov signoff {} --economic-buyer)", pov.id));
    }
    if (problems.empty()) {
        return pass("signoffs", fmt::format("champion {} and economic buyer {} signed off the criteria", pov.champion,
                                            pov.economic_buyer));
    }
    return fail("signoffs", fmt::format("the champion and economic buyer must sign off the criteria: {}",
                                        fmt::join(problems, "; ")));
}

QualificationCheck check_technical_lead(const Pov& pov)
{
    if (!is_blank(pov.technical_lead)) {
        return pass("technical_lead", fmt::format("technical lead {} is committed", pov.technical_lead));
    }
    return fail("technical_lead", fmt::format("no technical lead named; the customer must commit resources: "
                                              "pov set {} --technical-lead NAME",
                                              pov.id));
}

QualificationCheck check_schedule(const Pov& pov, const Config& config)
{
    if (is_blank(pov.sa)) {
        return fail("schedule", fmt::format("no SA named: pov set {} --sa NAME", pov.id));
    }
    if (!pov.start || !pov.end) {
        return fail("schedule",
                    fmt::format("planned start and end must be set: pov set {} --start DATE --end DATE", pov.id));
    }
    if (auto problem = duration_problem(pov.type, *pov.start, *pov.end, config, !pov.extensions.empty())) {
        return fail("schedule", fmt::format("{}: pov set {} --start DATE --end DATE", *problem, pov.id));
    }
    return pass("schedule", fmt::format("SA {}; {} → {}, {} days", pov.sa, format_date(*pov.start),
                                        format_date(*pov.end), duration_days(*pov.start, *pov.end)));
}

QualificationCheck check_strategic(const Pov& pov)
{
    if (!pov.strategic || pov.type != PovType::guided) {
        return pass("strategic", "not a strategic guided POV; nothing more needed");
    }
    std::vector<std::string> missing;
    if (is_blank(pov.desired_future)) {
        missing.emplace_back("--desired-future TEXT");
    }
    if (is_blank(pov.business_outcomes)) {
        missing.emplace_back("--business-outcomes TEXT");
    }
    if (missing.empty()) {
        return pass("strategic", "desired future and business outcomes are filled");
    }
    return fail("strategic", fmt::format("a strategic guided POV needs its desired future and business outcomes: "
                                         "pov set {} {}",
                                         pov.id, fmt::join(missing, " ")));
}

QualificationCheck check_type(const Pov& pov)
{
    if (!lite_allowed(pov)) {
        return fail("type",
                    fmt::format("a lite POV is only for the commercial segment: pov set {} --type guided", pov.id));
    }
    if (!licence_ready(pov)) {
        return fail("type", fmt::format("a paid POV needs its prorated licence purchased: "
                                        "pov set {} --license-purchased yes",
                                        pov.id));
    }
    return pass("type",
                fmt::format("{} POV in the {} segment", with_article(to_string(pov.type)), to_string(pov.segment)));
}

} // namespace

Qualification qualify(const Pov& pov, const Config& config)
{
    Qualification result;
    result.checks = {
        check_stage(pov),
        check_deal(pov, config),
        check_command_plan(pov),
        check_solution(pov, config),
        check_capabilities(pov, config),
        check_signoffs(pov),
        check_technical_lead(pov),
        check_schedule(pov, config),
        check_strategic(pov),
        check_type(pov),
    };
    result.qualified = std::all_of(result.checks.begin(), result.checks.end(),
                                   [](const QualificationCheck& check) { return check.ok; });
    return result;
}

} // namespace pov
