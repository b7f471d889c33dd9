// How records, lists, histories and qualification read on stdout, as text or JSON.
// Formatting only: the figures come from the core.
#pragma once

#include "cli/context.hpp"
#include "render/text.hpp"
#include "pov/qualification.hpp"
#include "pov/record.hpp"

#include <string>
#include <vector>

namespace pov::cli {

using render::Style;

// Pretty-printed JSON on stdout.
void print_json(const Json& value);

// The record as section 12's JSON, with `risks`.
Json record_json(const Pov& pov, const std::vector<Risk>& risks, bool with_journal = true);

std::string render_show(const Pov& pov, const std::vector<Risk>& risks, Date today, const Style& style);
std::string render_list(const std::vector<Pov>& povs, const std::vector<std::vector<Risk>>& risks, Date today,
                        const Style& style, bool terminal);
std::string render_history(const std::vector<Event>& events, const Style& style);
std::string render_capabilities(const std::vector<Capability>& capabilities, const Style& style);
std::string render_qualification(const Pov& pov, const Qualification& qualification, const Style& style);

// After a change: warnings on stderr, then the record as JSON with --json, the id alone with
// --quiet (when `id_when_quiet`), else the message.
void report_outcome(Context& context, const Outcome& outcome, const std::string& message, bool json,
                    bool id_when_quiet = false);

} // namespace pov::cli
