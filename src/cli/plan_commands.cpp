// plan template, plan show, edit: a POV as a TOML plan (section 6).
#include "cli/command.hpp"
#include "cli/command_groups.hpp"
#include "cli/editor.hpp"
#include "cli/output.hpp"
#include "cli/plan_file.hpp"
#include "pov/plan.hpp"

#include <fmt/format.h>

namespace pov::cli {

namespace {

// `text` quoted for a POSIX shell, for a command the user may paste.
std::string shell_quoted(const std::string& text)
{
    std::string out = "'";
    for (const char c : text) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

// The editor's view of a POV: what saving does, then the POV as a plan.
std::string edit_text(const Pov& pov, const Config& config)
{
    return fmt::format("# pov edit {}: save and quit to apply the whole plan; quit without saving to change nothing.\n"
                       "# A key you delete or comment out is cleared; with every [[capabilities]] deleted, the POV has "
                       "no criteria.\n",
                       pov.id) +
           plan_to_toml(pov, config);
}

// `pov edit`: the POV as a plan in the user's editor, applied whole as `set --from` applies a
// plan. An edit that cannot be applied is kept in a file, never lost. `edited` says whether the
// file changed.
Outcome edit_pov(Context& context, Tracker& tracker, std::int64_t id, bool& edited)
{
    const auto& config = context.config();
    const auto before = tracker.get(id);
    const auto original = edit_text(before, config);
    const auto stem = fmt::format("pov-{}", id);
    const auto result = edit_in_editor(context.editor(), stem, original);
    edited = result.text != original;
    const auto name = kept_edit_name(stem);
    const auto keep = [&] {
        std::optional<std::filesystem::path> folder;
        try {
            folder = context.kept_edits_folder();
        } catch (const Error&) {
            // No data folder (no HOME): the temporary folder keeps it.
        }
        return keep_edit(folder, name, result.text).string();
    };
    if (result.failure) {
        // Like quitting vim with :cq: nothing is applied, and nothing typed is lost.
        Outcome outcome{before, {fmt::format("{}; POV {} is unchanged", *result.failure, id)}, {}};
        if (edited) {
            outcome.warnings.push_back(fmt::format("the edited plan is kept in {}", keep()));
        }
        return outcome;
    }
    if (!edited) {
        return {before, {}, {}};
    }
    try {
        const auto plan = std::optional(whole_plan(parse_plan(result.text, name, context.today())));
        if (edit_text(tracker.get(id), config) != original) {
            throw Error(Exit::conflict,
                        fmt::format("POV {} changed while it was being edited; nothing was applied", id));
        }
        return applying(
            context, plan, [&] { return tracker.get(id); },
            [&] { return tracker.set(id, plan->fields, plan->capabilities); });
    } catch (const Error& e) {
        std::string message = e.what();
        auto details = e.details();
        std::string kept;
        try {
            kept = keep();
        } catch (const Error& not_kept) {
            details.push_back(fmt::format("The edited plan could not be kept: {}", not_kept.what()));
            throw Error(e.code(), message, details);
        }
        // The message names the plan as `name`; a name taken (two edits in a second) got a suffix.
        if (message.starts_with(name)) {
            message.replace(0, name.size(), std::filesystem::path(kept).filename().string());
        }
        details.push_back(fmt::format("The edited plan is kept in {}", kept));
        details.push_back(fmt::format("Fix it, then: pov set {} --from {}", id, shell_quoted(kept)));
        throw Error(e.code(), message, details);
    }
}

void add_plan_template(CLI::App& plan, Context& context)
{
    Command command(plan, context, "template", "A commented blank plan (TOML) to fill in for pov create --from");
    auto& type = command.hold<std::optional<PovType>>();
    command.choice("--type", type, "Fill in this type and name its duration limits");
    command.run([&type, &context] { fmt::print("{}", plan_template(context.config(), type)); });
}

void add_plan_show(CLI::App& plan, Context& context)
{
    Command command(plan, context, "show", "A POV as a plan (TOML): every key, for pov set --from");
    auto& id = command.hold<std::int64_t>();
    command.id(id).run([&id, &context] {
        const auto pov = context.tracker(OpenMode::existing).get(id);
        fmt::print("{}", plan_to_toml(pov, context.config()));
    });
}

void add_edit(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        bool edited = false;
    };
    Command command(app, context, "edit", "Edit a POV as a TOML plan in $VISUAL, else $EDITOR, else vi");
    auto& args = command.hold<Args>();
    command.id(args.id).change(
        [&args, &context](Tracker& tracker) { return edit_pov(context, tracker, args.id, args.edited); },
        [&args](const Outcome& outcome) {
            return args.edited ? fields_message(outcome)
                               : fmt::format("POV {} unchanged: the plan was not edited", outcome.pov.id);
        });
}

} // namespace

void add_plan_commands(CLI::App& app, Context& context)
{
    auto* plan = app.add_subcommand("plan", "A POV as a TOML plan: template, show");
    add_plan_template(*plan, context);
    add_plan_show(*plan, context);
    add_edit(app, context);
}

} // namespace pov::cli
