/// The carry-over form of a media channel, chosen in the priors file (`"adstock"` in
/// `model` for every channel, or in a channel's entry for that channel).
public enum AdstockForm: String, CaseIterable, Sendable, Hashable {
  /// `GeometricAdstock`: one parameter, the decay (the default).
  case geometric
  /// `DelayedAdstock`: decay and peak delay over a window of L weeks.
  case delayed
}
