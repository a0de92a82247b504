/// How the generated-quantity effects of a run are computed.
///
/// ```swift
/// var effects = EffectSettings()     // 10 mediator paths per draw
/// effects.mediatorPaths = 40         // less Monte Carlo noise, 4x the cost
/// ```
public struct EffectSettings: Equatable, Sendable {
  /// Simulated mediator paths R per posterior draw (>= 1). Default 10. The Monte Carlo
  /// error of an indirect effect falls like 1 / sqrt(R) and is small next to the posterior
  /// spread already at 10, because both arms share their random numbers.
  public var mediatorPaths: Int = 10

  /// Random streams of the effects start here: chain c uses stream `streamOffset + c` of the
  /// run seed, disjoint from the sampler's streams 0 ..< chains.
  public static let streamOffset: UInt64 = RandomStreams.effects.first

  public init(mediatorPaths: Int = 10) { self.mediatorPaths = mediatorPaths }

  /// The generator of chain `chain`'s effects: `GSLRandom(runSeed: seed, stream: 1_000_000 +
  /// chain)`.
  public static func random(runSeed: UInt64, chain: Int) -> GSLRandom {
    GSLRandom(runSeed: runSeed, stream: streamOffset + UInt64(chain))
  }
}
