#include "pov/rules.hpp"

#include "pov/error.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace pov {

bool lite_allowed(const Pov& pov)
{
    return pov.type != PovType::lite || pov.segment == Segment::commercial;
}

bool licence_ready(const Pov& pov)
{
    return pov.type != PovType::paid || pov.license_purchased;
}

bool within_capability_ceiling(int count, const Config& config)
{
    return count <= config.max_capabilities;
}

bool within_concurrency_limit(int running, const Config& config)
{
    return running <= config.max_concurrent_per_sa;
}

bool is_configured_solution(std::string_view name, const Config& config)
{
    const auto& solutions = config.solutions;
    return !name.empty() && std::find(solutions.begin(), solutions.end(), name) != solutions.end();
}

bool is_criteria_change(const Capability& before, const Capability& after)
{
    return before.title != after.title || before.target != after.target;
}

bool clear_signoffs(Pov& pov)
{
    const bool signed_off = pov.champion_signoff || pov.eb_signoff;
    pov.champion_signoff.reset();
    pov.eb_signoff.reset();
    return signed_off;
}

void clear_replaced_signoffs(const Pov& before, Pov& after)
{
    if (after.champion != before.champion) {
        after.champion_signoff.reset();
    }
    if (after.economic_buyer != before.economic_buyer) {
        after.eb_signoff.reset();
    }
}

void require_text(const std::string& text, std::string_view what, TextKind kind)
{
    if (is_blank(text)) {
        throw Error(Exit::invalid, fmt::format("{} may not be empty", what));
    }
    check_text(what, text, kind);
}

bool name_matches(std::string_view name, std::string_view query)
{
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    const auto starts_at = [&](std::size_t at) {
        if (name.size() - at < query.size()) {
            return false;
        }
        for (std::size_t i = 0; i < query.size(); ++i) {
            if (lower(name[at + i]) != lower(query[i])) {
                return false;
            }
        }
        return true;
    };
    if (query.empty()) {
        return true;
    }
    for (std::size_t at = 0; at < name.size(); ++at) {
        const bool word_start = at == 0 || name[at - 1] == ' ' || name[at - 1] == '-';
        if (word_start && starts_at(at)) {
            return true;
        }
    }
    return false;
}

} // namespace pov
