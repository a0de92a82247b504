import ArgumentParser
import BayesMMM
import Foundation

/// The one way every subcommand reports a failure: `error: <description>` on stderr and
/// exit code 1, with nothing on stdout.
///
/// ```swift
/// func run() throws {
///   try reportingErrors {
///     let data = try dataOptions.loadDataset()
///     ...
///   }
/// }
/// ```
///
/// Argument-parser's own errors (`ValidationError` from `validate()`, unknown options) keep
/// its usage message and exit code; `ExitCode` and `CleanExit` pass through untouched. An
/// output not written because of SIGINT / SIGTERM (`OutputCancelled`) prints
/// `interrupted: nothing was written to <path>` and exits with 130 / 143.
func reportingErrors<Result>(_ body: () throws -> Result) throws -> Result {
  do {
    return try body()
  } catch let exit as ExitCode {
    throw exit
  } catch let exit as CleanExit {
    throw exit
  } catch let cancelled as OutputCancelled {
    writeToStandardError("\(cancelled)\n")
    throw ExitCode(InterruptHandler.shared.exitStatus)
  } catch {
    writeToStandardError("error: \(userDescription(of: error))\n")
    throw ExitCode.failure
  }
}

/// The text a user sees for an error: its `description` (every error type of bayes-mmm is
/// `CustomStringConvertible` with a user-facing description).
func userDescription(of error: any Error) -> String {
  String(describing: error)
}

/// Writes `text` to stderr unbuffered.
func writeToStandardError(_ text: String) {
  FileHandle.standardError.write(Data(text.utf8))
}
