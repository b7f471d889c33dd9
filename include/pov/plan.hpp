// POV plans (contract section 6): a POV as a commented TOML file whose keys are the section-2
// field names, with the success criteria as `[[capabilities]]` tables. A plan's values become
// the same FieldInputs as the options of `create` and `set`, so they pass the same field table
// and the same validation.
#pragma once

#include "pov/config.hpp"
#include "pov/record.hpp"
#include "pov/tracker.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pov {

struct Plan {
    std::string source; // the file's name as the user gave it, for messages
    // The keys the plan gives, in section-2 order, each value already checked and in the form
    // parse_field_input reads (a TOML date as YYYY-MM-DD, `today` resolved, `150k` as 150000).
    std::vector<FieldInput> fields;
    // nullopt when the plan has no [[capabilities]]: the criteria are not the plan's business.
    std::optional<std::vector<NewCapability>> capabilities;
};

// Reads a plan. Throws pov::Error (invalid, exit 3) naming `source` for a TOML syntax error (with
// its line), an unknown key, a key that is not writable, a value of the wrong TOML type, or a
// malformed value (naming the key). An empty string leaves an optional field empty; segment and
// type, which cannot be empty, read an empty string as not given.
Plan parse_plan(std::string_view text, std::string_view source, Date today);

// The plan as the whole POV (`pov edit`): a writable key it leaves out is cleared (segment and
// type keep their value), and no [[capabilities]] means no success criteria.
Plan whole_plan(Plan plan);

// The plan's fields with the command line's on top: a field given on the line takes its value
// from the line (section 6), in section-2 order.
std::vector<FieldInput> with_line_values(const Plan& plan, const std::vector<FieldInput>& line);

// The value a plan or the command line gives for `field`, or nullopt.
std::optional<std::string> input_value(const std::vector<FieldInput>& inputs, std::string_view field);

// Whether the plan alone, applied to `base` (a new POV, or the stored one) without the command
// line's values, breaks the rule that `message` reports: then an invalid record is the plan's
// fault, and the error names the plan's file.
bool plan_breaks(const Plan& plan, Pov base, std::string_view message, const Config& config, Date today);

// `pov plan template`: every writable key of the field table with a one-line comment from its
// meaning, grouped, empty but for `type` when one is given (its duration limits are named in the
// start and end comments), and a commented [[capabilities]] example. It is a valid plan.
std::string plan_template(const Config& config, std::optional<PovType> type);

// `pov plan show`: the POV as a plan with the template's comments; an empty optional field is a
// commented-out key, so every key is shown. parse_plan of it gives the POV's writable fields and
// its criteria' titles, targets and outcomes back.
std::string plan_to_toml(const Pov& pov, const Config& config);

} // namespace pov
