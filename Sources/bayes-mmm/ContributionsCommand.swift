import ArgumentParser
import BayesMMM
import Foundation

/// `bayes-mmm contributions`: weekly revenue attributed to each input against a baseline.
struct ContributionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "contributions",
    abstract: "Weekly revenue attributed to each channel, price and promotion, with intervals.",
    discussion: """
      Reads DIR/run.json and its chain files, rebuilds the model from the recorded data and, \
      for every posterior draw, computes each week's revenue under counterfactual plans with \
      the model's one counterfactual-revenue function. With Y(plan) a week's revenue:

        social channel, total:  Y(observed) - Y(channel off), Google simulated from the \
      hurdle under each plan (--paths paths per draw, the same random numbers in every arm);
        social, direct:         Y(observed, Google under the channel-off plan) - \
      Y(channel off); social, via Google: total - direct (the effects' NDE and NIE);
        Google:                 observed revenue - Y(Google spend 0);
        owned channel:          observed revenue - Y(channel off);
        price:                  observed revenue - Y(price at the median price);
        promotion:              Y(observed) - Y(no promotion), Google simulated;
        baseline:               Y(every social, owned and Google spend 0, median price, no \
      promotion).

      Convention: revenue is a product of factors, so each part is a one-at-a-time removal \
      and the parts plus the baseline do not add up to observed revenue; the interaction \
      row is observed - baseline - the sum of the parts (social totals, Google, owned, \
      price, promotion), per week and over the window, so the gap is visible. In floor \
      (censored) weeks each counterfactual keeps the week's residual at the floor, so a \
      removal that lifts the mean far above it (a price past the choke set to the median) \
      can dominate a window total; the JSON's floor_weeks names those weeks.

      Output (stdout), currency: mean, median, q05 and q95 (central 90% interval) per week \
      and over the window (totals summed per draw). CSV columns: date, part, mean, median, \
      q05, q95 (rows per week and part, then baseline and interaction; the date "total" \
      marks window totals). JSON keys: convention, interval, draws, paths, weeks, \
      floor_weeks, parts [{name, kind, weekly [{mean, median, q05, q95}], total}], baseline \
      {weekly, total}, interaction {weekly, total}. The same run, --paths and --seed give the same output.
      """
  )

  @OptionGroup var runOptions: RunOptions

  @Option(name: .long, help: "Output format.")
  var format: ContributionsFormat = .csv

  @Option(name: .long, help: "Simulated Google paths per posterior draw.")
  var paths: Int = Contributions.defaultPaths

  @OptionGroup var seedOption: RunSeedOption

  enum ContributionsFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json
  }

  func validate() throws {
    try RunSeedOption.validatePaths(paths)
  }

  func run() throws {
    try reportingErrors {
      let (stored, prepared) = try runOptions.load()
      let draws = try stored.parameterDraws(for: prepared.model)
      let random = GSLRandom(
        runSeed: seedOption.seed(for: stored), stream: RandomStreams.contributions.stream(0))
      let contributions = Contributions.compute(
        model: prepared.model, parameterDraws: draws, paths: paths, random: random)
      let summary = ContributionSummary(
        contributions, dates: prepared.dataset.dates, censored: prepared.model.inputs.censored)
      switch format {
      case .csv: print(summary.csv, terminator: "")
      case .json: print(summary.json.serialized(), terminator: "\n")
      }
    }
  }
}
