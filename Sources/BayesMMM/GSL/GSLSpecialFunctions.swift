import CGSL

/// Special functions and distribution functions from GSL used by the model.
///
/// All functions return NaN instead of aborting on domain errors (see `GSLRuntime`).
public enum GSLSpecial {
  /// log Γ(x) for x > 0.
  public static func logGamma(_ x: Double) -> Double {
    GSLRuntime.prepare()
    var result = gsl_sf_result()
    return gsl_sf_lngamma_e(x, &result) == GSL_SUCCESS ? result.val : .nan
  }

  /// Digamma ψ(x) = d log Γ(x) / dx.
  public static func digamma(_ x: Double) -> Double {
    GSLRuntime.prepare()
    var result = gsl_sf_result()
    return gsl_sf_psi_e(x, &result) == GSL_SUCCESS ? result.val : .nan
  }

  /// log B(a, b) = log Γ(a) + log Γ(b) - log Γ(a + b).
  public static func logBeta(_ a: Double, _ b: Double) -> Double {
    GSLRuntime.prepare()
    var result = gsl_sf_result()
    return gsl_sf_lnbeta_e(a, b, &result) == GSL_SUCCESS ? result.val : .nan
  }

  /// Standard normal CDF Φ(x).
  public static func normalCDF(_ x: Double) -> Double { gsl_cdf_ugaussian_P(x) }

  /// Upper tail 1 - Φ(x), accurate for large x.
  public static func normalUpperTail(_ x: Double) -> Double { gsl_cdf_ugaussian_Q(x) }

  /// Standard normal quantile Φ⁻¹(p), p in (0, 1).
  public static func normalQuantile(_ p: Double) -> Double { gsl_cdf_ugaussian_Pinv(p) }

  /// log Φ(x), accurate in the far lower tail through GSL's `log_erfc`.
  public static func logNormalCDF(_ x: Double) -> Double {
    GSLRuntime.prepare()
    // Φ(x) = erfc(-x / √2) / 2.
    var result = gsl_sf_result()
    let status = gsl_sf_log_erfc_e(-x / 2.0.squareRoot(), &result)
    return status == GSL_SUCCESS ? result.val - log(2.0) : .nan
  }

  /// Student-t CDF with `nu` degrees of freedom at standardised z.
  public static func studentTCDF(_ z: Double, nu: Double) -> Double { gsl_cdf_tdist_P(z, nu) }

  /// Student-t density with `nu` degrees of freedom at standardised z.
  public static func studentTDensity(_ z: Double, nu: Double) -> Double { gsl_ran_tdist_pdf(z, nu) }

  /// Student-t quantile, p in (0, 1).
  public static func studentTQuantile(_ p: Double, nu: Double) -> Double { gsl_cdf_tdist_Pinv(p, nu) }

  /// Chi-square upper tail probability P(X > x) with `dof` degrees of freedom.
  public static func chiSquareUpperTail(_ x: Double, dof: Double) -> Double {
    gsl_cdf_chisq_Q(x, dof)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
