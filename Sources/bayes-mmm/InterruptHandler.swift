import BayesMMM
import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one handler of SIGINT (Ctrl-C) and SIGTERM for every command that writes.
///
/// ```swift
/// let interrupt = InterruptHandler.install()
/// let run = try FitRun.sample(..., cancel: interrupt.flag)
/// try RunFolder.write(run, to: out, cancel: interrupt.flag)   // OutputCancelled if set
/// ```
///
/// The first signal sets `flag`: the chains stop at their next iteration, the effects pass at
/// its next draw, and an output not yet committed is not committed (`OutputTransaction`
/// checks the flag before its renames); the command then says so and exits with
/// `exitStatus` (130 for SIGINT, 143 for SIGTERM). A second signal exits at once with that
/// status, after `StagedOutputs.shared.removeAllAndHold()` has removed every staged file,
/// waiting for a commit in progress to finish first, so no output is ever half replaced.
final class InterruptHandler: @unchecked Sendable {
  let flag = CancellationFlag()
  private let lock = NSLock()
  private var firstSignal: Int32?
  private var sources: [DispatchSourceSignal] = []

  static let shared = InterruptHandler()

  /// Installs the process-wide handler (once) and returns it.
  static func install() -> InterruptHandler {
    shared.start()
    return shared
  }

  /// 128 + the first signal received (130 for SIGINT, 143 for SIGTERM); 130 before any.
  var exitStatus: Int32 {
    lock.lock()
    defer { lock.unlock() }
    return 128 + (firstSignal ?? SIGINT)
  }

  private func start() {
    lock.lock()
    defer { lock.unlock() }
    guard sources.isEmpty else { return }
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      // A dispatch signal source merges signals that arrive before its handler runs;
      // `data` counts them, so two quick signals still take the second signal's path. The
      // handler holds its source strongly; both live as long as the process.
      source.setEventHandler { [unowned self] in
        for _ in 0..<max(1, source.data) { self.received(number) }
      }
      source.resume()
      sources.append(source)
    }
  }

  private func received(_ number: Int32) {
    lock.lock()
    let isFirst = firstSignal == nil
    if isFirst { firstSignal = number }
    let status = 128 + (firstSignal ?? number)
    lock.unlock()
    if isFirst {
      flag.cancel()
    } else {
      StagedOutputs.shared.removeAllAndHold()
      writeToStandardError("interrupted again: stopped at once; no output was left half written\n")
      _exit(status)
    }
  }
}
