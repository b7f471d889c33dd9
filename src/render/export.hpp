// The forms of `pov export` (contract sections 12 and 13): the JSON document that `pov import`
// reads, CSV for spreadsheets, and CSV under Salesforce's field labels, each written one POV at
// a time.
#pragma once

#include "pov/date.hpp"
#include "pov/exchange.hpp"
#include "pov/record.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pov::render {

enum class ExportFormat { json, csv, salesforce };

} // namespace pov::render

template <> struct pov::EnumNames<pov::render::ExportFormat> {
    static constexpr std::array<std::string_view, 3> names{"json", "csv", "salesforce"};
};

namespace pov::render {

// Writes an export to `sink` piece by piece: the opening with the constructor, one add() per
// POV in id order, then finish(). The JSON document is compact, one POV to a line (`jq .` lays
// it out): a large export stays as small, and as quick to import, as it can be.
class ExportWriter {
public:
    using Sink = std::function<void(std::string_view)>;

    ExportWriter(ExportFormat format, Date exported_at, Sink sink);

    void add(const Pov& pov, const std::vector<Event>& events);
    // The same, with the events as stored: their changes are copied, not built as values.
    void add_stored(const Pov& pov, const std::vector<StoredEvent>& events);
    void finish();

private:
    ExportFormat format_;
    Sink sink_;
    std::size_t count_ = 0;
    std::string line_; // the POV being written, its room kept from one to the next
};

// `--format csv`: every scalar field of the record as a snake_case column (section 2), then a
// summary of the success criteria: how many, how many met, and one line per criterion.
std::vector<std::string> export_csv_header();
std::vector<std::string> export_csv_cells(const Pov& pov);

// `--format salesforce`: Salesforce's field labels (section 13). Start and close dates are the
// actual ones once there, else the planned ones. Status is New (new or qualified), In Progress
// or Closed (closed or cancelled); the Notes say which, with the reason and the criteria met.
std::vector<std::string> salesforce_header();
std::vector<std::string> salesforce_cells(const Pov& pov);

// What an import did, for people (`Imported 12 POVs: 10 added, 2 updated, 0 unchanged`) and
// for scripts (`--json`: the counts and the ids of each kind).
std::string import_message(const ImportSummary& summary);
Json import_json(const ImportSummary& summary);

} // namespace pov::render
