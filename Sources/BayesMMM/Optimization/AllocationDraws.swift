/// Revenue and Google spend over the allocation's window for plans that scale each social
/// channel's weekly path, at a fixed set of posterior draws: what a budget allocation's
/// objective is evaluated on.
///
/// ```swift
/// let draws = AllocationDraws(model: model, draws: rows, streams: 0..<rows.count, paths: 4,
///                             seed: seed, threads: 2)
/// draws.outcomes(scales: [1.2, 0.8, 1.0])   // per draw: window revenue and Google spend
/// ```
///
/// The window is every week of `model.inputs` when they are the data's, or the planned
/// weeks `fitWeeks ..< T` when the inputs continue the data with a plan
/// (`ModelInputs(dataset:plan:settings:)`, T > fitWeeks). A plan scales the social spend
/// of the window's weeks only; in a planned window the earlier, observed weeks stay as they
/// were (their spend's adstock carries into the plan) and `CounterfactualRevenue`'s
/// `planStart` keeps their Google spend observed and starts planned weeks from the model's
/// median revenue.
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
  /// The weeks a plan changes and whose revenue and Google spend count.
  public let window: Range<Int>

  public var count: Int { states.count }

  public init(
    model: JointModel, draws: [[Double]], streams: [Int], paths: Int, seed: UInt64,
    threads: Int
  ) {
    precondition(draws.count == streams.count, "one stream per draw")
    self.model = model
    window = Self.window(of: model.inputs)
    counterfactual = CounterfactualRevenue(
      model: model, planStart: window.lowerBound > 0 ? window.lowerBound : nil)
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

  /// The planned weeks fitWeeks ..< T when the inputs extend past the fit, else all T.
  public static func window(of inputs: ModelInputs) -> Range<Int> {
    inputs.fitWeeks > 0 && inputs.fitWeeks < inputs.weeks
      ? inputs.fitWeeks..<inputs.weeks : 0..<inputs.weeks
  }

  /// Window totals of one plan at one draw, currency.
  public struct Outcome: Sendable, Equatable {
    public let revenue: Double
    public let googleSpend: Double
  }

  /// The plan scaling social channel s's spend in the window's weeks by `scales[s]` (other
  /// weeks, owned channels, price and promotion as the inputs have them).
  public func plan(scales: [Double]) -> SpendPlan {
    var plan = SpendPlan.observed(model.inputs)
    for s in plan.social.indices where scales[s] != 1 {
      for t in window { plan.social[s][t] *= scales[s] }
    }
    return plan
  }

  /// Each draw's revenue and Google spend summed over the window under `plan(scales:)`,
  /// Google simulated from the hurdle on the draw's paths.
  public func outcomes(scales: [Double]) -> [Outcome] {
    let plan = plan(scales: scales)
    let counterfactual = counterfactual
    let states = states
    let numbers = numbers
    let window = window
    return ParallelWork.map(count: count, threads: threads) { i in
      let outcome = counterfactual.outcome(
        state: states[i], plan: plan, google: .simulated(numbers[i]))
      return Outcome(
        revenue: outcome.revenue[window].reduce(0, +),
        googleSpend: outcome.googleSpend[window].reduce(0, +))
    }
  }
}
