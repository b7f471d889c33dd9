// A realistic team's POVs at every stage, written through the tracker as if lived day by day.
#pragma once

#include "pov/config.hpp"
#include "pov/store.hpp"

namespace pov {

// Fills an empty store with the sample team's POVs, dated around `today`; returns how many.
// A store that already holds POVs throws pov::Error (conflict) and is left as it was.
int fill_demo(Store& store, const Config& config, Date today);

} // namespace pov
