#include "cli/output.hpp"

#include "pov/text.hpp"

#include <fmt/format.h>

namespace pov::cli {

void print_json(const Json& value)
{
    fmt::print("{}", json_text(value));
}

std::string json_text(const Json& value)
{
    return value.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string fields_message(const Outcome& outcome)
{
    return outcome.changed.empty()
               ? fmt::format("POV {} unchanged", outcome.pov.id)
               : fmt::format("Updated POV {}: {}", outcome.pov.id, fmt::join(outcome.changed, ", "));
}

void report_outcome(Context& context, const Outcome& outcome, const std::string& message, bool json, bool id_when_quiet)
{
    for (const auto& warning : outcome.warnings) {
        context.warn(warning);
    }
    if (json) {
        print_json(record_json(outcome.pov, context.tracker(OpenMode::existing).risks_of(outcome.pov)));
    } else if (context.options.quiet) {
        if (id_when_quiet) {
            fmt::print("{}\n", outcome.pov.id);
        }
    } else {
        fmt::print("{}\n", escape_control(message));
    }
}

} // namespace pov::cli
