#include "render/export.hpp"

#include "pov/exchange.hpp"
#include "pov/fields.hpp"
#include "pov/json_text.hpp"
#include "pov/text.hpp"
#include "render/csv.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace pov::render {

namespace {

int met_count(const Pov& pov)
{
    return static_cast<int>(std::count_if(pov.capabilities.begin(), pov.capabilities.end(),
                                          [](const Capability& c) { return c.status == CapabilityStatus::met; }));
}

std::string capability_lines(const Pov& pov)
{
    std::vector<std::string> lines;
    for (const auto& capability : pov.capabilities) {
        lines.push_back(fmt::format("{}. {} ({})", capability.n, capability.title, to_string(capability.status)));
    }
    return fmt::format("{}", fmt::join(lines, "\n"));
}

std::string date_cell(const std::optional<Date>& date)
{
    return date ? format_date(*date) : std::string();
}

// The handbook's names of the types (guide section 1).
std::string_view salesforce_type(PovType type)
{
    switch (type) {
    case PovType::guided: return "Guided";
    case PovType::onsite: return "On-site";
    case PovType::paid: return "Paid";
    case PovType::lite: return "Lite";
    }
    return "";
}

// Salesforce knows New, In Progress and Closed: a qualified POV has not started, so it is New;
// a cancelled one is over, so it is Closed, without a result.
std::string_view salesforce_status(Status status)
{
    switch (status) {
    case Status::new_:
    case Status::qualified: return "New";
    case Status::in_progress: return "In Progress";
    case Status::closed:
    case Status::cancelled: return "Closed";
    }
    return "";
}

std::string_view salesforce_result(const std::optional<Result>& result)
{
    if (!result) {
        return "";
    }
    return *result == Result::successful ? "Successful" : "Unsuccessful";
}

// What the three statuses cannot say (qualified, cancelled), the close's reasons and the criteria.
std::string salesforce_notes(const Pov& pov)
{
    std::vector<std::string> lines;
    if (pov.status == Status::qualified) {
        lines.emplace_back("Qualified; not started yet");
    } else if (pov.status == Status::cancelled) {
        lines.push_back(fmt::format("Cancelled: {}", pov.reason));
    } else if (pov.status == Status::closed && !pov.reason.empty()) {
        lines.push_back(fmt::format("Reason: {}", pov.reason));
    }
    if (!pov.competitor.empty()) {
        lines.push_back(fmt::format("Competitor: {}", pov.competitor));
    }
    if (pov.loss_type) {
        lines.push_back(fmt::format("Loss type: {}", to_string(*pov.loss_type)));
    }
    if (!pov.capabilities.empty()) {
        lines.push_back(fmt::format("Success criteria met: {} of {}", met_count(pov), pov.capabilities.size()));
    }
    return fmt::format("{}", fmt::join(lines, "\n"));
}

} // namespace

std::vector<std::string> export_csv_header()
{
    std::vector<std::string> header;
    for (const auto& field : record_fields()) {
        header.emplace_back(field.name);
    }
    header.insert(header.end(), {"capabilities", "capabilities_met", "capability_list", "extensions"});
    return header;
}

std::vector<std::string> export_csv_cells(const Pov& pov)
{
    std::vector<std::string> cells;
    for (const auto& field : record_fields()) {
        cells.push_back(csv_value(field.get(pov)));
    }
    cells.insert(cells.end(), {std::to_string(pov.capabilities.size()), std::to_string(met_count(pov)),
                               capability_lines(pov), std::to_string(pov.extensions.size())});
    return cells;
}

std::vector<std::string> salesforce_header()
{
    return {"Proof of Value Name",
            "Account",
            "Opportunity",
            "POV Owner",
            "Solutions Architect",
            "Customer Success Manager",
            "POV Start Date",
            "POV Close Date",
            "POV Type",
            "Status",
            "Result",
            "Notes"};
}

std::vector<std::string> salesforce_cells(const Pov& pov)
{
    return {pov.name,
            pov.account,
            pov.opportunity,
            pov.owner,
            pov.sa,
            pov.csm,
            date_cell(pov.started_on ? pov.started_on : pov.start),
            date_cell(pov.closed_on ? pov.closed_on : pov.end),
            std::string(salesforce_type(pov.type)),
            std::string(salesforce_status(pov.status)),
            std::string(salesforce_result(pov.result)),
            salesforce_notes(pov)};
}

ExportWriter::ExportWriter(ExportFormat format, Date exported_at, Sink sink) : format_(format), sink_(std::move(sink))
{
    switch (format_) {
    case ExportFormat::json:
        sink_(fmt::format(R"({{"schema":"{}","exported_at":"{}","povs":[)", export_schema, format_date(exported_at)));
        break;
    case ExportFormat::csv: sink_(csv_row(export_csv_header())); break;
    case ExportFormat::salesforce: sink_(csv_row(salesforce_header())); break;
    }
}

void ExportWriter::add(const Pov& pov, const std::vector<Event>& events)
{
    switch (format_) {
    case ExportFormat::json: {
        std::string line = count_ == 0 ? "\n" : ",\n";
        append_json(line, export_record(pov, events));
        sink_(line);
        break;
    }
    case ExportFormat::csv: sink_(csv_row(export_csv_cells(pov))); break;
    case ExportFormat::salesforce: sink_(csv_row(salesforce_cells(pov))); break;
    }
    ++count_;
}

void ExportWriter::add_stored(const Pov& pov, const std::vector<StoredEvent>& events)
{
    if (format_ != ExportFormat::json) {
        add(pov, std::vector<Event>{});
        return;
    }
    line_ = count_ == 0 ? "\n" : ",\n";
    append_export_record(line_, pov, events);
    sink_(line_);
    ++count_;
}

void ExportWriter::finish()
{
    if (format_ == ExportFormat::json) {
        sink_(count_ == 0 ? "]}\n" : "\n]}\n");
    }
}

std::string import_message(const ImportSummary& summary)
{
    const auto total = summary.total();
    return fmt::format("{} {}: {} added, {} updated, {} unchanged{}", summary.dry_run ? "Would import" : "Imported",
                       counted(static_cast<long long>(total), "POV"), summary.added.size(), summary.updated.size(),
                       summary.unchanged.size(), summary.dry_run ? " (dry run: nothing was written)" : "");
}

Json import_json(const ImportSummary& summary)
{
    return Json{{"dry_run", summary.dry_run},
                {"povs", summary.total()},
                {"added", summary.added.size()},
                {"updated", summary.updated.size()},
                {"unchanged", summary.unchanged.size()},
                {"ids", {{"added", summary.added}, {"updated", summary.updated}, {"unchanged", summary.unchanged}}}};
}

} // namespace pov::render
