/// Lift tests drawn from the truth of a simulated dataset, so calibration can be tested:
/// what `simulate --lift-tests-out` writes.
///
/// ```swift
/// let lifts = try SimulatedLiftTests.design(for: simulated, relativeSE: 0.2)
/// lifts.csv            // a lift-test file of the simulated CSV
/// lifts.trueEffects    // each test's true estimand, currency
/// ```
///
/// Per chosen social channel (default all), one holdout (`off`) of `windowWeeks` weeks:
/// the first window that starts in a week with spend, on or after week T/2 - windowWeeks/2
/// (earlier if needed to fit), with `cooldownWeeks` weeks of carry-over (fewer at the end of
/// the data). Its true effect is `LiftTestEstimates`'s full effect at the true parameters
/// with `paths` Google paths; the test reports `lift = true effect + se z` (z standard
/// normal; `noise: false` reports the truth itself) with `se = relativeSE x |true effect|`.
/// Random numbers: stream family `RandomStreams.simulatedLiftTests` of the dataset's seed.
public struct SimulatedLiftTests: Sendable {
  public let file: LiftTestFile
  public let trueEffects: [Double]
  public var tests: [LiftTest] { file.tests }
  public var csv: String { file.content }

  public static func design(
    for simulated: SimulatedDataset, channels: [Int]? = nil, relativeSE: Double,
    windowWeeks: Int = 8, cooldownWeeks: Int = 2, noise: Bool = true, paths: Int = 2000
  ) throws -> SimulatedLiftTests {
    let inputs = simulated.model.inputs
    let weeks = inputs.fitWeeks
    var windows: [(channel: Int, start: Int, end: Int, cooldown: Int)] = []
    for channel in channels ?? Array(inputs.socialNames.indices) {
      let length = min(windowWeeks, weeks)
      let latest = weeks - length
      let from = max(0, min(weeks / 2 - length / 2, latest))
      let spend = inputs.socialSpend[channel]
      guard
        let start = (Array(from...latest) + Array((0..<from).reversed())).first(where: {
          spend[$0] > 0
        })
      else { continue }
      let end = start + length - 1
      windows.append((channel, start, end, min(cooldownWeeks, weeks - 1 - end)))
    }
    var model = simulated.model
    model.liftTests = windows.enumerated().map { row, window in
      LiftTest(
        row: row + 1, line: row + 2, channel: inputs.socialNames[window.channel],
        channelIndex: window.channel, start: "", end: "", startWeek: window.start,
        endWeek: window.end, cooldownWeeks: window.cooldown, spendChange: .off, lift: 0, se: 1)
    }
    let truth = LiftTestEstimates.estimates(
      model: model, parameters: simulated.truth, paths: paths,
      random: GSLRandom(runSeed: simulated.seed, stream: RandomStreams.simulatedLiftTests.stream(0))
    ).full
    let noiseSource = GSLRandom(
      runSeed: simulated.seed, stream: RandomStreams.simulatedLiftTests.stream(1))
    let dates = simulated.dataset.dates
    var text = "channel,start,end,spend_change,cooldown_weeks,lift,se\n"
    for (window, effect) in zip(windows, truth) {
      let se = max(WeeklyCSVText.rounded(relativeSE * abs(effect), decimals: 2), 0.01)
      let z = noiseSource.standardNormal()
      let lift = WeeklyCSVText.rounded(effect + (noise ? se * z : 0), decimals: 2)
      text +=
        "\(inputs.socialNames[window.channel]),\(dates[window.start]),\(dates[window.end]),off,"
        + "\(window.cooldown),\(lift),\(se)\n"
    }
    let file = try LiftTestFile(
      bytes: Array(text.utf8), source: "simulated lift tests (seed \(simulated.seed))",
      dataset: simulated.dataset)
    return SimulatedLiftTests(file: file, trueEffects: truth)
  }
}
