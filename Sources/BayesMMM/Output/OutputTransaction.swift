import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes one output, a folder of files or a single file, so that it is all replaced or not
/// at all, and only where `OutputOwnership` allows.
///
/// ```swift
/// let output = try OutputTransaction.folder("runs/x", kind: RunFolder.kind, cancel: flag)
/// try output.stage("chain-1.csv", Data(chainText.utf8))
/// try output.stage("run.json", Data(recordText.utf8))     // the marker: renamed last
/// try output.commit()
/// ```
///
/// Opening checks ownership (nothing is touched when it is refused). A missing folder is
/// created with its parents. Each staged file is written in full and flushed to a hidden
/// temporary `.<name>.tmp-<uuid>` in the destination folder. `commit()` then, holding
/// `StagedOutputs`' lock, checks the cancellation flag and renames every file into place,
/// the marker last, then removes the files of the earlier output that were not written again
/// (a `chain-4.csv` after a re-run with 2 chains). POSIX `rename` replaces each file
/// atomically; a reader that looks between two renames finds chain files that disagree with
/// the run.json they sit next to, which the checksums in run.json reveal (`StoredRun`).
///
/// A cancellation before the renames, `abandon()` or a failure to stage removes the staged
/// files and the folders created (when still empty), so the earlier output stays byte for
/// byte. A signal that arrives once the renames have begun (they take milliseconds) lets
/// them finish: the new output is then complete and the command ends normally. A rename
/// that fails part-way (a full or read-only disk) leaves the files renamed so far; `run.json`
/// goes last, so the checksums of the old one make readers refuse the mixture. A signal handler does the
/// same through `StagedOutputs.shared.removeAllAndHold()`.
///
/// Test hook: with the environment variable `BAYES_MMM_TEST_PAUSE_BEFORE_COMMIT=<seconds>`,
/// `commit()` waits that long (or until cancelled) after staging, before the renames, so that
/// tests can signal the process at the commit point. With
/// `BAYES_MMM_TEST_PAUSE_THROUGH_SIGNALS=1` as well, the wait does not end at the first
/// signal, so that a test can reach the second signal's path.
public final class OutputTransaction {
  /// The folder written into, as the user named it.
  public let directory: String
  /// The output as the user named it (the folder, or the single file), for messages.
  private let outputPath: String
  private let marker: String?
  private let previousFiles: [String]
  private let cancel: CancellationFlag?
  private var staged: [(name: String, temporary: String)] = []
  private var createdFolders: [String] = []
  private var isFinished = false

  private init(
    directory: String, outputPath: String, marker: String?, previousFiles: [String],
    cancel: CancellationFlag?
  ) {
    self.directory = directory
    self.outputPath = outputPath
    self.marker = marker
    self.previousFiles = previousFiles
    self.cancel = cancel
  }

  deinit { if !isFinished { abandon() } }

  /// Opens the output folder `path` of `kind`.
  /// - Throws: `OutputRefusal` when the path holds something not ours; `OutputError` when a
  ///   folder cannot be created.
  public static func folder(
    _ path: String, kind: OutputOwnership.FolderKind, option: String = "--out",
    cancel: CancellationFlag? = nil
  ) throws -> OutputTransaction {
    let state = try OutputOwnership.inspectFolder(path, as: kind, option: option)
    let previous: [String]
    if case .ours(let files) = state { previous = files } else { previous = [] }
    let output = OutputTransaction(
      directory: path, outputPath: path, marker: kind.marker, previousFiles: previous,
      cancel: cancel)
    if state == .missing { try output.createFolders(path) }
    return output
  }

  /// Writes `bytes` to the single file `path` of `kind`, creating its folder when missing.
  /// - Throws: `OutputRefusal` for a path not ours, `OutputCancelled` when `cancel` was set
  ///   before the rename, `OutputError` when it cannot be written.
  public static func writeFile(
    _ bytes: Data, to path: String, kind: OutputOwnership.FileKind, option: String = "--out",
    cancel: CancellationFlag? = nil
  ) throws {
    try OutputOwnership.checkFile(path, as: kind, newContent: bytes, option: option)
    let slash = path.lastIndex(of: "/")
    let parent = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard !name.isEmpty else { throw OutputError(path: path, reason: "names a folder, not a file") }
    let output = OutputTransaction(
      directory: parent, outputPath: path, marker: nil, previousFiles: [], cancel: cancel)
    if OutputOwnership.entryIsFolder(parent) == nil { try output.createFolders(parent) }
    try output.stage(name, bytes)
    try output.commit()
  }

  /// Writes `bytes` (`Data`, `[UInt8]`, ...) to a temporary file that `commit()` will rename
  /// to `name`.
  /// - Throws: `OutputCancelled` when the flag is set (everything staged is removed).
  public func stage(_ name: String, _ bytes: some ContiguousBytes) throws {
    precondition(!isFinished, "stage after commit or abandon")
    precondition(!name.contains("/") && !name.isEmpty, "a plain file name")
    try throwIfCancelled()
    do {
      let temporary = try Self.writeTemporary(name, bytes, in: directory)
      staged.append((name: name, temporary: temporary))
    } catch {
      abandon()
      throw error
    }
  }

  /// Stages `names.count` files on up to `threads` threads: each thread builds a file's
  /// bytes with `make(index)` and stages them as `stage` does, so a thread writes the file
  /// it has just built while the others still build theirs. The files are staged in the
  /// order of `names` (which `commit()` keeps), whichever thread finishes first.
  ///
  /// ```swift
  /// let sums = try output.stageConcurrently(names: ["chain-1.csv", "chain-2.csv"], threads: 2) {
  ///   index in let bytes = format(index); return (bytes: bytes, extra: checksum(bytes))
  /// }
  /// ```
  ///
  /// - Returns: each file's `extra`, in the order of `names`.
  /// - Throws: as `stage`, after every thread has finished: the first failure in the order of
  ///   `names`, with everything staged removed; `OutputCancelled` when the flag is set
  ///   (files not begun are not built).
  public func stageConcurrently<Bytes: ContiguousBytes & Sendable, Extra: Sendable>(
    names: [String], threads: Int,
    _ make: @escaping @Sendable (Int) -> (bytes: Bytes, extra: Extra)
  ) throws -> [Extra] {
    precondition(!isFinished, "stage after commit or abandon")
    precondition(names.allSatisfy { !$0.contains("/") && !$0.isEmpty }, "plain file names")
    try throwIfCancelled()
    let directory = directory
    let cancel = cancel
    let outputPath = outputPath
    let outcomes = ParallelWork.map(count: names.count, threads: threads) {
      index -> Result<(temporary: String, extra: Extra), any Error> in
      guard cancel?.isCancelled != true else { return .failure(OutputCancelled(path: outputPath)) }
      let file = make(index)
      return Result {
        (try Self.writeTemporary(names[index], file.bytes, in: directory), file.extra)
      }
    }
    var extras: [Extra] = []
    var firstFailure: (any Error)?
    for (name, outcome) in zip(names, outcomes) {
      switch outcome {
      case .success(let file):
        staged.append((name: name, temporary: file.temporary))
        extras.append(file.extra)
      case .failure(let error):
        firstFailure = firstFailure ?? error
      }
    }
    if let firstFailure {
      abandon()
      throw firstFailure
    }
    return extras
  }

  /// Writes `bytes` in full to a new hidden temporary file for `name` in `directory`, flushed
  /// to disk, and returns its path. The file is registered with `StagedOutputs` from the
  /// moment it exists; on failure it is removed again. Safe to call from several threads.
  private static func writeTemporary(
    _ name: String, _ bytes: some ContiguousBytes, in directory: String
  ) throws -> String {
    let temporary = path(directory, ".\(name).tmp-\(UUID().uuidString)")
    let descriptor = try StagedOutputs.shared.withLock { () throws -> Int32 in
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
      guard descriptor >= 0 else {
        throw OutputError(path: path(directory, name), reason: AtomicFileWriter.lastErrorText())
      }
      StagedOutputs.shared.registerFile(temporary)
      return descriptor
    }
    do {
      try AtomicFileWriter.writeAndClose(bytes, to: descriptor, path: path(directory, name))
    } catch {
      StagedOutputs.shared.withLock {
        _ = unlink(temporary)
        StagedOutputs.shared.forgetFile(temporary)
      }
      throw error
    }
    return temporary
  }

  /// Renames everything staged into place (the marker last) and removes the earlier
  /// output's files that were not written again.
  /// - Throws: `OutputCancelled` when the flag was set before the renames began (nothing is
  ///   renamed; everything staged is removed); `OutputError` when a rename fails.
  public func commit() throws {
    precondition(!isFinished, "commit twice")
    Self.pauseForTests(cancel: cancel)
    try StagedOutputs.shared.withLock { () throws -> Void in
      if cancel?.isCancelled == true {
        removeStaged()
        throw OutputCancelled(path: outputPath)
      }
      let ordered = staged.filter { $0.name != marker } + staged.filter { $0.name == marker }
      for file in ordered {
        let destination = Self.path(directory, file.name)
        guard rename(file.temporary, destination) == 0 else {
          let reason = AtomicFileWriter.lastErrorText()
          removeStaged()
          throw OutputError(path: destination, reason: reason)
        }
        StagedOutputs.shared.forgetFile(file.temporary)
      }
      let written = Set(staged.map(\.name))
      for name in previousFiles where !written.contains(name) {
        _ = unlink(Self.path(directory, name))
      }
      StagedOutputs.shared.forgetFolders(createdFolders)
      isFinished = true
      Self.syncFolder(directory)
    }
  }

  /// Removes everything staged and the folders created for it; the earlier output stays.
  public func abandon() {
    guard !isFinished else { return }
    StagedOutputs.shared.withLock { removeStaged() }
  }

  /// Call with the lock held.
  private func removeStaged() {
    for file in staged {
      _ = unlink(file.temporary)
      StagedOutputs.shared.forgetFile(file.temporary)
    }
    for folder in createdFolders.reversed() { _ = rmdir(folder) }
    StagedOutputs.shared.forgetFolders(createdFolders)
    staged.removeAll()
    isFinished = true
  }

  private func throwIfCancelled() throws {
    guard cancel?.isCancelled == true else { return }
    abandon()
    throw OutputCancelled(path: outputPath)
  }

  /// Creates `path` and its missing parents, each registered so that it is removed again
  /// when the output is not committed.
  private func createFolders(_ path: String) throws {
    var prefixes: [String] = []
    var current = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      current += (current.isEmpty || current == "/" ? "" : "/") + component
      prefixes.append(current)
    }
    for prefix in prefixes {
      switch OutputOwnership.entryIsFolder(prefix) {
      case true?: continue
      case false?: throw OutputError(path: prefix, reason: "a file is in the way of the folder")
      case nil:
        try StagedOutputs.shared.withLock { () throws -> Void in
          guard mkdir(prefix, 0o755) == 0 || errno == EEXIST else {
            throw OutputError(path: prefix, reason: AtomicFileWriter.lastErrorText())
          }
          StagedOutputs.shared.registerFolder(prefix)
          createdFolders.append(prefix)
        }
      }
    }
  }

  /// `name` inside `folder`.
  static func path(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  /// Flushes the folder's entries (the renames) to disk; best effort.
  private static func syncFolder(_ folder: String) {
    let descriptor = open(folder, O_RDONLY)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    _ = close(descriptor)
  }

  private static func pauseForTests(cancel: CancellationFlag?) {
    guard let text = ProcessInfo.processInfo.environment["BAYES_MMM_TEST_PAUSE_BEFORE_COMMIT"],
      let seconds = Double(text), seconds > 0
    else { return }
    let throughSignals =
      ProcessInfo.processInfo.environment["BAYES_MMM_TEST_PAUSE_THROUGH_SIGNALS"] == "1"
    let end = Date().addingTimeInterval(seconds)
    while Date() < end && (throughSignals || cancel?.isCancelled != true) {
      Thread.sleep(forTimeInterval: 0.02)
    }
  }
}

/// The output was not written because the command was interrupted (SIGINT, SIGTERM) before
/// its commit; the earlier output is intact.
public struct OutputCancelled: Error, Equatable, Sendable, CustomStringConvertible {
  public let path: String
  public var description: String { "interrupted: nothing was written to \(path)" }
}
