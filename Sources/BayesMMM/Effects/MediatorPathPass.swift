#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Google's media transform and revenue coefficient at one draw.
struct MediatorResponse {
  /// lambda in (0, 1).
  let decay: Double
  /// log K of the Hill curve (scaled mediator units).
  let logHalfSaturation: Double
  /// Hill shape n > 0.
  let shape: Double
  /// beta_google on the log revenue scale.
  let revenueCoefficient: Double
}

/// One simulated mediator path in one arm, pushed through to revenue in a single pass over
/// the weeks, without storing the path (the hot loop of the effects).
///
/// For week t, with u_t the path's uniform and A_t = exp(mu_m,t(observed) + sigma_m z_t)
/// its amount at the observed social signals:
///
///     M_t = u_t < p_t ? A_t x f_t : 0            (hurdle; f_t = exp(g_s (h'_s,t - h_s,t)))
///     a_t = lambda a_{t-1} + (1 - lambda) M_t     (geometric adstock, a_0 = 0)
///     H_t = logistic(n (log a_t - log K)), 0 at a_t = 0
///     G_t = w_t exp(beta_google H_t)              (w_t = y_obs,t exp(-beta_google H_obs,t))
///
/// so that sum_t G_t is revenue with the social channels observed and Google on M, and
/// sum_t G_t E_t, with E_t = exp(beta_s (h'_s,t - h_s,t)), is revenue with channel s on its
/// counterfactual path. This is `ForwardModel.simulateMediator` with the amount factored
/// into a shared A_t (one exp per path and week instead of one per arm) and the linear
/// predictor differences taken directly (the centring constants of the observed data stay).
///
/// - Complexity: O(T), one log and two exp per week with positive adstock; no allocation.
enum MediatorPathPass {
  struct Totals {
    /// sum_t M_t, scaled mediator units.
    var mediator: Double
    /// sum_t G_t, currency.
    var revenue: Double
    /// sum_t G_t E_t, currency.
    var revenueWithFactor: Double
  }

  /// Runs the pass; writes G_t into `revenueTerms`. All buffers have length T.
  @inline(__always)
  static func run(
    uniforms: UnsafeBufferPointer<Double>, onProbability: UnsafeBufferPointer<Double>,
    baseAmount: UnsafeBufferPointer<Double>, amountFactor: UnsafeBufferPointer<Double>,
    revenueWeight: UnsafeBufferPointer<Double>, revenueFactor: UnsafeBufferPointer<Double>,
    response: MediatorResponse, revenueTerms: UnsafeMutableBufferPointer<Double>
  ) -> Totals {
    let decay = response.decay
    let carry = 1 - decay
    let logK = response.logHalfSaturation
    let shape = response.shape
    let beta = response.revenueCoefficient
    var adstock = 0.0
    var totals = Totals(mediator: 0, revenue: 0, revenueWithFactor: 0)
    for t in 0..<uniforms.count {
      let spend = uniforms[t] < onProbability[t] ? baseAmount[t] * amountFactor[t] : 0
      totals.mediator += spend
      adstock = decay * adstock + carry * spend
      let signal = adstock > 0 ? HillSaturation.logistic(shape * (log(adstock) - logK)) : 0
      let term = revenueWeight[t] * exp(beta * signal)
      revenueTerms[t] = term
      totals.revenue += term
      totals.revenueWithFactor += term * revenueFactor[t]
    }
    return totals
  }
}
