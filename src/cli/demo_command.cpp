// demo: a database full of a realistic team's POVs, so a newcomer sees pov at work.
#include "cli/commands.hpp"

#include <fmt/format.h>

namespace pov::cli {

void add_demo_command(CLI::App& app, Context& context)
{
    app.add_subcommand("demo", "Fill the database with a sample team's POVs at every stage")->callback([&context] {
        (void)context;
    });
}

} // namespace pov::cli
