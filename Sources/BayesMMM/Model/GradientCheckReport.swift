import Foundation

/// The `diagnose` report: a `GradientCheck` with parameter names, a verdict and a timing.
public struct GradientCheckReport: Sendable {
  public let check: GradientCheck
  public let names: [String]
  public let tolerance: Double
  public let secondsPerGradient: Double

  public init(check: GradientCheck, names: [String], tolerance: Double, secondsPerGradient: Double)
  {
    self.check = check
    self.names = names
    self.tolerance = tolerance
    self.secondsPerGradient = secondsPerGradient
  }

  /// True when every coordinate's relative error is within the tolerance.
  public var passed: Bool { check.maxRelativeError <= tolerance }

  public var text: String {
    var lines: [String] = []
    for point in 0..<check.points {
      lines.append(
        "Point \(point + 1) of \(check.points): log density \(format(check.logDensities[point]))")
      lines.append(
        cell("parameter", 32) + cell("unconstrained", 15) + cell("analytic", 16)
          + cell("finite diff", 16) + cell("abs error", 11) + "rel error")
      for entry in check.entries where entry.point == point {
        lines.append(
          cell(names[entry.parameter], 32) + cell(format(entry.unconstrainedValue), 15)
            + cell(format(entry.analytic), 16) + cell(format(entry.numeric), 16)
            + cell(short(entry.absoluteError), 11) + short(entry.relativeError))
      }
      lines.append("")
    }
    lines.append("parameters            \(check.parameters)")
    lines.append("points                \(check.points)")
    lines.append("max relative error    \(short(check.maxRelativeError))")
    lines.append("max absolute error    \(short(check.maxAbsoluteError))")
    lines.append(
      "seconds per gradient  \(short(secondsPerGradient)) "
        + "(\(formatted(1 / secondsPerGradient, 0)) log density + gradient evaluations/s)")
    lines.append(
      passed
        ? "verdict               gradient agrees with finite differences (tolerance \(short(tolerance)))"
        : "verdict               FAILED: relative error above \(short(tolerance))")
    return lines.joined(separator: "\n") + "\n"
  }

  public var json: JSONValue {
    let entries: [JSONValue] = check.entries.map { entry in
      [
        "point": .number(Double(entry.point + 1)), "name": .string(names[entry.parameter]),
        "unconstrained": .number(entry.unconstrainedValue), "analytic": .number(entry.analytic),
        "finite_difference": .number(entry.numeric),
        "absolute_error": .number(entry.absoluteError),
        "relative_error": .number(entry.relativeError),
      ]
    }
    return [
      "parameters": .number(Double(check.parameters)),
      "points": .number(Double(check.points)),
      "max_relative_error": .number(check.maxRelativeError),
      "max_absolute_error": .number(check.maxAbsoluteError),
      "seconds_per_gradient": .number(secondsPerGradient),
      "tolerance": .number(tolerance),
      "passed": .bool(passed),
      "log_density": .array(check.logDensities.map { .number($0) }),
      "entries": .array(entries),
    ]
  }

  /// A column cell: `text` padded to `width`, always followed by at least one space.
  private func cell(_ text: String, _ width: Int) -> String { pad(text + " ", width) }
  private func format(_ value: Double) -> String { String(format: "%.8g", value) }
  private func short(_ value: Double) -> String { String(format: "%.2e", value) }
}
