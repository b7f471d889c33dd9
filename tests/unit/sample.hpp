// Sample records for the unit tests.
#pragma once

#include "helpers.hpp"

#include "pov/record.hpp"

namespace test {

// The least a stored POV needs: a name, an account and an SA.
inline pov::Pov minimal_pov()
{
    pov::Pov pov;
    pov.id = 7;
    pov.uuid = "0b7e2f4c-1d3a-4c5e-9f00-123456789abc";
    pov.name = "Acme platform POV";
    pov.account = "Acme Corp";
    pov.sa = "Sam Architect";
    return pov;
}

inline pov::Capability capability(int n, std::string title, std::string target = "p95 under 10 min")
{
    pov::Capability c;
    c.n = n;
    c.title = std::move(title);
    c.target = std::move(target);
    return c;
}

// A new guided POV that passes all ten qualification checks of section 4.
inline pov::Pov qualifying_pov()
{
    auto pov = minimal_pov();
    pov.stage = 3;
    pov.deal = pov::Deal::new_logo;
    pov.solution = "devsecops";
    pov.why_now = "audit in Q3";
    pov.why_anything = "manual releases fail";
    pov.metrics = "lead time";
    pov.decision_process = "CTO decides with security";
    pov.pain = "two-week release cycle";
    pov.eb_access = "monthly 1:1 with the CFO";
    pov.impact = "misses the audit";
    pov.capabilities = {capability(1, "Pipeline under 10 minutes"), capability(2, "SAST on every merge request")};
    pov.champion = "Chris Champion";
    pov.economic_buyer = "Erin Buyer";
    pov.champion_signoff = day("2026-02-20");
    pov.eb_signoff = day("2026-02-21");
    pov.technical_lead = "Terry Lead";
    pov.start = day("2026-03-02");
    pov.end = day("2026-03-30"); // 28 days
    return pov;
}

} // namespace test
