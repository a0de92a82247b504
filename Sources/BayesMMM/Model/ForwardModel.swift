#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The joint model run forwards at one parameter draw: media signals, linear predictors and
/// simulated mediator paths for observed or counterfactual spend.
///
/// ```swift
/// let forward = ForwardModel(model: model)
/// let state = forward.state(parameters: draw)            // constrained values, layout order
/// var signals = state.socialSignals
/// signals[2] = forward.socialSignal(channel: 2, scaledSpend: zeros, parameters: draw)
/// let eta = state.onOffPredictor(socialSignals: signals)  // logit P(Google on), per week
/// ```
///
/// Counterfactuals keep the centring constants of the observed data: the zero-spend
/// intercepts are those implied by the fit, so changing one channel's path moves each
/// linear predictor by exactly coefficient x (new signal - observed signal).
///
/// All spend paths here are in scaled units (currency / the channel's scale in
/// `ModelInputs`). Weeks t = 0 ..< T.
public struct ForwardModel: Sendable {
  public let model: JointModel

  public init(model: JointModel) { self.model = model }

  /// Everything about one parameter draw that does not depend on the social and mediator
  /// paths.
  public struct State: Sendable {
    /// Constrained parameters, layout order.
    public let parameters: [Double]
    /// Observed social signals h_s,t, `[S][T]`.
    public let socialSignals: [[Double]]
    /// Observed mediator signal Hill(Adstock(m)), `[T]`.
    public let mediatorSignal: [Double]
    /// Per-week parts of the on/off, amount and revenue predictors that do not involve
    /// the social channels or the mediator: intercepts (net of centring), fixed designs,
    /// owned channels.
    public let onOffBase: [Double]
    public let amountBase: [Double]
    public let revenueBase: [Double]
    /// Social coefficients in the three equations and the mediator's, read from parameters.
    public let onOffCoefficients: [Double]
    public let amountCoefficients: [Double]
    public let revenueCoefficients: [Double]
    public let mediatorCoefficient: Double
    /// sigma of log mediator amount and of log revenue.
    public let amountSigma: Double
    public let revenueSigma: Double
    /// Each channel's transform at this draw: social `[S]`, the mediator, owned `[O]`.
    public let socialTransforms: [MediaTransform.Prepared]
    public let mediatorTransform: MediaTransform.Prepared
    public let ownedTransforms: [MediaTransform.Prepared]
    /// Owned channels' signals and revenue coefficients, `[O][T]` and `[O]`.
    public let ownedSignals: [[Double]]
    public let ownedCoefficients: [Double]

    /// logit P(mediator on) per week for the given social signals.
    public func onOffPredictor(socialSignals signals: [[Double]]) -> [Double] {
      combine(onOffBase, signals, onOffCoefficients)
    }

    /// Mean log scaled mediator amount (when on) per week.
    public func amountPredictor(socialSignals signals: [[Double]]) -> [Double] {
      combine(amountBase, signals, amountCoefficients)
    }

    /// Mean log scaled revenue per week for the given social and mediator signals.
    public func revenuePredictor(socialSignals signals: [[Double]], mediatorSignal: [Double])
      -> [Double]
    {
      var mu = combine(revenueBase, signals, revenueCoefficients)
      for t in mu.indices { mu[t] += mediatorCoefficient * mediatorSignal[t] }
      return mu
    }

    /// Mean log revenue at the observed social and mediator paths.
    public var observedRevenuePredictor: [Double] {
      revenuePredictor(socialSignals: socialSignals, mediatorSignal: mediatorSignal)
    }

    private func combine(_ base: [Double], _ signals: [[Double]], _ coefficients: [Double])
      -> [Double]
    {
      var out = base
      for (s, signal) in signals.enumerated() {
        let coefficient = coefficients[s]
        for t in out.indices { out[t] += coefficient * signal[t] }
      }
      return out
    }
  }

  /// The state at constrained `parameters` (layout order).
  public func state(parameters x: [Double]) -> State {
    let inputs = model.inputs
    let layout = model.layout
    let weeks = inputs.weeks
    let socialTransforms = layout.social.map { $0.preparedTransform(x) }
    let mediatorTransform = layout.mediator.preparedTransform(x)
    let ownedTransforms = layout.owned.map { $0.preparedTransform(x) }
    let social = zip(socialTransforms, inputs.socialSpend).map { $0.signal($1) }
    let mediator = mediatorTransform.signal(inputs.mediatorSpend)
    let owned = zip(ownedTransforms, inputs.ownedSpend).map { $0.signal($1) }
    let ownedCoefficients = layout.owned.map { x[$0.revenueCoefficient] }
    func mean(_ v: [Double], _ rows: [Int]) -> Double {
      rows.isEmpty ? 0 : rows.reduce(0) { $0 + v[$1] } / Double(rows.count)
    }
    // Centring constants come from the fitted weeks, as in the log density.
    let all = Array(0..<inputs.centringWeeks)
    let on = inputs.mediatorOnWeeks.filter { $0 < inputs.centringWeeks }
    let onOff = layout.social.compactMap { $0.onOffCoefficient.map { x[$0] } }
    let amount = layout.social.compactMap { $0.amountCoefficient.map { x[$0] } }
    let revenue = layout.social.map { x[$0.revenueCoefficient] }
    let googleBeta = x[layout.googleEffect]

    var onOffBase = [Double](repeating: x[layout.onoffIntercept], count: weeks)
    var amountBase = [Double](repeating: x[layout.amountIntercept], count: weeks)
    var revenueBase = [Double](repeating: x[layout.revenueIntercept], count: weeks)
    let mediatorWidth = inputs.mediatorDesignColumns
    let revenueWidth = inputs.revenueDesignColumns
    var onOffShift = 0.0
    var amountShift = 0.0
    var revenueShift = googleBeta * mean(mediator, all)
    for s in social.indices {
      onOffShift += onOff[s] * mean(social[s], all)
      amountShift += amount[s] * mean(social[s], on)
      revenueShift += revenue[s] * mean(social[s], all)
    }
    for o in owned.indices {
      revenueShift += ownedCoefficients[o] * mean(owned[o], all)
    }
    for t in 0..<weeks {
      onOffBase[t] -= onOffShift
      amountBase[t] -= amountShift
      revenueBase[t] -= revenueShift
      for j in 0..<mediatorWidth {
        onOffBase[t] +=
          x[layout.onoffDesign.lowerBound + j] * inputs.mediatorDesign[t * mediatorWidth + j]
        amountBase[t] +=
          x[layout.amountDesign.lowerBound + j] * inputs.mediatorDesignOn[t * mediatorWidth + j]
      }
      for j in 0..<revenueWidth {
        revenueBase[t] +=
          x[layout.revenueDesign.lowerBound + j] * inputs.revenueDesign[t * revenueWidth + j]
      }
      for o in owned.indices {
        revenueBase[t] += ownedCoefficients[o] * owned[o][t]
      }
    }
    // A price response that is not a design column enters centred like the media signals.
    if let price = layout.priceResponse, price.form != .constantElasticity,
      let logPrice = inputs.logPrice
    {
      let term = price.logRevenue(at: logPrice, layout.priceTheta(x))
      let centre = mean(term, all)
      for t in 0..<weeks { revenueBase[t] += term[t] - centre }
    }
    return State(
      parameters: x, socialSignals: social, mediatorSignal: mediator, onOffBase: onOffBase,
      amountBase: amountBase, revenueBase: revenueBase, onOffCoefficients: onOff,
      amountCoefficients: amount, revenueCoefficients: revenue, mediatorCoefficient: googleBeta,
      amountSigma: x[layout.amountSigma], revenueSigma: x[layout.revenueSigma],
      socialTransforms: socialTransforms, mediatorTransform: mediatorTransform,
      ownedTransforms: ownedTransforms, ownedSignals: owned, ownedCoefficients: ownedCoefficients)
  }

  /// h_s,t for social channel `channel` (0-based) following `scaledSpend`.
  public func socialSignal(channel: Int, scaledSpend: [Double], parameters x: [Double]) -> [Double]
  {
    model.layout.social[channel].preparedTransform(x).signal(scaledSpend)
  }

  /// The mediator's signal for a scaled mediator path.
  public func mediatorSignal(scaledSpend: [Double], parameters x: [Double]) -> [Double] {
    model.layout.mediator.preparedTransform(x).signal(scaledSpend)
  }

}
