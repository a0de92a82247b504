/// The weekly contributions of every posterior draw (`ContributionCalculator`), what
/// `bayes-mmm contributions` summarises.
///
/// ```swift
/// let contributions = Contributions.compute(
///   model: model, parameterDraws: draws, paths: 10,
///   random: GSLRandom(runSeed: seed, stream: RandomStreams.contributions.stream(0)))
/// contributions.parts[0][5]    // first part, week 5: one value per draw, currency
/// ```
///
/// Reproducibility: draw d's Google paths are the d-th `MediatorRandomNumbers.draw(from:)`
/// of `random`, in the order of `parameterDraws` (chains in order, then draws), so the same
/// run, paths and seed give the same numbers. Every arm of one draw shares them.
///
/// - Complexity: O(D T R (3S + 2)) time and O(D T P) memory for D draws and P parts.
public struct Contributions: Sendable {
  public let parts: [ContributionPart]
  /// `[part][week][draw]`, currency.
  public let partDraws: [[[Double]]]
  /// `[week][draw]`, currency.
  public let baselineDraws: [[Double]]
  /// `[week][draw]`, currency: observed - baseline - the one-at-a-time removals.
  public let interactionDraws: [[Double]]
  public let paths: Int

  /// Mediator paths per draw of `bayes-mmm contributions` and the report, by default.
  public static let defaultPaths = 10

  public static func compute(
    model: JointModel, parameterDraws: [[Double]], paths: Int, random: GSLRandom
  ) -> Contributions {
    let calculator = ContributionCalculator(model: model)
    let weeks = calculator.weeks
    let empty = [[Double]](repeating: [], count: weeks)
    var partDraws = [[[Double]]](repeating: empty, count: calculator.parts.count)
    var baseline = empty
    var interaction = empty
    var numbers = MediatorRandomNumbers(paths: paths, weeks: weeks)
    for x in parameterDraws {
      numbers.draw(from: random)
      let draw = calculator.contributions(parameters: x, randomNumbers: numbers)
      for (p, series) in draw.parts.enumerated() {
        for t in 0..<weeks { partDraws[p][t].append(series[t]) }
      }
      for t in 0..<weeks {
        baseline[t].append(draw.baseline[t])
        interaction[t].append(draw.interaction[t])
      }
    }
    return Contributions(
      parts: calculator.parts, partDraws: partDraws, baselineDraws: baseline,
      interactionDraws: interaction, paths: paths)
  }

  /// The window total of each draw: sum over the weeks of `weekly` (`[week][draw]`).
  public static func windowTotals(_ weekly: [[Double]]) -> [Double] {
    var totals = [Double](repeating: 0, count: weekly.first?.count ?? 0)
    for week in weekly {
      for d in totals.indices { totals[d] += week[d] }
    }
    return totals
  }
}
