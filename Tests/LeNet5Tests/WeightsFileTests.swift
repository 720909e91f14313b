import ReferenceFixtures
import Testing

@testable import LeNet5

/// The loader refuses every kind of broken file with a message naming the file and the fault.
@Suite struct WeightsFileTests {
    static let good = Reference.weights.bytes

    func fault(_ bytes: [UInt8]) -> String? {
        do {
            _ = try WeightsFile(bytes: bytes, path: "w.safetensors")
            return nil
        } catch {
            #expect(error.path == "w.safetensors")
            #expect(error.description.hasPrefix("w.safetensors: "))
            return error.fault
        }
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
        for length in [9, 100, Self.good.count / 2, Self.good.count - 1] {
            #expect(fault(Array(Self.good.prefix(length))) != nil, "\(length) bytes")
        }
        #expect(
            fault(Array(Self.good.prefix(Self.good.count - 4)))?.contains("outside the data")
                == true)
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
        for header in [
            "{", "not json", "{\"a\": }", "[1,2]", "{\"c1.weight\": 5}",
            String(repeating: "[", count: 5000),
        ] {
            #expect(fault(file(header: header)) != nil, "\(header.prefix(20))")
        }
        #expect(fault(file(header: "{"))?.contains("not valid JSON") == true)
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
        // The same bytes declared as F16.
        let entry = try #require(safetensors.entries["c1.bias"])
        var header = "{"
        header +=
            "\"c1.bias\":{\"dtype\":\"F16\",\"shape\":[12],\"data_offsets\":[\(entry.range.lowerBound),\(entry.range.upperBound)]}}"
        #expect(
            fault(file(header: header, data: Array(repeating: 0, count: 1000)))?.contains(
                "missing tensor") == true)
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
        #expect(fault(file(header: negative, data: Array(repeating: 0, count: 24))) != nil)
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
        #expect(throws: WeightsError.self) {
            try WeightsFile(contentsOf: "/nonexistent/w.safetensors")
        }
        do {
            _ = try WeightsFile(contentsOf: "/tmp")
        } catch {
            #expect(error.description == "/tmp: is a directory")
        }
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
