#include "pov/validation.hpp"

#include "pov/duration.hpp"
#include "pov/error.hpp"
#include "pov/fields.hpp"
#include "pov/text.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace pov {

namespace {

constexpr int max_stage = 8;

void require(const std::string& value, std::string_view field)
{
    if (value.empty()) {
        throw Error(Exit::invalid, fmt::format("{} is required and may not be empty", field));
    }
}

void check_text_fields(const Pov& pov)
{
    for (const auto& field : record_fields()) {
        if (field.kind != FieldKind::line && field.kind != FieldKind::multiline) {
            continue;
        }
        const auto value = field.get(pov);
        if (value.is_string()) {
            check_text(field.name, value.get_ref<const std::string&>(),
                       field.kind == FieldKind::line ? TextKind::line : TextKind::multiline);
        }
    }
}

} // namespace

void validate_capability(const Capability& capability)
{
    const auto label = fmt::format("capability {}", capability.n);
    if (capability.title.empty()) {
        throw Error(Exit::invalid, fmt::format("{} needs a title", label));
    }
    check_text(label + " title", capability.title, TextKind::line);
    check_text(label + " target", capability.target, TextKind::line);
    check_text(label + " outcome", capability.outcome, TextKind::line);
    check_text(label + " evidence", capability.evidence, TextKind::multiline);
}

void validate_record(const Pov& pov, const Config& config)
{
    require(pov.name, "name");
    require(pov.account, "account");
    require(pov.sa, "sa");
    check_text_fields(pov);
    if (pov.stage && (*pov.stage < 0 || *pov.stage > max_stage)) {
        throw Error(Exit::invalid, fmt::format("stage must be 0–{}; got {}", max_stage, *pov.stage));
    }
    if (pov.net_arr && *pov.net_arr < 0) {
        throw Error(Exit::invalid, fmt::format("net_arr may not be negative; got {}", *pov.net_arr));
    }
    if (!pov.solution.empty() &&
        std::find(config.solutions.begin(), config.solutions.end(), pov.solution) == config.solutions.end()) {
        throw Error(Exit::invalid, fmt::format("unknown solution '{}'; configured solutions: {}", pov.solution,
                                               fmt::join(config.solutions, ", ")));
    }
    // Lite is deprecated and only for the commercial segment (section 3).
    if (pov.type == PovType::lite && pov.segment != Segment::commercial) {
        throw Error(Exit::invalid, fmt::format("a lite POV is only for the commercial segment; this one is {}",
                                               to_string(pov.segment)));
    }
    if (pov.start && pov.end) {
        check_duration(pov.type, *pov.start, *pov.end, config, !pov.extensions.empty());
    }
    // Five is the hard ceiling, enforced on every change (section 1).
    const auto count = static_cast<int>(pov.capabilities.size());
    if (count > config.max_capabilities) {
        throw Error(Exit::invalid, fmt::format("a POV has at most {} capabilities (success criteria); this one "
                                               "would have {}",
                                               config.max_capabilities, count));
    }
    for (const auto& capability : pov.capabilities) {
        validate_capability(capability);
    }
    for (const auto& extension : pov.extensions) {
        check_text("an extension's reason", extension.reason, TextKind::line);
    }
    for (const auto& entry : pov.journal) {
        check_text("a journal entry", entry.text, TextKind::multiline);
    }
}

} // namespace pov
