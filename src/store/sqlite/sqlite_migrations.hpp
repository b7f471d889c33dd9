// The schema's history: migration N brings a database from user_version N-1 to N.
// Never edit a migration that has shipped; add the next one.
#pragma once

#include <array>
#include <string_view>

namespace pov::sqlite {

inline constexpr std::array<std::string_view, 4> migrations{
    // 1: POVs, their success criteria, extensions, journal and audit log.
    R"sql(
CREATE TABLE povs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    account TEXT NOT NULL,
    opportunity TEXT,
    stage INTEGER,
    segment TEXT NOT NULL,
    deal TEXT,
    net_arr INTEGER,
    lam_significant INTEGER NOT NULL DEFAULT 0,
    type TEXT NOT NULL,
    strategic INTEGER NOT NULL DEFAULT 0,
    solution TEXT,
    owner TEXT,
    sa TEXT NOT NULL,
    csm TEXT,
    champion TEXT,
    economic_buyer TEXT,
    technical_lead TEXT,
    business_owner TEXT,
    champion_signoff TEXT,
    eb_signoff TEXT,
    why_now TEXT,
    why_anything TEXT,
    metrics TEXT,
    decision_process TEXT,
    pain TEXT,
    eb_access TEXT,
    impact TEXT,
    desired_future TEXT,
    business_outcomes TEXT,
    objective TEXT,
    in_scope TEXT,
    out_of_scope TEXT,
    customer_commitments TEXT,
    next_steps TEXT,
    "start" TEXT,
    "end" TEXT,
    started_on TEXT,
    closed_on TEXT,
    status TEXT NOT NULL,
    approved_by TEXT,
    approved_on TEXT,
    result TEXT,
    reason TEXT,
    competitor TEXT,
    loss_type TEXT,
    ps_positioned INTEGER NOT NULL DEFAULT 0,
    license_purchased INTEGER NOT NULL DEFAULT 0,
    created_on TEXT,
    qualified_on TEXT,
    criteria_creep INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX povs_status_sa ON povs (status, sa);
CREATE INDEX povs_sa ON povs (sa);
CREATE INDEX povs_account ON povs (account);
CREATE INDEX povs_closed_on ON povs (closed_on);
CREATE INDEX povs_started_on ON povs (started_on);
CREATE INDEX povs_created_on ON povs (created_on);

CREATE TABLE capabilities (
    pov_id INTEGER NOT NULL REFERENCES povs (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    title TEXT NOT NULL,
    target TEXT,
    outcome TEXT,
    status TEXT NOT NULL,
    evidence TEXT,
    updated_on TEXT,
    PRIMARY KEY (pov_id, n)
) WITHOUT ROWID;

CREATE TABLE extensions (
    pov_id INTEGER NOT NULL REFERENCES povs (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    from_date TEXT NOT NULL,
    to_date TEXT NOT NULL,
    reason TEXT NOT NULL,
    on_date TEXT NOT NULL,
    PRIMARY KEY (pov_id, seq)
) WITHOUT ROWID;

CREATE TABLE journal (
    id INTEGER PRIMARY KEY,
    pov_id INTEGER NOT NULL REFERENCES povs (id) ON DELETE CASCADE,
    on_date TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX journal_pov ON journal (pov_id, on_date);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    pov_id INTEGER NOT NULL REFERENCES povs (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    changes TEXT NOT NULL,
    detail TEXT
);
CREATE INDEX events_pov ON events (pov_id, id);
)sql",
    // 2: the results document's fields, the executive review (section 9), and shared journal notes.
    R"sql(
ALTER TABLE povs ADD COLUMN exec_review_on TEXT;
ALTER TABLE povs ADD COLUMN business_impact TEXT;
ALTER TABLE povs ADD COLUMN findings TEXT;
ALTER TABLE journal ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
)sql",
    // 3: what a report reads, indexed (issue 11). The past-date rebuild reads by time the events
    // that change something; the attention list reads each open POV's latest retrospective; the
    // net ARR at start reads each POV's starts and net ARR changes, which event_net_arr keeps
    // apart from the log's text (a trigger copies them as events are written; filled here from
    // the log so far).
    R"sql(
CREATE INDEX events_at ON events (at) WHERE changes <> '{}';
CREATE INDEX journal_retro ON journal (pov_id, on_date, id) WHERE kind = 'retro';
CREATE TABLE event_net_arr (
    pov_id INTEGER NOT NULL REFERENCES povs (id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    net_arr TEXT,
    started_on TEXT,
    PRIMARY KEY (pov_id, event_id)
) WITHOUT ROWID;
-- What event_net_arr holds of each event: one home for the trigger, this migration and a large
-- import, which fills it in one pass at its end (SqliteStore::expect_many_inserts).
CREATE VIEW event_net_arr_source AS
SELECT pov_id, id AS event_id, at, kind,
       CASE WHEN instr(changes, '"net_arr"') > 0 AND json_valid(changes) THEN changes -> '$.net_arr' END AS net_arr,
       CASE WHEN kind = 'started' AND json_valid(changes) THEN changes -> '$.started_on' END AS started_on
FROM events
WHERE kind = 'started' OR (instr(changes, '"net_arr"') > 0 AND json_valid(changes) AND changes -> '$.net_arr' IS NOT NULL);
INSERT INTO event_net_arr SELECT * FROM event_net_arr_source;
CREATE TRIGGER events_net_arr AFTER INSERT ON events
WHEN NEW.kind = 'started' OR instr(NEW.changes, '"net_arr"') > 0
BEGIN
    INSERT INTO event_net_arr SELECT * FROM event_net_arr_source WHERE event_id = NEW.id;
END;
)sql",
    // 4: the POVs' date indexes go. No query reads them (a report reads every POV, a list filters
    // by status, SA, account, type and end), and each cost every write to povs and a large
    // import's rebuild at its commit (100,000 lean POVs import about 8% faster without them).
    R"sql(
DROP INDEX IF EXISTS povs_closed_on;
DROP INDEX IF EXISTS povs_started_on;
DROP INDEX IF EXISTS povs_created_on;
)sql",
};

} // namespace pov::sqlite
