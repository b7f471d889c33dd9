// Whole-record validation: what every stored POV obeys, whatever its status.
#pragma once

#include "pov/config.hpp"
#include "pov/record.hpp"

namespace pov {

// Throws pov::Error (invalid) naming the first rule the record breaks: required fields, text
// limits, stage 0–8, a configured solution, lite only for commercial, the duration of its type
// (with extensions: the ceiling), at most `rules.max_capabilities` criteria, each with a title.
void validate_record(const Pov& pov, const Config& config);

// The checks of one success criterion's text fields.
void validate_capability(const Capability& capability);

} // namespace pov
