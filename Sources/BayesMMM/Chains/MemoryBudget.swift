import Foundation

/// What a run will hold in memory, estimated before it starts, and what the machine has: a
/// run that cannot fit is refused with a message instead of dying in `malloc` hours later.
///
/// ```swift
/// let needed = MemoryBudget.chainBytes(chains: 4, draws: 1000, dimension: 60)
/// try MemoryBudget.check(needed, what: "4 chains x 1000 draws x 60 parameters")
/// ```
///
/// Estimates are in bytes, computed in floating point so that absurd settings
/// (`--draws 1000000000000`) cannot overflow an `Int`. They count what grows with the run
/// and is held at once; fixed costs (the data, the model's workspaces) are small beside the
/// margin left by `usableFraction`.
public enum MemoryBudget {
  /// Share of the machine's memory a run may plan to use: the rest is for the system, the
  /// transient copies of the diagnostics and the estimate's own slack.
  public static let usableFraction = 0.8

  /// Kept draws of the chains as the sampler stores them: per draw, d unconstrained
  /// coordinates and the 7 sampler statistics, 8 bytes each.
  public static func chainBytes(chains: Int, draws: Int, dimension: Int) -> Double {
    Double(chains) * Double(draws) * Double(dimension + 7) * 8
  }

  /// A whole fitted run, from the chains to the written files: the chains' own storage,
  /// the constrained parameter table, the table with its generated columns (the effects,
  /// then the pointwise log likelihood, `LogLikelihoodColumns`: each block is computed
  /// apart and appended, so about two copies of the whole table are held at once), the
  /// CmdStan CSV text of every chain (held at once while the folder is staged; about 24
  /// bytes a cell), and per effects thread the mediator random numbers and paths (4 arrays
  /// of paths x weeks doubles).
  /// - Parameter generatedColumns: the columns after the parameters (effects and log
  ///   likelihood).
  public static func runBytes(
    chains: Int, draws: Int, dimension: Int, generatedColumns: Int, mediatorPaths: Int,
    weeks: Int, threads: Int
  ) -> Double {
    let cells = Double(chains) * Double(draws)
    let parameters = Double(dimension)
    let columns = parameters + Double(generatedColumns)
    let tables = cells * (parameters + 2 * columns) * 8
    let csv = cells * (columns + 7) * 24
    let effects = Double(max(1, threads)) * Double(mediatorPaths) * Double(weeks) * 4 * 8
    return chainBytes(chains: chains, draws: draws, dimension: dimension) + tables + csv
      + effects
  }

  /// A table of simulated values held in memory and written as CSV text: 8 bytes a value
  /// and about 24 bytes of text a cell (prior-predictive draws, a simulated data set).
  public static func tableBytes(rows: Int, columns: Int) -> Double {
    Double(rows) * Double(columns) * (8 + 24)
  }

  /// The memory this process may use, in bytes: the machine's physical memory, or the
  /// control group's limit when that is lower (a container or a Slurm allocation).
  public static func available() -> Double {
    let physical = Double(ProcessInfo.processInfo.physicalMemory)
    guard
      let text = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8),
      let limit = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), limit > 0
    else { return physical }
    return min(physical, limit)
  }

  /// What a sampling run's message tells the user to lower.
  public static let samplingAdvice = "Lower --draws or --chains (or --mediator-paths)."

  /// Throws `SamplerError.insufficientMemory` when `needed` bytes exceed the usable share
  /// of `available` bytes.
  /// - Parameter what: the sizes that make the run, for the message
  ///   ("4 chains x 1000000000 draws x 178 columns").
  /// - Parameter advice: what to lower, for the message.
  public static func check(
    _ needed: Double, what: String, advice: String = samplingAdvice,
    available: Double = available()
  ) throws(SamplerError) {
    guard needed <= usableFraction * available else {
      throw .insufficientMemory(needed: needed, available: available, what: what, advice: advice)
    }
  }

  /// Bytes in binary units for messages: "512 MiB", "23.4 GiB", "2.7 TiB".
  public static func text(bytes: Double) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var value = bytes
    var unit = 0
    while value >= 1024, unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    guard value.isFinite else { return "more than 1024 EiB" }
    return unit == 0 ? "\(Int(value)) bytes" : String(format: "%.1f %@", value, units[unit])
  }
}
