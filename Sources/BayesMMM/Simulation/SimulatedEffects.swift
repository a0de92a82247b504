/// The true direct, indirect and total effects of each social channel in a simulated
/// dataset (MODEL.md 6), computed at the true parameters with many mediator paths.
public enum SimulatedEffects {
  /// The `effects` member of truth.json.
  ///
  /// Pending: the per-draw effects API (branch `effects`) is not merged yet, so this
  /// records that the effects are not computed.
  public static func truth(of simulated: SimulatedDataset, paths: Int, seed: UInt64) throws
    -> JSONValue
  {
    [
      "status": "pending: the causal effects module is not merged yet",
      "mediator_paths": .number(Double(paths)),
    ]
  }
}
