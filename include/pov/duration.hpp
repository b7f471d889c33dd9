// Duration rules per POV type (contract section 3).
#pragma once

#include "pov/config.hpp"
#include "pov/date.hpp"

#include <optional>
#include <string>

namespace pov {

// Days of a POV: `end - start` (the start counts, the end does not).
long duration_days(Date start, Date end);

// What is wrong with the dates, or nullopt when they obey the type's limits;
// `extended` measures against the ceiling with extensions instead of the plain maximum.
// E.g. "guided POV must last 14–45 days; 2026-03-01 → 2026-05-10 is 70 days".
std::optional<std::string> duration_problem(PovType type, Date start, Date end, const Config& config,
                                            bool extended = false);

// Throws pov::Error (invalid) with the problem's text.
void check_duration(PovType type, Date start, Date end, const Config& config, bool extended = false);

} // namespace pov
