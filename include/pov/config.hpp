// The TOML config (contract section 3): type durations, rules, solutions, database, hooks.
#pragma once

#include "pov/enums.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pov {

struct TypeRule {
    int min_days = 0;
    int max_days = 0;
    int max_extended_days = 0;
};

// The changes a hook follows (section 14), each spelled as its POV_EVENT value; the key that
// configures it is `on_` and that spelling.
enum class HookEvent { create, qualify, start, close };
template <> struct EnumNames<HookEvent> {
    static constexpr std::array<std::string_view, 4> names{"create", "qualify", "start", "close"};
};

// How long a hook may run before it is killed: fixed by section 14, not a config key.
inline constexpr int hook_time_limit_seconds = 10;

// Shell command lines; an empty or blank one runs nothing.
struct Hooks {
    std::string on_create;
    std::string on_qualify;
    std::string on_start;
    std::string on_close;

    [[nodiscard]] const std::string& command(HookEvent event) const;
    // Whether `event` runs a command.
    [[nodiscard]] bool runs(HookEvent event) const;
};

// `on_create`: the key of an event's hook.
std::string hook_key(HookEvent event);

struct Config {
    // Indexed by PovType.
    std::array<TypeRule, 4> types{{{14, 45, 60}, {1, 7, 10}, {61, 180, 365}, {7, 30, 45}}};
    int max_capabilities = 5;
    std::int64_t uptier_min_net_arr = 100000;
    int max_concurrent_per_sa = 3;
    bool require_approval = false;
    int max_extensions = 1;
    int ending_soon_days = 7;
    int stale_after_days = 7;
    std::vector<std::string> solutions{"devsecops", "software-compliance", "automated-software-delivery",
                                       "devops-platform"};
    std::string database_path; // empty: the XDG default
    int busy_timeout_ms = 5000;
    Hooks hooks;

    [[nodiscard]] const TypeRule& rule(PovType type) const { return types[static_cast<std::size_t>(type)]; }
};

// The hard ceiling of success criteria (section 1); the config may lower it, never raise it.
inline constexpr int capability_ceiling = 5;

// Parses and checks a config; an unknown key or a bad value throws pov::Error (config).
Config parse_config(std::string_view toml_text, std::string_view source_name);

// Reads a config file; a missing file means the defaults.
Config load_config_file(const std::filesystem::path& path);

// The default config with a comment on every key (`pov config init`).
std::string default_config_toml();

// A config as TOML, every key shown (`pov config show`).
std::string config_to_toml(const Config& config);
// The config in effect as a JSON object text, keyed as its TOML (`config show --json`).
std::string config_to_json(const Config& config);

} // namespace pov
