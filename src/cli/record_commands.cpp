// create, set, show, list, history: a POV's fields and the views of them; create and set also
// take them from a plan file (--from).
#include "cli/command.hpp"
#include "cli/command_groups.hpp"
#include "cli/hooks.hpp"
#include "cli/output.hpp"
#include "cli/plan_file.hpp"
#include "pov/document.hpp"
#include "pov/fields.hpp"
#include "pov/risks.hpp"
#include "pov/text.hpp"

#include <cctype>
#include <map>

#include <fmt/format.h>

namespace pov::cli {

namespace {

std::string value_hint(const Field& field)
{
    switch (field.kind) {
    case FieldKind::line: return "TEXT";
    case FieldKind::multiline: return "TEXT";
    case FieldKind::integer: return "N";
    case FieldKind::money: return "USD";
    case FieldKind::boolean: return "yes|no";
    case FieldKind::date: return "DATE";
    case FieldKind::choice: return fmt::format("{}", fmt::join(field.choices, "|"));
    }
    return "VALUE";
}

// One option per writable field (section 6), named and explained by the field table; the core
// parses the values (money, dates, choices) exactly as it parses a plan file's.
struct FieldOptions {
    std::map<std::string, std::string> values;
    std::map<std::string, CLI::Option*> options;

    // `create` takes the name as its NAME argument; `set` takes it as --name, and requires nothing.
    void add_to(CLI::App& command, bool for_set)
    {
        for (const auto& field : record_fields()) {
            if (field.access != FieldAccess::writable || (!for_set && field.name == "name")) {
                continue;
            }
            const std::string key(field.name);
            std::string help(field.meaning);
            if (constexpr std::string_view required = " (required)"; for_set && help.ends_with(required)) {
                help.erase(help.size() - required.size());
            }
            help[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(help[0])));
            options[key] = command.add_option(option_name(field.name), values[key], help)
                               ->type_name(value_hint(field))
                               ->group("Fields");
        }
    }

    // The fields given on the command line, in section-2 order.
    [[nodiscard]] std::vector<FieldInput> given() const
    {
        std::vector<FieldInput> inputs;
        for (const auto& field : record_fields()) {
            const auto it = options.find(std::string(field.name));
            if (it != options.end() && it->second->count() > 0) {
                inputs.push_back({std::string(field.name), values.at(std::string(field.name))});
            }
        }
        return inputs;
    }
};

// A field that `create` needs, given neither on the line nor in the plan, is missing from the
// line (exit 2), as CLI11 says of a required option.
void require_given(const std::vector<FieldInput>& inputs, std::string_view field, std::string_view option,
                   const std::optional<Plan>& plan)
{
    const auto value = input_value(inputs, field);
    if (value && (!value->empty() || !plan)) {
        return;
    }
    throw Error(Exit::usage,
                plan ? fmt::format("{} is required, on the command line or as {} in {}", option, field, plan->source)
                     : fmt::format("{} is required", option),
                {"Run 'pov --help' or 'pov COMMAND --help' for usage."});
}

void add_create(CLI::App& app, Context& context)
{
    struct Args {
        std::string name;
        FieldOptions fields;
        std::vector<std::string> capabilities;
        std::optional<std::string> from;
        bool json = false;
    };
    Command command(app, context, "create", "Create a POV");
    auto& args = command.hold<Args>();
    // NAME, --account and --sa may come from the plan: checked once the plan is read.
    auto* name = command.text("NAME", args.name, "The POV's name, usually the opportunity's (required)");
    args.fields.add_to(command.app(), false);
    command.texts("--capability", args.capabilities, "A success criterion's title (repeatable, 1–5)");
    from_option(command, args.from);
    command.json(args.json);
    command.run([&args, &context, name] {
        auto line = args.fields.given();
        if (name->count() > 0) {
            line.insert(line.begin(), {"name", args.name});
        }
        const auto plan = args.from ? std::optional(read_plan_file(*args.from, context.today())) : std::nullopt;
        const auto inputs = plan ? with_line_values(*plan, line) : line;
        require_given(inputs, "name", "NAME", plan);
        require_given(inputs, "account", "--account", plan);
        require_given(inputs, "sa", "--sa", plan);
        // --capability on the line replaces the plan's criteria.
        std::vector<NewCapability> capabilities;
        for (const auto& title : args.capabilities) {
            capabilities.push_back({title, {}, {}});
        }
        if (args.capabilities.empty() && plan && plan->capabilities) {
            capabilities = *plan->capabilities;
        }
        // Checked before the database is opened: a create that fails creates no file.
        auto draft = applying(
            context, plan, [] { return Pov{}; },
            [&] { return draft_pov(inputs, capabilities, context.config(), context.today()); });
        const auto outcome = context.tracker(OpenMode::create).create(std::move(draft));
        report_outcome(context, outcome, fmt::format("Created POV {}: {}", outcome.pov.id, outcome.pov.name), args.json,
                       true);
        run_hook(context, HookEvent::create, outcome.pov);
    });
}

void add_set(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        FieldOptions fields;
        std::string started_on;
        std::optional<std::string> from;
    };
    Command command(app, context, "set", "Change a POV's fields; an empty value clears an optional field");
    auto& args = command.hold<Args>();
    command.id(args.id);
    args.fields.add_to(command.app(), true);
    auto* started_on = command.app()
                           .add_option("--started-on", args.started_on,
                                       "Correct the recorded start (not in the future, not after it closed)")
                           ->type_name("DATE");
    from_option(command, args.from);
    command.change(
        [&args, &context, started_on](Tracker& tracker) {
            auto line = args.fields.given();
            if (started_on->count() > 0) {
                line.push_back({"started_on", args.started_on});
            }
            if (line.empty() && !args.from) {
                throw Error(Exit::usage, "set needs at least one field to change, such as --stage 3, or --from "
                                         "PLAN.toml; see pov set --help");
            }
            if (!args.from) {
                return tracker.set(args.id, line);
            }
            // The plan's keys, its criteria when it has [[capabilities]], and the line's values on top.
            const auto plan = std::optional(read_plan_file(*args.from, context.today()));
            return applying(
                context, plan, [&] { return tracker.get(args.id); },
                [&] { return tracker.set(args.id, with_line_values(*plan, line), plan->capabilities); });
        },
        fields_message);
}

void add_show(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        bool json = false;
    };
    Command command(app, context, "show", "Everything about one POV, with its risks");
    auto& args = command.hold<Args>();
    command.id(args.id).read(args.json, [&args, &context](Tracker& tracker) {
        const auto pov = tracker.get(args.id);
        const auto risks = tracker.risks_of(pov);
        if (args.json) {
            print_json(record_json(pov, risks));
        } else {
            fmt::print("{}", render_show(pov, risks, context.today(), Style(context.stdout_color())));
        }
    });
}

// What an empty list says: what was looked for, and `--all` only where closed and cancelled
// POVs could match (--overdue and --ending-within look at in-progress POVs only).
std::string empty_list_note(bool any_status, bool overdue, std::optional<std::int64_t> ending_within)
{
    if (overdue) {
        return "No POVs match: none in progress is past its end.";
    }
    if (ending_within) {
        return fmt::format("No POVs match: none in progress ends within {}.", counted(*ending_within, "day"));
    }
    return any_status ? "No POVs match." : "No POVs match. (closed and cancelled ones: --all)";
}

void add_list(CLI::App& app, Context& context)
{
    struct Args {
        ListFilter filter;
        bool overdue = false;
        std::optional<std::int64_t> ending_within;
        bool all = false;
        bool json = false;
    };
    Command command(app, context, "list", "List POVs: the open ones (new, qualified, in progress) by default");
    auto& args = command.hold<Args>();
    auto& filter = args.filter;
    command.choices("--status", filter.statuses, "Only this status (repeatable; in-progress is accepted)");
    command.text("--sa", filter.sa, "Only this SA's POVs");
    command.text("--account", filter.account, "Only this account's POVs");
    command.choice("--type", filter.type, "Only this type");
    auto* overdue = command.flag("--overdue", args.overdue, "Only in-progress POVs past their end");
    command.number("--ending-within", args.ending_within, "Only in-progress POVs ending within N days", {0, 36500})
        ->excludes(overdue);
    command.flag("--all", args.all, "Every status, closed and cancelled too");
    command.choice("--sort", filter.sort, "Order by this field (default id)");
    command.number("--limit", filter.limit, "At most N POVs", {});
    command.read(args.json, [&args, &context](Tracker& tracker) {
        auto filter = args.filter;
        if (filter.statuses.empty() && !args.all) {
            filter.statuses = {Status::new_, Status::qualified, Status::in_progress};
        }
        if (args.overdue) {
            only_overdue(filter, context.today());
        }
        if (args.ending_within) {
            only_ending_within(filter, context.today(), static_cast<long>(*args.ending_within));
        }
        // JSON is written as the rows arrive; the table needs every row for its widths, so it
        // keeps their cells only.
        if (args.json) {
            render::ListJsonWriter writer([](std::string_view piece) { fmt::print("{}", piece); });
            tracker.each_listed(filter, [&writer](const Pov& pov, const auto& risks) { writer.add(pov, risks); });
            writer.finish();
            return;
        }
        render::ListTable table(context.today());
        filter.parts_of_closed = false;
        tracker.each_listed(filter, [&table](const Pov& pov, const auto& risks) { table.add(pov, risks); });
        if (table.empty()) {
            context.note(empty_list_note(args.all || !args.filter.statuses.empty(), args.overdue, args.ending_within));
        } else {
            fmt::print("{}", table.render(Style(context.stdout_color()), context.stdout_columns()));
        }
    });
}

// What `delete` removes, in words: `POV 3 "Acme" with 2 capabilities, 1 journal entry and 5 events`.
std::string deleted_parts(const Pov& pov, std::size_t events)
{
    const auto n = [](std::size_t size) { return static_cast<long long>(size); };
    return fmt::format("POV {} ({}) with {}, {}, {} and {}", pov.id, pov.name,
                       counted(n(pov.capabilities.size()), "capability", "capabilities"),
                       counted(n(pov.extensions.size()), "extension"),
                       counted(n(pov.journal.size()), "journal entry", "journal entries"), counted(n(events), "event"));
}

void add_delete(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        bool yes = false;
    };
    Command command(app, context, "delete", "Remove a POV entered by mistake, with all its parts (needs --yes)");
    auto& args = command.hold<Args>();
    command.id(args.id).flag("--yes", args.yes, "Really remove it; without it, say what would go");
    command.run([&args, &context] {
        auto tracker = context.tracker(OpenMode::existing);
        if (!args.yes) {
            const auto pov = tracker.get(args.id);
            throw Error(Exit::usage, fmt::format("delete removes {}; give --yes to remove it",
                                                 escape_control(deleted_parts(pov, tracker.history(args.id).size()))));
        }
        const auto events = tracker.history(args.id).size();
        const auto pov = tracker.remove(args.id);
        context.say(escape_control(fmt::format("Deleted {}", deleted_parts(pov, events))));
    });
}

void add_history(CLI::App& app, Context& context)
{
    struct Args {
        std::int64_t id = 0;
        bool json = false;
    };
    Command command(app, context, "history", "The audit log of one POV, oldest first");
    auto& args = command.hold<Args>();
    command.id(args.id).read(args.json, [&args, &context](Tracker& tracker) {
        const auto events = tracker.history(args.id);
        if (args.json) {
            print_json(events_json(events));
        } else {
            fmt::print("{}", render_history(events, Style(context.stdout_color())));
        }
    });
}

} // namespace

void add_record_commands(CLI::App& app, Context& context)
{
    add_create(app, context);
    add_set(app, context);
    add_show(app, context);
    add_list(app, context);
    add_history(app, context);
    add_delete(app, context);
}

} // namespace pov::cli
