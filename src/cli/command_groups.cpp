#include "cli/command_groups.hpp"

#include <algorithm>
#include <array>

namespace pov::cli {

namespace {

constexpr std::array<std::string_view, 2> database{"init", "db"};
constexpr std::array<std::string_view, 6> record{"create", "set", "show", "list", "delete", "history"};
constexpr std::array<std::string_view, 2> plan{"edit", "plan"};
constexpr std::array<std::string_view, 2> capability{"signoff", "cap"};
constexpr std::array<std::string_view, 7> lifecycle{"qualify", "approve", "start", "extend",
                                                    "close",   "cancel",  "reopen"};
constexpr std::array<std::string_view, 3> journal{"log", "retro", "journal"};
constexpr std::array<std::string_view, 1> report{"report"};
constexpr std::array<std::string_view, 1> results{"results"};
constexpr std::array<std::string_view, 2> data{"export", "import"};
constexpr std::array<std::string_view, 1> config{"config"};
constexpr std::array<std::string_view, 1> demo{"demo"};
constexpr std::array<std::string_view, 2> completion{"completion", "__complete"};

const std::array<CommandGroup, 12> groups{{
    {add_database_commands, database},
    {add_record_commands, record},
    {add_plan_commands, plan},
    {add_capability_commands, capability},
    {add_lifecycle_commands, lifecycle},
    {add_journal_commands, journal},
    {add_report_command, report},
    {add_results_command, results},
    {add_data_commands, data},
    {add_config_commands, config},
    {add_demo_command, demo},
    {add_completion_commands, completion},
}};

} // namespace

std::span<const CommandGroup> command_groups()
{
    return groups;
}

const CommandGroup* group_of(std::string_view name)
{
    for (const auto& group : groups) {
        if (std::find(group.commands.begin(), group.commands.end(), name) != group.commands.end()) {
            return &group;
        }
    }
    return nullptr;
}

} // namespace pov::cli
