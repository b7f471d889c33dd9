// A record as JSON (contract section 12) and back: `show`, `list`, export and import share it.
#pragma once

#include "pov/json_text.hpp"
#include "pov/record.hpp"

#include <string>
#include <vector>

namespace pov {

Json to_json(const Capability& capability);
Json to_json(const Extension& extension);
Json to_json(const JournalEntry& entry);
Json to_json(const Event& event);
// A journal as `pov journal --json` and the record show it: each entry with `n`, its 1-based
// position (section 2).
Json journal_json(const std::vector<JournalEntry>& journal);

// Every scalar field, then `capabilities`, `extensions` and (when asked) `journal`.
Json to_json(const Pov& pov, bool with_journal = true);

// Appends json_text(to_json(pov, with_journal)) without building the value (list and export
// write every record).
void append_record_json(std::string& out, const Pov& pov, bool with_journal = true);
// The members of to_json(pov, with_journal) written on `object`, compact or laid out as it
// writes, which stays open for more (`list --json` adds the risks).
void write_record_members(ObjectWriter& object, const Pov& pov, bool with_journal);

// The reverse of to_json for one record of an export document. A missing optional key means
// null or empty; a wrong type throws pov::Error (invalid) naming the key.
Pov pov_from_json(const Json& document);
Event event_from_json(const Json& document);
// The same, taking the event's `changes` instead of copying them (import reads many).
Event event_from_json(Json&& document);

} // namespace pov
