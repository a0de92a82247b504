import ArgumentParser
import BayesMMM
import Foundation

/// `bayes-mmm optimize`: reallocates the social budget over a run's observed window or over
/// a plan's future weeks.
struct OptimizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "optimize",
    abstract:
      "Reallocates social spend over the observed window or a plan's weeks to maximise net revenue.",
    discussion: """
      Reads DIR/run.json and its chain files and rebuilds the model from the recorded data. \
      Each social channel's observed weekly spend path is scaled by a factor f within its \
      bounds (--bounds CH=LO:HI, factors of the observed spend; default 0.5 to 2 for every \
      channel), and the total social spend equals the budget (--budget, currency; default \
      the observed total). Per posterior draw, revenue over the window comes from the \
      model's counterfactual revenue with Google simulated from the hurdle on --paths paths \
      (the same random numbers for every plan of a draw), so the search spend a plan \
      induces moves with it. Net revenue = revenue - (Google spend under the plan - Google \
      spend under the current plan, on the same paths). The objective is the mean of net \
      revenue over draws, or with cvar:ALPHA the mean of its worst ALPHA share of draws.

      With --plan FILE (the CSV `bayes-mmm forecast` reads: the weeks after the data), the \
      allocation is over the plan's weeks instead: the scales multiply the plan's social \
      spend, the default budget is the plan's social total, adstock carries the data's spend \
      into the plan, Google is simulated from the hurdle in the plan weeks (a Google column \
      in the plan is not used), and revenue in a plan week is the model's median (its \
      Student-t residual at 0). Weekly spend beyond the data's observed range is warned about.

      The optimiser is projected gradient ascent (central-difference gradients, projection \
      onto the bounds and the budget, backtracking line search) on every posterior draw \
      (under cvar: 1000 evenly spaced draws and 16 paths by default, since the tail rests on \
      a share of them, and the smoothed CVaR of Rockafellar and Uryasev, softplus width 2% \
      of the current revenue's sd, is what it climbs); it stops when the projected gradient \
      is below 1e-6, an accepted step improves the objective by less than 1e-12 relative, \
      or after 200 iterations, and a compass search finishes where the line search stalls. \
      The plan is then evaluated on every draw: current and optimised revenue and net revenue, the \
      induced Google spend, the uplift in net revenue (mean, 90% interval, probability \
      positive) and each channel's marginal ROI at the optimum (net revenue per extra unit \
      of its spend). Warnings say when a bound binds, when the plan leaves a channel's \
      observed weekly spend range, and when the optimiser did not converge.

      JSON keys: objective, budget, draws, paths, window {kind, weeks, first, last}, current {scale, spend, revenue, \
      net_revenue}, optimized {scale, spend, revenue, net_revenue, induced_google_spend}, \
      uplift {mean, q05, q95, p_positive}, marginal_roi {CH: {mean, q05, q95}}, \
      objective_value, bounds, optimizer, warnings; currency figures as {mean, median, q05, \
      q95}. The same run, options and --seed give the same output.
      """
  )

  @OptionGroup var runOptions: RunOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Total social spend over the window, currency (default: the observed total).",
      valueName: "currency"))
  var budget: Double?

  @Option(
    name: .long, parsing: .upToNextOption,
    help: ArgumentHelp(
      "A channel's bounds on its scale factor, CH=LO:HI (default 0.5:2).", valueName: "ch=lo:hi"))
  var bounds: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Plan CSV of the weeks after the data to allocate over (default: the observed window).",
      valueName: "file"))
  var plan: String?

  @Option(name: .long, help: ArgumentHelp("mean or cvar:ALPHA.", valueName: "objective"))
  var objective: String = "mean"

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Google (hurdle) paths per posterior draw (default 4 for mean, 16 for cvar).",
      valueName: "n"))
  var paths: Int?

  @OptionGroup var seedOption: RunSeedOption

  @Option(name: .long, help: "Output format.")
  var format: OptimizeFormat = .text

  enum OptimizeFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  func validate() throws {
    if let paths { try RunSeedOption.validatePaths(paths) }
    if let budget, !(budget.isFinite && budget >= 0) {
      throw ValidationError("--budget must be a finite amount >= 0; got \(budget).")
    }
    do {
      _ = try AllocationObjective(parsing: objective)
      _ = try bounds.map(ScaleBounds.init(parsing:))
    } catch {
      throw ValidationError(String(describing: error))
    }
  }

  func run() throws {
    try reportingErrors {
      let (stored, prepared) = try runOptions.load()
      let draws = try stored.parameterDraws(for: prepared.model)
      var settings = BudgetAllocation.Settings(seed: seedOption.seed(for: stored))
      settings.budget = budget
      settings.bounds = try bounds.map(ScaleBounds.init(parsing:))
      settings.objective = try AllocationObjective(parsing: objective)
      settings.paths = paths
      settings.threads = ProcessInfo.processInfo.activeProcessorCount
      let allocation =
        try plan.map {
          try BudgetAllocation.compute(
            prepared: prepared, plan: try ForecastPlan.read(path: $0, dataset: prepared.dataset),
            draws: draws, settings: settings)
        }
        ?? BudgetAllocation.compute(
          model: prepared.model, draws: draws, settings: settings,
          dates: prepared.dataset.dates)
      switch format {
      case .text: print(allocation.text, terminator: "")
      case .json: print(allocation.json.serialized(), terminator: "\n")
      }
    }
  }
}
