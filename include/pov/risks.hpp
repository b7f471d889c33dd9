// Risks (contract section 9): computed from a record, today and the config; never stored.
#pragma once

#include "pov/config.hpp"
#include "pov/record.hpp"
#include "pov/store.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pov {

// The POV's risks, worst first. `sa_in_progress` is how many POVs its SA runs now.
std::vector<Risk> risks(const Pov& pov, Date today, const Config& config, int sa_in_progress);
// The same, given how many POVs each SA runs now (an SA not there runs none).
std::vector<Risk> risks(const Pov& pov, Date today, const Config& config,
                        const std::map<std::string, int>& in_progress_by_sa);

// A retrospective's answer to "on track?", read from its text (the tracker writes it as the last
// line, `On track: yes|no`); nullopt when the text holds no answer.
std::optional<bool> retro_on_track(std::string_view retro_text);

// One line on what to do about a risk, for `show` and the report's attention list.
std::string_view risk_advice(Risk risk);

// Narrows a list to in-progress POVs past their end (the overdue risk), or ending within
// `days` from today (the ending_soon risk's dates, with the caller's horizon).
void only_overdue(ListFilter& filter, Date today);
void only_ending_within(ListFilter& filter, Date today, long days);

} // namespace pov
