// How records, lists, histories and qualification read on stdout, as text or JSON.
// Formatting only: the figures come from the core.
#pragma once

#include "pov/qualification.hpp"
#include "pov/record.hpp"
#include "pov/tracker.hpp"
#include "render/table.hpp"
#include "render/text.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pov::render {

// The record as section 12's JSON, with `risks`.
Json record_json(const Pov& pov, const std::vector<Risk>& risks, bool with_journal = true);
// Risks as JSON: their names, worst first.
Json risks_json(const std::vector<Risk>& risks);
// `list --json`: the records without their journals.
Json records_json(const std::vector<Pov>& povs, const std::vector<std::vector<Risk>>& risks);
// `list --json` written a record at a time: the bytes of records_json() dumped with an indent
// of 2 and a newline, without the whole array in memory.
class ListJsonWriter {
public:
    using Sink = std::function<void(std::string_view)>;

    explicit ListJsonWriter(Sink sink) : sink_(std::move(sink)) {}

    void add(const Pov& pov, const std::vector<Risk>& risks);
    void finish();

private:
    Sink sink_;
    std::size_t count_ = 0;
    std::string text_; // the record being written, its room kept from one to the next
};

// `cap list --json`, `history --json`.
Json capabilities_json(const std::vector<Capability>& capabilities);
Json events_json(const std::vector<Event>& events);
// `qualify --json` (section 4): {id, qualified, status, checks: [{rule, ok, detail}]}.
Json qualification_json(const QualifyOutcome& result);

std::string render_show(const Pov& pov, const std::vector<Risk>& risks, Date today, const Style& style);
// `max_width` 0: every value in full (a pipe or a file); else the free-text columns (name,
// account, SA) are clipped so that the table fits that many columns.
std::string render_list(const std::vector<Pov>& povs, const std::vector<std::vector<Risk>>& risks, Date today,
                        const Style& style, std::size_t max_width = 0);
// render_list() built a POV at a time: it keeps the cells, not the records.
class ListTable {
public:
    explicit ListTable(Date today);

    void add(const Pov& pov, const std::vector<Risk>& risks);
    [[nodiscard]] bool empty() const { return table_.empty(); }
    [[nodiscard]] std::string render(const Style& style, std::size_t max_width = 0) const;

private:
    Date today_;
    Table table_;
};
std::string render_history(const std::vector<Event>& events, const Style& style);
std::string render_capabilities(const std::vector<Capability>& capabilities, const Style& style);
// `pov journal ID`: each entry numbered as `journal edit` and `rm` take it, retros over several lines.
std::string render_journal(const std::vector<JournalEntry>& journal, const Style& style);
// Each check on its line, the verdict, and the next step that will work.
std::string render_qualification(const QualifyOutcome& result, bool dry_run, const Style& style);

} // namespace pov::render
