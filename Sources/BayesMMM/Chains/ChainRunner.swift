import Foundation

/// Runs one NUTS chain: initialisation, windowed warm-up (step size and diagonal metric),
/// then `settings.draws` kept draws.
///
/// ```swift
/// let rng = GSLRandom(runSeed: 42, stream: 0)
/// let result = try runChain(target: model.makeLogDensity(), settings: SamplerSettings(),
///                           random: rng)
/// print(result.statistics.divergences, result.stepSize)
/// ```
///
/// - Parameters:
///   - target: the log density; used only on the calling thread.
///   - random: the chain's own generator; all randomness of the chain comes from it, in a
///     fixed order, so a chain is a pure function of (target, settings, seed, stream).
///   - chain: the chain's index, reported in progress and errors.
///   - progress: called on the calling thread at most about every 1% of each phase's
///     iterations and at each phase's last iteration.
///   - cancel: checked before every iteration; when set, the chain returns what it has with
///     `wasCancelled == true`.
///   - onDraw: called after each kept draw with its 0-based index and unconstrained position
///     (valid only during the call), e.g. to map it to constrained values.
/// - Throws: `SamplerError` for invalid settings, initialisation failure or a failed
///   step-size search. Divergences are not errors.
public func runChain(
  target: any LogDensity,
  settings: SamplerSettings,
  random: GSLRandom,
  chain: Int = 0,
  progress: ((ChainProgress) -> Void)? = nil,
  cancel: CancellationFlag? = nil,
  onDraw: ((_ draw: Int, _ position: UnsafeBufferPointer<Double>) -> Void)? = nil
) throws(SamplerError) -> ChainResult {
  let clock = ContinuousClock()
  let start = clock.now
  try settings.validate()
  let d = target.dimension
  let kernel = NUTSKernel(
    target: target, maxTreeDepth: settings.maxDepth, maxEnergyError: settings.maxEnergyError,
    random: random)
  if let inverse = settings.initialInverseMetric {
    guard inverse.count == d else {
      throw .dimensionMismatch(what: "initial inverse metric", expected: d, actual: inverse.count)
    }
    kernel.metric.setInverseMass(inverse)
  }
  let initialPosition = try ChainInitialization.initialize(
    kernel: kernel, supplied: settings.initialPosition, radius: settings.initRadius,
    maxAttempts: settings.maxInitializationAttempts, chain: chain)

  let reporter = ProgressReporter(chain: chain, callback: progress)
  var stepSize = settings.initialStepSize
  var divergences = 0
  var cancelled = false

  // Warm-up.
  var warmupDone = 0
  if settings.warmup > 0 {
    let schedule = WarmupSchedule(warmupIterations: settings.warmup, windows: settings.windows)
    var adaptation = WindowedAdaptation(
      schedule: schedule, dualAveraging: settings.dualAveraging,
      metric: settings.metricAdaptation, dimension: d, stepSize: stepSize)
    stepSize = try searchStepSize(kernel: kernel, from: stepSize, chain: chain)
    for iteration in 0..<settings.warmup {
      if cancel?.isCancelled == true {
        cancelled = true
        break
      }
      let info = kernel.transition(stepSize: stepSize)
      if info.divergent { divergences += 1 }
      switch adaptation.learn(
        iteration: iteration, acceptStat: info.acceptStat,
        position: kernel.state.position, gradient: kernel.state.gradient)
      {
      case .stepSize(let next):
        stepSize = next
      case .metricUpdated(let next, let inverseMetric):
        kernel.metric.set(inverseMetric)
        stepSize = try searchStepSize(kernel: kernel, from: next, chain: chain)
        adaptation.restartStepSize(around: stepSize)
      }
      warmupDone = iteration + 1
      reporter.report(
        .warmup, iteration: warmupDone, of: settings.warmup, divergences: divergences,
        stepSize: info.stepSize)
    }
    stepSize = adaptation.finalStepSize(current: stepSize)
  }
  let warmupDivergences = divergences

  // Sampling.
  var statistics = SamplerStatistics()
  var positions: [Double] = []
  if !cancelled {
    statistics.reserveCapacity(settings.draws)
    positions.reserveCapacity(settings.draws * d)
    for draw in 0..<settings.draws {
      if cancel?.isCancelled == true {
        cancelled = true
        break
      }
      let info = kernel.transition(stepSize: stepSize)
      if info.divergent { divergences += 1 }
      statistics.append(info)
      let position = UnsafeBufferPointer(start: kernel.state.position, count: d)
      positions.append(contentsOf: position)
      onDraw?(draw, position)
      reporter.report(
        .sampling, iteration: draw + 1, of: settings.draws, divergences: divergences,
        stepSize: stepSize)
    }
  }

  let elapsed = clock.now - start
  return ChainResult(
    chain: chain, dimension: d, positions: positions, statistics: statistics,
    initialPosition: initialPosition, warmupIterations: warmupDone,
    warmupDivergences: warmupDivergences, stepSize: stepSize,
    inverseMetric: kernel.metric.inverseMassDiagonal,
    gradientEvaluations: kernel.hamiltonian.gradientEvaluations,
    wallTime: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
    wasCancelled: cancelled)
}

/// Stan's step-size search from `stepSize` at the kernel's current position.
private func searchStepSize(
  kernel: NUTSKernel, from stepSize: Double, chain: Int
) throws(SamplerError) -> Double {
  do {
    return try StepSizeHeuristic.search(from: stepSize) { epsilon in
      kernel.energyDropOfOneStep(stepSize: epsilon)
    }
  } catch {
    switch error {
    case .stepSizeTooLarge: throw .stepSizeTooLarge(chain: chain)
    case .stepSizeVanished: throw .stepSizeVanished(chain: chain)
    }
  }
}

/// Throttles progress reports to about one per 1% of a phase, plus its last iteration.
private struct ProgressReporter {
  let chain: Int
  let callback: ((ChainProgress) -> Void)?

  func report(
    _ phase: SamplingPhase, iteration: Int, of total: Int, divergences: Int, stepSize: Double
  ) {
    guard let callback else { return }
    let interval = max(1, total / 100)
    guard iteration % interval == 0 || iteration == total else { return }
    callback(
      ChainProgress(
        chain: chain, phase: phase, iteration: iteration, iterationsInPhase: total,
        divergences: divergences, stepSize: stepSize))
  }
}
