#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Simulates the mediator and revenue from the joint model at one parameter draw, holding
/// the inputs' spend, designs and scales fixed.
///
/// The generative order mirrors the likelihood factor by factor, so data simulated here
/// have exactly the density the sampler targets (what simulation-based calibration needs):
/// 1. on/off: week t is on with probability logistic(eta_t) (social signals centred over
///    all weeks);
/// 2. amount: in on weeks, log(m_t / scale_m) ~ Normal(mu_m,t, sigma_m), with the social
///    signals and the design centred over the simulated on weeks;
/// 3. revenue: log(y_t / scale_y) ~ StudentT(nu, mu_y,t, sigma_y) with the mediator signal
///    of the simulated path (centred by its mean); a value at or below the floor is
///    recorded as the floor and flagged censored.
///
/// ```swift
/// let outcome = OutcomeSimulator.simulate(model: model, parameters: truth, random: rng)
/// let data = outcome.inputs        // the model inputs with these outcomes
/// ```
public enum OutcomeSimulator {
  public struct Outcome: Sendable {
    /// Model inputs carrying the simulated outcomes (same scales as the source).
    public let inputs: ModelInputs
    /// Simulated revenue in currency (the floor value in censored weeks).
    public let revenue: [Double]
    /// Simulated mediator spend in currency (0 in off weeks).
    public let mediatorSpend: [Double]
  }

  /// - Parameters:
  ///   - parameters: constrained values in layout order.
  ///   - random: the stream all draws come from, in a fixed order (on/off uniforms, then
  ///     amount normals, then revenue Student-t draws, each for t = 0 ..< T).
  public static func simulate(model: JointModel, parameters: [Double], random: GSLRandom)
    -> Outcome
  {
    let inputs = model.inputs
    let weeks = inputs.weeks
    let uniforms = (0..<weeks).map { _ in random.uniform() }
    let normals = (0..<weeks).map { _ in random.standardNormal() }
    let noise = (0..<weeks).map { _ in random.studentT(nu: model.studentTDegrees) }

    let forward = ForwardModel(model: model)
    let eta = forward.state(parameters: parameters).onOffPredictor(
      socialSignals: forward.state(parameters: parameters).socialSignals)
    let on = (0..<weeks).map { uniforms[$0] < HillSaturation.logistic(eta[$0]) }

    // Centre the amount equation over the simulated on weeks, as the density will.
    let placeholder = on.map { $0 ? 1.0 : 0.0 }
    let onInputs = inputs.replacingOutcomes(
      mediatorScaled: placeholder, logRevenue: inputs.logRevenue, censored: inputs.censored)
    let onState = ForwardModel(model: model.replacingInputs(onInputs)).state(parameters: parameters)
    let amountMean = onState.amountPredictor(socialSignals: onState.socialSignals)
    let mediator = (0..<weeks).map { t in
      on[t] ? exp(amountMean[t] + onState.amountSigma * normals[t]) : 0
    }

    // The revenue mean is the counterfactual revenue function's at the simulated Google
    // path, on inputs that carry that path (so its signal is centred as the density will).
    let mediatorInputs = inputs.replacingOutcomes(
      mediatorScaled: mediator, logRevenue: inputs.logRevenue, censored: inputs.censored)
    let revenueModel = model.replacingInputs(mediatorInputs)
    let revenueState = ForwardModel(model: revenueModel).state(parameters: parameters)
    let mu = CounterfactualRevenue(model: revenueModel).logRevenueMean(
      state: revenueState, plan: SpendPlan.observed(mediatorInputs), googleSpend: mediator)
    let logFloor = inputs.floorValue.map { log($0 / inputs.revenueScale) }
    var logRevenue = [Double](repeating: 0, count: weeks)
    var censored = [Bool](repeating: false, count: weeks)
    for t in 0..<weeks {
      let value = mu[t] + revenueState.revenueSigma * noise[t]
      if let logFloor, value <= logFloor {
        logRevenue[t] = logFloor
        censored[t] = true
      } else {
        logRevenue[t] = value
      }
    }
    let simulated = inputs.replacingOutcomes(
      mediatorScaled: mediator, logRevenue: logRevenue, censored: censored)
    return Outcome(
      inputs: simulated,
      revenue: logRevenue.map { exp($0) * inputs.revenueScale },
      mediatorSpend: mediator.map { $0 * inputs.mediatorScale })
  }
}
