#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The log posterior density of `JointModel` and its exact gradient, for one chain.
///
/// One evaluation, for the constrained parameters x(u):
/// 1. priors and log-Jacobians of every parameter;
/// 2. per media channel c (social s, then the mediator, then owned o): adstock a_c,t and
///    Hill h_c,t with the sensitivities dh/dlambda, dh/dK, dh/dn (forward mode, O(T));
/// 3. the three linear predictors, each with its media signals centred by their current
///    mean over the equation's weeks (centred intercepts, MODEL.md 3.3a):
///    - on/off: eta_t = c_bar + sum_s c_s (h_s,t - mean h_s) + Zm_t . gamma
///    - amount (on weeks): mu_m,t = a_bar + sum_s g_s (h_s,t - mean_on h_s) + Zm_on,t . delta
///    - revenue: mu_y,t = b_bar + beta_G (h_G,t - mean h_G) + sum_s beta_s (h_s,t - mean h_s)
///      + sum_o beta_o (h_o,t - mean h_o) + Zy_t . theta
/// 4. the likelihood: Bernoulli-logit on/off, normal log amount, Student-t log revenue
///    (the CDF at the floor for censored weeks), and the residual sensitivities
///    r_t = dlogL / dlinear predictor_t;
/// 5. reverse pass: coefficient gradients are sums of r_t times regressors; the gradient
///    reaching h_c,t is the sum over equations of coefficient x (r_t - mean r) (the mean
///    comes from the centring); it is pushed through the stored Hill/adstock sensitivities.
///
/// All scratch lives in buffers allocated once in `init`; `logDensity(at:gradient:)`
/// allocates nothing. Non-finite values propagate to the return value, which the sampler
/// treats as a divergence.
///
/// - Complexity: O(T x (S + 1 + O + design columns)) per evaluation.
final class JointModelDensity: LogDensity {
  let dimension: Int
  /// Stride of every per-week buffer (T).
  private let weeks: Int
  /// Weeks in the likelihood: 0 ..< fitted (see `ModelInputs.fitWeeks`).
  private let fitted: Int
  private let socialCount: Int
  private let channelCount: Int
  private let layout: ParameterLayout
  private let priors: [Prior]
  private let studentT: StudentTTerms

  // Data (read-only after init).
  private let spend: UnsafeMutableBufferPointer<Double>  // channelCount x T
  private let logRevenue: UnsafeMutableBufferPointer<Double>
  private let censored: [Bool]
  private let mediatorOn: [Bool]
  private let logAmount: UnsafeMutableBufferPointer<Double>
  private let onWeeks: [Int]
  /// Fixed designs stored column-major (`columns x T`), so passes over weeks are contiguous.
  private let mediatorDesign: UnsafeMutableBufferPointer<Double>
  private let mediatorDesignOn: UnsafeMutableBufferPointer<Double>
  private let revenueDesign: UnsafeMutableBufferPointer<Double>
  private let mediatorColumns: Int
  private let revenueColumns: Int
  private let decayIndex: [Int]
  private let halfSaturationIndex: [Int]
  private let shapeIndex: [Int]

  // Scratch.
  private let constrained: UnsafeMutableBufferPointer<Double>
  private let slope: UnsafeMutableBufferPointer<Double>  // dx/du
  private let jacobianSlope: UnsafeMutableBufferPointer<Double>  // d log|dx/du| / du
  private let gradientX: UnsafeMutableBufferPointer<Double>
  private let adstock: UnsafeMutableBufferPointer<Double>  // channelCount x T
  private let decaySensitivity: UnsafeMutableBufferPointer<Double>
  private let signal: UnsafeMutableBufferPointer<Double>  // h
  private let signalByDecay: UnsafeMutableBufferPointer<Double>
  private let signalByHalfSaturation: UnsafeMutableBufferPointer<Double>
  private let signalByShape: UnsafeMutableBufferPointer<Double>
  private let signalMean: UnsafeMutableBufferPointer<Double>  // per channel, all weeks
  private let signalMeanOn: UnsafeMutableBufferPointer<Double>  // per social channel, on weeks
  private let residualOnOff: UnsafeMutableBufferPointer<Double>  // T
  private let residualAmount: UnsafeMutableBufferPointer<Double>  // T (0 off)
  private let residualRevenue: UnsafeMutableBufferPointer<Double>  // T
  /// Per-week fixed part (intercept + design) of each linear predictor.
  private let onOffFixed: UnsafeMutableBufferPointer<Double>  // T
  private let amountFixed: UnsafeMutableBufferPointer<Double>  // T
  private let revenueFixed: UnsafeMutableBufferPointer<Double>  // T

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
    spend = .copying(series.flatMap { $0 })
    logRevenue = .copying(inputs.logRevenue)
    censored = inputs.censored
    mediatorOn = inputs.mediatorOn
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
    decayIndex = Array(layout.socialDecay) + [layout.googleDecay] + Array(layout.ownedDecay)
    halfSaturationIndex =
      Array(layout.socialHalfSaturation) + [layout.googleHalfSaturation]
      + Array(layout.ownedHalfSaturation)
    shapeIndex = Array(layout.socialShape) + [layout.googleShape] + Array(layout.ownedShape)

    let channelWeeks = channelCount * weeks
    constrained = .zeros(dimension)
    slope = .zeros(dimension)
    jacobianSlope = .zeros(dimension)
    gradientX = .zeros(dimension)
    adstock = .zeros(channelWeeks)
    decaySensitivity = .zeros(channelWeeks)
    signal = .zeros(channelWeeks)
    signalByDecay = .zeros(channelWeeks)
    signalByHalfSaturation = .zeros(channelWeeks)
    signalByShape = .zeros(channelWeeks)
    signalMean = .zeros(channelCount)
    signalMeanOn = .zeros(max(socialCount, 1))
    residualOnOff = .zeros(weeks)
    residualAmount = .zeros(weeks)
    residualRevenue = .zeros(weeks)
    onOffFixed = .zeros(weeks)
    amountFixed = .zeros(weeks)
    revenueFixed = .zeros(weeks)
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
    let offset = c * weeks
    for t in 0..<fitted { predictor[t] += coefficient * (signal[offset + t] - mean) }
  }

  /// Fills `predictor[t]` for the fitted weeks with an equation's intercept, fixed design
  /// and centred social signals: the part every equation shares.
  @inline(__always)
  private func fillPredictor(
    _ predictor: UnsafeMutableBufferPointer<Double>, intercept: Int,
    design: UnsafeMutableBufferPointer<Double>, designStart: Int, columns: Int,
    socialCoefficients: Range<Int>, socialMeans: UnsafeMutableBufferPointer<Double>
  ) {
    fixedPart(
      predictor, intercept: constrained[intercept], design: design, columns: columns,
      coefficientsStart: designStart)
    for s in 0..<socialCount {
      addSignal(
        predictor, channel: s, coefficient: constrained[socialCoefficients.lowerBound + s],
        mean: socialMeans[s])
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
      constrained, slope, jacobianSlope, gradientX, adstock, decaySensitivity, signal,
      signalByDecay, signalByHalfSaturation, signalByShape, signalMean, signalMeanOn,
      residualOnOff, residualAmount, residualRevenue, onOffFixed, amountFixed, revenueFixed,
    ] {
      buffer.deallocate()
    }
  }

  func logDensity(
    at position: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    var total = priorsAndJacobians(position)
    computeSignals()
    total += onOffLikelihood()
    total += amountLikelihood()
    total += revenueLikelihood()
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

  /// Adstock + Hill for every media channel, with sensitivities and means.
  @inline(__always)
  private func computeSignals() {
    let onCount = Double(onWeeks.count)
    for c in 0..<channelCount {
      let offset = c * weeks
      let decay = constrained[decayIndex[c]]
      let halfSaturation = constrained[halfSaturationIndex[c]]
      let logHalfSaturation = log(halfSaturation)
      let shape = constrained[shapeIndex[c]]
      GeometricAdstock.apply(
        spend: UnsafeBufferPointer(rebasing: spend[offset..<offset + fitted]), decay: decay,
        adstock: UnsafeMutableBufferPointer(rebasing: adstock[offset..<offset + fitted]),
        decaySensitivity: UnsafeMutableBufferPointer(
          rebasing: decaySensitivity[offset..<offset + fitted]))
      var sum = 0.0
      for t in offset..<offset + fitted {
        let hill = HillSaturation.valueAndDerivatives(
          adstock[t], logHalfSaturation: logHalfSaturation, halfSaturation: halfSaturation,
          shape: shape)
        signal[t] = hill.value
        signalByDecay[t] = hill.dAdstock * decaySensitivity[t]
        signalByHalfSaturation[t] = hill.dHalfSaturation
        signalByShape[t] = hill.dShape
        sum += hill.value
      }
      signalMean[c] = fitted > 0 ? sum / Double(fitted) : 0
      if c < socialCount {
        var sumOn = 0.0
        for t in onWeeks { sumOn += signal[offset + t] }
        signalMeanOn[c] = onCount > 0 ? sumOn / onCount : 0
      }
    }
  }

  /// Bernoulli-logit log likelihood of the mediator's on/off pattern; fills residualOnOff
  /// with dlogL/deta_t = 1[on] - logistic(eta_t) and the gradients of its coefficients.
  @inline(__always)
  private func onOffLikelihood() -> Double {
    let designStart = layout.onoffDesign.lowerBound
    fillPredictor(
      onOffFixed, intercept: layout.onoffIntercept, design: mediatorDesign,
      designStart: designStart, columns: mediatorColumns,
      socialCoefficients: layout.onoffSocial, socialMeans: signalMean)
    var total = 0.0
    for t in 0..<fitted {
      let eta = onOffFixed[t]
      // log logistic(+-eta) = -softplus(-+eta), stable for |eta| large; one exp serves
      // both the softplus and the logistic.
      let e = exp(-abs(eta))
      let signedEta = mediatorOn[t] ? eta : -eta
      total -= max(-signedEta, 0) + log1p(e)
      let probability = eta >= 0 ? 1 / (1 + e) : e / (1 + e)
      residualOnOff[t] = (mediatorOn[t] ? 1 : 0) - probability
    }
    accumulateCoefficientGradients(
      residual: residualOnOff, intercept: layout.onoffIntercept,
      socialCoefficients: layout.onoffSocial, socialMeans: signalMean,
      design: mediatorDesign, designColumns: mediatorColumns, designStart: designStart)
    return total
  }

  /// Normal log likelihood of log mediator spend in on weeks; fills residualAmount.
  @inline(__always)
  private func amountLikelihood() -> Double {
    let sigma = constrained[layout.amountSigma]
    let designStart = layout.amountDesign.lowerBound
    fillPredictor(
      amountFixed, intercept: layout.amountIntercept, design: mediatorDesignOn,
      designStart: designStart, columns: mediatorColumns,
      socialCoefficients: layout.amountSocial, socialMeans: signalMeanOn)
    let logSigma = log(sigma)
    let halfLogTwoPi = 0.5 * log(2 * Double.pi)
    var total = 0.0
    var sigmaGradient = 0.0
    for t in 0..<fitted { residualAmount[t] = 0 }
    for t in onWeeks {
      let mu = amountFixed[t]
      let z = (logAmount[t] - mu) / sigma
      total += -logSigma - halfLogTwoPi - 0.5 * z * z
      residualAmount[t] = z / sigma
      sigmaGradient += (z * z - 1) / sigma
    }
    gradientX[layout.amountSigma] += sigmaGradient
    accumulateCoefficientGradients(
      residual: residualAmount, intercept: layout.amountIntercept,
      socialCoefficients: layout.amountSocial, socialMeans: signalMeanOn,
      design: mediatorDesignOn, designColumns: mediatorColumns, designStart: designStart)
    return total
  }

  /// Student-t (censored at the floor) log likelihood of log revenue; fills residualRevenue.
  @inline(__always)
  private func revenueLikelihood() -> Double {
    let sigma = constrained[layout.revenueSigma]
    let googleBeta = constrained[layout.googleEffect]
    let google = socialCount * weeks
    let designStart = layout.revenueDesign.lowerBound
    let ownedStart = layout.ownedEffect.lowerBound
    let logSigma = log(sigma)
    // Google's signal goes in before the social ones (summation order fixes the draws'
    // last bits), so this equation fills its predictor step by step.
    fixedPart(
      revenueFixed, intercept: constrained[layout.revenueIntercept], design: revenueDesign,
      columns: revenueColumns, coefficientsStart: designStart)
    addSignal(
      revenueFixed, channel: socialCount, coefficient: googleBeta, mean: signalMean[socialCount])
    for s in 0..<socialCount {
      addSignal(
        revenueFixed, channel: s, coefficient: constrained[layout.socialEffect.lowerBound + s],
        mean: signalMean[s])
    }
    for o in 0..<(channelCount - socialCount - 1) {
      let c = socialCount + 1 + o
      addSignal(
        revenueFixed, channel: c, coefficient: constrained[ownedStart + o], mean: signalMean[c])
    }
    var total = 0.0
    var sigmaGradient = 0.0
    var googleGradient = 0.0
    for t in 0..<fitted {
      let mu = revenueFixed[t]
      let term =
        censored[t]
        ? studentT.censoredBelow(logRevenue[t], mu: mu, sigma: sigma)
        : studentT.density(logRevenue[t], mu: mu, sigma: sigma, logSigma: logSigma)
      total += term.0
      residualRevenue[t] = term.1
      sigmaGradient += term.2
      googleGradient += term.1 * (signal[google + t] - signalMean[socialCount])
    }
    gradientX[layout.revenueSigma] += sigmaGradient
    gradientX[layout.googleEffect] += googleGradient
    for o in 0..<(channelCount - socialCount - 1) {
      let c = socialCount + 1 + o
      var sum = 0.0
      for t in 0..<fitted { sum += residualRevenue[t] * (signal[c * weeks + t] - signalMean[c]) }
      gradientX[ownedStart + o] += sum
    }
    accumulateCoefficientGradients(
      residual: residualRevenue, intercept: layout.revenueIntercept,
      socialCoefficients: layout.socialEffect, socialMeans: signalMean,
      design: revenueDesign, designColumns: revenueColumns, designStart: designStart)
    return total
  }

  /// Adds sum_t r_t x regressor_t to the intercept, social and design coefficients of one
  /// equation (residuals are zero outside the equation's weeks).
  @inline(__always)
  private func accumulateCoefficientGradients(
    residual: UnsafeMutableBufferPointer<Double>, intercept: Int,
    socialCoefficients: Range<Int>, socialMeans: UnsafeMutableBufferPointer<Double>,
    design: UnsafeMutableBufferPointer<Double>, designColumns: Int, designStart: Int
  ) {
    var residualSum = 0.0
    for t in 0..<fitted { residualSum += residual[t] }
    gradientX[intercept] += residualSum
    guard let r = residual.baseAddress, let h = signal.baseAddress else { return }
    for s in 0..<socialCount {
      let sum = DenseKernels.dot(r, h + s * weeks, count: fitted)
      gradientX[socialCoefficients.lowerBound + s] += sum - socialMeans[s] * residualSum
    }
    guard let columns = design.baseAddress else { return }
    for j in 0..<designColumns {
      gradientX[designStart + j] += DenseKernels.dot(r, columns + j * weeks, count: fitted)
    }
  }

  /// Pushes dlogL/dh through Hill and adstock to lambda, K and n of every channel.
  @inline(__always)
  private func backPropagateSignals() {
    var onOffMean = 0.0
    var revenueMean = 0.0
    var amountMeanOn = 0.0
    for t in 0..<fitted {
      onOffMean += residualOnOff[t]
      revenueMean += residualRevenue[t]
      amountMeanOn += residualAmount[t]
    }
    onOffMean /= Double(max(fitted, 1))
    revenueMean /= Double(max(fitted, 1))
    amountMeanOn = onWeeks.isEmpty ? 0 : amountMeanOn / Double(onWeeks.count)
    for c in 0..<channelCount {
      let offset = c * weeks
      var decayGradient = 0.0
      var halfSaturationGradient = 0.0
      var shapeGradient = 0.0
      let revenueBeta: Double
      var onOffCoefficient = 0.0
      var amountCoefficient = 0.0
      if c < socialCount {
        revenueBeta = constrained[layout.socialEffect.lowerBound + c]
        onOffCoefficient = constrained[layout.onoffSocial.lowerBound + c]
        amountCoefficient = constrained[layout.amountSocial.lowerBound + c]
      } else if c == socialCount {
        revenueBeta = constrained[layout.googleEffect]
      } else {
        revenueBeta = constrained[layout.ownedEffect.lowerBound + c - socialCount - 1]
      }
      for t in 0..<fitted {
        var upstream = revenueBeta * (residualRevenue[t] - revenueMean)
        if c < socialCount {
          upstream += onOffCoefficient * (residualOnOff[t] - onOffMean)
          if mediatorOn[t] { upstream += amountCoefficient * (residualAmount[t] - amountMeanOn) }
        }
        decayGradient += upstream * signalByDecay[offset + t]
        halfSaturationGradient += upstream * signalByHalfSaturation[offset + t]
        shapeGradient += upstream * signalByShape[offset + t]
      }
      gradientX[decayIndex[c]] += decayGradient
      gradientX[halfSaturationIndex[c]] += halfSaturationGradient
      gradientX[shapeIndex[c]] += shapeGradient
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
