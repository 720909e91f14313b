import Foundation
import ReferenceFixtures
import Testing

@testable import LeNet5

/// The loader refuses every kind of broken file with a message naming the file and the fault.
@Suite struct WeightsFileTests {
    static let good = Reference.weights.bytes

    /// The fault the loader reports for `bytes`. A file it accepts fails the test where this is
    /// called, so no test of a broken file can pass by the loader saying nothing.
    func fault(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let error = #expect(throws: WeightsError.self, sourceLocation: sourceLocation) {
            try WeightsFile(bytes: bytes, path: "w.safetensors")
        }
        guard let error else { return nil }
        #expect(error.path == "w.safetensors", sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix("w.safetensors: "), sourceLocation: sourceLocation)
        return error.fault
    }

    /// A file with the given header JSON and data.
    func file(header: String, data: [UInt8] = []) -> [UInt8] {
        let json = Array(header.utf8)
        var bytes = (0..<8).map {
            UInt8(truncatingIfNeeded: UInt64(json.count) >> (8 * UInt64($0)))
        }
        bytes += json
        return bytes + data
    }

    @Test func roundTripKeepsEveryNumberAndTheMetadata() throws {
        var file = Reference.weights
        file.metadata["note"] = "round trip \"quoted\" \\ and \u{1F600}"
        let read = try WeightsFile(bytes: file.bytes, path: "x")
        #expect(read.model == file.model)
        #expect(read.metadata == file.metadata)
        #expect(read.model.parameterCount == 61_706)
    }

    @Test func theReferenceFileWrittenByPyTorchLoads() {
        #expect(Reference.weights.model.c3.weight.shape == [16, 6, 5, 5])
        #expect(Reference.weights.metadata["architecture"] == "lenet5")
    }

    @Test func emptyAndShortFiles() {
        #expect(fault([]) == "the file is empty")
        #expect(fault([1, 2, 3])?.contains("too short") == true)
    }

    @Test func truncatedFiles() {
        for length in [9, 100] {
            #expect(
                fault(Array(Self.good.prefix(length)))?.contains("runs past the end of the file")
                    == true, "\(length) bytes")
        }
        for length in [Self.good.count / 2, Self.good.count - 1, Self.good.count - 4] {
            #expect(
                fault(Array(Self.good.prefix(length)))?.contains("outside the data") == true,
                "\(length) bytes")
        }
    }

    @Test func absurdHeaderLength() {
        var bytes = Self.good
        for i in 0..<8 { bytes[i] = 0xFF }
        #expect(fault(bytes)?.contains("absurd") == true)
        bytes = Self.good
        bytes[3] = 0x01  // 16 MB, beyond the file
        #expect(fault(bytes)?.contains("runs past the end") == true)
    }

    @Test func invalidJSON() {
        for (header, expected) in [
            ("{", "the header is not valid JSON (expected a key at byte 1)"),
            ("not json", "the header is not valid JSON (expected null at byte 1)"),
            ("{\"a\": }", "the header is not valid JSON (unexpected character at byte 6)"),
            ("[1,2]", "the header is not a JSON object"),
            ("{\"c1.weight\": 5}", "tensor c1.weight: its description is not an object"),
            (
                String(repeating: "[", count: 5000),
                "the header is not valid JSON (nested too deeply at byte 64)"
            ),
        ] {
            #expect(fault(file(header: header)) == expected, "\(header.prefix(20))")
        }
    }

    @Test func missingTensorWrongShapeWrongDtype() throws {
        let safetensors = try Safetensors(bytes: Self.good)
        var tensors = Reference.weights.model.namedParameters
        tensors.removeAll { $0.name == "f6.bias" }
        #expect(
            fault(Safetensors.encode(tensors: tensors, metadata: [:])) == "missing tensor f6.bias")
        tensors = Reference.weights.model.namedParameters
        tensors[0] = ("c1.weight", Tensor(shape: [6, 25], scalars: tensors[0].tensor.scalars))
        #expect(
            fault(Safetensors.encode(tensors: tensors, metadata: [:]))
                == "tensor c1.weight has shape [6, 25], expected [6, 1, 5, 5]")
        // c1.bias's bytes declared as twelve F16 values, and nothing else.
        let entry = try #require(safetensors.entries["c1.bias"])
        let header =
            "{\"c1.bias\":{\"dtype\":\"F16\",\"shape\":[12],\"data_offsets\":[0,24]}}"
        #expect(
            fault(file(header: header, data: Array(safetensors.data[entry.range])))
                == "missing tensor c1.weight")
        let wrongType =
            "{\"c1.weight\":{\"dtype\":\"I32\",\"shape\":[6,1,5,5],\"data_offsets\":[0,600]}}"
        #expect(
            fault(file(header: wrongType, data: Array(repeating: 0, count: 600)))
                == "tensor c1.weight is I32, expected F32")
    }

    @Test func offsetsOutsideTheFileOrInconsistent() {
        let outside = "{\"c1.bias\":{\"dtype\":\"F32\",\"shape\":[6],\"data_offsets\":[0,24000]}}"
        #expect(
            fault(file(header: outside, data: Array(repeating: 0, count: 24)))?.contains(
                "outside the data") == true)
        let backwards = "{\"c1.bias\":{\"dtype\":\"F32\",\"shape\":[6],\"data_offsets\":[24,0]}}"
        #expect(
            fault(file(header: backwards, data: Array(repeating: 0, count: 24)))?.contains(
                "outside the data") == true)
        let negative = "{\"c1.bias\":{\"dtype\":\"F32\",\"shape\":[6],\"data_offsets\":[-4,20]}}"
        #expect(
            fault(file(header: negative, data: Array(repeating: 0, count: 24)))
                == "tensor c1.bias: data offsets [-4, 20] lie outside the data (24 bytes)")
        let mismatch = "{\"c1.bias\":{\"dtype\":\"F32\",\"shape\":[7],\"data_offsets\":[0,24]}}"
        #expect(
            fault(file(header: mismatch, data: Array(repeating: 0, count: 24)))?.contains(
                "needs 28 bytes") == true)
        let huge =
            "{\"c1.bias\":{\"dtype\":\"F32\",\"shape\":[9223372036854775807,9223372036854775807],\"data_offsets\":[0,24]}}"
        #expect(
            fault(file(header: huge, data: Array(repeating: 0, count: 24)))?.contains(
                "larger than the file") == true)
        let fractional = "{\"c1.bias\":{\"dtype\":\"F32\",\"shape\":[6.5],\"data_offsets\":[0,24]}}"
        #expect(
            fault(file(header: fractional, data: Array(repeating: 0, count: 24)))?.contains("shape")
                == true)
    }

    @Test(arguments: [Float.nan, .infinity, -.infinity])
    func nonFiniteWeightsAreRefused(value: Float) {
        var model = Reference.weights.model
        model.c5.weight.scalars[1234] = value
        let expected = value.isNaN ? "NaN" : "infinity"
        #expect(
            fault(WeightsFile(model: model).bytes)
                == "tensor c5.weight holds \(expected) at index 1234")
    }

    @Test func filesThatCannotBeRead() {
        #expect(
            throws: WeightsError(
                path: "/nonexistent/w.safetensors", fault: "no such file or directory")
        ) {
            try WeightsFile(contentsOf: "/nonexistent/w.safetensors")
        }
        #expect(throws: WeightsError(path: "/tmp", fault: "is a directory")) {
            try WeightsFile(contentsOf: "/tmp")
        }
    }

    /// The reference loader (safetensors' `Metadata::validate`) takes the tensors in order of
    /// their offsets and wants each to start where the last ended, the last to end with the data.
    /// Overlapping tensors, a gap, or bytes after the last are refused (issue 11: overlaps were
    /// accepted).
    @Test func tensorsMustCoverTheDataWithoutOverlapOrGap() throws {
        func entry(_ name: String, _ begin: Int, _ end: Int) -> String {
            "\"\(name)\":{\"dtype\":\"F32\",\"shape\":[\((end - begin) / 4)],\"data_offsets\":[\(begin),\(end)]}"
        }
        func header(_ entries: String...) -> String { "{" + entries.joined(separator: ",") + "}" }
        let data = [UInt8](repeating: 0, count: 48)
        #expect(
            fault(file(header: header(entry("a", 0, 24), entry("b", 16, 40)), data: data))
                == "tensor b: data offsets [16, 40] overlap those of tensor a [0, 24]")
        #expect(
            fault(file(header: header(entry("a", 0, 24), entry("b", 0, 24)), data: data))?
                .contains("overlap those of tensor a [0, 24]") == true)
        #expect(
            fault(file(header: header(entry("a", 8, 32)), data: Array(data.prefix(32))))
                == "tensor a: data offsets [8, 32] leave bytes 0..<8 of the data to no tensor")
        #expect(
            fault(file(header: header(entry("a", 0, 8), entry("b", 16, 24)), data: data))
                == "tensor b: data offsets [16, 24] leave bytes 8..<16 of the data to no tensor")
        #expect(
            fault(file(header: header(entry("a", 0, 24), entry("b", 24, 40)), data: data))
                == "the data holds 8 bytes after the last tensor (it should end at byte 40): "
                + "not a safetensors file, or two run together?")
        // Touching tensors in any order of the header, with an empty one, are a valid layout.
        let valid = file(
            header: header(entry("b", 24, 48), entry("empty", 24, 24), entry("a", 0, 24)),
            data: data)
        #expect(try Safetensors(bytes: valid).entries.count == 3)
    }

    /// A weights file is read header first, and no more than a weights file could hold: a wrong
    /// path to something huge fails at once (issue 11: 1000 MB took 2 GB and 6.7 s to refuse).
    @Test func hugeFilesAreRefusedBeforeTheyAreRead() throws {
        let dir = Scratch.path("lenet5-weights")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // A sparse file of 1000 MB: no room on the disk, 1000 MB to read.
        let huge = dir + "/huge.safetensors"
        #expect(FileManager.default.createFile(atPath: huge, contents: Data(Self.good)))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: huge))
        try handle.truncate(atOffset: 1_000_000_000)
        try handle.close()
        let limit = WeightsFile.maximumFileLength
        let data = WeightsFile.maximumDataLength
        #expect(
            throws: WeightsError(
                path: huge,
                fault: "is 1000000000 bytes; a LeNet-5 weights file is at most \(limit) bytes "
                    + "(\(data) of data): not a weights file?")
        ) { try WeightsFile(contentsOf: huge) }
        // /dev/zero has no size: its header length (0) allows 8 bytes and the most data a weights
        // file can hold, and no more is read.
        #expect(
            throws: WeightsError(
                path: "/dev/zero",
                fault: "holds more than \(8 + data) bytes; a LeNet-5 weights file is at most "
                    + "\(limit) bytes (\(data) of data): not a weights file?")
        ) { try WeightsFile(contentsOf: "/dev/zero") }
        // A header length beyond what metadata could need is refused before the header is read.
        var long = Self.good
        long[2] = 0x20  // 2 MB
        try Data(long).write(to: URL(fileURLWithPath: dir + "/long.safetensors"))
        let error = #expect(throws: WeightsError.self) {
            try WeightsFile(contentsOf: dir + "/long.safetensors")
        }
        #expect(error?.fault.contains("is larger than a weights file's header can be") == true)
    }

    /// The cap leaves room for the largest network: an output layer of 20 classes with the
    /// statistics behind "not a digit?" for all of them, and a long metadata, loads.
    @Test func theCapAdmitsAnOutputLayerOfTwentyClasses() throws {
        var tensors = Reference.weights.model.namedParameters
        tensors[8] = (
            "output.weight", Tensor(shape: [20, 84], scalars: .init(repeating: 0, count: 1680))
        )
        tensors[9] = ("output.bias", Tensor(shape: [20], scalars: .init(repeating: 0, count: 20)))
        let shapes = UnsureStatistics.shapes(classes: 20)
        tensors += UnsureStatistics.tensorNames.map { name in
            var tensor = Tensor(zeros: shapes[name] ?? [])
            // The precision matrix must have a positive diagonal: the identity.
            if name == "unsure.precision" {
                for i in 0..<84 { tensor.scalars[i * 84 + i] = 1 }
            }
            return (name, tensor)
        }
        let metadata = ["note": String(repeating: "metadata ", count: 2000)]
        let bytes = Safetensors.encode(tensors: tensors, metadata: metadata)
        // As large as data can be, beside 18 kB of metadata.
        #expect(bytes.count > 8 + 18_000 + WeightsFile.maximumDataLength - 1)
        let path = Scratch.path("lenet5-twenty", suffix: ".safetensors")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let file = try WeightsFile(contentsOf: path)
        #expect(file.model.classCount == 20 && file.classes == ClassNames.indices(20))
        #expect(file.unsure?.classCount == 20)
    }

    /// Weights that are not numbers are never written: the loader would refuse the file, and it
    /// might have replaced good weights.
    @Test func weightsThatAreNotNumbersAreNotWritten() throws {
        let path = Scratch.path("lenet5-nan", suffix: ".safetensors")
        try Reference.weights.write(to: path)
        var model = Reference.weights.model
        model.f6.bias.scalars[3] = .nan
        #expect(
            throws: WeightsError(
                path: path, fault: "tensor f6.bias holds NaN at index 3; not written")
        ) { try WeightsFile(model: model).write(to: path) }
        #expect(try WeightsFile(contentsOf: path).model == Reference.weights.model)
    }

    @Test func bundledWeightsLoadAndMatchTheAsset() throws {
        let bundled = try WeightsFile.bundled()
        #expect(bundled.model.parameterCount == 61_706)
        let asset = try readFileContents(
            Reference.directory + "/../../../Assets/lenet5.safetensors")
        #expect(
            WeightsFile.bundledBytes == asset,
            "the built-in copy is stale: touch Sources/BundledWeights/BundledWeights.c and rebuild")
    }
}

@Suite struct JSONTests {
    func parse(_ text: String) throws -> JSONValue {
        try JSONValue(parsing: ArraySlice(Array(text.utf8)))
    }

    @Test func valuesAndEscapes() throws {
        #expect(
            try parse(
                " {\"a\": [1, -2, 3.5e2, true, false, null], \"b\": \"x\\n\\u00e9\\ud83d\\ude00\"} "
            )
                == .object([
                    "a": .array([
                        .number("1"), .number("-2"), .number("3.5e2"), .bool(true), .bool(false),
                        .null,
                    ]),
                    "b": .string("x\n\u{e9}\u{1F600}"),
                ]))
        #expect(try parse("18446744073709551615").integer == nil)
        #expect(try parse("9007199254740993").integer == 9_007_199_254_740_993)
    }

    @Test func malformedInputIsRefused() {
        for text in [
            "", "01", "1.", "-", "\"abc", "\"\\x\"", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "tru",
            "\"\u{01}\"",
            "{\"a\":1,\"a\":2}", "[1] 2", "\"\\ud800\"",
        ] {
            #expect(throws: JSONError.self, "\(text)") { try parse(text) }
        }
    }

    @Test func serialisationRoundTrips() throws {
        let value = JSONValue.object([
            "k\"ey": .array([.number("1"), .string("tab\there")]), "z": .null,
        ])
        #expect(try parse(value.serialized) == value)
    }
}
