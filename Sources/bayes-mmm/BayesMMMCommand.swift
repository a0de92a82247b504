import ArgumentParser

struct BayesMMMCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bayes-mmm",
    abstract: "Bayesian marketing-mix model with Google as a mediator of social spend.",
    subcommands: [
      CheckDataCommand.self, PriorPredictiveCommand.self, SampleCommand.self,
      SummarizeCommand.self, ReportCommand.self, SimulateCommand.self, SBCCommand.self,
      ValidateCommand.self, DiagnoseCommand.self, BenchmarkCommand.self, LooCommand.self,
      CompareCommand.self, ForecastCommand.self, ContributionsCommand.self, OptimizeCommand.self,
    ]
  )
}
