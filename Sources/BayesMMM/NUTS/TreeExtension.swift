/// How an attempt to build (or extend by) a subtree ended; divergence is data, not an error.
///
/// Stan's `build_tree` returns a bool; naming the two failure modes lets the transition
/// report *why* the trajectory stopped.
enum TreeExtension: Equatable {
  /// The subtree was built and neither it nor any of its sub-subtrees made a U-turn.
  case extended
  /// The no-U-turn criterion failed somewhere inside the subtree: the subtree is rejected.
  case turning
  /// A leapfrog step had H - H0 > the divergence threshold (or a non-finite energy): the
  /// subtree is rejected and the transition is flagged divergent.
  case diverging

  var isValid: Bool { self == .extended }
}
