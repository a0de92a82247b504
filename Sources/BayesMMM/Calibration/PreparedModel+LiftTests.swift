extension PreparedModel {
  /// This model with the tests of `file` in its likelihood (`LiftTestTerm`), the file kept
  /// for the run record.
  public func addingLiftTests(_ file: LiftTestFile) -> PreparedModel {
    var copy = self
    copy.model.liftTests = file.tests
    copy.liftTestFile = file
    return copy
  }

  /// Reads the lift-test file at `path` against this model's data and adds its tests.
  public func addingLiftTests(contentsOf path: String) throws(LiftTestError) -> PreparedModel {
    addingLiftTests(try LiftTestFile(contentsOf: path, dataset: dataset))
  }
}
