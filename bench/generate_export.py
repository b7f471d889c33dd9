#!/usr/bin/env python3
"""Writes a `pov export` document (schema pov/1) with N generated POVs, for measuring import.

    python3 bench/generate_export.py 100000 > /tmp/povs.json
    /usr/bin/time -v pov --db /tmp/bench.db import /tmp/povs.json

Every POV passes pov's default rules: a valid duration for its type, a configured solution, at
most five success criteria. Each has the parts and history of a POV with a long life, as issue
11's benchmark asks: every status, 1-5 success criteria, a few extensions once started, 10
journal entries, and 15 events (created, criteria changed, signed off, qualified, approved,
started, extended, logged, updated, closed as it went). Like a real team's, about 1,000 are
open whatever N (half of 1,000, 1% of 100,000), and the open ones are recent. With --lean, each is a bare new POV
with one criterion and its `created` event.
The same N and --seed give the same bytes.
"""
import argparse
import datetime
import json
import random
import sys
import uuid

SOLUTIONS = ["devsecops", "software-compliance", "automated-software-delivery", "devops-platform"]
DAYS = {"guided": (14, 45), "onsite": (1, 7), "paid": (61, 180)}
FIRST = ["Priya", "Sam", "Lee", "Ana", "Jon", "Mia", "Omar", "Zoe"]
LAST = ["Raman", "Okafor", "Chen", "Souza", "Berg"]
SAS = [f"{first} {last}" for first in FIRST for last in LAST]  # 40 SAs
OPEN_MAX = 1000
JOURNAL = 10
EVENTS = 15
WORDS = "pipeline audit release security compliance platform build deploy latency scan".split()


def sentence(rng, words=8):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def day(base, offset):
    return (base + datetime.timedelta(days=offset)).isoformat()


def lean(record):
    """The POV as `pov create NAME --account A --sa S --start D --end D --capability T` leaves it."""
    keep = {"id", "uuid", "name", "account", "sa", "type", "segment", "start", "end", "status", "created_on"}
    for key in record:
        if key not in keep and not isinstance(record[key], list):
            record[key] = False if isinstance(record[key], bool) else None
    record["status"] = "new"
    record["capabilities"] = record["capabilities"][:1]
    record["capabilities"][0].update(status="pending", evidence=None)
    record["journal"] = []
    return record


def status_of(rng, open_share):
    """A team runs at most about OPEN_MAX POVs at once, whatever its history: of a long history
    (100,000 POVs) about 1% are open, of a young one (1,000) about half."""
    if rng.random() < open_share:
        return rng.choice(["new", "qualified", "in_progress", "in_progress"])
    return rng.choice(["closed", "closed", "cancelled"])


def pov(rng, n, open_share=0.5, minimal=False):
    status = status_of(rng, open_share)
    if status in ("new", "qualified", "in_progress"):
        # Open POVs are the recent ones (the benchmark's today is 2026-12-01).
        base = datetime.date(2026, 9, 20) + datetime.timedelta(days=rng.randrange(70))
    else:
        base = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(800))
    kind = rng.choice(["guided", "guided", "guided", "onsite", "paid"])
    low, high = DAYS[kind]
    length = rng.randint(low, high)
    started = status in ("in_progress", "closed") or (status == "cancelled" and rng.random() < 0.5)
    closed = status in ("closed", "cancelled")
    result = rng.choice(["successful", "unsuccessful"]) if status == "closed" else None
    record = {
        "id": n,
        "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "name": f"{rng.choice(['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli'])} {n} platform POV",
        "account": f"Account {n % 5000}",
        "opportunity": f"OPP-{n:07d}",
        "stage": 3,
        "segment": "enterprise",
        "deal": rng.choice(["new-logo", "uptier"]),
        "net_arr": rng.randrange(50, 2000) * 1000,
        "lam_significant": rng.random() < 0.3,
        "type": kind,
        "strategic": rng.random() < 0.2,
        "solution": rng.choice(SOLUTIONS),
        "owner": "Olive Owner",
        "sa": rng.choice(SAS),
        "csm": None,
        "champion": "Chris Champion",
        "economic_buyer": "Erin Buyer",
        "technical_lead": "Terry Lead",
        "business_owner": None,
        "champion_signoff": day(base, -5),
        "eb_signoff": day(base, -4),
        "why_now": sentence(rng),
        "why_anything": sentence(rng),
        "metrics": sentence(rng),
        "decision_process": sentence(rng),
        "pain": sentence(rng, 12),
        "eb_access": sentence(rng),
        "impact": sentence(rng),
        "desired_future": None,
        "business_outcomes": None,
        "objective": sentence(rng),
        "in_scope": sentence(rng),
        "out_of_scope": None,
        "customer_commitments": None,
        "next_steps": sentence(rng),
        "start": day(base, 0),
        "end": day(base, length),
        "started_on": day(base, 0) if started else None,
        "closed_on": day(base, length) if closed else None,
        "status": status,
        "approved_by": None,
        "approved_on": None,
        "result": result,
        "reason": sentence(rng, 5) if closed else None,
        "competitor": "Rival Inc." if result == "unsuccessful" else None,
        "loss_type": "technical" if result == "unsuccessful" else None,
        "ps_positioned": rng.random() < 0.5,
        "license_purchased": kind == "paid",
        "created_on": day(base, -10),
        "qualified_on": day(base, -3) if status != "new" else None,
        "criteria_creep": False,
    }
    capabilities = []
    for i in range(rng.randint(1, 5)):
        capabilities.append({
            "n": i + 1,
            "title": sentence(rng, 4),
            "target": "p95 under 10 min",
            "outcome": None,
            "status": rng.choice(["met", "partial", "not-met"]) if status == "closed" else "pending",
            "evidence": sentence(rng) if status == "closed" else None,
            "updated_on": day(base, -10),
        })
    record["capabilities"] = capabilities
    extensions = []
    if started and kind != "onsite":
        # Each extension moved the planned end to where it is now; the POV still lasts within its type's rule.
        for i in range(rng.randint(0, 2)):
            extensions.append({"from": day(base, length - 2 * (i + 1)), "to": day(base, length - 2 * i),
                               "reason": sentence(rng, 5), "on": day(base, length - 2 * (i + 1) - 1)})
        extensions.reverse()
    record["extensions"] = extensions
    record["journal"] = [{"on": day(base, i * 3 - 10), "kind": "retro" if closed and i == JOURNAL - 1 else "note",
                          "text": sentence(rng, 15)} for i in range(JOURNAL)]
    if minimal:
        record = lean(record)
        extensions = []
    at = f"{day(base, -10)}T09:00:00Z"
    created = {k: [None, v] for k, v in record.items()
               if k not in ("id", "capabilities", "extensions", "journal") and v not in (None, False)}
    created.update({f"capabilities.{c['n']}": [None, {k: v for k, v in c.items() if k != "updated_on"}]
                    for c in record["capabilities"]})
    events = [{"at": at, "kind": "created", "changes": created, "detail": None}]
    if not minimal:
        events.append({"at": f"{day(base, -9)}T11:00:00Z", "kind": "criteria_changed",
                       "changes": {"capabilities.1": [{"title": "Draft"}, {"title": capabilities[0]["title"]}]},
                       "detail": None})
        for field in ("champion_signoff", "eb_signoff"):
            events.append({"at": f"{record[field]}T12:00:00Z", "kind": "signed_off",
                           "changes": {field: [None, record[field]]}, "detail": None})
    for kind_, field in (("qualified", "qualified_on"), ("started", "started_on")):
        if record[field]:
            events.append({"at": f"{record[field]}T10:00:00Z", "kind": kind_,
                           "changes": {field: [None, record[field]]}, "detail": None})
    for e in extensions:
        events.append({"at": f"{e['on']}T15:00:00Z", "kind": "extended",
                       "changes": {"end": [e["from"], e["to"]]}, "detail": e["reason"]})
    closing = []
    if record["closed_on"]:
        closing = [{"at": f"{record['closed_on']}T16:00:00Z", "kind": record["status"] if status == "cancelled"
                    else "closed", "changes": {"closed_on": [None, record["closed_on"]],
                                               "status": ["in_progress", record["status"]]},
                    "detail": record["reason"]}]
    i = 0
    while not minimal and len(events) + len(closing) < EVENTS:
        entry = record["journal"][i % JOURNAL]
        if i % 3 == 2:
            events.append({"at": f"{entry['on']}T14:{i:02d}:00Z", "kind": "updated",
                           "changes": {"next_steps": [sentence(rng, 4), record["next_steps"]]}, "detail": None})
        else:
            events.append({"at": f"{entry['on']}T13:{i:02d}:00Z", "kind": "logged",
                           "changes": {"journal": [None, {"kind": entry["kind"], "text": entry["text"]}]},
                           "detail": None})
        i += 1
    events += closing
    record["events"] = events
    return record


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many POVs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lean", action="store_true",
                        help="POVs as a bare `pov create` leaves them (required fields, one criterion)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
    # The layout of `pov export`: compact, one POV to a line.
    out.write('{"schema":"pov/1","exported_at":"2026-03-02","povs":[')
    open_share = min(0.5, OPEN_MAX / max(args.count, 1))
    for n in range(1, args.count + 1):
        out.write("\n" if n == 1 else ",\n")
        out.write(json.dumps(pov(rng, n, open_share, args.lean), separators=(",", ":"), ensure_ascii=False))
    out.write("\n]}\n" if args.count else "]}\n")


if __name__ == "__main__":
    main()
