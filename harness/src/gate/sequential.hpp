// The stopping rule of `ab --target`: after each round of pairs, a benchmark whose
// interval is still too wide to see a change of the target size gets more pairs, until it
// is narrow enough, reaches the most pairs allowed, or the session's time runs out.
//
// The rule looks only at the width of the interval (the spread of the pairs' log
// ratios), never at the ratio itself, so stopping early says nothing about the direction
// or size of a change: `compare` then runs its usual fixed test on all the pairs. That a
// width-only rule does not inflate false alarms is checked by ci/gate-experiment.sh.
#pragma once

#include <optional>
#include <vector>

namespace idiombench {

// One pair of processes: the log of candidate time over baseline time, and the code
// layout (relink) both ran with.
struct PairRatio {
  int layout;
  double log_ratio;
};

// The smallest relative change these pairs could detect (two-sided test at `alpha`,
// `power`), as compare computes it: Yuen's 20%-trimmed mean of the log ratios, or, with
// several layouts, of each layout's mean log ratio (layout nested in side: a layout's
// effect then widens the interval instead of deciding it). None when too few to say.
std::optional<double> detectable_change(const std::vector<PairRatio>& pairs, double alpha = 0.01,
                                        double power = 0.8);

// How many pairs a benchmark should have after the next round: enough, by the square-root
// law, to bring `detectable` down to `target` (plus a tenth), at least `step` more and at
// most twice as many as it has, never above `most`.
int pairs_wanted(int have, double detectable, double target, int step, int most);

}  // namespace idiombench
