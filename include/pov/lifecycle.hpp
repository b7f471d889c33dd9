// The state machine of contract section 5, and what a change does to a POV's status (section 4),
// as pure functions: a record, the config and the facts a rule needs (today, the SA's load, the
// audit log) in; a verdict out. None touches the store: the tracker loads, asks, applies and
// stores.
//
//   new --qualify--> qualified --start--> in_progress --close--> closed
//     \________________\___________________\--cancel--> cancelled
//   closed | cancelled --reopen--> the state it left
//
// A refusal throws pov::Error with the exit code and the message the user sees (conflict for a
// state or load that forbids it, invalid for a value a rule rejects, usage for a missing option).
#pragma once

#include "pov/config.hpp"
#include "pov/qualification.hpp"
#include "pov/record.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pov {

enum class Signer { champion, economic_buyer };

struct CloseRequest {
    Result result = Result::successful;
    std::string reason;
    std::string competitor;
    std::optional<LossType> loss_type;
    std::optional<Date> on;
};

// Whether a change may go beyond the SA's concurrency limit with --force: start and reopen offer
// it, handing a running POV to another SA (`set --sa`) does not.
enum class Force { not_offered, not_given, given };

// What going beyond a limit with --force comes with: the detail of its `forced` event
// (section 8) and the warning for the user.
struct Forced {
    std::string detail;
    std::string warning;
};

// A change the rules allow, and what comes with it.
struct Transition {
    Status to = Status::new_;          // the status after the change
    std::optional<Date> on;            // the day it takes effect, for a change that has one
    std::vector<std::string> warnings; // for the user
    std::optional<Forced> forced;      // set when --force took it beyond the SA's limit
};

// Section 5: `--on` dates may not lie in the future and have no lower bound (sign-offs given by
// mail are back-filled). Returns the day meant: `on`, else today.
Date past_or_today(std::optional<Date> on, Date today, std::string_view what = "--on");

// `set --started-on` corrects a recorded start (section 2): only of a POV that started, not in the
// future, not after it closed. Returns the corrected date.
Date can_correct_start(const Pov& pov, Date on, Date today);

// Section 5: sign-offs, approval and changes to the success criteria are for an open POV
// (new, qualified, in progress). `action` names the refused change in the message.
void require_open(const Pov& pov, std::string_view action);

// Section 5: an SA runs at most `rules.max_concurrent_per_sa` POVs; `sa_load` is how many the
// POV's SA runs now. At the limit it refuses (conflict) unless --force is offered and given;
// then it returns what the forced change records. `action` is "started" or "reopened".
std::optional<Forced> check_concurrency_limit(const Pov& pov, const Config& config, int sa_load, Force force,
                                              std::string_view action);

// Section 3: a new POV obeys every record rule; creating a lite one warns that lite is deprecated.
Transition can_create(const Pov& pov, const Config& config);

// Section 2: once started, the planned end moves only with `pov extend` and the planned start
// not at all. Refuses (conflict) a change of `field` that breaks this; other fields pass.
void can_change_field(const Pov& pov, std::string_view field);

// Section 5: handing a running POV to another SA obeys that SA's limit like a start, without
// --force. `new_sa_load` is how many POVs the new SA runs now.
void can_hand_over(const Pov& before, const Pov& after, const Config& config, int new_sa_load);

// Section 4: a qualified POV that no longer passes every check drops back to `new`. Returns the
// warning that says so, naming the first failing check, or nullopt when nothing changed.
std::optional<std::string> drop_back_unless_qualified(Pov& pov, const Config& config);

// Section 4: a new POV that passes every check becomes qualified; already qualified or later,
// its status is unchanged.
[[nodiscard]] bool becomes_qualified(const Pov& pov, const Qualification& qualification);

// Section 1: the success criteria change only on an open POV.
void can_change_criteria(const Pov& pov);

// Section 1: a criterion is added only on an open POV below `rules.max_capabilities`.
void can_add_capability(const Pov& pov, const Config& config);

// Section 4: changing the criteria clears both sign-offs, a qualified POV whose sign-offs are
// cleared drops back to `new`, and after start it is flagged as criteria creep. Applies that to
// `pov` and returns the warnings.
std::vector<std::string> after_criteria_change(Pov& pov);

// Section 4: the named signer signs off the current criteria of an open POV, on a day not in
// the future. Returns that day.
Date can_sign_off(const Pov& pov, Signer signer, std::optional<Date> on, Date today);

// Whether the POV still needs a manager's approval before it may start (section 5).
bool needs_approval(const Pov& pov, const Config& config);

// Section 5: a manager (`by`, required) approves an open POV.
void can_approve(const Pov& pov, const std::string& by);

// Section 5: start needs `qualified`, an approval when `rules.require_approval`, a paid POV's
// licence, planned dates, an `--on` day not in the future, and room under the SA's limit unless
// forced.
Transition can_start(const Pov& pov, const Config& config, Date today, int sa_load, std::optional<Date> on, bool force);

// Section 5: extend needs `in_progress`, a reason, and `to` later than the end and within the
// type's maximum with extensions; more than `rules.max_extensions` warns (the endless extension).
Transition can_extend(const Pov& pov, const Config& config, Date to, const std::string& reason);

// Section 2: retrospectives are journal entries of a running POV.
void can_retro(const Pov& pov);

// A correction of a journal entry (`pov journal edit`): what is given changes, the rest stays.
struct JournalChange {
    std::optional<std::string> text;
    std::optional<Date> on;
    std::optional<bool> shared;
};

// Section 6: a journal in its order, by date, the entries of one day as they were written (the
// store keeps it so, and numbers entries in it).
void order_journal(std::vector<JournalEntry>& journal);

// Section 6: the index of journal entry `n` (1-based, as `pov journal ID` numbers them); outside
// the journal, invalid data (exit 3) naming n and the entries there are.
std::size_t journal_index(const Pov& pov, std::int64_t n);

// Section 6: entry `n` as corrected: text checked as a note's, a day not in the future, and only
// a note may be shared (a retrospective stays internal, section 7).
JournalEntry corrected_entry(const Pov& pov, std::int64_t n, const JournalChange& change, Date today);

// Section 5: close needs `in_progress`, a reason, a loss type exactly when unsuccessful, a final
// status on every capability, and an `--on` day neither in the future nor before the start.
Transition can_close(const Pov& pov, const CloseRequest& request, Date today);

// Section 5: cancel needs an open POV and a reason; it takes effect today.
Transition can_cancel(const Pov& pov, const std::string& reason, Date today);

// Section 5: the state a closed or cancelled POV left, as its latest close or cancel event
// recorded (`events`, oldest first); without one, in_progress for closed and new for cancelled.
[[nodiscard]] Status reopen_target(const Pov& pov, const std::vector<Event>& events);

// Section 5: reopen needs a closed or cancelled POV and a reason; back into in_progress only
// within the SA's limit (`sa_load`) unless forced.
Transition can_reopen(const Pov& pov, const Config& config, const std::vector<Event>& events, int sa_load,
                      const std::string& reason, bool force);

} // namespace pov
