// report: the weekly report for people and cron (sections 7 and 12).
#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "pov/error.hpp"
#include "pov/report.hpp"
#include "pov/values.hpp"
#include "render/report.hpp"

#include <memory>
#include <set>

#include <fmt/format.h>

namespace pov::cli {

namespace {

render::ReportFormat parse_format(const std::string& text)
{
    constexpr std::pair<std::string_view, render::ReportFormat> formats[] = {
        {"text", render::ReportFormat::text}, {"markdown", render::ReportFormat::markdown},
        {"json", render::ReportFormat::json}, {"csv", render::ReportFormat::csv},
        {"html", render::ReportFormat::html},
    };
    for (const auto& [name, format] : formats) {
        if (name == text) {
            return format;
        }
    }
    throw Error(Exit::usage, fmt::format("invalid --format '{}'; expected one of: text, markdown, json, csv, html", text));
}

// The POVs of this database and every --include, each uuid once (the first copy wins).
std::vector<Pov> team_povs(Context& context, const std::vector<std::string>& includes)
{
    std::vector<Pov> povs;
    std::set<std::string> seen;
    const auto take = [&](Store& store) {
        std::vector<Pov> loaded;
        store.transaction(Store::Lock::read, [&] { loaded = store.all(false); });
        for (auto& pov : loaded) {
            if (seen.insert(pov.uuid).second) {
                povs.push_back(std::move(pov));
            }
        }
    };
    take(context.store(OpenMode::existing));
    for (const auto& location : includes) {
        const auto other = open_store({location, OpenMode::read_only, context.config().busy_timeout_ms});
        take(*other);
    }
    return povs;
}

} // namespace

void add_report_command(CLI::App& app, Context& context)
{
    struct Options {
        std::string period = "week";
        std::string since;
        std::string until;
        std::string sa;
        std::string format = "text";
        bool json = false;
        std::string output;
        std::vector<std::string> includes;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("report", "The weekly report: figures, risks and what is coming up");
    command->add_option("--period", options->period, "week (7 days to the as-of date), month (30), quarter (91) or all")
        ->type_name("week|month|quarter|all");
    command->add_option("--since", options->since, "The period's first day (instead of --period)")->type_name("DATE");
    command->add_option("--until", options->until, "The period's last day and the as-of date (default today)")
        ->type_name("DATE");
    command->add_option("--sa", options->sa, "Only this SA's POVs");
    command->add_option("--format", options->format, "text, markdown, json, csv or html")
        ->type_name("text|markdown|json|csv|html");
    command->add_flag("--json", options->json, "The same as --format json");
    command->add_option("--output", options->output, "Write to FILE (atomically, mode 0600) instead of stdout")
        ->type_name("FILE");
    command->add_option("--include", options->includes, "Add another SA's database, read-only (repeatable)")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->expected(1)
        ->type_name("PATH");
    command->callback([options, &context] {
        const auto format = options->json ? render::ReportFormat::json : parse_format(options->format);
        const auto period = parse_choice<Period>(options->period, "--period");
        const auto today = context.today();
        const auto range = report_range(period, context.date_option(options->since, "--since"),
                                        context.date_option(options->until, "--until"), today);
        const auto povs = team_povs(context, options->includes);
        const auto figures = report_figures(povs, range, context.config(), options->sa);
        const bool to_stdout = options->output.empty();
        const render::Style style(to_stdout && context.stdout_color());
        const auto text = render::render_report(figures, format, style);
        if (to_stdout) {
            fmt::print("{}", text);
        } else {
            write_file_atomically(options->output, text);
        }
    });
}

} // namespace pov::cli
