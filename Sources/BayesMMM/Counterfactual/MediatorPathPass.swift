#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Google's media transform and revenue coefficient at one draw.
struct MediatorResponse {
  /// The mediator's transform (scaled mediator units in, signal out).
  let transform: MediaTransform.Prepared
  /// beta_google on the log revenue scale.
  let revenueCoefficient: Double
}

/// One simulated mediator path in one arm, pushed through to revenue (the hot loop of the
/// effects).
///
/// For week t, with u_t the path's uniform and A_t = exp(mu_m,t(observed) + sigma_m z_t)
/// its amount at the observed social signals:
///
///     M_t = u_t < p_t ? A_t x f_t : 0            (hurdle; f_t = exp(g_s (h'_s,t - h_s,t)))
///     H_t = the mediator's signal of M (its `MediaTransform`)
///     G_t = w_t exp(beta_google H_t)              (w_t = y_obs,t exp(-beta_google H_obs,t))
///
/// so that sum_t G_t is revenue with the social channels observed and Google on M, and
/// sum_t G_t E_t, with E_t = exp(beta_s (h'_s,t - h_s,t)), is revenue with channel s on its
/// counterfactual path. This is `ForwardModel.simulateMediator` with the amount factored
/// into a shared A_t (one exp per path and week instead of one per arm) and the linear
/// predictor differences taken directly (the centring constants of the observed data stay).
///
/// - Complexity: O(T) (O(T L) for delayed adstock), one log and two exp per week with
///   positive adstock; no allocation.
enum MediatorPathPass {
  struct Totals {
    /// sum_t M_t, scaled mediator units.
    var mediator: Double
    /// sum_t G_t, currency.
    var revenue: Double
    /// sum_t G_t E_t, currency.
    var revenueWithFactor: Double
  }

  /// Runs the pass; writes M_t into `path`, H_t into `signal` and G_t into `revenueTerms`.
  /// All buffers have length T.
  @inline(__always)
  static func run(
    uniforms: UnsafeBufferPointer<Double>, onProbability: UnsafeBufferPointer<Double>,
    baseAmount: UnsafeBufferPointer<Double>, amountFactor: UnsafeBufferPointer<Double>,
    revenueWeight: UnsafeBufferPointer<Double>, revenueFactor: UnsafeBufferPointer<Double>,
    response: MediatorResponse, path: UnsafeMutableBufferPointer<Double>,
    signal: UnsafeMutableBufferPointer<Double>, revenueTerms: UnsafeMutableBufferPointer<Double>
  ) -> Totals {
    let beta = response.revenueCoefficient
    var totals = Totals(mediator: 0, revenue: 0, revenueWithFactor: 0)
    for t in 0..<uniforms.count {
      let spend = uniforms[t] < onProbability[t] ? baseAmount[t] * amountFactor[t] : 0
      path[t] = spend
      totals.mediator += spend
    }
    response.transform.signal(spend: UnsafeBufferPointer(path), into: signal)
    for t in 0..<uniforms.count {
      let term = revenueWeight[t] * exp(beta * signal[t])
      revenueTerms[t] = term
      totals.revenue += term
      totals.revenueWithFactor += term * revenueFactor[t]
    }
    return totals
  }

  /// The inputs every plan of one draw shares: the revenue weights
  /// w_t = y_obs,t exp(-beta_google H_obs,t) `[T]` and the base amounts
  /// A_r,t = exp(mu_m,t(observed) + sigma_m z_r,t) `[paths x T]`.
  static func prepare(
    state: ForwardModel.State, observedRevenue: [Double], numbers: MediatorRandomNumbers,
    revenueWeight: UnsafeMutableBufferPointer<Double>,
    baseAmount: UnsafeMutableBufferPointer<Double>
  ) {
    let weeks = numbers.weeks
    let mu = state.amountPredictor(socialSignals: state.socialSignals)
    let sigma = state.amountSigma
    let beta = state.mediatorCoefficient
    for t in 0..<weeks {
      revenueWeight[t] = observedRevenue[t] * exp(-beta * state.mediatorSignal[t])
    }
    numbers.normals.withUnsafeBufferPointer { z in
      for r in 0..<numbers.paths {
        for t in 0..<weeks {
          baseAmount[r * weeks + t] = exp(mu[t] + sigma * z[r * weeks + t])
        }
      }
    }
  }
}
