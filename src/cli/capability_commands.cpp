// cap add|set|rm|list and signoff: the success criteria and the customer's agreement to them.
#include "cli/command.hpp"
#include "cli/command_groups.hpp"
#include "cli/output.hpp"

#include <fmt/format.h>

namespace pov::cli {

using render::shown;

namespace {

void add_cap_add(CLI::App& cap, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        NewCapability capability;
    };
    Command command(cap, context, "add", "Add a success criterion (at most 5)");
    auto& args = command.hold<Args>();
    command.id(args.id).text("TITLE", args.capability.title, "What must be proven")->required();
    command.text("--target", args.capability.target, "The measurable threshold, e.g. '< 10 min'");
    command.text("--outcome", args.capability.outcome, "The business outcome it serves");
    command.change([&args](Tracker& tracker) { return tracker.add_capability(args.id, args.capability); },
                   [](const Outcome& outcome) {
                       const auto& added = outcome.pov.capabilities.back();
                       return fmt::format("Added capability {} to POV {}: {}", added.n, outcome.pov.id, added.title);
                   });
}

void add_cap_set(CLI::App& cap, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        int n = 0;
        CapabilityChange change;
    };
    Command command(cap, context, "set", "Change a success criterion: its status, evidence, title or target");
    auto& args = command.hold<Args>();
    auto& change = args.change;
    command.id(args.id).capability(args.n);
    command.choice("--status", change.status, "Where it stands");
    command.text("--evidence", change.evidence, "What proves the status");
    command.text("--title", change.title, "A new title (clears the sign-offs)");
    command.text("--target", change.target, "A new target (clears the sign-offs)");
    command.text("--outcome", change.outcome, "The business outcome it serves");
    command.change(
        [&args](Tracker& tracker) {
            const auto& change = args.change;
            if (!change.status && !change.evidence && !change.title && !change.target && !change.outcome) {
                throw Error(Exit::usage, "cap set needs --status, --evidence, --title, --target or --outcome");
            }
            return tracker.change_capability(args.id, args.n, change);
        },
        [&args](const Outcome&) { return fmt::format("Updated capability {} of POV {}", args.n, args.id); });
}

void add_cap_rm(CLI::App& cap, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        int n = 0;
    };
    Command command(cap, context, "rm", "Remove a success criterion; the ones after it move up");
    auto& args = command.hold<Args>();
    command.id(args.id).capability(args.n);
    command.change(
        [&args](Tracker& tracker) { return tracker.remove_capability(args.id, args.n); },
        [&args](const Outcome&) { return fmt::format("Removed capability {} from POV {}", args.n, args.id); });
}

void add_cap_list(CLI::App& cap, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        bool json = false;
    };
    Command command(cap, context, "list", "A POV's success criteria");
    auto& args = command.hold<Args>();
    command.id(args.id).read(args.json, [&args, &context](Tracker& tracker) {
        const auto pov = tracker.get(args.id);
        if (args.json) {
            print_json(capabilities_json(pov.capabilities));
        } else if (pov.capabilities.empty()) {
            context.say(fmt::format("POV {} has no success criteria yet: pov cap add {} TITLE", pov.id, pov.id));
        } else {
            fmt::print("{}", render_capabilities(pov.capabilities, Style(context.stdout_color())));
        }
    });
}

void add_signoff(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        bool champion = false;
        bool economic_buyer = false;
        std::optional<Date> on;
    };
    Command command(app, context, "signoff",
                    "Record the champion's or economic buyer's sign-off on the current success criteria");
    auto& args = command.hold<Args>();
    command.id(args.id);
    auto* champion = command.flag("--champion", args.champion, "The champion signs off");
    command.flag("--economic-buyer", args.economic_buyer, "The economic buyer signs off")->excludes(champion);
    command.date("--on", args.on, "The day of the sign-off (default today; not in the future)");
    command.change(
        [&args](Tracker& tracker) {
            if (!args.champion && !args.economic_buyer) {
                throw Error(Exit::usage, "signoff needs --champion or --economic-buyer");
            }
            return tracker.sign_off(args.id, args.champion ? Signer::champion : Signer::economic_buyer, args.on);
        },
        [&args](const Outcome& outcome) {
            const auto& pov = outcome.pov;
            return args.champion ? fmt::format("Recorded the champion's sign-off of {} on POV {} ({})", pov.champion,
                                               pov.id, shown(pov.champion_signoff))
                                 : fmt::format("Recorded the economic buyer's sign-off of {} on POV {} ({})",
                                               pov.economic_buyer, pov.id, shown(pov.eb_signoff));
        });
}

} // namespace

void add_capability_commands(CLI::App& app, Context& context)
{
    auto* cap = app.add_subcommand("cap", "Success criteria (required capabilities): add, set, rm, list");
    add_cap_add(*cap, context);
    add_cap_set(*cap, context);
    add_cap_rm(*cap, context);
    add_cap_list(*cap, context);
    add_signoff(app, context);
}

} // namespace pov::cli
