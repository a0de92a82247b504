import ArgumentParser
import BayesMMM
import Foundation

/// `bayes-mmm forecast`: revenue (and Google spend) for planned weeks after a run's data.
struct ForecastCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "forecast",
    abstract: "Forecasts revenue for a plan of the weeks after a run's data.",
    discussion: """
      Reads DIR/run.json and its chain files, rebuilds the model from the recorded data, \
      appends the plan's weeks and, for every posterior draw and each of --paths paths, draws \
      the predictive revenue of each plan week: the model's mean log revenue at the plan's \
      spend, price and promotion (adstock carries over from the data's last weeks) plus \
      Student-t noise, and reported at the floor when it falls below the run's censoring \
      floor. Google spend is the plan's when the plan has the Google column; otherwise it is \
      simulated from the hurdle on each path and the search spend the plan brings about is \
      reported.

      The plan is a CSV with the data's date column (the first row is the week after the \
      data's last week, then one row every 7 days, no gaps), a column for every social and \
      owned channel, the price and the promotion of the run's model (and every control), and \
      optionally the Google column. A missing column, a gap, a wrong first date, a negative \
      or non-numeric spend, a price <= 0 or a promotion outside [0, 1] is an error naming \
      the row and column.

      Output (stdout): per week and in total over the plan, revenue and Google spend in \
      currency: mean, median, q05 and q95 (the central 90% interval). JSON keys: \
      google_source ("given" or "simulated"), samples_per_week, interval (0.9), weeks \
      [{week, revenue {mean, median, q05, q95}, google_spend {...}}], total {revenue, \
      google_spend}. CSV columns: week, revenue_mean, revenue_median, revenue_q05, \
      revenue_q95, google_source, google_mean, google_median, google_q05, google_q95; the \
      last row's week is "total". The same run, plan, --paths and --seed give the same output.
      """
  )

  @OptionGroup var runOptions: RunOptions

  @Option(name: .long, help: ArgumentHelp("Plan CSV of the weeks to forecast.", valueName: "file"))
  var plan: String

  @Option(name: .long, help: "Predictive paths per posterior draw (Google path and noise).")
  var paths: Int = 10

  @OptionGroup var seedOption: RunSeedOption

  @Option(name: .long, help: "Output format.")
  var format: ForecastFormat = .text

  enum ForecastFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json
  }

  func validate() throws {
    try RunSeedOption.validatePaths(paths)
  }

  func run() throws {
    try reportingErrors {
      let (stored, prepared) = try runOptions.load()
      let planned = try ForecastPlan.read(path: plan, dataset: prepared.dataset)
      let draws = try stored.parameterDraws(for: prepared.model)
      let forecast = Forecast.compute(
        prepared: prepared, plan: planned, draws: draws, paths: paths,
        seed: seedOption.seed(for: stored))
      let summary = ForecastSummary(forecast)
      switch format {
      case .text: print(summary.text, terminator: "")
      case .csv: print(summary.csv, terminator: "")
      case .json: print(summary.json.serialized(), terminator: "\n")
      }
    }
  }
}
