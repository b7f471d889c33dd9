// report: the weekly report for people and cron (sections 7 and 12).
#include "cli/atomic_file.hpp"
#include "cli/command.hpp"
#include "cli/command_groups.hpp"
#include "pov/report.hpp"
#include "render/report.hpp"

namespace pov::cli {

void add_report_command(CLI::App& app, Context& context)
{
    struct Args {
        Period period = Period::week;
        std::optional<Date> since;
        std::optional<Date> until;
        std::string sa;
        render::ReportFormat format = render::ReportFormat::text;
        bool json = false;
        std::string output;
        std::vector<std::string> includes;
    };
    Command command(app, context, "report", "The weekly report: figures, risks and what is coming up");
    auto& args = command.hold<Args>();
    command.choice("--period", args.period, "week (7 days to the as-of date), month (30), quarter (91) or all");
    command.date("--since", args.since, "The period's first day (instead of --period)");
    command.date("--until", args.until, "The period's last day and the as-of date (default today)");
    command.text("--sa", args.sa, "Only this SA's POVs");
    command.choice("--format", args.format, "The format (default text)");
    command.flag("--json", args.json, "The same as --format json");
    command.output(args.output);
    command.texts("--include", args.includes, "Add another SA's database, read-only (repeatable)")->type_name("PATH");
    command.run([&args, &context] {
        const auto range = report_range(args.period, args.since, args.until, context.today());
        std::vector<std::unique_ptr<Store>> others;
        std::vector<Store*> stores{&context.store(OpenMode::existing)};
        for (const auto& location : args.includes) {
            stores.push_back(
                others.emplace_back(open_store(context.store_options(OpenMode::read_only, location))).get());
        }
        const auto figures = report_figures(stores, range, context.today(), context.config(), args.sa);
        const auto format = args.json ? render::ReportFormat::json : args.format;
        const render::Style style(args.output.empty() && context.stdout_color());
        // Written as it is rendered: a report of 100,000 POVs lists a line per POV closed.
        Output out(args.output);
        render::write_report(figures, format, style, [&out](std::string_view text) { out.write(text); });
        out.commit();
        context.warn_if_missing_database();
    });
}

} // namespace pov::cli
