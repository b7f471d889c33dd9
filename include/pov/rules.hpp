// Record-level rules of contract sections 1–4, each once: validation, qualification and the
// lifecycle call these rather than restating them.
#pragma once

#include "pov/config.hpp"
#include "pov/record.hpp"
#include "pov/text.hpp"

#include <string>
#include <string_view>

namespace pov {

// Section 3: lite is deprecated and only for the commercial segment.
[[nodiscard]] bool lite_allowed(const Pov& pov);

// Section 3: a paid POV needs its prorated licence bought (`license_purchased`) before start.
[[nodiscard]] bool licence_ready(const Pov& pov);

// Section 1: at most `rules.max_capabilities` success criteria (the config may lower the hard
// ceiling of 5, never raise it), enforced on every change.
[[nodiscard]] bool within_capability_ceiling(int count, const Config& config);

// Section 5: an SA may run at most `rules.max_concurrent_per_sa` POVs in progress at once.
[[nodiscard]] bool within_concurrency_limit(int running, const Config& config);

// Section 2: a solution is one of the configured `solutions`; an empty name is none of them.
[[nodiscard]] bool is_configured_solution(std::string_view name, const Config& config);

// Section 4: retitling or retargeting a success criterion changes the criteria; its status,
// evidence or business outcome do not.
[[nodiscard]] bool is_criteria_change(const Capability& before, const Capability& after);

// Section 4: sign-offs are on the current criteria, so changing them voids both.
// Returns whether there was a sign-off to clear.
bool clear_signoffs(Pov& pov);

// Section 4: a sign-off is a person's: a new champion or economic buyer has not signed off.
void clear_replaced_signoffs(const Pov& before, Pov& after);

// Section 2: a required text (a reason, a note) given empty exits 3, and it obeys the text rules
// of its kind. `what` names it in the message: "--reason may not be empty".
void require_text(const std::string& text, std::string_view what, TextKind kind);

// Section 6: the `--sa` and `--account` filters of list and report ignore letter case (ASCII)
// and match the whole name or the start of any of its words: `priya`, `raman` and
// `priya raman` all find "Priya Raman"; `iya` does not. An empty query matches every name.
[[nodiscard]] bool name_matches(std::string_view name, std::string_view query);

} // namespace pov
