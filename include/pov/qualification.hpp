// Qualification (contract section 4): ten checks, each reported on its own with what to do.
#pragma once

#include "pov/config.hpp"
#include "pov/record.hpp"

#include <string>
#include <vector>

namespace pov {

struct QualificationCheck {
    std::string rule; // stable name: stage, deal, command_plan, …
    bool ok = false;
    std::string detail; // what passed, or what is wrong and how to fix it
};

struct Qualification {
    bool qualified = false;
    std::vector<QualificationCheck> checks;
};

Qualification qualify(const Pov& pov, const Config& config);

} // namespace pov
