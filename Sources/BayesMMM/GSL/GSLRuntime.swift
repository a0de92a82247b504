import CGSL

/// Process-wide GSL set-up.
///
/// GSL's default error handler calls `abort()`. Every entry point that reaches GSL
/// calls `prepare()` first, which turns the handler off exactly once; afterwards GSL
/// reports trouble through return codes and NaN, which the callers check.
public enum GSLRuntime {
  private static let handlerDisabled: Bool = {
    cgsl_disable_error_handler()
    return true
  }()

  /// Idempotent and thread-safe (Swift initialises static lets once, atomically).
  public static func prepare() { _ = handlerDisabled }
}
