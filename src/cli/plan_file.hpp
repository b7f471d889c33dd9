// Plan files on the command line (`create --from`, `set --from`): reading one, and naming it in an
// error that its values cause.
#pragma once

#include "cli/command.hpp"
#include "pov/plan.hpp"

#include <functional>
#include <optional>
#include <string>

namespace pov::cli {

// `--from FILE`: a TOML plan to take the fields from; `-` reads standard input.
CLI::Option* from_option(Command& command, std::optional<std::string>& target);

// Reads and parses the plan at `path` (`-`: standard input). A missing or unreadable file exits
// 4; a plan that cannot be parsed, 3 (parse_plan).
Plan read_plan_file(const std::string& path, Date today);

// Runs `apply`, which stores values of `plan` (if any) and of the command line. An invalid record
// that the plan alone makes on `base()` (a new POV, or the stored one) names the plan's file.
template <typename Apply>
auto applying(Context& context, const std::optional<Plan>& plan, const std::function<Pov()>& base, Apply&& apply)
{
    try {
        return apply();
    } catch (const Error& e) {
        if (!plan || e.code() != Exit::invalid ||
            !plan_breaks(*plan, base(), e.what(), context.config(), context.today())) {
            throw;
        }
        throw Error(e.code(), plan->source + ": " + e.what(), e.details());
    }
}

} // namespace pov::cli
