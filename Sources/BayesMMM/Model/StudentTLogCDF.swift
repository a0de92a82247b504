#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// log F(z), the log CDF of the standard Student-t with fixed degrees of freedom nu, cheap
/// for integer nu <= 10 and accurate deep in the lower tail; GSL's `gsl_cdf_tdist_P` for
/// any other nu.
///
/// ```swift
/// let cdf = StudentTLogCDF(nu: 5)
/// cdf(-40)      // log F(-40) = -17.28..., one power series of about 10 terms
/// ```
///
/// With x = nu / (nu + z^2), the lower tail is G(-|z|) = I_x(nu/2, 1/2) / 2 (regularised
/// incomplete beta; Abramowitz & Stegun 26.7.1), and F(z) = G for z < 0, 1 - G otherwise.
/// G is computed two ways, each where it has no cancellation:
///
/// - x < 1/2 (|z| > sqrt(nu)): the hypergeometric series (DLMF 8.17.8)
///   I_x(a, b) = x^a (1 - x)^b / (a B(a, b)) sum_n ((a + b)_n / (a + 1)_n) x^n, of
///   positive terms each at most x times the last (at most 56 terms, about 10 at the floor
///   weeks' z), summed and logged in log space so it neither underflows nor loses digits
///   however deep the tail;
/// - x >= 1/2 (|z| <= sqrt(nu)): the closed forms for integer nu (A&S 26.7.3-4), with
///   phi = atan(sqrt(nu) / |z|), for odd nu
///   G = (phi - sin phi cos phi sum_{k < (nu - 1)/2} b_k x^k) / pi, b_0 = 1,
///   b_k = b_{k-1} 2k / (2k + 1); for even nu G = (1 - sqrt(1 - x) sum_{k < nu/2} c_k x^k) / 2,
///   c_0 = 1, c_k = c_{k-1} (2k - 1) / (2k). There G >= 0.005 for nu <= 10, so the
///   subtraction loses at most about two digits.
///
/// Accuracy: within 1e-13 of log(gsl_cdf_tdist_P) in absolute terms for z in [-1e4, 50]
/// (asserted by `StudentTLogCDFTests`; measured maxima 1.4e-14 for nu = 5 and 2.9e-14 for
/// nu = 10, a few ulp of log F where log F is about -50). The closed form is limited to
/// nu <= 10 because for larger nu G at |z| = sqrt(nu) is small enough for the subtraction
/// to lose too many digits.
///
/// - Complexity: O(1) with at most 56 series terms; no allocation.
struct StudentTLogCDF: Sendable {
  let nu: Double
  /// Integer nu in 1 ... 10 takes the fast path; nil means GSL.
  private let integerNu: Int?
  /// log(a B(a, 1/2)) + log 2 with a = nu / 2: the series' constant factor, in log space.
  private let logSeriesScale: Double

  init(nu: Double) {
    self.nu = nu
    let whole = nu.rounded()
    integerNu = whole == nu && nu >= 1 && nu <= 10 ? Int(whole) : nil
    logSeriesScale = log(nu / 2) + GSLSpecial.logBeta(nu / 2, 0.5) + log(2.0)
  }

  /// log F(z).
  func callAsFunction(_ z: Double) -> Double {
    guard let integerNu, z.magnitude < 1e150 else {
      return log(GSLSpecial.studentTCDF(z, nu: nu))
    }
    let zSquared = z * z
    let x = nu / (nu + zSquared)
    let logTail: Double
    let tail: Double
    if x < 0.5 {
      logTail = logSeriesTail(x: x, zSquared: zSquared)
      tail = exp(logTail)
    } else {
      tail = closedFormTail(x: x, magnitude: z.magnitude, nu: integerNu)
      logTail = log(tail)
    }
    return z < 0 ? logTail : log1p(-tail)
  }

  /// log G for x < 1/2 by the series, with a = nu / 2, b = 1/2.
  private func logSeriesTail(x: Double, zSquared: Double) -> Double {
    let a = nu / 2
    var term = 1.0
    var sum = 1.0
    var n = 0.0
    while term > 1e-17 * sum && n < 80 {
      term *= x * (a + 0.5 + n) / (a + 1 + n)
      sum += term
      n += 1
    }
    // log(1 - x) = log(z^2 / (nu + z^2)) = -log1p(nu / z^2), exact in form for any z.
    return a * log(x) - 0.5 * log1p(nu / zSquared) + log(sum) - logSeriesScale
  }

  /// G for x >= 1/2 by the closed form of integer nu.
  private func closedFormTail(x: Double, magnitude: Double, nu integerNu: Int) -> Double {
    let root = (nu + magnitude * magnitude).squareRoot()
    if integerNu % 2 == 1 {
      var coefficient = 1.0
      var power = 1.0
      var sum = 0.0
      for k in 0..<((integerNu - 1) / 2) {
        if k > 0 {
          coefficient *= Double(2 * k) / Double(2 * k + 1)
          power *= x
        }
        sum += coefficient * power
      }
      let sineCosine = nu.squareRoot() * magnitude / (root * root)
      return (atan2(nu.squareRoot(), magnitude) - sineCosine * sum) / Double.pi
    }
    var coefficient = 1.0
    var power = 1.0
    var sum = 0.0
    for k in 0..<(integerNu / 2) {
      if k > 0 {
        coefficient *= Double(2 * k - 1) / Double(2 * k)
        power *= x
      }
      sum += coefficient * power
    }
    return 0.5 * (1 - magnitude / root * sum)
  }
}
