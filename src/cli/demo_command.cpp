// demo: a database full of a realistic team's POVs, so a newcomer sees pov at work.
#include "cli/command.hpp"
#include "cli/command_groups.hpp"
#include "pov/demo.hpp"

#include <fmt/format.h>

namespace pov::cli {

void add_demo_command(CLI::App& app, Context& context)
{
    Command(app, context, "demo", "Fill an empty database with a sample team's POVs at every stage (use --db)")
        .run([&context] {
            const int count = fill_demo(context.store(OpenMode::create), context.config(), context.today());
            const auto location = context.database_location();
            context.say(fmt::format("Created {} sample POVs in {}; try: pov --db {} list", count, location, location));
        });
}

} // namespace pov::cli
