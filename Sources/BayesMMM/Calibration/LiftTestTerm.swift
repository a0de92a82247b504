#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The lift tests' term of the log density, `sum_i log Normal(lift_i | V_i(theta), se_i)`,
/// with its exact gradient: what `JointModelDensity` adds after its likelihood.
///
/// ```swift
/// let term = LiftTestTerm(model: model)          // model.liftTests non-empty
/// let logL = term.logLikelihood(values: x, onOffPredictor: eta, gradient: g,
///                               onOffResidual: r)
/// ```
///
/// V_i is the mean-path approximation of test i's total effect (docs/MODEL.md 11), in
/// currency. With s the test's channel, W its weeks (window and cooldown), x' its spend path
/// (`LiftTest.testSpend`), D_t = h_s,t(x') - h_s,t(x) the move of the channel's signal:
///
///     m'_t  = m_t exp(g_s D_t) logistic(eta_t + c_s D_t) / logistic(eta_t)   (0 if m_t = 0)
///     dmu_t = beta_s D_t + beta_G (H(m')_t - H(m)_t)
///     V     = direction x sum_{t in W} b_t (exp(dmu_t) - 1)
///
/// m is Google's observed scaled spend and H its signal (the model's Google transform);
/// m'_t keeps each on week's observed residual and scales it by the hurdle's expected-spend
/// ratio E[m'_t] / E[m_t] (amount factor exp(g_s D_t) times the on-probability ratio), the
/// deterministic stand-in for the simulated Google paths of the full effect
/// (`LiftTestEstimates`); b_t is the observed revenue (the floor in censored weeks, where
/// the full effect uses min(floor, model median)). Everything is differentiable: the
/// gradient reaches beta_s, beta_G, c_s, g_s, the channel's and Google's transform
/// parameters (forward-mode sensitivities, as in the density), and eta_t (returned as
/// `onOffResidual`, which the density pushes through the on/off equation like its own
/// residual). dH(m')_t/dm'_u goes through the adstock's transpose (K^T q = reverse(K
/// reverse(q)) for a causal, time-invariant filter; computed directly here).
///
/// All scratch is allocated in `init`; `logLikelihood` allocates nothing.
///
/// - Complexity: O(tests x T x (P + L)) per evaluation, P transform parameters, L the
///   delayed-adstock window (1 for geometric).
final class LiftTestTerm {
  let tests: [LiftTest]
  private let fitted: Int
  private let socialTransforms: [MediaTransform]
  /// Per social channel its transform-parameter indices (row s of `maxParameters`).
  private let socialIndices: UnsafeMutableBufferPointer<Int>
  private let socialIndexCount: [Int]
  private let revenueCoefficient: [Int]
  private let onOffCoefficient: [Int]
  private let amountCoefficient: [Int]
  private let googleTransform: MediaTransform
  private let googleIndices: UnsafeMutableBufferPointer<Int>
  private let googleParameterCount: Int
  /// Weeks of the observed Google signal any test reads: 0 ..< the latest test week + 1.
  private let googleLength: Int
  private let googleEffect: Int
  private let maxParameters: Int

  // Data.
  /// Observed scaled spend of each test's channel and the test's path, tests x T each.
  private let observedSpend: UnsafeMutableBufferPointer<Double>
  private let testSpend: UnsafeMutableBufferPointer<Double>
  private let googleSpend: UnsafeMutableBufferPointer<Double>
  private let googleOn: [Bool]
  /// b_t, currency.
  private let baseline: UnsafeMutableBufferPointer<Double>

  // Scratch, T each unless noted.
  private let adstock: UnsafeMutableBufferPointer<Double>
  private let adstockSensitivity: UnsafeMutableBufferPointer<Double>
  private let adstockSecondSensitivity: UnsafeMutableBufferPointer<Double>
  private let transformScratch: UnsafeMutableBufferPointer<Double>
  private let signal: UnsafeMutableBufferPointer<Double>
  private let testSignal: UnsafeMutableBufferPointer<Double>
  /// dh/dp at `p * T + t` (maxParameters x T).
  private let sensitivity: UnsafeMutableBufferPointer<Double>
  private let testSensitivity: UnsafeMutableBufferPointer<Double>
  private let google: UnsafeMutableBufferPointer<Double>
  private let testGoogle: UnsafeMutableBufferPointer<Double>
  private let testGoogleAdstock: UnsafeMutableBufferPointer<Double>
  private let googleSensitivity: UnsafeMutableBufferPointer<Double>
  private let testGoogleSensitivity: UnsafeMutableBufferPointer<Double>
  private let testGoogleSpend: UnsafeMutableBufferPointer<Double>
  private let onProbability: UnsafeMutableBufferPointer<Double>
  private let testOnProbability: UnsafeMutableBufferPointer<Double>
  private let signalMove: UnsafeMutableBufferPointer<Double>  // D_t
  private let weight: UnsafeMutableBufferPointer<Double>  // dV/ddmu_t (0 outside W)
  private let reverse: UnsafeMutableBufferPointer<Double>  // q, then K^T q
  private let signalMoveGradient: UnsafeMutableBufferPointer<Double>  // dV/dD_t

  init(model: JointModel) {
    let inputs = model.inputs
    let layout = model.layout
    let weeks = inputs.fitWeeks
    precondition(
      model.liftTests.allSatisfy { $0.weeks.upperBound < weeks }, "lift tests in fitted weeks")
    tests = model.liftTests
    fitted = weeks
    let social = Array(layout.social)
    socialTransforms = social.map(\.transform)
    maxParameters = layout.channels.map(\.transformParameters.count).max() ?? 0
    socialIndices = .allocate(capacity: max(1, social.count * maxParameters))
    socialIndices.initialize(repeating: 0)
    for (s, block) in social.enumerated() {
      for (p, index) in block.transformParameters.enumerated() {
        socialIndices[s * maxParameters + p] = index
      }
    }
    socialIndexCount = social.map(\.transformParameters.count)
    revenueCoefficient = social.map(\.revenueCoefficient)
    onOffCoefficient = social.map { $0.onOffCoefficient ?? 0 }
    amountCoefficient = social.map { $0.amountCoefficient ?? 0 }
    googleTransform = layout.mediator.transform
    googleParameterCount = layout.mediator.transformParameters.count
    googleLength = (model.liftTests.map(\.weeks.upperBound).max() ?? -1) + 1
    googleIndices = .allocate(capacity: max(1, googleParameterCount))
    for (p, index) in layout.mediator.transformParameters.enumerated() {
      googleIndices[p] = index
    }
    googleEffect = layout.googleEffect

    observedSpend = .copying(
      model.liftTests.flatMap { Array(inputs.socialSpend[$0.channelIndex].prefix(weeks)) })
    testSpend = .copying(
      model.liftTests.flatMap {
        $0.testSpend(observed: Array(inputs.socialSpend[$0.channelIndex].prefix(weeks)))
      })
    googleSpend = .copying(Array(inputs.mediatorSpend.prefix(weeks)))
    googleOn = Array(inputs.mediatorOn.prefix(weeks))
    baseline = .copying(Array(inputs.revenueCurrency.prefix(weeks)))

    adstock = .zeros(weeks)
    adstockSensitivity = .zeros(weeks)
    adstockSecondSensitivity = .zeros(weeks)
    transformScratch = .zeros(
      layout.channels.map(\.transform.sensitivityScratchCount).max() ?? 0)
    signal = .zeros(weeks)
    testSignal = .zeros(weeks)
    sensitivity = .zeros(maxParameters * weeks)
    testSensitivity = .zeros(maxParameters * weeks)
    google = .zeros(weeks)
    testGoogle = .zeros(weeks)
    testGoogleAdstock = .zeros(weeks)
    googleSensitivity = .zeros(maxParameters * weeks)
    testGoogleSensitivity = .zeros(maxParameters * weeks)
    testGoogleSpend = .zeros(weeks)
    onProbability = .zeros(weeks)
    testOnProbability = .zeros(weeks)
    signalMove = .zeros(weeks)
    weight = .zeros(weeks)
    reverse = .zeros(weeks)
    signalMoveGradient = .zeros(weeks)
  }

  deinit {
    for buffer in [
      observedSpend, testSpend, googleSpend, baseline, adstock, adstockSensitivity,
      adstockSecondSensitivity, transformScratch, signal, testSignal, sensitivity,
      testSensitivity, google, testGoogle, testGoogleAdstock, googleSensitivity,
      testGoogleSensitivity, testGoogleSpend, onProbability, testOnProbability, signalMove,
      weight, reverse, signalMoveGradient,
    ] {
      buffer.deallocate()
    }
    socialIndices.deallocate()
    googleIndices.deallocate()
  }

  /// sum_i log Normal(lift_i | V_i, se_i) at constrained `values`, with eta_t =
  /// `onOffPredictor[t]` (the on/off equation's linear predictor, fitted weeks). Adds the
  /// term's derivative with respect to each constrained parameter to `gradient` and writes
  /// its derivative with respect to eta_t into `onOffResidual[t]` (fitted weeks).
  func logLikelihood(
    values: UnsafeMutableBufferPointer<Double>, onOffPredictor: UnsafeMutableBufferPointer<Double>,
    gradient: UnsafeMutableBufferPointer<Double>, onOffResidual: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    for t in 0..<fitted { onOffResidual[t] = 0 }
    computeObservedGoogle(values)
    let halfLogTwoPi = 0.5 * log(2 * Double.pi)
    var total = 0.0
    for (i, test) in tests.enumerated() {
      let effect = forward(test: i, values: values, onOffPredictor: onOffPredictor)
      let z = (test.lift - effect) / test.se
      total += -0.5 * z * z - log(test.se) - halfLogTwoPi
      backward(
        test: i, values: values, scale: z / test.se, gradient: gradient,
        onOffResidual: onOffResidual)
    }
    return total
  }

  /// V_i of every test at constrained `values` and on/off predictor eta (fitted weeks).
  func effects(
    values: UnsafeMutableBufferPointer<Double>, onOffPredictor: UnsafeMutableBufferPointer<Double>
  ) -> [Double] {
    computeObservedGoogle(values)
    return tests.indices.map { forward(test: $0, values: values, onOffPredictor: onOffPredictor) }
  }

  /// H(m) and its sensitivities (the same for every test).
  private func computeObservedGoogle(_ values: UnsafeMutableBufferPointer<Double>) {
    transform(
      googleTransform, spend: googleSpend, from: 0, weeks: googleLength, values: values,
      indices: UnsafeBufferPointer(googleIndices), signal: google,
      sensitivities: googleSensitivity, adstockOut: adstock)
  }

  /// The transform of `spend[from ..< from + weeks]` into the first `weeks` entries of
  /// `signal` and `adstockOut`, sensitivities at `p * fitted + t`. A test needs no week
  /// after its last: nothing later reaches its lift, so every pass stops there.
  private func transform(
    _ transform: MediaTransform, spend: UnsafeMutableBufferPointer<Double>, from: Int, weeks: Int,
    values: UnsafeMutableBufferPointer<Double>, indices: UnsafeBufferPointer<Int>,
    signal: UnsafeMutableBufferPointer<Double>, sensitivities: UnsafeMutableBufferPointer<Double>,
    adstockOut: UnsafeMutableBufferPointer<Double>
  ) {
    guard let base = sensitivities.baseAddress else { return }
    let prefix = 0..<weeks
    transform.signalWithSensitivities(
      spend: UnsafeBufferPointer(rebasing: spend[from..<from + weeks]), values: values,
      indices: indices, adstock: UnsafeMutableBufferPointer(rebasing: adstockOut[prefix]),
      adstockSensitivity: (
        UnsafeMutableBufferPointer(rebasing: adstockSensitivity[prefix]),
        UnsafeMutableBufferPointer(rebasing: adstockSecondSensitivity[prefix])
      ),
      signal: UnsafeMutableBufferPointer(rebasing: signal[prefix]), sensitivities: base,
      stride: fitted, scratch: transformScratch)
  }

  private func socialIndexTable(_ s: Int) -> UnsafeBufferPointer<Int> {
    UnsafeBufferPointer(
      rebasing: socialIndices[s * maxParameters..<s * maxParameters + socialIndexCount[s]])
  }

  /// Fills the scratch of test i and returns V_i.
  private func forward(
    test i: Int, values: UnsafeMutableBufferPointer<Double>,
    onOffPredictor eta: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    let test = tests[i]
    let s = test.channelIndex
    let weeks = test.weeks.upperBound + 1
    transform(
      socialTransforms[s], spend: observedSpend, from: i * fitted, weeks: weeks, values: values,
      indices: socialIndexTable(s), signal: signal, sensitivities: sensitivity,
      adstockOut: adstock)
    transform(
      socialTransforms[s], spend: testSpend, from: i * fitted, weeks: weeks, values: values,
      indices: socialIndexTable(s), signal: testSignal, sensitivities: testSensitivity,
      adstockOut: adstock)
    let onOff = values[onOffCoefficient[s]]
    let amount = values[amountCoefficient[s]]
    for t in 0..<weeks {
      let move = testSignal[t] - signal[t]
      signalMove[t] = move
      guard googleOn[t] else {
        testGoogleSpend[t] = 0
        continue
      }
      let shifted = eta[t] + onOff * move
      onProbability[t] = HillSaturation.logistic(eta[t])
      testOnProbability[t] = HillSaturation.logistic(shifted)
      let logRatio = Self.logLogistic(shifted) - Self.logLogistic(eta[t])
      testGoogleSpend[t] = googleSpend[t] * exp(amount * move + logRatio)
    }
    transform(
      googleTransform, spend: testGoogleSpend, from: 0, weeks: weeks, values: values,
      indices: UnsafeBufferPointer(googleIndices), signal: testGoogle,
      sensitivities: testGoogleSensitivity, adstockOut: testGoogleAdstock)
    let beta = values[revenueCoefficient[s]]
    let betaGoogle = values[googleEffect]
    let direction = test.direction
    var effect = 0.0
    for t in 0..<weeks { weight[t] = 0 }
    for t in test.weeks {
      let factor = exp(beta * signalMove[t] + betaGoogle * (testGoogle[t] - google[t]))
      effect += baseline[t] * (factor - 1)
      weight[t] = direction * baseline[t] * factor
    }
    return direction * effect
  }

  /// Adds `scale` x dV_i/d(everything) to `gradient` and `onOffResidual`, from the scratch
  /// `forward(test: i, ...)` left.
  private func backward(
    test i: Int, values: UnsafeMutableBufferPointer<Double>, scale: Double,
    gradient: UnsafeMutableBufferPointer<Double>, onOffResidual: UnsafeMutableBufferPointer<Double>
  ) {
    let test = tests[i]
    let s = test.channelIndex
    let beta = values[revenueCoefficient[s]]
    let betaGoogle = values[googleEffect]
    var betaGradient = 0.0
    var googleGradient = 0.0
    for t in test.weeks {
      betaGradient += weight[t] * signalMove[t]
      googleGradient += weight[t] * (testGoogle[t] - google[t])
    }
    gradient[revenueCoefficient[s]] += scale * betaGradient
    gradient[googleEffect] += scale * googleGradient
    for p in 0..<googleParameterCount {
      var sum = 0.0
      let row = p * fitted
      for t in test.weeks {
        sum += weight[t] * (testGoogleSensitivity[row + t] - googleSensitivity[row + t])
      }
      gradient[googleIndices[p]] += scale * betaGoogle * sum
    }
    // q_t = dV/da'_t (Google's adstock under the test), then K^T q = dV/dm'_u.
    let k = googleTransform.adstockParameterCount
    let halfSaturation = values[googleIndices[k]]
    let logHalfSaturation = log(halfSaturation)
    let shape = values[googleIndices[k + 1]]
    for t in 0...test.weeks.upperBound {
      reverse[t] = 0
      signalMoveGradient[t] = 0
    }
    for t in test.weeks {
      let slope = HillSaturation.valueAndDerivatives(
        testGoogleAdstock[t], logHalfSaturation: logHalfSaturation,
        halfSaturation: halfSaturation, shape: shape
      ).dAdstock
      reverse[t] = scale * weight[t] * betaGoogle * slope
      signalMoveGradient[t] = scale * weight[t] * beta
    }
    adstockTranspose(values, upTo: test.weeks.upperBound)
    let onOff = values[onOffCoefficient[s]]
    let amount = values[amountCoefficient[s]]
    var onOffGradient = 0.0
    var amountGradient = 0.0
    for t in 0...test.weeks.upperBound where googleOn[t] {
      let spendGradient = reverse[t] * testGoogleSpend[t]
      let offShare = 1 - testOnProbability[t]
      amountGradient += spendGradient * signalMove[t]
      onOffGradient += spendGradient * signalMove[t] * offShare
      onOffResidual[t] += spendGradient * (onProbability[t] - testOnProbability[t])
      signalMoveGradient[t] += spendGradient * (amount + onOff * offShare)
    }
    gradient[amountCoefficient[s]] += amountGradient
    gradient[onOffCoefficient[s]] += onOffGradient
    for p in 0..<socialIndexCount[s] {
      var sum = 0.0
      let row = p * fitted
      for t in 0...test.weeks.upperBound {
        sum += signalMoveGradient[t] * (testSensitivity[row + t] - sensitivity[row + t])
      }
      gradient[socialIndices[s * maxParameters + p]] += sum
    }
  }

  /// Replaces `reverse[0 ... last]` (q, zero after `last`) by K^T q, K Google's adstock at
  /// `values`: (K^T q)_u = sum_{t >= u} K_{t,u} q_t.
  private func adstockTranspose(_ values: UnsafeMutableBufferPointer<Double>, upTo last: Int) {
    let decay = values[googleIndices[0]]
    switch googleTransform.adstock {
    case .geometric:
      // K_{t,u} = (1 - lambda) lambda^(t - u): a backward recursion.
      var carried = 0.0
      for u in stride(from: last, through: 0, by: -1) {
        carried = reverse[u] + decay * carried
        reverse[u] = (1 - decay) * carried
      }
    case .delayed:
      // K_{t,u} = w_{t-u} / W for 0 <= t - u < L; weights in the scratch.
      let window = googleTransform.window
      let logDecay = log(decay)
      let peak = values[googleIndices[1]]
      var sum = 0.0
      for l in 0..<window {
        let distance = Double(l) - peak
        transformScratch[l] = exp(distance * distance * logDecay)
        sum += transformScratch[l]
      }
      for u in 0...last {
        var value = 0.0
        for l in 0..<min(window, last - u + 1) { value += transformScratch[l] * reverse[u + l] }
        reverse[u] = value / sum
      }
    }
  }

  /// log logistic(x) = -softplus(-x), stable in both tails.
  @inline(__always)
  private static func logLogistic(_ x: Double) -> Double {
    -(max(-x, 0) + log1p(exp(-abs(x))))
  }
}
