// create, set, show, list, history: a POV's fields and the views of them.
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "pov/document.hpp"
#include "pov/error.hpp"
#include "pov/fields.hpp"
#include "pov/risks.hpp"
#include "pov/values.hpp"

#include <cctype>
#include <map>
#include <memory>

#include <fmt/format.h>

namespace pov::cli {

using render::shown;

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
    case FieldKind::choice: {
        std::string choices;
        for (const auto choice : field.choices) {
            choices += (choices.empty() ? "" : "|") + std::string(choice);
        }
        return choices;
    }
    }
    return "VALUE";
}

// One option per writable field (section 6), collected in section-2 order.
struct FieldOptions {
    std::map<std::string, std::string> values;
    std::map<std::string, CLI::Option*> options;

    void add_to(CLI::App& command, bool include_name)
    {
        for (const auto& field : record_fields()) {
            if (field.access != FieldAccess::writable || (!include_name && field.name == "name")) {
                continue;
            }
            const std::string key(field.name);
            std::string help(field.meaning);
            help[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(help[0])));
            options[key] = command.add_option(option_name(field.name), values[key], help)
                               ->type_name(value_hint(field))
                               ->group("Fields");
        }
    }

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

void add_create(CLI::App& app, Context& context)
{
    struct Options {
        std::string name;
        FieldOptions fields;
        std::vector<std::string> capabilities;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("create", "Create a POV");
    command->add_option("NAME", options->name, "The POV's name, usually the opportunity's")->required();
    options->fields.add_to(*command, false);
    options->fields.options.at("account")->required();
    options->fields.options.at("sa")->required();
    command->add_option("--capability", options->capabilities, "A success criterion's title (repeatable, 1–5)")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->type_name("TEXT")
        ->expected(1);
    add_json_flag(*command, options->json);
    command->callback([options, &context] {
        auto inputs = options->fields.given();
        inputs.insert(inputs.begin(), {"name", options->name});
        std::vector<NewCapability> capabilities;
        for (const auto& title : options->capabilities) {
            capabilities.push_back({title, {}, {}});
        }
        // Checked before the database is opened: a create that fails creates no file.
        auto draft = draft_pov(inputs, capabilities, context.config(), context.today());
        const auto outcome = context.tracker(OpenMode::create).create(std::move(draft));
        report_outcome(context, outcome, fmt::format("Created POV {}: {}", outcome.pov.id, outcome.pov.name),
                       options->json, true);
    });
}

void add_set(CLI::App& app, Context& context)
{
    struct Options {
        std::string id;
        FieldOptions fields;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("set", "Change a POV's fields; an empty value clears an optional field");
    add_id(*command, options->id);
    options->fields.add_to(*command, true);
    add_json_flag(*command, options->json);
    command->callback([options, &context] {
        const auto id = parse_id(options->id);
        const auto inputs = options->fields.given();
        if (inputs.empty()) {
            throw Error(Exit::usage, "set needs at least one field to change, such as --stage 3; see pov set --help");
        }
        auto tracker = context.tracker(OpenMode::existing);
        const auto before = tracker.get(id);
        const auto outcome = tracker.set(id, inputs);
        std::vector<std::string> changed;
        const auto changes = diff_scalars(before, outcome.pov);
        for (const auto& [field, change] : changes.items()) {
            changed.push_back(field);
        }
        report_outcome(context, outcome,
                       changed.empty() ? fmt::format("POV {} unchanged", id)
                                       : fmt::format("Updated POV {}: {}", id, fmt::join(changed, ", ")),
                       options->json);
    });
}

void add_show(CLI::App& app, Context& context)
{
    struct Options {
        std::string id;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("show", "Everything about one POV, with its risks");
    add_id(*command, options->id);
    add_json_flag(*command, options->json);
    command->callback([options, &context] {
        const auto id = parse_id(options->id);
        auto tracker = context.tracker(OpenMode::existing);
        const auto pov = tracker.get(id);
        const auto risks = tracker.risks_of(pov);
        if (options->json) {
            print_json(record_json(pov, risks));
        } else {
            fmt::print("{}", render_show(pov, risks, context.today(), Style(context.stdout_color())));
        }
    });
}

void add_list(CLI::App& app, Context& context)
{
    struct Options {
        std::vector<std::string> statuses;
        std::string sa;
        std::string account;
        std::string type;
        bool overdue = false;
        std::string ending_within;
        bool all = false;
        std::string sort = "id";
        std::string limit;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("list", "List POVs: the open ones (new, qualified, in progress) by default");
    command->add_option("--status", options->statuses, "Only this status (repeatable; in-progress is accepted)")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->expected(1)
        ->type_name("STATUS");
    command->add_option("--sa", options->sa, "Only this SA's POVs");
    command->add_option("--account", options->account, "Only this account's POVs");
    command->add_option("--type", options->type, "Only this type")->type_name("guided|onsite|paid|lite");
    command->add_flag("--overdue", options->overdue, "Only in-progress POVs past their end");
    command->add_option("--ending-within", options->ending_within, "Only in-progress POVs ending within N days")
        ->type_name("N");
    command->add_flag("--all", options->all, "Every status, closed and cancelled too");
    command->add_option("--sort", options->sort, "Order by id, name, account, sa, type, status, start, end, net_arr")
        ->type_name("FIELD");
    command->add_option("--limit", options->limit, "At most N POVs")->type_name("N");
    add_json_flag(*command, options->json);
    command->callback([options, &context] {
        ListFilter filter;
        for (const auto& status : options->statuses) {
            filter.statuses.push_back(parse_status(status, "--status"));
        }
        if (filter.statuses.empty() && !options->all) {
            filter.statuses = {Status::new_, Status::qualified, Status::in_progress};
        }
        filter.sa = options->sa;
        filter.account = options->account;
        if (!options->type.empty()) {
            filter.type = parse_choice<PovType>(options->type, "--type");
        }
        const auto today = context.today();
        if (options->overdue && !options->ending_within.empty()) {
            throw Error(Exit::usage, "--overdue and --ending-within exclude each other: overdue POVs have ended");
        }
        if (options->overdue) {
            only_overdue(filter, today);
        }
        if (!options->ending_within.empty()) {
            const auto days = parse_integer(options->ending_within, "--ending-within");
            if (days < 0 || days > 36500) {
                throw Error(Exit::invalid, fmt::format("--ending-within must be 0–36500 days; got {}", days));
            }
            only_ending_within(filter, today, static_cast<long>(days));
        }
        filter.sort = parse_choice<SortKey>(options->sort, "--sort");
        if (!options->limit.empty()) {
            filter.limit = parse_integer(options->limit, "--limit");
            if (*filter.limit < 0) {
                throw Error(Exit::invalid, fmt::format("--limit may not be negative; got {}", *filter.limit));
            }
        }
        auto tracker = context.tracker(OpenMode::existing);
        const auto povs = tracker.list(filter);
        const auto load = tracker.sa_load();
        std::vector<std::vector<Risk>> risks;
        for (const auto& pov : povs) {
            risks.push_back(tracker.risks_of(pov, load));
        }
        if (options->json) {
            Json array = Json::array();
            for (std::size_t i = 0; i < povs.size(); ++i) {
                array.push_back(record_json(povs[i], risks[i], false));
            }
            print_json(array);
            return;
        }
        if (povs.empty()) {
            if (!context.options.quiet) {
                fmt::print(stderr, "No POVs match.{}\n", options->all ? "" : " (closed and cancelled ones: --all)");
            }
            return;
        }
        fmt::print("{}", render_list(povs, risks, today, Style(context.stdout_color()), context.stdout_columns()));
    });
}

void add_history(CLI::App& app, Context& context)
{
    struct Options {
        std::string id;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("history", "The audit log of one POV, oldest first");
    add_id(*command, options->id);
    add_json_flag(*command, options->json);
    command->callback([options, &context] {
        const auto events = context.tracker(OpenMode::existing).history(parse_id(options->id));
        if (options->json) {
            Json array = Json::array();
            for (const auto& event : events) {
                array.push_back(to_json(event));
            }
            print_json(array);
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
}

} // namespace pov::cli
