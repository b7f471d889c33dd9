// log and retro: the POV's journal.
#include "cli/command.hpp"
#include "cli/command_groups.hpp"

#include <fmt/format.h>

namespace pov::cli {

namespace {

void add_log(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        std::string text;
        bool shared = false;
        std::optional<Date> on;
    };
    Command command(app, context, "log", "Add a note to a POV's journal");
    auto& args = command.hold<Args>();
    command.id(args.id).text("TEXT", args.text, "The note")->required();
    command.date("--on", args.on, "The day the note is about (default today; not in the future)");
    command.flag("--shared", args.shared, "The customer may read it: it goes into the results document");
    command.change([&args](Tracker& tracker) { return tracker.log(args.id, args.text, args.on, args.shared); },
                   [&args](const Outcome& outcome) {
                       return fmt::format("Logged a {}note on POV {}", args.shared ? "shared " : "", outcome.pov.id);
                   });
}

void add_retro(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        Retro retro;
    };
    Command command(app, context, "retro", "Record a weekly retrospective of an in-progress POV");
    auto& args = command.hold<Args>();
    auto& retro = args.retro;
    command.id(args.id).text("--went-well", retro.went_well, "What went well?")->required();
    command.text("--problems", retro.problems, "What problems do we need to overcome?")->required();
    command.text("--change", retro.change, "What do we need to change?")->required();
    command.boolean("--on-track", retro.on_track, "Are the success criteria on track?")->required();
    command.date("--on", retro.on, "The day of the retro (default today; not in the future)");
    command.change([&args](Tracker& tracker) { return tracker.retro(args.id, args.retro); },
                   [](const Outcome& outcome) { return fmt::format("Logged a retro on POV {}", outcome.pov.id); });
}

} // namespace

void add_journal_commands(CLI::App& app, Context& context)
{
    add_log(app, context);
    add_retro(app, context);
}

} // namespace pov::cli
