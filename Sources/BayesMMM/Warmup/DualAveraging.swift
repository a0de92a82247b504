import Foundation

/// Constants of Nesterov dual averaging for the step size (Hoffman & Gelman 2014, §3.2),
/// with Stan's defaults.
public struct DualAveragingParameters: Equatable, Sendable {
  /// δ: the mean acceptance statistic the step size is tuned to, in (0, 1). Default 0.8.
  public var targetAcceptance: Double = 0.8
  /// γ > 0: how strongly log ε is shrunk towards μ. Default 0.05.
  public var gamma: Double = 0.05
  /// κ in (0.5, 1]: the decay exponent of the iterate average's weights. Default 0.75.
  public var kappa: Double = 0.75
  /// t0 >= 0: damps the first iterations. Default 10.
  public var t0: Double = 10

  public init(
    targetAcceptance: Double = 0.8, gamma: Double = 0.05, kappa: Double = 0.75,
    t0: Double = 10
  ) {
    self.targetAcceptance = targetAcceptance
    self.gamma = gamma
    self.kappa = kappa
    self.t0 = t0
  }
}

/// Dual-averaging step-size adaptation as a pure state machine, as Stan's `stepsize_adapter`:
///
///     s̄_t = (1 - 1/(t + t0)) s̄_{t-1} + (δ - α_t) / (t + t0)
///     x_t = μ - √t s̄_t / γ                       (log ε used by the next transition)
///     x̄_t = (1 - t^-κ) x̄_{t-1} + t^-κ x_t        (final log ε = x̄)
///
/// with α_t the acceptance statistic of transition t, capped at 1.
///
/// ```swift
/// var adapter = DualAveraging(mu: log(10 * epsilon))   // init
/// epsilon = adapter.update(acceptStat: info.acceptStat) // update, once per warm-up iteration
/// epsilon = adapter.finalStepSize                       // final, when warm-up ends
/// ```
///
/// μ = log(10 ε0) biases the search towards step sizes larger than the starting one, which are
/// cheaper; Stan restarts the state (t = 0, s̄ = x̄ = 0) with a new μ after each metric update.
struct DualAveraging: Equatable {
  let parameters: DualAveragingParameters
  /// The shrinkage target μ of log ε.
  private(set) var mu: Double
  /// t: updates since the last (re)start.
  private(set) var iteration = 0
  /// s̄: the running average of δ - α.
  private(set) var averageAcceptanceGap = 0.0
  /// x̄: the weighted running average of log ε.
  private(set) var averageLogStepSize = 0.0

  init(parameters: DualAveragingParameters = .init(), mu: Double) {
    self.parameters = parameters
    self.mu = mu
  }

  /// Learns from one acceptance statistic; returns the step size exp(x_t) for the next
  /// transition.
  mutating func update(acceptStat: Double) -> Double {
    iteration += 1
    let t = Double(iteration)
    let alpha = min(acceptStat, 1)
    let eta = 1 / (t + parameters.t0)
    averageAcceptanceGap =
      (1 - eta) * averageAcceptanceGap + eta * (parameters.targetAcceptance - alpha)
    let logStepSize = mu - averageAcceptanceGap * t.squareRoot() / parameters.gamma
    let weight = pow(t, -parameters.kappa)
    averageLogStepSize = (1 - weight) * averageLogStepSize + weight * logStepSize
    return exp(logStepSize)
  }

  /// The adapted step size exp(x̄) to use after warm-up.
  var finalStepSize: Double { exp(averageLogStepSize) }

  /// Starts over (t = 0, s̄ = x̄ = 0) with a new shrinkage target μ = log(10 ε).
  mutating func restart(aroundStepSize stepSize: Double) {
    mu = log(10 * stepSize)
    iteration = 0
    averageAcceptanceGap = 0
    averageLogStepSize = 0
  }
}
