import ArgumentParser

struct BayesMMMCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bayes-mmm",
    abstract: "Bayesian marketing-mix model with Google as a mediator of social spend.",
    subcommands: [
      CheckDataCommand.self, SampleCommand.self, DiagnoseCommand.self, SimulateCommand.self,
      SBCCommand.self, ValidateCommand.self,
    ]
  )
}
