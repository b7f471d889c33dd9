// qualify, approve, start, extend, close, cancel, reopen: the state machine (section 5).
#include "cli/command.hpp"
#include "cli/command_groups.hpp"
#include "cli/hooks.hpp"
#include "cli/output.hpp"
#include "pov/duration.hpp"

#include <fmt/format.h>

namespace pov::cli {

using render::shown;

namespace {

void add_qualify(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        bool dry_run = false;
        bool json = false;
    };
    Command command(app, context, "qualify",
                    "Check the ten qualification rules; a new POV that passes them all becomes qualified (exit 1 "
                    "when any fails)");
    auto& args = command.hold<Args>();
    command.id(args.id).flag("--dry-run", args.dry_run, "Only report; change nothing");
    command.read(args.json, [&args, &context](Tracker& tracker) {
        const auto result = tracker.qualify(args.id, args.dry_run);
        if (args.json) {
            print_json(qualification_json(result));
        } else if (!context.options.quiet) {
            fmt::print("{}", render_qualification(result, args.dry_run, Style(context.stdout_color())));
        }
        context.exit_code = result.qualification.qualified ? 0 : static_cast<int>(Exit::check_failed);
        if (result.status_changed) {
            run_hook(context, HookEvent::qualify, result.pov);
        }
    });
}

void add_approve(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        std::string by;
    };
    Command command(app, context, "approve", "Record a manager's approval");
    auto& args = command.hold<Args>();
    command.id(args.id).text("--by", args.by, "The approving manager")->required();
    command.change([&args](Tracker& tracker) { return tracker.approve(args.id, args.by); },
                   [&args](const Outcome&) { return fmt::format("Approved POV {} (by {})", args.id, args.by); });
}

void add_start(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        std::optional<Date> on;
        bool force = false;
    };
    Command command(app, context, "start", "Start a qualified POV");
    auto& args = command.hold<Args>();
    command.id(args.id).date("--on", args.on, "The day it started (default today; not in the future)");
    command.flag("--force", args.force, "Start even when the SA is at the concurrency limit (recorded)");
    command.change([&args](Tracker& tracker) { return tracker.start(args.id, args.on, args.force); },
                   [](const Outcome& outcome) {
                       const auto& pov = outcome.pov;
                       return fmt::format("Started POV {}: {} (planned end {}, {} days)", pov.id, pov.name,
                                          shown(pov.end), duration_days(*pov.start, *pov.end));
                   },
                   HookEvent::start);
}

void add_extend(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        Date to;
        std::string reason;
    };
    Command command(app, context, "extend", "Move an in-progress POV's end, within its type's ceiling");
    auto& args = command.hold<Args>();
    command.id(args.id).date("--to", args.to, "The new end date")->required();
    command.text("--reason", args.reason, "Why it needs more time")->required();
    command.change([&args](Tracker& tracker) { return tracker.extend(args.id, args.to, args.reason); },
                   [](const Outcome& outcome) {
                       const auto& pov = outcome.pov;
                       return fmt::format("Extended POV {} to {} ({} days in all)", pov.id, shown(pov.end),
                                          duration_days(*pov.start, *pov.end));
                   });
}

void add_close(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        CloseRequest request;
    };
    Command command(app, context, "close", "Close an in-progress POV with its result");
    auto& args = command.hold<Args>();
    auto& request = args.request;
    command.id(args.id).choice("--result", request.result, "How it ended")->required();
    command.text("--reason", request.reason, "Why it ended this way")->required();
    command.text("--competitor", request.competitor, "The competitor, if any");
    command.choice("--loss-type", request.loss_type, "Why it was lost (needed when unsuccessful)");
    command.date("--on", request.on, "The day it closed (default today; not in the future)");
    command.change([&args](Tracker& tracker) { return tracker.close(args.id, args.request); },
                   [](const Outcome& outcome) {
                       return fmt::format("Closed POV {}: {}", outcome.pov.id, to_string(*outcome.pov.result));
                   },
                   HookEvent::close);
}

void add_cancel(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        std::string reason;
    };
    Command command(app, context, "cancel", "Cancel an open POV");
    auto& args = command.hold<Args>();
    command.id(args.id).text("--reason", args.reason, "Why it is cancelled")->required();
    // No hook: section 14 names four events, and `on_close` readers expect a result a cancelled
    // POV does not have.
    command.change([&args](Tracker& tracker) { return tracker.cancel(args.id, args.reason); },
                   [](const Outcome& outcome) { return fmt::format("Cancelled POV {}", outcome.pov.id); });
}

void add_reopen(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        std::string reason;
        bool force = false;
    };
    Command command(app, context, "reopen", "Reopen a closed or cancelled POV in the state it left");
    auto& args = command.hold<Args>();
    command.id(args.id).text("--reason", args.reason, "Why it is reopened")->required();
    command.flag("--force", args.force, "Reopen into progress even when the SA is at the concurrency limit (recorded)");
    command.change([&args](Tracker& tracker) { return tracker.reopen(args.id, args.reason, args.force); },
                   [](const Outcome& outcome) {
                       return fmt::format("Reopened POV {}: {}", outcome.pov.id, to_string(outcome.pov.status));
                   });
}

} // namespace

void add_lifecycle_commands(CLI::App& app, Context& context)
{
    add_qualify(app, context);
    add_approve(app, context);
    add_start(app, context);
    add_extend(app, context);
    add_close(app, context);
    add_cancel(app, context);
    add_reopen(app, context);
}

} // namespace pov::cli
