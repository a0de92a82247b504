import Foundation

/// Stan's warm-up as a state machine: dual-averaging step size every iteration, metric
/// estimated over the windows of a `WarmupSchedule`, and after each metric update the step
/// size searched again from scratch and the dual averaging restarted around it
/// (`adapt_diag_e_nuts::transition`).
///
/// ```swift
/// var warmup = WindowedAdaptation(schedule: schedule, dualAveraging: params,
///                                 metric: .stanWindowedVariance, dimension: d, stepSize: 1)
/// for i in 0..<schedule.warmupIterations {
///   let info = kernel.transition(stepSize: epsilon)
///   switch warmup.learn(iteration: i, acceptStat: info.acceptStat, position: q, gradient: g) {
///   case .stepSize(let next): epsilon = next
///   case .metricUpdated(let next, let inverseMetric):
///     metric.set(inverseMetric)
///     epsilon = try StepSizeHeuristic.search(from: next, ...)
///     warmup.restartStepSize(around: epsilon)
///   }
/// }
/// epsilon = warmup.finalStepSize(current: epsilon)
/// ```
struct WindowedAdaptation {
  /// What the caller must do after a warm-up iteration.
  enum Step: Equatable {
    /// Use this step size for the next transition.
    case stepSize(Double)
    /// Install the new inverse metric, re-run the step-size search starting from `stepSize`,
    /// then call `restartStepSize(around:)` with its result.
    case metricUpdated(stepSize: Double, inverseMetric: InverseMetric)
  }

  let schedule: WarmupSchedule
  private(set) var dualAveraging: DualAveraging
  private var metricEstimator: MetricEstimator

  /// - Parameter stepSize: the user's starting step size ε0 (Stan: 1); μ = log(10 ε0), set
  ///   before the first step-size search as Stan's services do.
  init(
    schedule: WarmupSchedule, dualAveraging parameters: DualAveragingParameters,
    metric method: MetricAdaptation, dimension: Int, stepSize: Double
  ) {
    self.schedule = schedule
    dualAveraging = DualAveraging(parameters: parameters, mu: log(10 * stepSize))
    metricEstimator = MetricEstimator(method: method, dimension: dimension)
  }

  /// Learns from warm-up iteration `iteration` (0-based): its acceptance statistic and the
  /// position and gradient of its draw.
  mutating func learn(
    iteration: Int, acceptStat: Double,
    position: UnsafeMutablePointer<Double>, gradient: UnsafeMutablePointer<Double>
  ) -> Step {
    let stepSize = dualAveraging.update(acceptStat: acceptStat)
    if schedule.collectsMetricDraw(at: iteration) {
      metricEstimator.add(position: position, gradient: gradient)
    }
    guard schedule.endsMetricWindow(at: iteration) else { return .stepSize(stepSize) }
    let inverseMetric = metricEstimator.inverseMetric()
    metricEstimator.restart()
    return .metricUpdated(stepSize: stepSize, inverseMetric: inverseMetric)
  }

  /// Restarts dual averaging with μ = log(10 ε) after a metric update and step-size search.
  mutating func restartStepSize(around stepSize: Double) {
    dualAveraging.restart(aroundStepSize: stepSize)
  }

  /// The step size for sampling: exp(x̄) of the dual averaging, or `current` when the dual
  /// averaging has had no update since its last restart (a zero terminal buffer; Stan would
  /// return exp(0) = 1 there, stan-dev/stan#3023).
  func finalStepSize(current: Double) -> Double {
    dualAveraging.iteration > 0 ? dualAveraging.finalStepSize : current
  }
}
