#include "pov/config.hpp"

#include "pov/error.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace pov {

namespace {

// Indexed by HookEvent.
constexpr std::string_view hook_names[] = {"on_create", "on_qualify", "on_start", "on_close"};
constexpr HookEvent hook_events[] = {HookEvent::create, HookEvent::qualify, HookEvent::start, HookEvent::close};

// The command line of `event` in `hooks`, const or not.
template <typename H> auto& command_of(H& hooks, HookEvent event)
{
    switch (event) {
    case HookEvent::create: return hooks.on_create;
    case HookEvent::qualify: return hooks.on_qualify;
    case HookEvent::start: return hooks.on_start;
    case HookEvent::close: return hooks.on_close;
    }
    return hooks.on_close;
}

[[noreturn]] void config_error(std::string_view source, const std::string& what)
{
    throw Error(Exit::config, fmt::format("invalid config {}: {}", source, what));
}

void reject_unknown_keys(const toml::table& table, std::string_view prefix, const std::set<std::string_view>& known,
                         std::string_view source)
{
    for (const auto& [key, value] : table) {
        if (!known.contains(key.str())) {
            config_error(source, fmt::format("unknown key '{}{}'", prefix, key.str()));
        }
    }
}

const toml::table* sub_table(const toml::table& parent, std::string_view key, std::string_view name,
                             std::string_view source)
{
    const auto* node = parent.get(key);
    if (node == nullptr) {
        return nullptr;
    }
    if (!node->is_table()) {
        config_error(source, fmt::format("'{}' must be a table", name));
    }
    return node->as_table();
}

std::int64_t read_integer(const toml::table& table, std::string_view key, std::string_view name, std::int64_t minimum,
                          std::int64_t maximum, std::int64_t fallback, std::string_view source)
{
    const auto* node = table.get(key);
    if (node == nullptr) {
        return fallback;
    }
    const auto value = node->value<std::int64_t>();
    if (!node->is_integer() || !value) {
        config_error(source, fmt::format("'{}' must be an integer", name));
    }
    if (*value < minimum || *value > maximum) {
        config_error(source, fmt::format("'{}' must be {}–{}; got {}", name, minimum, maximum, *value));
    }
    return *value;
}

int read_int(const toml::table& table, std::string_view key, std::string_view name, int minimum, int maximum,
             int fallback, std::string_view source)
{
    return static_cast<int>(read_integer(table, key, name, minimum, maximum, fallback, source));
}

bool read_bool(const toml::table& table, std::string_view key, std::string_view name, bool fallback,
               std::string_view source)
{
    const auto* node = table.get(key);
    if (node == nullptr) {
        return fallback;
    }
    if (!node->is_boolean()) {
        config_error(source, fmt::format("'{}' must be true or false", name));
    }
    return *node->value<bool>();
}

std::string read_string(const toml::table& table, std::string_view key, std::string_view name,
                        const std::string& fallback, std::string_view source)
{
    const auto* node = table.get(key);
    if (node == nullptr) {
        return fallback;
    }
    if (!node->is_string()) {
        config_error(source, fmt::format("'{}' must be a string", name));
    }
    return *node->value<std::string>();
}

void read_types(const toml::table& root, Config& config, std::string_view source)
{
    const auto* types = sub_table(root, "types", "types", source);
    if (types == nullptr) {
        return;
    }
    std::set<std::string_view> type_names;
    for (const auto name : EnumNames<PovType>::names) {
        type_names.insert(name);
    }
    reject_unknown_keys(*types, "types.", type_names, source);
    for (const auto name : EnumNames<PovType>::names) {
        const auto prefix = fmt::format("types.{}", name);
        const auto* table = sub_table(*types, name, prefix, source);
        if (table == nullptr) {
            continue;
        }
        reject_unknown_keys(*table, prefix + ".", {"min_days", "max_days", "max_extended_days"}, source);
        auto& rule = config.types[static_cast<std::size_t>(*enum_from_string<PovType>(name))];
        rule.min_days = read_int(*table, "min_days", prefix + ".min_days", 1, 3650, rule.min_days, source);
        rule.max_days = read_int(*table, "max_days", prefix + ".max_days", 1, 3650, rule.max_days, source);
        rule.max_extended_days = read_int(*table, "max_extended_days", prefix + ".max_extended_days", 1, 3650,
                                          rule.max_extended_days, source);
    }
    for (const auto name : EnumNames<PovType>::names) {
        const auto& rule = config.types[static_cast<std::size_t>(*enum_from_string<PovType>(name))];
        if (rule.min_days > rule.max_days || rule.max_days > rule.max_extended_days) {
            config_error(source, fmt::format("types.{} needs min_days ≤ max_days ≤ max_extended_days; "
                                             "got {} / {} / {}",
                                             name, rule.min_days, rule.max_days, rule.max_extended_days));
        }
    }
}

void read_rules(const toml::table& root, Config& config, std::string_view source)
{
    const auto* rules = sub_table(root, "rules", "rules", source);
    if (rules == nullptr) {
        return;
    }
    reject_unknown_keys(*rules, "rules.",
                        {"max_capabilities", "uptier_min_net_arr", "max_concurrent_per_sa", "require_approval",
                         "max_extensions", "ending_soon_days", "stale_after_days"},
                        source);
    // Five is the hard ceiling of success criteria: a config may lower it, never raise it.
    config.max_capabilities = read_int(*rules, "max_capabilities", "rules.max_capabilities", 1, capability_ceiling,
                                       config.max_capabilities, source);
    config.uptier_min_net_arr = read_integer(*rules, "uptier_min_net_arr", "rules.uptier_min_net_arr", 0,
                                             1'000'000'000'000, config.uptier_min_net_arr, source);
    config.max_concurrent_per_sa = read_int(*rules, "max_concurrent_per_sa", "rules.max_concurrent_per_sa", 1, 1000,
                                            config.max_concurrent_per_sa, source);
    config.require_approval =
        read_bool(*rules, "require_approval", "rules.require_approval", config.require_approval, source);
    config.max_extensions =
        read_int(*rules, "max_extensions", "rules.max_extensions", 0, 100, config.max_extensions, source);
    config.ending_soon_days =
        read_int(*rules, "ending_soon_days", "rules.ending_soon_days", 0, 365, config.ending_soon_days, source);
    config.stale_after_days =
        read_int(*rules, "stale_after_days", "rules.stale_after_days", 1, 365, config.stale_after_days, source);
}

void read_solutions(const toml::table& root, Config& config, std::string_view source)
{
    const auto* node = root.get("solutions");
    if (node == nullptr) {
        return;
    }
    const auto* array = node->as_array();
    if (array == nullptr) {
        config_error(source, "'solutions' must be an array of strings");
    }
    std::vector<std::string> solutions;
    for (const auto& item : *array) {
        const auto value = item.value<std::string>();
        if (!item.is_string() || !value || value->empty()) {
            config_error(source, "'solutions' must be an array of non-empty strings");
        }
        solutions.push_back(*value);
    }
    if (solutions.empty()) {
        config_error(source, "'solutions' must name at least one solution");
    }
    config.solutions = std::move(solutions);
}

void read_database(const toml::table& root, Config& config, std::string_view source)
{
    const auto* database = sub_table(root, "database", "database", source);
    if (database == nullptr) {
        return;
    }
    reject_unknown_keys(*database, "database.", {"path", "busy_timeout_ms"}, source);
    config.database_path = read_string(*database, "path", "database.path", config.database_path, source);
    config.busy_timeout_ms = read_int(*database, "busy_timeout_ms", "database.busy_timeout_ms", 0, 3'600'000,
                                      config.busy_timeout_ms, source);
}

void read_hooks(const toml::table& root, Config& config, std::string_view source)
{
    const auto* hooks = sub_table(root, "hooks", "hooks", source);
    if (hooks == nullptr) {
        return;
    }
    reject_unknown_keys(*hooks, "hooks.", {std::begin(hook_names), std::end(hook_names)}, source);
    for (const auto event : hook_events) {
        const auto key = hook_key(event);
        auto& command = command_of(config.hooks, event);
        command = read_string(*hooks, key, "hooks." + key, command, source);
    }
}

std::string toml_string(std::string_view text)
{
    std::ostringstream out;
    out << toml::value<std::string>{std::string(text)};
    return out.str();
}

std::string solutions_line(const std::vector<std::string>& solutions)
{
    std::string out = "solutions = [";
    for (std::size_t i = 0; i < solutions.size(); ++i) {
        out += (i == 0 ? "" : ", ") + toml_string(solutions[i]);
    }
    return out + "]\n";
}

// What `config init` says of hooks, exactly as src/cli/hooks.cpp runs them (section 14).
std::string hooks_help()
{
    return fmt::format(
        "# Shell command lines, each run with /bin/sh -c after its change is committed, once per command.\n"
        "# A hook gets the POV as JSON on stdin (as `pov show ID --json` prints it) and POV_EVENT\n"
        "# (create, qualify, start or close) and POV_ID in its environment; no value of the record is\n"
        "# ever put into the command line. Its output goes to pov's stderr, never to its stdout.\n"
        "# A hook that fails (a non-zero exit, not found, killed) or runs longer than {} s (then its\n"
        "# process group is killed) prints a warning: the change is kept and pov's exit status is its own.\n"
        "# An empty command line runs nothing. For example, post each new POV to a chat webhook:\n"
        "#   on_create = \"curl -fsS -H 'Content-Type: application/json' --data-binary @- "
        "https://chat.example.com/hooks/T0KEN\"\n",
        hook_time_limit_seconds);
}

// `config show`: which hooks will run, as a comment so the text stays the config it shows.
std::string hooks_that_run(const Hooks& hooks)
{
    std::vector<std::string_view> keys;
    for (const auto event : hook_events) {
        if (hooks.runs(event)) {
            keys.push_back(hook_names[static_cast<std::size_t>(event)]);
        }
    }
    return fmt::format("# hooks that run: {}\n", keys.empty() ? "none" : fmt::format("{}", fmt::join(keys, ", ")));
}

// One writer for `config init` (commented) and `config show` (plain). Top-level keys come
// before the first [table], or TOML would read them as the table's.
std::string render(const Config& c, bool comments)
{
    std::string out;
    const auto comment = [&](std::string_view text) {
        if (comments) {
            out += fmt::format("# {}\n", text);
        }
    };
    if (comments) {
        out += "# pov configuration. Every key is optional; a missing key takes the default shown.\n"
               "# An unknown key is an error (exit 7).\n\n";
    }
    comment("The solutions a POV maps to; `--solution` takes one of these.");
    out += solutions_line(c.solutions) + "\n";

    out += "[rules]\n";
    comment("Success criteria a POV may have (1–5; may be lowered, never raised above 5).");
    out += fmt::format("max_capabilities = {}\n", c.max_capabilities);
    comment("An uptier deal qualifies from this net ARR (USD), or with significant LAM.");
    out += fmt::format("uptier_min_net_arr = {}\n", c.uptier_min_net_arr);
    comment("POVs one SA may run at once; `pov start --force` goes beyond it (recorded).");
    out += fmt::format("max_concurrent_per_sa = {}\n", c.max_concurrent_per_sa);
    comment("Whether `pov start` needs a manager's approval (`pov approve ID --by NAME`).");
    out += fmt::format("require_approval = {}\n", c.require_approval);
    comment("Extensions before a POV is flagged as an endless extension.");
    out += fmt::format("max_extensions = {}\n", c.max_extensions);
    comment("A running POV ending within this many days is flagged as ending soon.");
    out += fmt::format("ending_soon_days = {}\n", c.ending_soon_days);
    comment("A running POV with no journal entry or capability change for longer is stale.");
    out += fmt::format("stale_after_days = {}\n", c.stale_after_days);

    // What each type is (section 3), as a sentence of its own above its keys.
    constexpr std::string_view type_notes[] = {
        "A guided POV: the common enterprise POV.",
        "An onsite POV: intense, on the customer's premises.",
        "A paid POV: needs license_purchased = true before start.",
        "A lite POV: deprecated; only for the commercial segment.",
    };
    for (std::size_t i = 0; i < c.types.size(); ++i) {
        out += fmt::format("\n[types.{}]\n", EnumNames<PovType>::names[i]);
        comment(type_notes[i]);
        comment("Shortest, in days (end - start).");
        out += fmt::format("min_days = {}\n", c.types[i].min_days);
        comment("Longest as planned, in days.");
        out += fmt::format("max_days = {}\n", c.types[i].max_days);
        comment("Longest with extensions (`pov extend`), in days.");
        out += fmt::format("max_extended_days = {}\n", c.types[i].max_extended_days);
    }

    out += "\n[database]\n";
    comment("The database file; empty means $XDG_DATA_HOME/pov/pov.db (~/.local/share/pov/pov.db).");
    out += fmt::format("path = {}\n", toml_string(c.database_path));
    comment("How long a command waits for another process's write lock before it exits 6.");
    out += fmt::format("busy_timeout_ms = {}\n", c.busy_timeout_ms);

    out += "\n[hooks]\n";
    if (comments) {
        out += hooks_help();
    } else {
        out += hooks_that_run(c.hooks);
    }
    constexpr std::string_view hook_notes[] = {
        "Run after `pov create` (POV_EVENT=create).",
        "Run after `pov qualify` makes a new POV qualified (POV_EVENT=qualify); not on --dry-run or a failed check.",
        "Run after `pov start` (POV_EVENT=start).",
        "Run after `pov close` (POV_EVENT=close); `pov cancel` runs no hook.",
    };
    for (const auto event : hook_events) {
        const auto i = static_cast<std::size_t>(event);
        comment(hook_notes[i]);
        out += fmt::format("{} = {}\n", hook_names[i], toml_string(command_of(c.hooks, event)));
    }
    return out;
}

} // namespace

const std::string& Hooks::command(HookEvent event) const
{
    return command_of(*this, event);
}

bool Hooks::runs(HookEvent event) const
{
    return command(event).find_first_not_of(" \t\r\n") != std::string::npos;
}

std::string hook_key(HookEvent event)
{
    return std::string(hook_names[static_cast<std::size_t>(event)]);
}

Config parse_config(std::string_view toml_text, std::string_view source_name)
{
    toml::table root;
    try {
        root = toml::parse(toml_text, source_name);
    } catch (const toml::parse_error& e) {
        config_error(source_name, fmt::format("line {}: {}", e.source().begin.line, e.description()));
    }
    reject_unknown_keys(root, "", {"types", "rules", "solutions", "database", "hooks"}, source_name);
    Config config;
    read_types(root, config, source_name);
    read_rules(root, config, source_name);
    read_solutions(root, config, source_name);
    read_database(root, config, source_name);
    read_hooks(root, config, source_name);
    return config;
}

Config load_config_file(const std::filesystem::path& path)
{
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
        if (error) {
            throw Error(Exit::config, fmt::format("cannot read config {}: {}", path.string(), error.message()));
        }
        return Config{};
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in || std::filesystem::is_directory(path)) {
        throw Error(Exit::config, fmt::format("cannot read config {}", path.string()));
    }
    return parse_config(text.str(), path.string());
}

std::string default_config_toml()
{
    return render(Config{}, true);
}

std::string config_to_toml(const Config& config)
{
    return render(config, false);
}

std::string config_to_json(const Config& config)
{
    // The same keys as the TOML, so `config show` and `config show --json` cannot disagree.
    const auto table = toml::parse(render(config, false));
    std::ostringstream out;
    out << toml::json_formatter{table};
    return out.str();
}

} // namespace pov
