// What the commands print on stdout: the text views of render/views.hpp, JSON, and the outcome
// of a change (which needs the Context for --quiet, warnings and the risks).
#pragma once

#include "cli/context.hpp"
#include "render/views.hpp"

#include <string>

namespace pov::cli {

// The command files name the views unqualified.
using render::capabilities_json;
using render::events_json;
using render::qualification_json;
using render::record_json;
using render::render_capabilities;
using render::render_history;
using render::render_qualification;
using render::render_show;
using render::Style;

// Pretty-printed JSON on stdout.
void print_json(const Json& value);
// The text print_json prints, ending in a newline.
std::string json_text(const Json& value);

// What a change of fields (set, edit) says: `Updated POV 3: stage, pain`, or `POV 3 unchanged`.
std::string fields_message(const Outcome& outcome);

// After a change: warnings on stderr, then the record as JSON with --json, the id alone with
// --quiet (when `id_when_quiet`), else the message.
void report_outcome(Context& context, const Outcome& outcome, const std::string& message, bool json,
                    bool id_when_quiet = false);

} // namespace pov::cli
