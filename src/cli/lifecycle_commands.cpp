// qualify, approve, start, extend, close, cancel, reopen: the state machine (section 5).
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "pov/duration.hpp"
#include "pov/error.hpp"
#include "pov/values.hpp"

#include <memory>

#include <fmt/format.h>

namespace pov::cli {

using render::shown;

namespace {

void add_qualify(CLI::App& app, Context& context)
{
    struct Options {
        std::string id;
        bool dry_run = false;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("qualify", "Check the ten qualification rules; a new POV that passes them all "
                                                  "becomes qualified (exit 1 when any fails)");
    add_id(*command, options->id);
    command->add_flag("--dry-run", options->dry_run, "Only report; change nothing");
    add_json_flag(*command, options->json);
    command->callback([options, &context] {
        const auto id = parse_id(options->id);
        const auto result = context.tracker(OpenMode::existing).qualify(id, options->dry_run);
        const auto& qualification = result.qualification;
        if (options->json) {
            Json checks = Json::array();
            for (const auto& check : qualification.checks) {
                checks.push_back({{"rule", check.rule}, {"ok", check.ok}, {"detail", check.detail}});
            }
            print_json({{"id", id},
                        {"qualified", qualification.qualified},
                        {"status", std::string(to_string(result.pov.status))},
                        {"checks", checks}});
        } else if (!context.options.quiet) {
            fmt::print("{}", render_qualification(result.pov, qualification, Style(context.stdout_color())));
            if (result.status_changed) {
                context.say(fmt::format("POV {} is now qualified; start it with pov start {}", id, id));
            } else if (qualification.qualified && options->dry_run && result.pov.status == Status::new_) {
                context.say(fmt::format("POV {} would be qualified (dry run: nothing changed)", id));
            }
        }
        context.exit_code = qualification.qualified ? 0 : static_cast<int>(Exit::check_failed);
    });
}

void add_approve(CLI::App& app, Context& context)
{
    struct Options {
        std::string id;
        std::string by;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("approve", "Record a manager's approval");
    add_id(*command, options->id);
    command->add_option("--by", options->by, "The approving manager")->required();
    add_json_flag(*command, options->json);
    command->callback([options, &context] {
        const auto id = parse_id(options->id);
        const auto outcome = context.tracker(OpenMode::existing).approve(id, options->by);
        report_outcome(context, outcome, fmt::format("Approved POV {} (by {})", id, options->by), options->json);
    });
}

void add_start(CLI::App& app, Context& context)
{
    struct Options {
        std::string id;
        std::string on;
        bool force = false;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("start", "Start a qualified POV");
    add_id(*command, options->id);
    command->add_option("--on", options->on, "The day it started (default today; not in the future)")
        ->type_name("DATE");
    command->add_flag("--force", options->force, "Start even when the SA is at the concurrency limit (recorded)");
    add_json_flag(*command, options->json);
    command->callback([options, &context] {
        const auto id = parse_id(options->id);
        const auto outcome =
            context.tracker(OpenMode::existing).start(id, context.date_option(options->on, "--on"), options->force);
        const auto& pov = outcome.pov;
        report_outcome(context, outcome,
                       fmt::format("Started POV {}: {} (planned end {}, {} days)", id, pov.name, shown(pov.end),
                                   pov.start && pov.end ? duration_days(*pov.start, *pov.end) : 0),
                       options->json);
    });
}

void add_extend(CLI::App& app, Context& context)
{
    struct Options {
        std::string id;
        std::string to;
        std::string reason;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("extend", "Move an in-progress POV's end, within its type's ceiling");
    add_id(*command, options->id);
    command->add_option("--to", options->to, "The new end date")->required()->type_name("DATE");
    command->add_option("--reason", options->reason, "Why it needs more time")->required();
    add_json_flag(*command, options->json);
    command->callback([options, &context] {
        const auto id = parse_id(options->id);
        const auto to = parse_date(options->to, context.today(), "--to");
        const auto outcome = context.tracker(OpenMode::existing).extend(id, to, options->reason);
        const auto& pov = outcome.pov;
        report_outcome(context, outcome,
                       fmt::format("Extended POV {} to {} ({} days in all)", id, format_date(to),
                                   duration_days(*pov.start, *pov.end)),
                       options->json);
    });
}

void add_close(CLI::App& app, Context& context)
{
    struct Options {
        std::string id;
        std::string result;
        std::string reason;
        std::string competitor;
        std::string loss_type;
        std::string on;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("close", "Close an in-progress POV with its result");
    add_id(*command, options->id);
    command->add_option("--result", options->result, "successful or unsuccessful")
        ->required()
        ->type_name("successful|unsuccessful");
    command->add_option("--reason", options->reason, "Why it ended this way")->required();
    command->add_option("--competitor", options->competitor, "The competitor, if any");
    command->add_option("--loss-type", options->loss_type, "technical or non-technical (needed when unsuccessful)")
        ->type_name("technical|non-technical");
    command->add_option("--on", options->on, "The day it closed (default today; not in the future)")
        ->type_name("DATE");
    add_json_flag(*command, options->json);
    command->callback([options, &context] {
        const auto id = parse_id(options->id);
        CloseRequest request;
        request.result = parse_choice<Result>(options->result, "--result");
        request.reason = options->reason;
        request.competitor = options->competitor;
        if (!options->loss_type.empty()) {
            request.loss_type = parse_choice<LossType>(options->loss_type, "--loss-type");
        }
        request.on = context.date_option(options->on, "--on");
        const auto outcome = context.tracker(OpenMode::existing).close(id, request);
        report_outcome(context, outcome, fmt::format("Closed POV {}: {}", id, options->result), options->json);
    });
}

void add_cancel_or_reopen(CLI::App& app, Context& context, bool cancel)
{
    struct Options {
        std::string id;
        std::string reason;
        bool force = false;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = cancel ? app.add_subcommand("cancel", "Cancel an open POV")
                           : app.add_subcommand("reopen", "Reopen a closed or cancelled POV in the state it left");
    add_id(*command, options->id);
    command->add_option("--reason", options->reason, cancel ? "Why it is cancelled" : "Why it is reopened")->required();
    if (!cancel) {
        command->add_flag("--force", options->force,
                          "Reopen into progress even when the SA is at the concurrency limit (recorded)");
    }
    add_json_flag(*command, options->json);
    command->callback([options, cancel, &context] {
        const auto id = parse_id(options->id);
        auto tracker = context.tracker(OpenMode::existing);
        const auto outcome = cancel ? tracker.cancel(id, options->reason) : tracker.reopen(id, options->reason, options->force);
        report_outcome(context, outcome,
                       cancel ? fmt::format("Cancelled POV {}", id)
                              : fmt::format("Reopened POV {}: {}", id, to_string(outcome.pov.status)),
                       options->json);
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
    add_cancel_or_reopen(app, context, true);
    add_cancel_or_reopen(app, context, false);
}

} // namespace pov::cli
