import CGSL

/// A GSL Mersenne Twister (`mt19937`) generator owned by exactly one chain or task.
///
/// ```swift
/// let rng = GSLRandom(runSeed: 42, stream: 2)   // chain 2 of run 42
/// let z = rng.standardNormal()
/// ```
///
/// Invariant: a `GSLRandom` is never shared between threads (GSL generators are not
/// thread-safe); each chain constructs its own from the run seed and its index, so a
/// run is reproducible bit for bit whatever the number of threads.
public final class GSLRandom {
  private let state: UnsafeMutablePointer<gsl_rng>

  /// The 64-bit value actually handed to `gsl_rng_set`, derived from the run seed and
  /// the stream index by a SplitMix64 mix (so streams 0, 1, 2 ... are decorrelated and
  /// never hit mt19937's special seed 0).
  public let derivedSeed: UInt64

  /// - Parameters:
  ///   - runSeed: the user's `--seed`.
  ///   - stream: the chain index (or any other independent stream number).
  public init(runSeed: UInt64, stream: UInt64 = 0) {
    GSLRuntime.prepare()
    guard let generator = gsl_rng_alloc(cgsl_rng_mt19937()) else {
      fatalError("gsl_rng_alloc failed: out of memory")
    }
    state = generator
    var seed = Self.splitMix64(runSeed &+ 0x9E37_79B9_7F4A_7C15 &* (stream &+ 1))
    if seed == 0 { seed = 0x5DEE_CE66_D1CE_4E5B }
    derivedSeed = seed
    gsl_rng_set(state, UInt(truncatingIfNeeded: seed))
  }

  deinit { gsl_rng_free(state) }

  /// One round of SplitMix64 (Steele, Lea & Flood 2014), a bijective 64-bit mixer.
  static func splitMix64(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform on the open interval (0, 1): safe to take the log of.
  @inline(__always) public func uniform() -> Double { gsl_rng_uniform_pos(state) }

  /// Uniform on (lower, upper).
  @inline(__always) public func uniform(_ lower: Double, _ upper: Double) -> Double {
    lower + (upper - lower) * gsl_rng_uniform_pos(state)
  }

  /// Standard normal N(0, 1) by GSL's ziggurat method.
  @inline(__always) public func standardNormal() -> Double {
    gsl_ran_gaussian_ziggurat(state, 1.0)
  }

  /// Normal with the given mean and standard deviation (> 0).
  @inline(__always) public func normal(mean: Double, sd: Double) -> Double {
    mean + gsl_ran_gaussian_ziggurat(state, sd)
  }

  /// Exponential with the given rate (> 0); mean 1 / rate.
  public func exponential(rate: Double) -> Double { gsl_ran_exponential(state, 1.0 / rate) }

  /// Gamma with shape alpha (> 0) and rate beta (> 0); mean alpha / beta.
  public func gamma(shape: Double, rate: Double) -> Double {
    gsl_ran_gamma(state, shape, 1.0 / rate)
  }

  /// Beta(a, b) on (0, 1).
  public func beta(_ a: Double, _ b: Double) -> Double { gsl_ran_beta(state, a, b) }

  /// Student-t with `nu` degrees of freedom, location 0 and scale 1.
  public func studentT(nu: Double) -> Double { gsl_ran_tdist(state, nu) }

  /// Log-normal: exp(N(mu, sigma)).
  public func logNormal(mu: Double, sigma: Double) -> Double { gsl_ran_lognormal(state, mu, sigma) }

  /// True with probability `p` in [0, 1].
  public func bernoulli(_ p: Double) -> Bool { gsl_rng_uniform(state) < p }

  /// A uniformly chosen integer in 0 ..< n (n >= 1).
  public func integer(below n: Int) -> Int {
    Int(gsl_rng_uniform_int(state, UInt(n)))
  }
}
