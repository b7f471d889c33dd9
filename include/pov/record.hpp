// A POV and everything it holds (contract section 2).
#pragma once

#include "pov/date.hpp"
#include "pov/enums.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pov {

// Section-2 order is kept in JSON output, so keys read as the contract lists them.
using Json = nlohmann::ordered_json;

// A success criterion ("required capability").
struct Capability {
    int n = 0; // 1-based position
    std::string title;
    std::string target;  // measurable threshold; empty when not set
    std::string outcome; // business outcome; empty when not set
    CapabilityStatus status = CapabilityStatus::pending;
    std::string evidence;
    std::optional<Date> updated_on; // last change of title, target, status or evidence

    friend bool operator==(const Capability&, const Capability&) = default;
};

struct Extension {
    Date from;
    Date to;
    std::string reason;
    Date on;

    friend bool operator==(const Extension&, const Extension&) = default;
};

struct JournalEntry {
    Date on;
    JournalKind kind = JournalKind::note;
    std::string text;
    bool shared = false; // a note the customer may read: it reaches the results document (section 7)

    friend bool operator==(const JournalEntry&, const JournalEntry&) = default;
};

// One line of the audit log (section 8). `changes` maps a field to [old, new].
struct Event {
    std::string at; // ISO 8601 timestamp, UTC
    EventKind kind = EventKind::updated;
    Json changes = Json::object();
    std::string detail;

    friend bool operator==(const Event&, const Event&) = default;
};

// Text fields are empty when not set; JSON shows them as null.
struct Pov {
    std::int64_t id = 0;
    std::string uuid;

    std::string name;
    std::string account;
    std::string opportunity;
    std::optional<std::int64_t> stage; // 0–8; wide so an absurd value is reported, not wrapped
    Segment segment = Segment::enterprise;
    std::optional<Deal> deal;
    std::optional<std::int64_t> net_arr;
    bool lam_significant = false;
    PovType type = PovType::guided;
    bool strategic = false;
    std::string solution;

    std::string owner;
    std::string sa;
    std::string csm;
    std::string champion;
    std::string economic_buyer;
    std::string technical_lead;
    std::string business_owner;
    std::optional<Date> champion_signoff;
    std::optional<Date> eb_signoff;

    // Command plan (section 1).
    std::string why_now;
    std::string why_anything;
    std::string metrics;
    std::string decision_process;
    std::string pain;
    std::string eb_access;
    std::string impact;
    // Strategic guided POVs also need these.
    std::string desired_future;
    std::string business_outcomes;
    // Proposal.
    std::string objective;
    std::string in_scope;
    std::string out_of_scope;
    std::string customer_commitments;
    std::string next_steps;

    std::optional<Date> start; // planned
    std::optional<Date> end;   // planned; moves only by `extend` once started
    std::optional<Date> started_on;
    std::optional<Date> closed_on;      // also the day a POV was cancelled
    std::optional<Date> exec_review_on; // the executive review, booked while planning (section 9)
    std::string business_impact;        // quantified business impact, for the results document
    std::string findings;               // technical findings and recommendations
    Status status = Status::new_;
    std::string approved_by;
    std::optional<Date> approved_on;
    std::optional<Result> result;
    std::string reason;
    std::string competitor;
    std::optional<LossType> loss_type;
    bool ps_positioned = false;
    bool license_purchased = false;

    std::optional<Date> created_on;
    std::optional<Date> qualified_on; // the day it last became qualified; cleared when it drops back
    bool criteria_creep = false;      // criteria changed after start (section 4)

    std::vector<Capability> capabilities;
    std::vector<Extension> extensions;
    std::vector<JournalEntry> journal;

    // Computed by the store: the latest journal entry or capability change, else nullopt.
    std::optional<Date> last_activity;
    // Computed by the store: the latest retrospective's answer to "on track?", else nullopt.
    std::optional<bool> latest_retro_on_track;
};

[[nodiscard]] inline bool is_open(Status status)
{
    return status == Status::new_ || status == Status::qualified || status == Status::in_progress;
}

} // namespace pov
