/// The model's estimate of every lift test's estimand at each posterior draw: the full total
/// effect of MODEL.md 6 and the mean-path approximation the log density uses.
///
/// ```swift
/// let estimates = LiftTestEstimates(model: model, draws: draws, seed: run.seed)
/// estimates.full[i]          // test i's effect per draw, currency
/// estimates.approximate[i]   // V_i per draw (`LiftTestTerm`), currency
/// ```
///
/// Full effect of test i at draw d (currency): with the test's spend path x' and the
/// observed x, Google simulated from the hurdle on `paths` paths with common random numbers
/// in both arms (`CounterfactualRevenue`, `MediatorRandomNumbers`),
///
///     E_i,d = direction_i x sum_{t in W_i} (Y_t(x', M(x')) - Y_t(x, M(x)))
///
/// where Y_t keeps week t's observed residual (b_t = min(floor, model median) in censored
/// weeks). Draw d's numbers come from stream d of `RandomStreams.liftTests` of `seed`, so
/// the estimates do not depend on `threads`.
///
/// - Complexity: O(draws x tests x paths x T).
public struct LiftTestEstimates: Sendable {
  /// `[tests][draws]`, currency.
  public let full: [[Double]]
  public let approximate: [[Double]]
  /// Mediator paths per draw and the seed they were drawn with.
  public let paths: Int
  public let seed: UInt64

  /// The default number of simulated Google paths per draw.
  public static let defaultPaths = 20

  /// Estimates for `model.liftTests` at constrained parameter `draws` (layout order).
  public init(
    model: JointModel, draws: [[Double]], seed: UInt64, paths: Int = defaultPaths,
    threads: Int = 2
  ) {
    self.paths = paths
    self.seed = seed
    let tests = model.liftTests
    guard !tests.isEmpty else {
      full = []
      approximate = []
      return
    }
    let perDraw = ParallelWork.map(count: draws.count, threads: threads) { d in
      Self.estimates(model: model, parameters: draws[d], seed: seed, draw: d, paths: paths)
    }
    full = tests.indices.map { i in perDraw.map { $0.full[i] } }
    approximate = tests.indices.map { i in perDraw.map { $0.approximate[i] } }
  }

  /// Both estimates of every test at one draw.
  static func estimates(
    model: JointModel, parameters x: [Double], seed: UInt64, draw: Int, paths: Int
  ) -> (full: [Double], approximate: [Double]) {
    estimates(
      model: model, parameters: x, paths: paths,
      random: GSLRandom(runSeed: seed, stream: RandomStreams.liftTests.stream(draw)))
  }

  /// Both estimates at one draw, the `paths` Google paths drawn from `random`.
  static func estimates(model: JointModel, parameters x: [Double], paths: Int, random: GSLRandom)
    -> (full: [Double], approximate: [Double])
  {
    let inputs = model.inputs
    let state = ForwardModel(model: model).state(parameters: x)
    var numbers = MediatorRandomNumbers(paths: paths, weeks: inputs.weeks)
    numbers.draw(from: random)
    let counterfactual = CounterfactualRevenue(model: model)
    let observed = SpendPlan.observed(inputs)
    let observedRevenue = counterfactual.outcome(
      state: state, plan: observed, google: .simulated(numbers)
    ).revenue
    let full = model.liftTests.map { test in
      let plan = observed.replacingSocial(
        test.channelIndex, with: test.testSpend(observed: inputs.socialSpend[test.channelIndex]))
      let revenue = counterfactual.outcome(state: state, plan: plan, google: .simulated(numbers))
        .revenue
      return test.direction * test.weeks.reduce(0.0) { $0 + revenue[$1] - observedRevenue[$1] }
    }
    return (full, approximateEffects(model: model, state: state, parameters: x))
  }

  /// V_i of every test at one draw, through `LiftTestTerm` (the density's own code).
  static func approximateEffects(
    model: JointModel, state: ForwardModel.State, parameters x: [Double]
  )
    -> [Double]
  {
    let term = LiftTestTerm(model: model)
    let values = UnsafeMutableBufferPointer<Double>.copying(x)
    let eta = UnsafeMutableBufferPointer<Double>.copying(
      state.onOffPredictor(socialSignals: state.socialSignals))
    defer {
      values.deallocate()
      eta.deallocate()
    }
    return term.effects(values: values, onOffPredictor: eta)
  }
}
