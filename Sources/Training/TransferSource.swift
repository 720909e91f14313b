import LeNet5

/// The pre-trained network transfer starts from, with what identifies it in the taught network's
/// metadata: where it came from and the SHA-256 of its file.
public struct TransferSource: Sendable {
    public let weights: WeightsFile
    /// The path it was read from, or `WeightsFile.bundledName` for the built-in weights.
    public let name: String
    /// The SHA-256 of the file's bytes, as `sha256sum` prints it.
    public let sha256: String

    public init(bytes: [UInt8], name: String) throws(WeightsError) {
        weights = try WeightsFile(bytes: bytes, path: name)
        self.name = name
        var digest = SHA256()
        digest.update(bytes)
        sha256 = digest.hexadecimal
    }

    /// The weights at `path`, or the built-in ones for nil.
    public static func load(_ path: String?) throws(WeightsError) -> TransferSource {
        guard let path else {
            return try TransferSource(
                bytes: WeightsFile.bundledBytes, name: WeightsFile.bundledName)
        }
        return try TransferSource(bytes: WeightsFile.contents(of: path), name: path)
    }
}

/// What a taught network's metadata says of how it was taught, read back for `lenet5 summary` and
/// the sketchpad. Nil fields were not recorded (a network trained from scratch records none).
public struct TransferRecord: Sendable, Equatable {
    /// The metadata keys, one place for the writer and the readers.
    public enum Key {
        public static let freeze = "transfer_freeze"
        public static let frozenLayers = "frozen_layers"
        public static let source = "source"
        public static let sourceSHA256 = "source_sha256"
        public static let sourceClasses = "source_classes"
        public static let examples = "examples"
        public static let heldOutMethod = "heldout_method"
        public static let heldOutAccuracy = "heldout_accuracy"
        public static let scratchHeldOutAccuracy = "scratch_heldout_accuracy"
        public static let trainAccuracy = "train_accuracy"
    }

    public let freeze: FrozenLayers
    public let source: String?
    public let sourceSHA256: String?

    /// Nil when the metadata does not say the network was taught by transfer.
    public init?(metadata: [String: String]) {
        guard let value = metadata[Key.freeze], let freeze = FrozenLayers(rawValue: value) else {
            return nil
        }
        self.freeze = freeze
        source = metadata[Key.source]
        sourceSHA256 = metadata[Key.sourceSHA256]
    }
}
