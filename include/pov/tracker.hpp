// The operations of pov (contract sections 4, 5 and 8): each is one transaction on the store
// that loads the POV, asks the rules (lifecycle.hpp, rules.hpp), applies the change, stores it
// and its audit event, or throws and writes nothing.
#pragma once

#include "pov/config.hpp"
#include "pov/lifecycle.hpp"
#include "pov/qualification.hpp"
#include "pov/record.hpp"
#include "pov/store.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pov {

// "Today" and the timestamp of this command's events, both given by the caller.
struct Clock {
    Date today;
    std::string now; // ISO 8601 UTC, e.g. 2026-03-02T09:15:00Z
};

// A field as the user typed it: `--net-arr 150k` is {"net_arr", "150k"}.
struct FieldInput {
    std::string field;
    std::string value;
};

struct NewCapability {
    std::string title;
    std::string target;
    std::string outcome;
};

struct CapabilityChange {
    std::optional<std::string> title;
    std::optional<std::string> target;
    std::optional<std::string> outcome;
    std::optional<CapabilityStatus> status;
    std::optional<std::string> evidence;
};

struct Retro {
    std::string went_well;
    std::string problems;
    std::string change;
    bool on_track = true;
    std::optional<Date> on; // the day it is about; today when not given
};

// What a change produced: the POV as stored now, and warnings for the user.
struct Outcome {
    Pov pov;
    std::vector<std::string> warnings;
    std::vector<std::string> changed; // the fields whose values changed, in section-2 order
};

struct QualifyOutcome {
    Pov pov;
    Qualification qualification;
    bool status_changed = false;
    bool needs_approval = false; // the next step is `pov approve`, not `pov start` (section 4)
};

class Tracker {
public:
    Tracker(Store& store, const Config& config, Clock clock);

    Outcome create(const std::vector<FieldInput>& fields, const std::vector<NewCapability>& capabilities);
    // Stores a POV made by draft_pov.
    Outcome create(Pov draft);
    Outcome set(std::int64_t id, const std::vector<FieldInput>& fields);
    // The same, and the success criteria become `criteria` unless nullopt (a plan's, section 6).
    // A criterion that keeps its title keeps its status and evidence; a new or retitled one, or a
    // new target, is a change of the criteria (section 4): both sign-offs clear and the event is
    // `criteria_changed`. Only an open POV's criteria change.
    Outcome set(std::int64_t id, const std::vector<FieldInput>& fields,
                const std::optional<std::vector<NewCapability>>& criteria);

    Outcome add_capability(std::int64_t id, const NewCapability& capability);
    Outcome change_capability(std::int64_t id, int n, const CapabilityChange& change);
    Outcome remove_capability(std::int64_t id, int n);
    Outcome sign_off(std::int64_t id, Signer signer, std::optional<Date> on);

    QualifyOutcome qualify(std::int64_t id, bool dry_run);
    Outcome approve(std::int64_t id, const std::string& by);
    Outcome start(std::int64_t id, std::optional<Date> on, bool force);
    Outcome extend(std::int64_t id, Date to, const std::string& reason);
    // A note about `on` (back-filled, never in the future; today when not given); a `shared` one
    // the customer may read (the results document, section 7).
    Outcome log(std::int64_t id, const std::string& text, std::optional<Date> on = std::nullopt, bool shared = false);
    Outcome retro(std::int64_t id, const Retro& retro);
    // Corrects or removes journal entry `n` (1-based, in date order), audited as `journal_changed`
    // with the old and new values (section 8); a correction that changes nothing writes nothing.
    Outcome edit_journal(std::int64_t id, std::int64_t n, const JournalChange& change);
    Outcome remove_journal(std::int64_t id, std::int64_t n);
    Outcome close(std::int64_t id, const CloseRequest& request);
    Outcome cancel(std::int64_t id, const std::string& reason);
    // Back to the state it left; to in_progress only within the SA's limit, unless forced.
    Outcome reopen(std::int64_t id, const std::string& reason, bool force = false);

    // Removes a POV entered by mistake with all its parts; returns it as it was (section 6).
    Pov remove(std::int64_t id);

    // Reads; a missing POV throws pov::Error (not found).
    Pov get(std::int64_t id);
    std::vector<Pov> list(const ListFilter& filter);
    // list(), each POV with its risks handed to `visit` as it is read, in one read transaction:
    // a list of any size holds one record at a time.
    void each_listed(const ListFilter& filter, const std::function<void(const Pov&, const std::vector<Risk>&)>& visit);
    std::vector<Event> history(std::int64_t id);

    // The risks of a POV (section 9) given its SA's current load; every SA's load at once.
    std::vector<Risk> risks_of(const Pov& pov);
    std::map<std::string, int> sa_load();

private:
    // What a change carries besides the POV: its event, the events recorded after it (a
    // `forced` one) and warnings for the user.
    struct Change {
        Event event;
        std::vector<Event> more;
        std::vector<std::string> warnings;
    };
    using Mutation = std::function<void(Pov&, Change&)>;

    Pov load(std::int64_t id);
    // The one path of every change: load the POV, let `mutate` ask the rules and apply them,
    // validate, then store it with its event and any more events, in one transaction. A `read`
    // transaction (a dry run) checks everything and stores nothing.
    Outcome change(std::int64_t id, EventKind kind, const Mutation& mutate, Store::Lock lock = Store::Lock::write);
    // Writes what changed; false, writing nothing, when the change changed nothing.
    bool save(const Pov& before, const Pov& after, Change& change);
    // Takes a transition's warnings, and the `forced` event of a change forced beyond a limit.
    static void follow(const Transition& transition, Change& change);
    // A change of the success criteria: its event kind and its consequences (section 4).
    static void change_criteria(Pov& pov, Change& change);
    // Makes the criteria `wanted`, recording each position that changed.
    void replace_criteria(Pov& pov, const std::vector<NewCapability>& wanted, Change& change) const;

    Store& store_;
    const Config& config_;
    Clock clock_;
};

std::string generate_uuid();

// A new POV from what the user typed, checked against every rule, before any store is opened:
// a create that fails this way touches no file. Throws pov::Error (usage or invalid).
Pov draft_pov(const std::vector<FieldInput>& fields, const std::vector<NewCapability>& capabilities,
              const Config& config, Date today);

} // namespace pov
