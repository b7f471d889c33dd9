// How records, lists, histories and qualification read on stdout, as text or JSON.
// Formatting only: the figures come from the core.
#pragma once

#include "pov/qualification.hpp"
#include "pov/record.hpp"
#include "render/text.hpp"

#include <string>
#include <vector>

namespace pov::render {

// The record as section 12's JSON, with `risks`.
Json record_json(const Pov& pov, const std::vector<Risk>& risks, bool with_journal = true);

std::string render_show(const Pov& pov, const std::vector<Risk>& risks, Date today, const Style& style);
std::string render_list(const std::vector<Pov>& povs, const std::vector<std::vector<Risk>>& risks, Date today,
                        const Style& style, bool terminal);
std::string render_history(const std::vector<Event>& events, const Style& style);
std::string render_capabilities(const std::vector<Capability>& capabilities, const Style& style);
std::string render_qualification(const Pov& pov, const Qualification& qualification, const Style& style);

} // namespace pov::render
