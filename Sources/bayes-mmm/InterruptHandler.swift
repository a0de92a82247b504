import BayesMMM
import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns SIGINT (Ctrl-C) into a cancellation request for the running chains, so they stop
/// at their next iteration and the command can exit without writing a run that looks
/// complete. A second SIGINT exits at once with status 130.
final class InterruptHandler: @unchecked Sendable {
  let flag = CancellationFlag()
  private let source: DispatchSourceSignal

  init() {
    signal(SIGINT, SIG_IGN)
    source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    let flag = flag
    source.setEventHandler {
      if flag.isCancelled { _exit(130) }
      flag.cancel()
    }
    source.resume()
  }

  deinit {
    source.cancel()
    signal(SIGINT, SIG_DFL)
  }
}
