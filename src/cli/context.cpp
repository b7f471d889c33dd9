#include "cli/context.hpp"

#include "pov/error.hpp"
#include "pov/values.hpp"
#include "render/text.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <sys/ioctl.h>
#include <unistd.h>

#include <fmt/format.h>

namespace pov::cli {

namespace {

namespace fs = std::filesystem;

std::string environment(const char* name)
{
    const char* value = std::getenv(name);
    return value == nullptr ? std::string() : std::string(value);
}

// $XDG_<KIND>_HOME, else ~/<fallback>.
fs::path xdg_home(const char* variable, const char* fallback)
{
    const auto xdg = environment(variable);
    if (!xdg.empty() && fs::path(xdg).is_absolute()) {
        return xdg;
    }
    const auto home = environment("HOME");
    if (home.empty()) {
        throw Error(Exit::storage,
                    fmt::format("neither {} nor HOME is set; give a path with --db and --config", variable));
    }
    return fs::path(home) / fallback;
}

Date local_today()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{std::chrono::year{local.tm_year + 1900}, std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

bool color_allowed(int fd, bool no_color_flag)
{
    const char* no_color = std::getenv("NO_COLOR");
    return !no_color_flag && (no_color == nullptr || *no_color == '\0') && ::isatty(fd) == 1;
}

} // namespace

fs::path Context::config_path() const
{
    if (!options.config.empty()) {
        return options.config;
    }
    if (const auto path = environment("POV_CONFIG"); !path.empty()) {
        return path;
    }
    return xdg_home("XDG_CONFIG_HOME", ".config") / "pov" / "config.toml";
}

const Config& Context::config()
{
    if (!config_) {
        // Without HOME or XDG_CONFIG_HOME there is no default config file: the defaults apply.
        const bool named = !options.config.empty() || !environment("POV_CONFIG").empty();
        const bool findable = !environment("XDG_CONFIG_HOME").empty() || !environment("HOME").empty();
        // A config named on purpose that is not there is a mistyped path, not the defaults (section 10).
        std::error_code error;
        if (named && !std::filesystem::exists(config_path(), error) && !error) {
            throw Error(Exit::config,
                        fmt::format("config {} does not exist; write it with pov config init, or name another "
                                    "with --config or POV_CONFIG",
                                    config_path().string()));
        }
        config_ = named || findable ? load_config_file(config_path()) : Config{};
    }
    return *config_;
}

bool Context::database_named() const
{
    return !options.db.empty() || !environment("POV_DB").empty();
}

std::string Context::database_location()
{
    if (!options.db.empty()) {
        return options.db;
    }
    if (auto location = environment("POV_DB"); !location.empty()) {
        return location;
    }
    if (!config().database_path.empty()) {
        return config().database_path;
    }
    return (xdg_home("XDG_DATA_HOME", ".local/share") / "pov" / "pov.db").string();
}

Date Context::today()
{
    if (!today_) {
        auto text = options.today;
        if (text.empty()) {
            text = environment("POV_TODAY");
        }
        today_overridden_ = !text.empty();
        if (text.empty()) {
            today_ = local_today();
        } else {
            const auto date = parse_iso_date(text);
            if (!date) {
                throw Error(Exit::usage,
                            fmt::format("invalid --today/POV_TODAY '{}'; expected a date YYYY-MM-DD", text));
            }
            today_ = *date;
        }
    }
    return *today_;
}

Clock Context::clock()
{
    // Events carry the real UTC time. With --today they carry that day at the real time of
    // day, so a script that replays history writes a history that reads true.
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    const auto day = today();
    const auto date = today_overridden_
                          ? format_date(day)
                          : fmt::format("{:04}-{:02}-{:02}", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
    return {day, fmt::format("{}T{:02}:{:02}:{:02}Z", date, utc.tm_hour, utc.tm_min, utc.tm_sec)};
}

std::string Context::editor() const
{
    for (const char* variable : {"VISUAL", "EDITOR"}) {
        if (auto editor = environment(variable); !editor.empty()) {
            return editor;
        }
    }
    return "vi";
}

fs::path Context::kept_edits_folder() const
{
    return xdg_home("XDG_DATA_HOME", ".local/share") / "pov" / "edits";
}

StoreOptions Context::store_options(OpenMode mode)
{
    return store_options(mode, database_location());
}

StoreOptions Context::store_options(OpenMode mode, const std::string& location)
{
    return {location, mode, config().busy_timeout_ms};
}

Store& Context::store(OpenMode mode)
{
    if (!store_) {
        store_ = open_store(store_options(mode));
    }
    return *store_;
}

void Context::warn_if_missing_database() const
{
    // A read of a missing database reads as empty; named on purpose, it is likely a typo (section 6).
    if (store_ && !store_->exists() && database_named()) {
        warn(fmt::format("database {} does not exist; read as empty (pov init creates it)", store_->location()));
    }
}

Tracker Context::tracker(OpenMode mode)
{
    auto& opened = store(mode);
    return Tracker(opened, config(), clock());
}

bool Context::stdout_color() const
{
    return color_allowed(STDOUT_FILENO, options.no_color);
}

bool Context::stderr_color() const
{
    return color_allowed(STDERR_FILENO, options.no_color);
}

bool Context::stdout_is_terminal() const
{
    return ::isatty(STDOUT_FILENO) == 1;
}

std::size_t Context::stdout_columns() const
{
    if (!stdout_is_terminal()) {
        return 0;
    }
    // A terminal that reports 0 columns (script(1), some CI runners) has not said its width.
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    const auto variable = environment("COLUMNS");
    std::size_t columns = 0;
    const auto* const end = variable.data() + variable.size();
    const auto [rest, error] = std::from_chars(variable.data(), end, columns);
    return error == std::errc() && rest == end && columns > 0 ? columns : 80;
}

void Context::warn(const std::string& message) const
{
    fmt::print(stderr, "{} {}\n", render::Style(stderr_color()).yellow("pov: warning:"), message);
}

void Context::say(const std::string& message) const
{
    if (!options.quiet) {
        fmt::print("{}\n", message);
    }
}

void Context::note(const std::string& message) const
{
    if (!options.quiet) {
        fmt::print(stderr, "{}\n", message);
    }
}

std::int64_t parse_id(const std::string& text)
{
    const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) {
        throw Error(Exit::usage, fmt::format("invalid POV id '{}'; expected a number such as 12", text));
    }
    // 0, or more digits than any id could have, names no POV like any other unused id.
    if (text.size() > 18 || text.find_first_not_of('0') == std::string::npos) {
        throw Error(Exit::not_found, fmt::format("no POV with id {}; see pov list --all", text));
    }
    return std::stoll(text);
}

} // namespace pov::cli
