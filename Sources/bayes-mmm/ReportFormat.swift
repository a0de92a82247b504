import ArgumentParser

/// `--format text|json` for commands that print one report.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}
