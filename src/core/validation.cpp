#include "pov/validation.hpp"

#include "pov/duration.hpp"
#include "pov/error.hpp"
#include "pov/fields.hpp"
#include "pov/rules.hpp"
#include "pov/text.hpp"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

namespace pov {

namespace {

constexpr int max_stage = 8;

// Runs a check that throws pov::Error and keeps its message as a violation of `rule`.
void collect(std::vector<Violation>& found, std::string rule, const std::function<void()>& check)
{
    try {
        check();
    } catch (const Error& e) {
        found.push_back({std::move(rule), e.what()});
    }
}

void require(std::vector<Violation>& found, const std::string& value, std::string_view field)
{
    if (is_blank(value)) {
        found.push_back({fmt::format("required:{}", field), fmt::format("{} is required and may not be empty", field)});
    }
}

// The checks of one success criterion's text fields.
void validate_capability(const Capability& capability)
{
    const auto label = fmt::format("capability {}", capability.n);
    if (is_blank(capability.title)) {
        throw Error(Exit::invalid, fmt::format("{} needs a title", label));
    }
    check_text(label + " title", capability.title, TextKind::line);
    check_text(label + " target", capability.target, TextKind::line);
    check_text(label + " outcome", capability.outcome, TextKind::line);
    check_text(label + " evidence", capability.evidence, TextKind::multiline);
}

} // namespace

std::vector<Violation> find_violations(const Pov& pov, const Config& config)
{
    std::vector<Violation> found;
    require(found, pov.name, "name");
    require(found, pov.account, "account");
    require(found, pov.sa, "sa");
    for (const auto& field : record_fields()) {
        if (field.kind != FieldKind::line && field.kind != FieldKind::multiline) {
            continue;
        }
        const auto value = field.get(pov);
        if (value.is_string()) {
            collect(found, fmt::format("text:{}", field.name), [&] {
                check_text(field.name, value.get_ref<const std::string&>(),
                           field.kind == FieldKind::line ? TextKind::line : TextKind::multiline);
            });
        }
    }
    if (pov.stage && (*pov.stage < 0 || *pov.stage > max_stage)) {
        found.push_back({"stage", fmt::format("stage must be 0–{}; got {}", max_stage, *pov.stage)});
    }
    if (pov.net_arr && *pov.net_arr < 0) {
        found.push_back({"net_arr", fmt::format("net_arr may not be negative; got {}", *pov.net_arr)});
    }
    if (!pov.solution.empty() && !is_configured_solution(pov.solution, config)) {
        found.push_back({"solution", fmt::format("unknown solution '{}'; configured solutions: {}", pov.solution,
                                                 fmt::join(config.solutions, ", "))});
    }
    // Lite is deprecated and only for the commercial segment (section 3).
    if (!lite_allowed(pov)) {
        found.push_back({"lite", fmt::format("a lite POV is only for the commercial segment; this one is {}",
                                             to_string(pov.segment))});
    }
    if (pov.start && pov.end) {
        if (auto problem = duration_problem(pov.type, *pov.start, *pov.end, config, !pov.extensions.empty())) {
            found.push_back({"duration", std::move(*problem)});
        }
    }
    // Five is the hard ceiling, enforced on every change (section 1).
    const auto count = static_cast<int>(pov.capabilities.size());
    if (!within_capability_ceiling(count, config)) {
        found.push_back({"capabilities", fmt::format("a POV has at most {} capabilities (success criteria); this one "
                                                     "would have {}",
                                                     config.max_capabilities, count)});
    }
    for (const auto& capability : pov.capabilities) {
        collect(found, fmt::format("capability:{}", capability.title), [&] { validate_capability(capability); });
    }
    for (const auto& extension : pov.extensions) {
        collect(found, "text:extension",
                [&] { check_text("an extension's reason", extension.reason, TextKind::line); });
    }
    for (const auto& entry : pov.journal) {
        collect(found, "text:journal", [&] { check_text("a journal entry", entry.text, TextKind::multiline); });
    }
    return found;
}

void validate_record(const Pov& pov, const Config& config)
{
    const auto found = find_violations(pov, config);
    if (!found.empty()) {
        throw Error(Exit::invalid, found.front().message);
    }
}

void validate_change(const Pov& before, const Pov& after, const Config& config)
{
    const auto now = find_violations(after, config);
    if (now.empty()) {
        return;
    }
    const auto then = find_violations(before, config);
    for (const auto& violation : now) {
        const bool old =
            std::any_of(then.begin(), then.end(), [&](const Violation& known) { return known.rule == violation.rule; });
        if (!old) {
            throw Error(Exit::invalid, violation.message);
        }
    }
}

} // namespace pov
