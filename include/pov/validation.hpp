// Whole-record validation: what every stored POV obeys, whatever its status.
#pragma once

#include "pov/config.hpp"
#include "pov/record.hpp"

#include <string>
#include <vector>

namespace pov {

struct Violation {
    std::string rule;    // stable key of the rule broken: "duration", "capabilities", "text:name", …
    std::string message; // what is wrong, naming the limit and the value
};

// Every rule the record breaks: required fields, text limits, stage 0–8, a configured solution,
// lite only for commercial, the duration of its type (with extensions: the ceiling), at most
// `rules.max_capabilities` criteria, each with a title.
std::vector<Violation> find_violations(const Pov& pov, const Config& config);

// Throws pov::Error (invalid) with the first violation (create, import).
void validate_record(const Pov& pov, const Config& config);

// Throws when `after` breaks a rule that `before` kept. A rule both break (the config was
// tightened since the record was written) does not block a change, so such a POV can still be
// logged, cancelled, or brought back within the rules.
void validate_change(const Pov& before, const Pov& after, const Config& config);

} // namespace pov
