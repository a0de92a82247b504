/// Computes every effect of MODEL.md 6 at one posterior draw (constrained parameters).
///
/// ```swift
/// let calculator = EffectCalculator(model: model)
/// let workspace = EffectWorkspace(paths: 10, weeks: model.inputs.weeks)
/// var numbers = MediatorRandomNumbers(paths: 10, weeks: model.inputs.weeks)
/// numbers.draw(from: random)
/// let effects = calculator.effects(parameters: draw, randomNumbers: numbers,
///                                  workspace: workspace)
/// effects.mediation(.zero, channel: 2).totalEffect     // currency, whole window
/// ```
///
/// This is `CounterfactualRevenue` for many plans at once: every arm is a plan with one
/// social channel moved, its `PlanShift` (`PlanShift.socialChannel`, into the workspace) and
/// the shared `MediatorPathPass`; the batching only shares work between arms. Algorithm,
/// per draw: the forward state (observed signals and linear predictors) is built once; R
/// observed-arm mediator paths M(observed) are simulated once and shared by every channel
/// and contrast; for each channel s and contrast only the counterfactual arm is simulated,
/// from the same uniforms and normals per path (common random numbers), and
///
///     Y(x, M) = sum_t y_obs,t exp(mu_y,t(x, M) - mu_y,t(observed))
///
/// is formed from coefficient x signal differences, so each week's observed residual is
/// kept. `MediatorPathPass` documents the per-path loop.
///
/// Accuracy: the path loops, the arms' factors and the counterfactual social signals use
/// `LaneMath`'s exp and log (within 2 ulp of libm) where a scalar pass used libm, with every
/// sum in the scalar pass's order, so an arm mean is within a few ulp of the scalar one, and
/// an effect, a difference of two arm means, differs from the scalar computation by a few
/// ulp of the arms' revenue (measured on the bundled benchmark, 4,000 draws: at most 1.2e-14
/// of the window's revenue). An effect much smaller than the arms it is the difference of
/// (a channel whose Google link is almost nil, a TE where NIE and NDE almost cancel) is
/// relatively that much less certain in its last digits, as it was with libm.
///
/// - Complexity: per draw O(T R (2S + 1)) with, per 8 weeks of a path and arm, one lane log
///   and two lane exp (no libm call), plus O(T S) for the counterfactual signals and the
///   forward state; the path loops allocate nothing.
public struct EffectCalculator: Sendable {
  public let forward: ForwardModel
  public let scenarios: EffectScenarios
  /// The plan and revenue every counterfactual arm starts from.
  public let counterfactual: CounterfactualRevenue

  public init(model: JointModel) {
    forward = ForwardModel(model: model)
    scenarios = EffectScenarios(inputs: model.inputs)
    counterfactual = CounterfactualRevenue(model: model)
  }

  public var weeks: Int { forward.model.inputs.weeks }
  public var socialCount: Int { scenarios.socialCount }
  /// The optional terms of the model, which decide the what-if columns.
  public var terms: OptionalTerms { forward.model.layout.terms }

  /// Effects at one draw with the given random numbers (R = their path count).
  public func effects(parameters x: [Double], randomNumbers: MediatorRandomNumbers) -> DrawEffects {
    effects(
      parameters: x, randomNumbers: randomNumbers,
      workspace: EffectWorkspace(paths: randomNumbers.paths, weeks: weeks))
  }

  /// Effects at one draw, computed in `workspace` (made for `randomNumbers.paths` paths).
  /// - Parameter x: constrained parameters, layout order.
  public func effects(
    parameters x: [Double], randomNumbers: MediatorRandomNumbers, workspace: EffectWorkspace
  ) -> DrawEffects {
    precondition(workspace.paths == randomNumbers.paths && randomNumbers.weeks == weeks)
    precondition(workspace.weeks == weeks)
    let layout = forward.model.layout
    let state = forward.state(parameters: x)
    let response = MediatorResponse(
      transform: state.mediatorTransform, revenueCoefficient: state.mediatorCoefficient)
    let eta = state.onOffPredictor(socialSignals: state.socialSignals)
    let baseline = counterfactual.baselineRevenue(state: state)
    let mediation = randomNumbers.uniforms.withUnsafeBufferPointer { uniforms in
      eta.withUnsafeBufferPointer { eta in
        prepareObservedArm(
          state: state, onOffPredictor: eta, baselineRevenue: baseline,
          randomNumbers: randomNumbers, workspace: workspace)
        let observed = observedArm(uniforms: uniforms, response: response, workspace)
        return EffectContrast.allCases.map { contrast in
          (0..<socialCount).map { s in
            let scenario = scenarios.scenario(contrast, channel: s)
            let counterfactual = counterfactualArm(
              scenario: scenario, state: state, onOffPredictor: eta, uniforms: uniforms,
              response: response, workspace)
            return MediationEffects(
              arms: Self.arms(
                observed: observed, counterfactual: counterfactual, contrast: contrast),
              spendChange: scenario.spendChange, mediatorScale: scenarios.mediatorScale)
          }
        }
      }
    }
    let whatIf = WhatIfEffects(
      scenarios: scenarios, baselineRevenue: baseline,
      mediatorSignal: state.mediatorSignal,
      googleCoefficient: state.mediatorCoefficient,
      price: PriceScenario(model: forward.model, state: state),
      promoLift: layout.promoLift.map { x[$0] })
    return DrawEffects(mediation: mediation, whatIf: whatIf)
  }

  /// Path means of the observed arm: E[Y(observed, M(observed))] and E[sum M(observed)].
  struct ObservedArm {
    var revenue = 0.0
    var mediatorTotal = 0.0
  }

  /// Path means of one counterfactual arm x' of channel s: E[Y(observed, M(x'))],
  /// E[Y(x', M(x'))], E[Y(x', M(observed))] and E[sum M(x')].
  struct CounterfactualArm {
    var revenueObservedSocial = 0.0
    var revenue = 0.0
    var revenueObservedMediator = 0.0
    var mediatorTotal = 0.0
  }

  /// On-probabilities, base amounts A_r,t and revenue weights w_t of the observed arm.
  private func prepareObservedArm(
    state: ForwardModel.State, onOffPredictor eta: UnsafeBufferPointer<Double>,
    baselineRevenue: [Double], randomNumbers: MediatorRandomNumbers,
    workspace: EffectWorkspace
  ) {
    guard let eta = eta.baseAddress, let p = workspace.observedOnProbability.baseAddress else {
      return
    }
    for start in stride(from: 0, to: weeks, by: LaneMath.Lanes.scalarCount) {
      HillSaturation.logistic(LaneMath.Lanes(eta, at: start, count: weeks))
        .store(to: p, at: start, count: weeks)
    }
    MediatorPathPass.prepare(
      state: state, observedRevenue: baselineRevenue, numbers: randomNumbers,
      revenueWeight: workspace.arm.revenueWeight, baseAmount: workspace.arm.baseAmount)
  }

  /// Simulates the R observed-arm paths, keeping their revenue terms G_r,t.
  private func observedArm(
    uniforms: UnsafeBufferPointer<Double>, response: MediatorResponse,
    _ workspace: EffectWorkspace
  ) -> ObservedArm {
    let totals = workspace.arm.run(
      uniforms: uniforms, onProbability: workspace.observedOnProbability,
      amountFactor: workspace.ones, revenueFactor: workspace.ones, response: response,
      terms: workspace.observedTerms)
    let paths = Double(workspace.paths)
    return ObservedArm(revenue: totals.revenue / paths, mediatorTotal: totals.mediator / paths)
  }

  /// Simulates channel s's counterfactual arm on every path and averages over paths.
  private func counterfactualArm(
    scenario: EffectScenarios.Scenario, state: ForwardModel.State,
    onOffPredictor eta: UnsafeBufferPointer<Double>, uniforms: UnsafeBufferPointer<Double>,
    response: MediatorResponse, _ workspace: EffectWorkspace
  ) -> CounterfactualArm {
    // Only channel s moves, so each predictor moves by its coefficient x the signal change.
    PlanShift.socialChannel(
      scenario.channel, spend: scenario.counterfactualSpend, state: state,
      model: forward.model, signal: workspace.channelSignal, onOff: workspace.onOffShift,
      amount: workspace.amountShift, revenue: workspace.revenueShift)
    MediatorPathPass.armFactors(
      onOffPredictor: eta, onOffShift: UnsafeBufferPointer(workspace.onOffShift),
      amountShift: UnsafeBufferPointer(workspace.amountShift),
      revenueShift: UnsafeBufferPointer(workspace.revenueShift),
      onProbability: workspace.arm.onProbability, amountFactor: workspace.arm.amountFactor,
      revenueFactor: workspace.arm.revenueFactor)
    let totals = workspace.arm.run(
      uniforms: uniforms, onProbability: workspace.arm.onProbability,
      amountFactor: workspace.arm.amountFactor, revenueFactor: workspace.arm.revenueFactor,
      response: response, terms: workspace.arm.pathTerms)
    // Y(x', M(observed)): the observed paths' terms with channel s moved.
    let moved = PathSums(
      paths: workspace.paths, grid: UnsafeBufferPointer(workspace.observedTerms),
      factor: UnsafeBufferPointer(workspace.arm.revenueFactor)
    ).weightedSum
    let paths = Double(workspace.paths)
    return CounterfactualArm(
      revenueObservedSocial: totals.revenue / paths, revenue: totals.revenueWithFactor / paths,
      revenueObservedMediator: moved / paths, mediatorTotal: totals.mediator / paths)
  }

  /// The arms of MODEL.md 6 from the observed and counterfactual path means: for `zero` the
  /// observed path is hi, for `plus10` it is lo.
  static func arms(
    observed: ObservedArm, counterfactual: CounterfactualArm, contrast: EffectContrast
  ) -> MediationArms {
    if contrast.counterfactualIsHigher {
      return MediationArms(
        revenueHighHigh: counterfactual.revenue,
        revenueHighLow: counterfactual.revenueObservedMediator,
        revenueLowLow: observed.revenue, mediatorTotalHigh: counterfactual.mediatorTotal,
        mediatorTotalLow: observed.mediatorTotal)
    }
    return MediationArms(
      revenueHighHigh: observed.revenue, revenueHighLow: counterfactual.revenueObservedSocial,
      revenueLowLow: counterfactual.revenue, mediatorTotalHigh: observed.mediatorTotal,
      mediatorTotalLow: counterfactual.mediatorTotal)
  }
}
