/// Revenue and Google spend over the window for plans that scale each social channel's
/// observed weekly path, at a fixed set of posterior draws: what a budget allocation's
/// objective is evaluated on.
///
/// ```swift
/// let draws = AllocationDraws(model: model, draws: rows, streams: 0..<rows.count, paths: 4,
///                             seed: seed, threads: 2)
/// draws.outcomes(scales: [1.2, 0.8, 1.0])   // per draw: window revenue and Google spend
/// ```
///
/// Draw i keeps its `ForwardModel.State` and its mediator numbers (R `paths`, drawn from
/// stream `RandomStreams.optimize.stream(streams[i])` of `seed`), so every plan asked about
/// sees the same Google noise: common random numbers, and the outcome is a smooth function
/// of the scales. Numbering streams by the draw's index in the run (not in the subset) gives
/// a draw the same numbers in the optimiser's subsample and in the final evaluation.
///
/// - Complexity: `outcomes` is O(D R T (S + O)) over `threads` threads; the result does not
///   depend on `threads` (each draw is one job, results kept in draw order).
public struct AllocationDraws: Sendable {
  public let model: JointModel
  let counterfactual: CounterfactualRevenue
  let states: [ForwardModel.State]
  let numbers: [MediatorRandomNumbers]
  let threads: Int

  public var count: Int { states.count }

  public init(
    model: JointModel, draws: [[Double]], streams: [Int], paths: Int, seed: UInt64,
    threads: Int
  ) {
    precondition(draws.count == streams.count, "one stream per draw")
    self.model = model
    counterfactual = CounterfactualRevenue(model: model)
    self.threads = threads
    let forward = ForwardModel(model: model)
    let weeks = model.inputs.weeks
    let prepared = ParallelWork.map(count: draws.count, threads: threads) { i in
      var numbers = MediatorRandomNumbers(paths: paths, weeks: weeks)
      numbers.draw(
        from: GSLRandom(runSeed: seed, stream: RandomStreams.optimize.stream(streams[i])))
      return (forward.state(parameters: draws[i]), numbers)
    }
    states = prepared.map(\.0)
    numbers = prepared.map(\.1)
  }

  /// Window totals of one plan at one draw, currency.
  public struct Outcome: Sendable, Equatable {
    public let revenue: Double
    public let googleSpend: Double
  }

  /// The plan scaling social channel s's observed path by `scales[s]` (owned channels,
  /// price and promotion as observed).
  public func plan(scales: [Double]) -> SpendPlan {
    var plan = SpendPlan.observed(model.inputs)
    for s in plan.social.indices where scales[s] != 1 {
      plan.social[s] = plan.social[s].map { $0 * scales[s] }
    }
    return plan
  }

  /// Each draw's window revenue and Google spend under `plan(scales:)`, Google simulated
  /// from the hurdle on the draw's paths.
  public func outcomes(scales: [Double]) -> [Outcome] {
    let plan = plan(scales: scales)
    let counterfactual = counterfactual
    let states = states
    let numbers = numbers
    return ParallelWork.map(count: count, threads: threads) { i in
      let outcome = counterfactual.outcome(
        state: states[i], plan: plan, google: .simulated(numbers[i]))
      return Outcome(revenue: outcome.totalRevenue, googleSpend: outcome.totalGoogleSpend)
    }
  }
}
