#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The log posterior density of `JointModel` and its exact gradient, for one chain.
///
/// One evaluation, for the constrained parameters x(u):
/// 1. priors and log-Jacobians of every parameter;
/// 2. per media channel c (`ParameterLayout.channels`: social s, then the mediator, then
///    owned o): its `MediaTransform`'s signal h_c,t with the sensitivities dh/dp of every
///    transform parameter p (forward mode, O(T), or O(T L) for delayed adstock); the
///    geometric adstocks first, eight channels per recursion (`GeometricAdstockGroups`),
///    then each channel's Hill transform a lane group of weeks at a time;
/// 3. the three linear predictors, each with its media signals centred by their current
///    mean over the equation's weeks (centred intercepts, MODEL.md 3.3a):
///    - on/off: eta_t = c_bar + sum_s c_s (h_s,t - mean h_s) + Zm_t . gamma
///    - amount (on weeks): mu_m,t = a_bar + sum_s g_s (h_s,t - mean_on h_s) + Zm_on,t . delta
///    - revenue: mu_y,t = b_bar + beta_G (h_G,t - mean h_G) + sum_s beta_s (h_s,t - mean h_s)
///      + sum_o beta_o (h_o,t - mean h_o) + Zy_t . theta [+ g(x_t) - mean g], the last term
///      for a price response other than constant elasticity (`PriceResponse`; a constant
///      elasticity is a column of Zy)
/// 4. the likelihood: Bernoulli-logit on/off, normal log amount, Student-t log revenue
///    (the CDF at the floor for censored weeks), and the residual sensitivities
///    r_t = dlogL / dlinear predictor_t; then the lift tests' terms when the model has
///    tests (`LiftTestTerm`, Calibration/), whose d/deta_t joins the on/off residual;
/// 5. reverse pass: coefficient gradients are sums of r_t times regressors; the gradient
///    reaching h_c,t is the sum over equations of coefficient x (r_t - mean r) (the mean
///    comes from the centring); it is pushed through the stored transform sensitivities.
///
/// All scratch lives in buffers allocated once in `init`; `logDensity(at:gradient:)`
/// allocates nothing. Non-finite values propagate to the return value, which the sampler
/// treats as a divergence.
///
/// - Complexity: O(T x (S + 1 + O + design columns)) per evaluation (times L for a
///   delayed-adstock channel's transform).
final class JointModelDensity: LogDensity {
  let dimension: Int
  /// Stride of every per-week buffer (T).
  private let weeks: Int
  /// Weeks in the likelihood: 0 ..< fitted (see `ModelInputs.fitWeeks`).
  private let fitted: Int
  private let socialCount: Int
  private let channelCount: Int
  private let layout: ParameterLayout
  /// Per media channel c (social, mediator, owned, as in `layout.channels`): its
  /// transform, its revenue coefficient index, and its transform parameters' indices at
  /// `transformIndex[c * maxTransformParameters + p]` (p < `transformCount[c]`). Flat
  /// tables, so the hot loops touch no reference-counted storage.
  private let transforms: [MediaTransform]
  private let transformCount: [Int]
  private let transformIndex: UnsafeMutableBufferPointer<Int>
  private let channelRevenueCoefficient: [Int]
  /// Each social channel's coefficient index in the on/off, amount and revenue equations.
  private let onOffCoefficient: [Int]
  private let amountCoefficient: [Int]
  private let revenueCoefficient: [Int]
  /// The three equations' intercepts, designs and social coefficients.
  private let onOffEquation: Equation
  private let amountEquation: Equation
  private let revenueEquation: Equation
  /// Most transform parameters of any channel (the rows of `signalSensitivity`).
  private let maxTransformParameters: Int
  /// The price term when it is not a design column (`PriceResponse`), its parameters'
  /// indices, theta and one week's dg/dtheta (`priceTheta`, 2 x parameters), and per
  /// fitted week log price x_t, g(x_t) and dg(x_t)/dtheta_j at `j * T + t`; nil and empty
  /// without such a term.
  private let priceResponse: PriceResponse?
  private let priceIndices: [Int]
  private let logPrice: UnsafeMutableBufferPointer<Double>
  private let priceTheta: UnsafeMutableBufferPointer<Double>
  private let priceTerm: UnsafeMutableBufferPointer<Double>
  private let priceSensitivity: UnsafeMutableBufferPointer<Double>
  /// e^x_t - 1 per fitted week for the `linear_demand` form (empty otherwise): data, kept
  /// so the lane pass does not recompute it.
  private let priceChange: UnsafeMutableBufferPointer<Double>
  private let priors: [Prior]
  private let studentT: StudentTTerms

  // Data (read-only after init).
  private let spend: UnsafeMutableBufferPointer<Double>  // channelCount x T
  private let logRevenue: UnsafeMutableBufferPointer<Double>
  private let censored: [Bool]
  /// The fitted weeks at the floor, where the revenue term is the censored one.
  private let censoredWeeks: [Int]
  private let mediatorOn: [Bool]
  /// 1 in the fitted weeks the mediator is on, else 0 (T), for branch-free passes.
  private let onIndicator: UnsafeMutableBufferPointer<Double>
  private let logAmount: UnsafeMutableBufferPointer<Double>
  private let onWeeks: [Int]
  /// Fixed designs stored column-major (`columns x T`), so passes over weeks are contiguous.
  private let mediatorDesign: UnsafeMutableBufferPointer<Double>
  private let mediatorDesignOn: UnsafeMutableBufferPointer<Double>
  private let revenueDesign: UnsafeMutableBufferPointer<Double>
  private let mediatorColumns: Int
  private let revenueColumns: Int

  // Scratch.
  private let constrained: UnsafeMutableBufferPointer<Double>
  private let slope: UnsafeMutableBufferPointer<Double>  // dx/du
  private let jacobianSlope: UnsafeMutableBufferPointer<Double>  // d log|dx/du| / du
  private let gradientX: UnsafeMutableBufferPointer<Double>
  /// Each channel's adstock a_c,t and da_c,t/dlambda_c at `c * T + t`.
  private let adstock: UnsafeMutableBufferPointer<Double>
  private let adstockSensitivity: UnsafeMutableBufferPointer<Double>
  /// da_t/d(peak delay) of the delayed-adstock channel in progress, T.
  private let adstockSecondSensitivity: UnsafeMutableBufferPointer<Double>
  /// The geometric-adstock channels, whose adstock runs eight channels at a time.
  private let geometricGroups: GeometricAdstockGroups
  /// Delayed adstock's weight scratch (`MediaTransform.sensitivityScratchCount`).
  private let transformScratch: UnsafeMutableBufferPointer<Double>
  private let signal: UnsafeMutableBufferPointer<Double>  // h, channelCount x T
  /// dh_c,t/dp at `(p * channelCount + c) * T + t`, p in the channel's transform order.
  private let signalSensitivity: UnsafeMutableBufferPointer<Double>
  /// dlogL/dh_c,t of the channel in progress, T.
  private let upstream: UnsafeMutableBufferPointer<Double>
  private let signalMean: UnsafeMutableBufferPointer<Double>  // per channel, all weeks
  private let signalMeanOn: UnsafeMutableBufferPointer<Double>  // per social channel, on weeks
  private let residualOnOff: UnsafeMutableBufferPointer<Double>  // T
  private let residualAmount: UnsafeMutableBufferPointer<Double>  // T (0 off)
  private let residualRevenue: UnsafeMutableBufferPointer<Double>  // T
  /// dlogL_t / dsigma of the revenue equation per week, T.
  private let revenueSigmaTerm: UnsafeMutableBufferPointer<Double>
  /// Each equation's log-likelihood term per week (amount: 0 in off weeks), T each.
  private let pointwiseOnOff: UnsafeMutableBufferPointer<Double>
  private let pointwiseAmount: UnsafeMutableBufferPointer<Double>
  private let pointwiseRevenue: UnsafeMutableBufferPointer<Double>
  /// Per-week fixed part (intercept + design) of each linear predictor.
  private let onOffFixed: UnsafeMutableBufferPointer<Double>  // T
  private let amountFixed: UnsafeMutableBufferPointer<Double>  // T
  private let revenueFixed: UnsafeMutableBufferPointer<Double>  // T
  /// The lift tests' term (nil without tests) and its dlogL/deta_t, T.
  private let liftTests: LiftTestTerm?
  private let liftOnOffResidual: UnsafeMutableBufferPointer<Double>

  init(model: JointModel) {
    let inputs = model.inputs
    layout = model.layout
    priors = model.priors
    dimension = model.layout.count
    weeks = inputs.weeks
    fitted = inputs.fitWeeks
    socialCount = inputs.socialNames.count
    channelCount = socialCount + 1 + inputs.ownedNames.count
    studentT = StudentTTerms(nu: model.studentTDegrees)

    let series = inputs.socialSpend + [inputs.mediatorSpend] + inputs.ownedSpend
    let spendRows = UnsafeMutableBufferPointer<Double>.copying(series.flatMap { $0 })
    spend = spendRows
    logRevenue = .copying(inputs.logRevenue)
    censored = inputs.censored
    censoredWeeks = (0..<inputs.fitWeeks).filter { inputs.censored[$0] }
    mediatorOn = inputs.mediatorOn
    onIndicator = .copying(
      (0..<inputs.weeks).map { $0 < inputs.fitWeeks && inputs.mediatorOn[$0] ? 1 : 0 })
    logAmount = .copying(inputs.logMediatorAmount)
    onWeeks = inputs.fittedMediatorOnWeeks
    mediatorDesign = .copying(
      Self.columnMajor(inputs.mediatorDesign, columns: inputs.mediatorDesignColumns))
    mediatorDesignOn = .copying(
      Self.columnMajor(inputs.mediatorDesignOn, columns: inputs.mediatorDesignColumns))
    revenueDesign = .copying(
      Self.columnMajor(inputs.revenueDesign, columns: inputs.revenueDesignColumns))
    mediatorColumns = inputs.mediatorDesignColumns
    revenueColumns = inputs.revenueDesignColumns
    let channels = layout.channels
    let social = layout.social
    onOffCoefficient = social.compactMap(\.onOffCoefficient)
    amountCoefficient = social.compactMap(\.amountCoefficient)
    revenueCoefficient = social.map(\.revenueCoefficient)
    maxTransformParameters = channels.map(\.transform.parameters.count).max() ?? 0
    transforms = channels.map(\.transform)
    transformCount = channels.map(\.transformParameters.count)
    channelRevenueCoefficient = channels.map(\.revenueCoefficient)
    let indexTable = UnsafeMutableBufferPointer<Int>.allocate(
      capacity: max(1, channels.count * maxTransformParameters))
    indexTable.initialize(repeating: 0)
    for (c, channel) in channels.enumerated() {
      for (p, index) in channel.transformParameters.enumerated() {
        indexTable[c * maxTransformParameters + p] = index
      }
    }
    transformIndex = indexTable

    let nonlinearPrice = layout.priceResponse.flatMap {
      $0.form == .constantElasticity ? nil : $0
    }
    priceResponse = nonlinearPrice
    priceIndices = nonlinearPrice == nil ? [] : layout.priceParameters
    logPrice = .copying(nonlinearPrice == nil ? [] : inputs.logPrice ?? [])
    priceTheta = .zeros(2 * priceIndices.count)
    priceTerm = .zeros(nonlinearPrice == nil ? 0 : weeks)
    priceSensitivity = .zeros(priceIndices.count * weeks)
    priceChange = .copying(
      nonlinearPrice?.form == .linearDemand ? (inputs.logPrice ?? []).map { expm1($0) } : [])

    let channelWeeks = channelCount * weeks
    constrained = .zeros(dimension)
    slope = .zeros(dimension)
    jacobianSlope = .zeros(dimension)
    gradientX = .zeros(dimension)
    adstock = .zeros(series.count * inputs.weeks)
    adstockSensitivity = .zeros(series.count * inputs.weeks)
    adstockSecondSensitivity = .zeros(inputs.weeks)
    let geometricChannels = channels.indices.filter { channels[$0].transform.adstock == .geometric }
    geometricGroups = GeometricAdstockGroups(
      spend: UnsafePointer(spendRows.baseAddress!), stride: inputs.weeks, weeks: inputs.fitWeeks,
      channels: geometricChannels,
      decayIndices: geometricChannels.map { channels[$0].transformParameters[0] })
    transformScratch = .zeros(channels.map(\.transform.sensitivityScratchCount).max() ?? 0)
    signal = .zeros(channelWeeks)
    signalSensitivity = .zeros(maxTransformParameters * channelWeeks)
    upstream = .zeros(weeks)
    signalMean = .zeros(channelCount)
    signalMeanOn = .zeros(max(socialCount, 1))
    residualOnOff = .zeros(weeks)
    residualAmount = .zeros(weeks)
    residualRevenue = .zeros(weeks)
    revenueSigmaTerm = .zeros(weeks)
    pointwiseOnOff = .zeros(weeks)
    pointwiseAmount = .zeros(weeks)
    pointwiseRevenue = .zeros(weeks)
    onOffFixed = .zeros(weeks)
    amountFixed = .zeros(weeks)
    revenueFixed = .zeros(weeks)
    liftTests = model.liftTests.isEmpty ? nil : LiftTestTerm(model: model)
    liftOnOffResidual = .zeros(model.liftTests.isEmpty ? 0 : weeks)
    onOffEquation = Equation(
      intercept: layout.onoffIntercept, design: mediatorDesign,
      designStart: layout.onoffDesign.lowerBound, columns: mediatorColumns,
      socialCoefficients: onOffCoefficient, socialMeans: signalMean)
    amountEquation = Equation(
      intercept: layout.amountIntercept, design: mediatorDesignOn,
      designStart: layout.amountDesign.lowerBound, columns: mediatorColumns,
      socialCoefficients: amountCoefficient, socialMeans: signalMeanOn)
    revenueEquation = Equation(
      intercept: layout.revenueIntercept, design: revenueDesign,
      designStart: layout.revenueDesign.lowerBound, columns: revenueColumns,
      socialCoefficients: revenueCoefficient, socialMeans: signalMean)
  }

  /// One equation's fixed pieces: its centred intercept, its design (column-major, its
  /// coefficients from `designStart`), its social coefficients and the means its social
  /// signals are centred by (all weeks, or the on weeks for the amount).
  private struct Equation {
    let intercept: Int
    let design: UnsafeMutableBufferPointer<Double>
    let designStart: Int
    let columns: Int
    let socialCoefficients: [Int]
    let socialMeans: UnsafeMutableBufferPointer<Double>
  }

  /// A row-major `T x columns` design as column-major `columns x T`.
  private static func columnMajor(_ rowMajor: [Double], columns: Int) -> [Double] {
    guard columns > 0 else { return [] }
    let weeks = rowMajor.count / columns
    var out = [Double](repeating: 0, count: rowMajor.count)
    for t in 0..<weeks {
      for j in 0..<columns { out[j * weeks + t] = rowMajor[t * columns + j] }
    }
    return out
  }

  /// Adds coefficient x (signal_c,t - mean) to `predictor[t]` for the fitted weeks: one
  /// media channel's centred contribution, as a contiguous pass.
  @inline(__always)
  private func addSignal(
    _ predictor: UnsafeMutableBufferPointer<Double>, channel c: Int, coefficient: Double,
    mean: Double
  ) {
    guard let out = predictor.baseAddress, let h = signal.baseAddress else { return }
    let source = h + c * weeks
    // Explicit lanes: the compiler does not vectorise this loop itself (it cannot rule out
    // that the two buffers overlap); element-wise, so the sums are the same to the bit.
    for t in stride(from: 0, to: fitted, by: LaneMath.Lanes.scalarCount) {
      let sum =
        LaneMath.Lanes(out, at: t, count: fitted) + coefficient
        * (LaneMath.Lanes(source, at: t, count: fitted) - mean)
      sum.store(to: out, at: t, count: fitted)
    }
  }

  /// Fills `predictor[t]` for the fitted weeks with an equation's intercept, fixed design
  /// and centred social signals: the part every equation shares.
  @inline(__always)
  private func fillPredictor(_ predictor: UnsafeMutableBufferPointer<Double>, _ equation: Equation)
  {
    fixedPart(
      predictor, intercept: constrained[equation.intercept], design: equation.design,
      columns: equation.columns, coefficientsStart: equation.designStart)
    for s in 0..<socialCount {
      addSignal(
        predictor, channel: s, coefficient: constrained[equation.socialCoefficients[s]],
        mean: equation.socialMeans[s])
    }
  }

  /// Fills `fixed[t]` = intercept + design_t . coefficients for the fitted weeks, column by
  /// column (contiguous passes).
  @inline(__always)
  private func fixedPart(
    _ fixed: UnsafeMutableBufferPointer<Double>, intercept: Double,
    design: UnsafeMutableBufferPointer<Double>, columns: Int, coefficientsStart: Int
  ) {
    for t in 0..<fitted { fixed[t] = intercept }
    guard let out = fixed.baseAddress, let base = design.baseAddress else { return }
    for j in 0..<columns {
      DenseKernels.axpy(constrained[coefficientsStart + j], base + j * weeks, out, count: fitted)
    }
  }

  deinit {
    for buffer in [
      spend, logRevenue, logAmount, mediatorDesign, mediatorDesignOn, revenueDesign,
      constrained, slope, jacobianSlope, gradientX, adstock, adstockSensitivity,
      adstockSecondSensitivity, transformScratch, signal, signalSensitivity, upstream,
      signalMean, signalMeanOn,
      residualOnOff, residualAmount, residualRevenue, revenueSigmaTerm, onIndicator,
      pointwiseOnOff, pointwiseAmount,
      pointwiseRevenue, onOffFixed, amountFixed, revenueFixed, logPrice, priceTheta, priceTerm,
      priceSensitivity, liftOnOffResidual, priceChange,
    ] {
      buffer.deallocate()
    }
    transformIndex.deallocate()
  }

  func logDensity(
    at position: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    var total = priorsAndJacobians(position)
    computeSignals()
    total += onOffLikelihood()
    total += amountLikelihood()
    total += revenueLikelihood()
    total += liftTestLikelihood()
    backPropagateSignals()
    for i in 0..<dimension {
      gradient[i] = gradientX[i] * slope[i] + jacobianSlope[i]
    }
    return total
  }

  /// Constrains every coordinate, adds log prior + log-Jacobian, seeds gradientX with the
  /// prior's derivative.
  @inline(__always)
  private func priorsAndJacobians(_ position: UnsafeBufferPointer<Double>) -> Double {
    var total = 0.0
    for i in 0..<dimension {
      let prior = priors[i]
      let map = prior.support.constrainWithJacobian(position[i])
      constrained[i] = map.value
      slope[i] = map.derivative
      jacobianSlope[i] = map.logJacobianDerivative
      let density = prior.logDensityWithDerivative(at: map.value)
      gradientX[i] = density.derivative
      total += density.logDensity + map.logJacobian
    }
    return total
  }

  /// Every media channel's signal, with sensitivities and means.
  @inline(__always)
  private func computeSignals() {
    let onCount = Double(onWeeks.count)
    let stride = channelCount * weeks
    guard let sensitivities = signalSensitivity.baseAddress,
      let adstockRows = adstock.baseAddress, let decayRows = adstockSensitivity.baseAddress
    else { return }
    // Geometric adstock eight channels at a time; the others' adstock per channel below.
    geometricGroups.apply(
      values: constrained, adstock: adstockRows, decaySensitivity: decayRows)
    for c in 0..<channelCount {
      let offset = c * weeks
      let rows = offset..<offset + fitted
      let parameters = c * maxTransformParameters
      let indices = UnsafeBufferPointer(
        rebasing: transformIndex[parameters..<parameters + transformCount[c]])
      if transforms[c].adstock != .geometric {
        transforms[c].adstockWithSensitivities(
          spend: UnsafeBufferPointer(rebasing: spend[rows]), values: constrained,
          indices: indices, adstock: UnsafeMutableBufferPointer(rebasing: adstock[rows]),
          adstockSensitivity: (
            UnsafeMutableBufferPointer(rebasing: adstockSensitivity[rows]),
            UnsafeMutableBufferPointer(rebasing: adstockSecondSensitivity[0..<fitted])
          ),
          scratch: transformScratch)
      }
      transforms[c].saturationWithSensitivities(
        adstock: UnsafeBufferPointer(rebasing: adstock[rows]), values: constrained,
        indices: indices,
        adstockSensitivity: (
          UnsafeBufferPointer(rebasing: adstockSensitivity[rows]),
          UnsafeBufferPointer(rebasing: adstockSecondSensitivity[0..<fitted])
        ),
        signal: UnsafeMutableBufferPointer(rebasing: signal[rows]),
        sensitivities: sensitivities + offset, stride: stride)
      guard let h = signal.baseAddress, let on = onIndicator.baseAddress else { continue }
      let sum = DenseKernels.sum(h + offset, count: fitted)
      signalMean[c] = fitted > 0 ? sum / Double(fitted) : 0
      if c < socialCount {
        let sumOn = DenseKernels.dot(h + offset, on, count: fitted)
        signalMeanOn[c] = onCount > 0 ? sumOn / onCount : 0
      }
    }
  }

  /// Bernoulli-logit log likelihood of the mediator's on/off pattern; fills residualOnOff
  /// with dlogL/deta_t = 1[on] - logistic(eta_t) and the gradients of its coefficients.
  @inline(__always)
  private func onOffLikelihood() -> Double {
    fillPredictor(onOffFixed, onOffEquation)
    guard let eta = onOffFixed.baseAddress, let on = onIndicator.baseAddress,
      let terms = pointwiseOnOff.baseAddress, let residuals = residualOnOff.baseAddress
    else { return 0 }
    // A lane group of weeks at a time, so exp and log1p run in vector form.
    for t in stride(from: 0, to: fitted, by: LaneMath.Lanes.scalarCount) {
      let linear = LaneMath.Lanes(eta, at: t, count: fitted)
      let isOn = LaneMath.Lanes(on, at: t, count: fitted)
      // log logistic(+-eta) = -softplus(-+eta), stable for |eta| large; one exp serves
      // both the softplus and the logistic.
      let e = LaneMath.exp(-LaneMath.magnitude(linear))
      let signedEta = linear * (2 * isOn - 1)
      let positivePart = (-signedEta).lanesReplacing(with: 0, where: signedEta .> 0)
      let term = -(positivePart + LaneMath.log1pOfNonNegative(e))
      let big = 1 / (1 + e)  // logistic(|eta|)
      let probability = (e * big).lanesReplacing(with: big, where: linear .>= 0)
      term.store(to: terms, at: t, count: fitted)
      (isOn - probability).store(to: residuals, at: t, count: fitted)
    }
    accumulateCoefficientGradients(residual: residualOnOff, onOffEquation)
    return DenseKernels.sum(terms, count: fitted)
  }

  /// Normal log likelihood of log mediator spend in on weeks; fills residualAmount.
  ///
  /// A lane group of weeks at a time over all fitted weeks, off weeks masked to 0 (their
  /// log amount is a finite placeholder), with z = (log m_t - mu_t) x (1 / sigma).
  @inline(__always)
  private func amountLikelihood() -> Double {
    let sigma = constrained[layout.amountSigma]
    let inverseSigma = 1 / sigma
    fillPredictor(amountFixed, amountEquation)
    let onTerm = -(log(sigma) + 0.5 * log(2 * Double.pi))
    guard let y = logAmount.baseAddress, let mu = amountFixed.baseAddress,
      let on = onIndicator.baseAddress, let terms = pointwiseAmount.baseAddress,
      let residuals = residualAmount.baseAddress
    else { return 0 }
    var zSquaredSum = LaneMath.Lanes.zero
    for t in stride(from: 0, to: fitted, by: LaneMath.Lanes.scalarCount) {
      let off = LaneMath.Lanes(on, at: t, count: fitted) .== 0
      let z =
        (LaneMath.Lanes(y, at: t, count: fitted) - LaneMath.Lanes(mu, at: t, count: fitted))
        * inverseSigma
      let zSquared = (z * z).lanesReplacing(with: 0, where: off)
      zSquaredSum += zSquared
      (onTerm - 0.5 * zSquared).lanesReplacing(with: 0, where: off).store(
        to: terms, at: t, count: fitted)
      (z * inverseSigma).lanesReplacing(with: 0, where: off).store(
        to: residuals, at: t, count: fitted)
    }
    gradientX[layout.amountSigma] +=
      (DenseKernels.laneTotal(zSquaredSum) - Double(onWeeks.count)) * inverseSigma
    accumulateCoefficientGradients(residual: residualAmount, amountEquation)
    return DenseKernels.sum(terms, count: fitted)
  }

  /// Student-t (censored at the floor) log likelihood of log revenue; fills residualRevenue.
  @inline(__always)
  private func revenueLikelihood() -> Double {
    let sigma = constrained[layout.revenueSigma]
    let inverseSigma = 1 / sigma
    let logSigma = log(sigma)
    fillRevenuePredictor()
    guard let y = logRevenue.baseAddress, let mu = revenueFixed.baseAddress,
      let terms = pointwiseRevenue.baseAddress, let residuals = residualRevenue.baseAddress,
      let sigmaTerms = revenueSigmaTerm.baseAddress, let h = signal.baseAddress
    else { return 0 }
    // Every week as a density term, a lane group at a time; then the few floor weeks are
    // overwritten with the censored term.
    for t in stride(from: 0, to: fitted, by: LaneMath.Lanes.scalarCount) {
      let term = studentT.density(
        LaneMath.Lanes(y, at: t, count: fitted), mu: LaneMath.Lanes(mu, at: t, count: fitted),
        sigma: sigma,
        inverseSigma: inverseSigma, logSigma: logSigma)
      term.logDensity.store(to: terms, at: t, count: fitted)
      term.dMu.store(to: residuals, at: t, count: fitted)
      term.dSigma.store(to: sigmaTerms, at: t, count: fitted)
    }
    for t in censoredWeeks {
      let term = studentT.censoredBelow(y[t], mu: mu[t], sigma: sigma)
      terms[t] = term.0
      residuals[t] = term.1
      sigmaTerms[t] = term.2
    }
    let residualSum = DenseKernels.sum(residuals, count: fitted)
    gradientX[layout.revenueSigma] += DenseKernels.sum(sigmaTerms, count: fitted)
    // sum_t r_t (h_t - mean h) for Google and each owned channel.
    for c in socialCount..<channelCount {
      let coefficient = c == socialCount ? layout.googleEffect : channelRevenueCoefficient[c]
      gradientX[coefficient] +=
        DenseKernels.dot(residuals, h + c * weeks, count: fitted) - signalMean[c] * residualSum
    }
    accumulatePriceGradients()
    accumulateCoefficientGradients(residual: residualRevenue, revenueEquation)
    return DenseKernels.sum(terms, count: fitted)
  }

  /// The lift tests' log likelihood (`LiftTestTerm`); its gradient in eta_t joins the on/off
  /// equation's residual, so the coefficients and signals behind eta receive it there.
  @inline(__always)
  private func liftTestLikelihood() -> Double {
    guard let liftTests else { return 0 }
    let value = liftTests.logLikelihood(
      values: constrained, onOffPredictor: onOffFixed, gradient: gradientX,
      onOffResidual: liftOnOffResidual)
    accumulateCoefficientGradients(residual: liftOnOffResidual, onOffEquation)
    for t in 0..<fitted { residualOnOff[t] += liftOnOffResidual[t] }
    return value
  }

  /// Adds sum_t r_t x regressor_t to the intercept, social and design coefficients of one
  /// equation (residuals are zero outside the equation's weeks).
  @inline(__always)
  private func accumulateCoefficientGradients(
    residual: UnsafeMutableBufferPointer<Double>, _ equation: Equation
  ) {
    guard let r = residual.baseAddress, let h = signal.baseAddress else { return }
    let residualSum = DenseKernels.sum(r, count: fitted)
    gradientX[equation.intercept] += residualSum
    for s in 0..<socialCount {
      let sum = DenseKernels.dot(r, h + s * weeks, count: fitted)
      gradientX[equation.socialCoefficients[s]] += sum - equation.socialMeans[s] * residualSum
    }
    guard let columns = equation.design.baseAddress else { return }
    for j in 0..<equation.columns {
      gradientX[equation.designStart + j] +=
        DenseKernels.dot(r, columns + j * weeks, count: fitted)
    }
  }

  /// Fills `revenueFixed[t]` with mu_y,t for the fitted weeks. Google's signal goes in
  /// before the social ones (summation order fixes the draws' last bits), so this equation
  /// fills its predictor step by step.
  @inline(__always)
  private func fillRevenuePredictor() {
    fixedPart(
      revenueFixed, intercept: constrained[layout.revenueIntercept], design: revenueDesign,
      columns: revenueColumns, coefficientsStart: revenueEquation.designStart)
    addSignal(
      revenueFixed, channel: socialCount, coefficient: constrained[layout.googleEffect],
      mean: signalMean[socialCount])
    for s in 0..<socialCount {
      addSignal(
        revenueFixed, channel: s, coefficient: constrained[revenueCoefficient[s]],
        mean: signalMean[s])
    }
    for c in (socialCount + 1)..<channelCount {
      addSignal(
        revenueFixed, channel: c, coefficient: constrained[channelRevenueCoefficient[c]],
        mean: signalMean[c])
    }
    addPriceTerm()
  }

  /// Adds g(x_t) - mean g over the fitted weeks to `revenueFixed` and keeps dg/dtheta per
  /// week, when the price term is not a design column.
  @inline(__always)
  private func addPriceTerm() {
    guard let priceResponse, fitted > 0, let theta = priceTheta.baseAddress,
      let sensitivity = priceSensitivity.baseAddress
    else { return }
    for (j, index) in priceIndices.enumerated() { theta[j] = constrained[index] }
    let parameters = priceIndices.count
    // One week's dg/dtheta lands in the row after theta, then moves to its column.
    let row = theta + parameters
    if priceResponse.form == .linearDemand, let x = logPrice.baseAddress,
      let change = priceChange.baseAddress, let terms = priceTerm.baseAddress
    {
      // The default form: a lane group of weeks at a time (its exp, log1p and log batched).
      let inverseMargin = 1 / theta[0]
      let logSharpness = log(PriceResponse.chokeSharpness)
      for t in stride(from: 0, to: fitted, by: LaneMath.Lanes.scalarCount) {
        let term = PriceResponse.linearDemand(
          logPrice: LaneMath.Lanes(x, at: t, count: fitted),
          priceChange: LaneMath.Lanes(change, at: t, count: fitted),
          inverseMargin: inverseMargin, logSharpness: logSharpness)
        term.value.store(to: terms, at: t, count: fitted)
        term.dMargin.store(to: sensitivity, at: t, count: fitted)
      }
    } else {
      for t in 0..<fitted {
        let value = priceResponse.logRevenue(at: logPrice[t], UnsafePointer(theta), gradient: row)
        for j in 0..<parameters { sensitivity[j * weeks + t] = row[j] }
        priceTerm[t] = value
      }
    }
    guard let terms = priceTerm.baseAddress else { return }
    let mean = DenseKernels.sum(terms, count: fitted) / Double(fitted)
    for t in 0..<fitted { revenueFixed[t] += priceTerm[t] - mean }
  }

  /// Adds sum_t (r_t - mean r) dg_t/dtheta_j to each price parameter's gradient (the mean
  /// comes from the centring of g).
  @inline(__always)
  private func accumulatePriceGradients() {
    guard priceResponse != nil, fitted > 0 else { return }
    var residualMean = 0.0
    for t in 0..<fitted { residualMean += residualRevenue[t] }
    residualMean /= Double(fitted)
    for (j, index) in priceIndices.enumerated() {
      var gradient = 0.0
      let row = j * weeks
      for t in 0..<fitted {
        gradient += (residualRevenue[t] - residualMean) * priceSensitivity[row + t]
      }
      gradientX[index] += gradient
    }
  }

  /// The density's own mean of log scaled revenue mu_y,t over the fitted weeks at an
  /// unconstrained point (what the Student-t is centred on); for checking other code
  /// against the likelihood. Allocates its result.
  func revenueMean(at position: [Double]) -> [Double] {
    position.withUnsafeBufferPointer { _ = priorsAndJacobians($0) }
    computeSignals()
    fillRevenuePredictor()
    return Array(revenueFixed[0..<fitted])
  }

  /// Each equation's log-likelihood contribution per fitted week at an unconstrained
  /// point (MODEL.md 9): on/off (Bernoulli-logit), amount (normal log amount, 0 in off
  /// weeks) and revenue (Student-t density, or its log CDF at the floor in censored weeks).
  /// Their sum over weeks is the log density minus the priors, log-Jacobians and any lift
  /// tests' terms (`LiftTestTerm`, not weekly observations). Allocates its result.
  func pointwiseLogLikelihood(at position: [Double])
    -> (onOff: [Double], amount: [Double], revenue: [Double])
  {
    let gradient = UnsafeMutableBufferPointer<Double>.zeros(dimension)
    defer { gradient.deallocate() }
    _ = position.withUnsafeBufferPointer { logDensity(at: $0, gradient: gradient) }
    return (
      Array(pointwiseOnOff[0..<fitted]), Array(pointwiseAmount[0..<fitted]),
      Array(pointwiseRevenue[0..<fitted])
    )
  }

  /// Pushes dlogL/dh through every channel's transform to its parameters.
  @inline(__always)
  private func backPropagateSignals() {
    guard let rOnOff = residualOnOff.baseAddress, let rRevenue = residualRevenue.baseAddress,
      let rAmount = residualAmount.baseAddress, let up = upstream.baseAddress,
      let on = onIndicator.baseAddress,
      let sensitivities = signalSensitivity.baseAddress
    else { return }
    let onOffMean = DenseKernels.sum(rOnOff, count: fitted) / Double(max(fitted, 1))
    let revenueMean = DenseKernels.sum(rRevenue, count: fitted) / Double(max(fitted, 1))
    let amountMeanOn =
      onWeeks.isEmpty ? 0 : DenseKernels.sum(rAmount, count: fitted) / Double(onWeeks.count)
    let parameterStride = channelCount * weeks
    for c in 0..<channelCount {
      let offset = c * weeks
      let revenueBeta = constrained[channelRevenueCoefficient[c]]
      if c < socialCount {
        let onOff = constrained[onOffCoefficient[c]]
        let amount = constrained[amountCoefficient[c]]
        // Branch-free: the amount term is multiplied by the on indicator.
        for t in stride(from: 0, to: fitted, by: LaneMath.Lanes.scalarCount) {
          var value = revenueBeta * (LaneMath.Lanes(rRevenue, at: t, count: fitted) - revenueMean)
          value += onOff * (LaneMath.Lanes(rOnOff, at: t, count: fitted) - onOffMean)
          value +=
            LaneMath.Lanes(on, at: t, count: fitted)
            * (amount * (LaneMath.Lanes(rAmount, at: t, count: fitted) - amountMeanOn))
          value.store(to: up, at: t, count: fitted)
        }
      } else {
        for t in stride(from: 0, to: fitted, by: LaneMath.Lanes.scalarCount) {
          let value = revenueBeta * (LaneMath.Lanes(rRevenue, at: t, count: fitted) - revenueMean)
          value.store(to: up, at: t, count: fitted)
        }
      }
      for p in 0..<transformCount[c] {
        let gradient = DenseKernels.dot(
          up, sensitivities + p * parameterStride + offset, count: fitted)
        gradientX[transformIndex[c * maxTransformParameters + p]] += gradient
      }
    }
  }
}

extension UnsafeMutableBufferPointer where Element == Double {
  /// A new buffer of `count` zeros; the owner deallocates it.
  static func zeros(_ count: Int) -> UnsafeMutableBufferPointer<Double> {
    let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: Swift.max(count, 1))
    buffer.initialize(repeating: 0)
    return UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
  }

  /// A new buffer holding a copy of `values`; the owner deallocates it.
  static func copying(_ values: [Double]) -> UnsafeMutableBufferPointer<Double> {
    let buffer = zeros(values.count)
    for (i, value) in values.enumerated() { buffer[i] = value }
    return buffer
  }
}
