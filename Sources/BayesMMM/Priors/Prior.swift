#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A validated prior distribution for one scalar parameter, with its normalising constant
/// computed once.
///
/// ```swift
/// let decay = try Prior(.beta(alpha: 3, beta: 3))
/// let (logPrior, slope) = decay.logDensityWithDerivative(at: 0.4)
/// let x = decay.sample(using: GSLRandom(runSeed: 1))
/// decay.support                       // .unitInterval, hence the logit transform
/// let fromFile = try Prior(json: ["family": "half_normal", "sd": 2], keyPath: "sigma_y")
/// ```
///
/// Invariant: `family`'s parameters passed validation (see `init(_:)`), so every density,
/// moment and quantile is well defined, and `logNormalizer` is the log of the constant that
/// makes the density integrate to 1 over `support`.
///
/// Two priors are equal when their families are equal (the cached constants follow).
public struct Prior: Sendable {
  /// The distribution and its parameters.
  public let family: PriorFamily

  /// log C, where the density is C · kernel(x); computed with lgamma / lbeta / log Φ at
  /// initialisation so that the log density needs none of them per call.
  let logNormalizer: Double

  /// For `truncatedNormal` only: the truncation on the standard normal scale.
  let truncation: StandardNormalTruncation?

  /// Validates `family` and caches its normalising constant.
  ///
  /// Requirements: scales (`sd`, `sigma`, `scale`), `shape`, `rate`, `alpha`, `beta` and
  /// `nu` finite and > 0; locations (`mean`, `mu`, `location`) finite; for
  /// `truncatedNormal`, lower < upper, at least one bound finite, and a truncation interval
  /// with probability mass representable in double precision (within about 37 sd of the
  /// mean).
  ///
  /// - Throws: `PriorsError` with an empty `file` whose `keyPath` names the parameter, e.g.
  ///   `key "sd": must be > 0, got -1`.
  public init(_ family: PriorFamily) throws {
    try self.init(family, file: "", keyPath: "")
  }

  /// As `init(_:)`, reporting errors under `file` and `keyPath` (the prior's own key; the
  /// parameter name is appended).
  init(_ family: PriorFamily, file: String, keyPath: String) throws {
    func failure(_ parameter: String?, _ message: String) -> PriorsError {
      PriorsError(
        file: file, keyPath: Self.keyPath(keyPath, appending: parameter), message: message)
    }
    if let problem = Self.invalidParameter(in: family) {
      throw failure(problem.parameter, problem.message)
    }
    GSLRuntime.prepare()
    self.family = family
    if case .truncatedNormal(let mean, let sd, let lower, let upper) = family {
      let standard = StandardNormalTruncation(
        lower: (lower - mean) / sd, upper: (upper - mean) / sd)
      guard standard.mass > 0 && standard.mass.isFinite else {
        let text = JSONValue.readableNumber
        throw failure(
          nil,
          "truncation interval (\(text(lower)), \(text(upper))) has probability 0 "
            + "under a normal with mean \(text(mean)) and sd \(text(sd))")
      }
      truncation = standard
    } else {
      truncation = nil
    }
    logNormalizer = Self.logNormalizer(of: family, truncation: truncation)
  }

  /// The open set where the density is positive (see `PriorFamily.support`).
  public var support: ParameterSupport { family.support }

  /// `keyPath.parameter`, or whichever of the two is not empty.
  static func keyPath(_ keyPath: String, appending parameter: String?) -> String {
    guard let parameter else { return keyPath }
    return keyPath.isEmpty ? parameter : keyPath + "." + parameter
  }
}

extension Prior: Equatable {
  public static func == (lhs: Prior, rhs: Prior) -> Bool { lhs.family == rhs.family }
}

extension Prior: CustomStringConvertible {
  /// The prior as one line of JSON, e.g. `{"family": "normal", "mean": 0, "sd": 1}`.
  public var description: String { json.serialized(pretty: false) }
}
