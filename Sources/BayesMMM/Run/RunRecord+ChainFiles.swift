extension RunRecord {
  /// What run.json records of one chain file so that a reader can tell it is the file the
  /// run wrote (`chain_file_checks`, one object per entry of `chain_files`, same order):
  ///
  /// ```json
  /// {"file": "chain-1.csv", "sha256": "9f2c...", "draws": 1000, "chain_id": 1}
  /// ```
  ///
  /// `sha256` is over the file's bytes (hex); `draws` the kept draws (rows after the header);
  /// `chain_id` the 1-based `id` in the file's comment header.
  public struct ChainFileCheck: Equatable, Sendable {
    public let file: String
    public let sha256: String
    public let draws: Int
    public let chainID: Int

    public init(file: String, sha256: String, draws: Int, chainID: Int) {
      self.file = file
      self.sha256 = sha256
      self.draws = draws
      self.chainID = chainID
    }

    public var json: JSONValue {
      .object(keyed: [
        .chainFileCheckFile: .string(file), .chainFileCheckSHA256: .string(sha256),
        .chainFileCheckDraws: .number(Double(draws)),
        .chainFileCheckChainID: .number(Double(chainID)),
      ])
    }

    /// Reads one entry of `chain_file_checks`; nil when a key is missing or of the wrong kind.
    public init?(json: JSONValue) {
      guard let file = json[RunRecordKey.chainFileCheckFile.name]?.stringValue,
        let sha256 = json[RunRecordKey.chainFileCheckSHA256.name]?.stringValue,
        let draws = json[RunRecordKey.chainFileCheckDraws.name]?.numberValue,
        let chainID = json[RunRecordKey.chainFileCheckChainID.name]?.numberValue,
        draws >= 0, draws < 0x1p53, draws.rounded() == draws, chainID.rounded() == chainID,
        chainID >= 1, chainID < 0x1p31
      else { return nil }
      self.init(file: file, sha256: sha256, draws: Int(draws), chainID: Int(chainID))
    }
  }
}
