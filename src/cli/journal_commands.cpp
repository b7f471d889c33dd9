// log, retro and journal [edit|rm]: the POV's journal.
#include "cli/command.hpp"
#include "cli/command_groups.hpp"
#include "cli/output.hpp"
#include "pov/document.hpp"

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

// The number of journal entry N: a whole number, else exit 2 (its range is the core's rule).
std::int64_t entry_number(const std::string& text)
{
    return parse_integer(text, "journal entry number");
}

void add_journal_edit(CLI::App& journal, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        std::string n;
        std::int64_t number = 0;
        JournalChange change;
    };
    Command command(journal, context, "edit", "Correct a journal entry: its text, its day, whether it is shared");
    auto& args = command.hold<Args>();
    command.id(args.id).text("N", args.n, "The entry's number (see pov journal ID)")->required();
    command.text("--text", args.change.text, "The corrected text");
    command.date("--on", args.change.on, "The day it is about (not in the future)");
    command.boolean("--shared", args.change.shared, "Whether the customer may read it (notes only)");
    command.change(
        [&args](Tracker& tracker) {
            const auto& change = args.change;
            if (!change.text && !change.on && !change.shared) {
                throw Error(Exit::usage, "journal edit needs --text, --on or --shared; nothing to change");
            }
            args.number = entry_number(args.n);
            return tracker.edit_journal(args.id, args.number, change);
        },
        [&args](const Outcome& outcome) {
            if (outcome.changed.empty()) {
                return fmt::format("Journal entry {} of POV {} unchanged: it already reads so", args.number, args.id);
            }
            std::vector<std::string> keys;
            for (const auto& changed : outcome.changed) {
                keys.push_back(changed.substr(changed.rfind('.') + 1));
            }
            return fmt::format("Updated journal entry {} of POV {}: {}", args.number, args.id, fmt::join(keys, ", "));
        });
}

void add_journal_rm(CLI::App& journal, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        std::string n;
        std::int64_t number = 0;
    };
    Command command(journal, context, "rm", "Remove a journal entry; the ones after it move up");
    auto& args = command.hold<Args>();
    command.id(args.id).text("N", args.n, "The entry's number (see pov journal ID)")->required();
    command.change(
        [&args](Tracker& tracker) {
            args.number = entry_number(args.n);
            return tracker.remove_journal(args.id, args.number);
        },
        [&args](const Outcome& outcome) {
            return fmt::format("Removed journal entry {} from POV {}", args.number, outcome.pov.id);
        });
}

void add_journal(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        bool json = false;
    };
    Command command(app, context, "journal", "A POV's journal, numbered; edit or rm corrects an entry");
    auto& args = command.hold<Args>();
    command.id(args.id);
    // `pov journal edit …` gives no ID to the group itself.
    command.app().get_option("ID")->required(false);
    command.read(args.json, [&args, &context](Tracker& tracker) {
        const auto pov = tracker.get(args.id);
        if (args.json) {
            print_json(journal_json(pov.journal));
        } else if (pov.journal.empty()) {
            context.say(fmt::format("POV {} has no journal entries yet: pov log {} TEXT", pov.id, pov.id));
        } else {
            fmt::print("{}", render::render_journal(pov.journal, Style(context.stdout_color())));
        }
    });
    add_journal_edit(command.app(), context);
    add_journal_rm(command.app(), context);
}

} // namespace

void add_journal_commands(CLI::App& app, Context& context)
{
    add_log(app, context);
    add_retro(app, context);
    add_journal(app, context);
}

} // namespace pov::cli
