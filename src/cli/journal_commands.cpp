// log and retro: the POV's journal.
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "pov/values.hpp"

#include <memory>

#include <fmt/format.h>

namespace pov::cli {

namespace {

void add_log(CLI::App& app, Context& context)
{
    struct Options {
        std::string id;
        std::string text;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("log", "Add a note to a POV's journal");
    add_id(*command, options->id);
    command->add_option("TEXT", options->text, "The note")->required();
    add_json_flag(*command, options->json);
    command->callback([options, &context] {
        const auto id = parse_id(options->id);
        const auto outcome = context.tracker(OpenMode::existing).log(id, options->text);
        report_outcome(context, outcome, fmt::format("Logged a note on POV {}", id), options->json);
    });
}

void add_retro(CLI::App& app, Context& context)
{
    struct Options {
        std::string id;
        Retro retro;
        std::string on_track;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("retro", "Record a weekly retrospective of an in-progress POV");
    add_id(*command, options->id);
    command->add_option("--went-well", options->retro.went_well, "What went well?")->required();
    command->add_option("--problems", options->retro.problems, "What problems do we need to overcome?")->required();
    command->add_option("--change", options->retro.change, "What do we need to change?")->required();
    command->add_option("--on-track", options->on_track, "Are the success criteria on track?")
        ->required()
        ->type_name("yes|no");
    add_json_flag(*command, options->json);
    command->callback([options, &context] {
        const auto id = parse_id(options->id);
        options->retro.on_track = parse_bool(options->on_track, "--on-track");
        const auto outcome = context.tracker(OpenMode::existing).retro(id, options->retro);
        report_outcome(context, outcome, fmt::format("Logged a retro on POV {}", id), options->json);
    });
}

} // namespace

void add_journal_commands(CLI::App& app, Context& context)
{
    add_log(app, context);
    add_retro(app, context);
}

} // namespace pov::cli
