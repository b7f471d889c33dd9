// cap add|set|rm|list and signoff: the success criteria and the customer's agreement to them.
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "pov/document.hpp"
#include "pov/error.hpp"
#include "pov/values.hpp"

#include <memory>

#include <fmt/format.h>

namespace pov::cli {

using render::shown;

namespace {

int parse_capability_number(const std::string& text)
{
    const auto n = parse_integer(text, "capability number");
    if (n < 1 || n > 1000) {
        throw Error(Exit::not_found, fmt::format("no capability {}; capabilities are numbered from 1", n));
    }
    return static_cast<int>(n);
}

void add_cap_add(CLI::App& cap, Context& context)
{
    struct Options {
        std::string id;
        NewCapability capability;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = cap.add_subcommand("add", "Add a success criterion (at most 5)");
    add_id(*command, options->id);
    command->add_option("TITLE", options->capability.title, "What must be proven")->required();
    command->add_option("--target", options->capability.target, "The measurable threshold, e.g. '< 10 min'");
    command->add_option("--outcome", options->capability.outcome, "The business outcome it serves");
    add_json_flag(*command, options->json);
    command->callback([options, &context] {
        const auto id = parse_id(options->id);
        const auto outcome = context.tracker(OpenMode::existing).add_capability(id, options->capability);
        const auto& added = outcome.pov.capabilities.back();
        report_outcome(context, outcome, fmt::format("Added capability {} to POV {}: {}", added.n, id, added.title),
                       options->json);
    });
}

void add_cap_set(CLI::App& cap, Context& context)
{
    struct Options {
        std::string id;
        std::string n;
        std::string status;
        std::string evidence;
        std::string title;
        std::string target;
        std::string outcome;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = cap.add_subcommand("set", "Change a success criterion: its status, evidence, title or target");
    add_id(*command, options->id);
    command->add_option("N", options->n, "The capability's number (see pov cap list ID)")->required();
    auto* status = command->add_option("--status", options->status, "pending, met, partial or not-met")
                       ->type_name("STATUS");
    auto* evidence = command->add_option("--evidence", options->evidence, "What proves the status");
    auto* title = command->add_option("--title", options->title, "A new title (clears the sign-offs)");
    auto* target = command->add_option("--target", options->target, "A new target (clears the sign-offs)");
    auto* outcome = command->add_option("--outcome", options->outcome, "The business outcome it serves");
    add_json_flag(*command, options->json);
    command->callback([=, &context] {
        const auto id = parse_id(options->id);
        const auto n = parse_capability_number(options->n);
        CapabilityChange change;
        if (status->count() > 0) {
            change.status = parse_choice<CapabilityStatus>(options->status, "--status");
        }
        if (evidence->count() > 0) {
            change.evidence = options->evidence;
        }
        if (title->count() > 0) {
            change.title = options->title;
        }
        if (target->count() > 0) {
            change.target = options->target;
        }
        if (outcome->count() > 0) {
            change.outcome = options->outcome;
        }
        if (!change.status && !change.evidence && !change.title && !change.target && !change.outcome) {
            throw Error(Exit::usage, "cap set needs --status, --evidence, --title, --target or --outcome");
        }
        const auto result = context.tracker(OpenMode::existing).change_capability(id, n, change);
        report_outcome(context, result, fmt::format("Updated capability {} of POV {}", n, id), options->json);
    });
}

void add_cap_rm(CLI::App& cap, Context& context)
{
    struct Options {
        std::string id;
        std::string n;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = cap.add_subcommand("rm", "Remove a success criterion; the ones after it move up");
    add_id(*command, options->id);
    command->add_option("N", options->n, "The capability's number")->required();
    add_json_flag(*command, options->json);
    command->callback([options, &context] {
        const auto id = parse_id(options->id);
        const auto n = parse_capability_number(options->n);
        auto tracker = context.tracker(OpenMode::existing);
        const auto outcome = tracker.remove_capability(id, n);
        report_outcome(context, outcome, fmt::format("Removed capability {} from POV {}", n, id), options->json);
    });
}

void add_cap_list(CLI::App& cap, Context& context)
{
    struct Options {
        std::string id;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = cap.add_subcommand("list", "A POV's success criteria");
    add_id(*command, options->id);
    add_json_flag(*command, options->json);
    command->callback([options, &context] {
        const auto pov = context.tracker(OpenMode::existing).get(parse_id(options->id));
        if (options->json) {
            Json array = Json::array();
            for (const auto& capability : pov.capabilities) {
                array.push_back(to_json(capability));
            }
            print_json(array);
        } else if (pov.capabilities.empty()) {
            context.say(fmt::format("POV {} has no success criteria yet: pov cap add {} TITLE", pov.id, pov.id));
        } else {
            fmt::print("{}", render_capabilities(pov.capabilities, Style(context.stdout_color())));
        }
    });
}

void add_signoff(CLI::App& app, Context& context)
{
    struct Options {
        std::string id;
        bool champion = false;
        bool economic_buyer = false;
        std::string on;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("signoff", "Record the champion's or economic buyer's sign-off on the current "
                                                  "success criteria");
    add_id(*command, options->id);
    auto* champion = command->add_flag("--champion", options->champion, "The champion signs off");
    auto* buyer = command->add_flag("--economic-buyer", options->economic_buyer, "The economic buyer signs off");
    champion->excludes(buyer);
    command->add_option("--on", options->on, "The day of the sign-off (default today; not in the future)")
        ->type_name("DATE");
    add_json_flag(*command, options->json);
    command->callback([options, &context] {
        const auto id = parse_id(options->id);
        if (!options->champion && !options->economic_buyer) {
            throw Error(Exit::usage, "signoff needs --champion or --economic-buyer");
        }
        const auto on = context.date_option(options->on, "--on");
        const auto signer = options->champion ? Signer::champion : Signer::economic_buyer;
        const auto outcome = context.tracker(OpenMode::existing).sign_off(id, signer, on);
        const auto& pov = outcome.pov;
        const auto date = signer == Signer::champion ? pov.champion_signoff : pov.eb_signoff;
        report_outcome(context, outcome,
                       fmt::format("Recorded the {} sign-off of {} on POV {} ({})",
                                   signer == Signer::champion ? "champion's" : "economic buyer's",
                                   signer == Signer::champion ? pov.champion : pov.economic_buyer, id, shown(date)),
                       options->json);
    });
}

} // namespace

void add_capability_commands(CLI::App& app, Context& context)
{
    auto* cap = app.add_subcommand("cap", "Success criteria (required capabilities): add, set, rm, list");
    cap->require_subcommand(1);
    add_cap_add(*cap, context);
    add_cap_set(*cap, context);
    add_cap_rm(*cap, context);
    add_cap_list(*cap, context);
    add_signoff(app, context);
}

} // namespace pov::cli
