import Foundation
import Testing

/// `lenet5 trace` from outside: the keys the issue spells, values that hang together, fields from
/// the layer arithmetic (through the preprocessing too), and every range it refuses.
@Suite(.serialized) struct TraceCommandTests {
    static let seven = Binary.samples + "/seven.txt"

    func trace(_ arguments: [String], file: String = seven) throws -> [String: Any] {
        let result = try Binary.run(["trace", file, "--json"] + arguments)
        #expect(result.status == 0, "\(arguments): \(result.error)")
        return json(result.output)
    }

    /// One unit of each layer: the keys, sum + bias = the value before the activation, the
    /// activation of that = the value, and the field in the input from the layer arithmetic
    /// (field side and jump: C1 5 and 1, S2 6 and 2, C3 14 and 2, S4 16 and 4, from C5 all 32).
    @Test func everyLayerHangsTogether() throws {
        let cases: [(layer: String, unit: String, field: [Int], terms: Int?)] = [
            ("Input", "9,20", [9, 20, 9, 20], nil),
            ("C1", "12,7", [12, 7, 16, 11], 1),
            ("s2", "3,4", [5, 7, 10, 12], nil),
            ("c3", "3,4", [5, 7, 18, 20], 6),
            ("S4", "5,2", [17, 5, 32, 20], nil),
            ("C5", "17", [1, 1, 32, 32], 16),
            ("f6", "84", [1, 1, 32, 32], nil),
            ("OUTPUT", "8", [1, 1, 32, 32], nil),
        ]
        for c in cases {
            let object = try trace(["--layer", c.layer, "--unit", c.unit, "--map", "1"])
            let name = c.layer.prefix(1).uppercased() + c.layer.dropFirst().lowercased()
            #expect(object["layer"] as? String == (name.count == 2 ? name.uppercased() : name))
            #expect(object["map"] as? Int == 1)
            for key in ["value", "pre_activation", "field_input", "field_drawing"] {
                #expect(object[key] != nil, "\(c.layer): no \(key)")
            }
            #expect(object["field_input"] as? [Int] == c.field, "\(c.layer)")
            let value = object["value"] as? Double ?? .nan
            let pre = object["pre_activation"] as? Double ?? .nan
            switch c.layer.lowercased() {
            case "c1", "c3", "c5", "f6": #expect(abs(Foundation.tanh(pre) - value) < 1e-5)
            case "output": #expect(value > 0.99 && pre > 5)  // the 7's probability and logit
            default: #expect(pre == value)
            }
            if let count = c.terms {
                let terms = object["terms"] as? [[String: Any]] ?? []
                #expect(terms.count == count, "\(c.layer)")
                for (i, term) in terms.enumerated() {
                    #expect(term["map"] as? Int == i + 1)
                    let patch = term["patch"] as? [[Double]] ?? []
                    let kernel = term["kernel"] as? [[Double]] ?? []
                    #expect(patch.count == 5 && patch.allSatisfy { $0.count == 5 })
                    #expect(kernel.count == 5 && kernel.allSatisfy { $0.count == 5 })
                }
                let products = terms.reduce(0.0) { total, term in
                    let patch = (term["patch"] as? [[Double]] ?? []).joined()
                    let kernel = (term["kernel"] as? [[Double]] ?? []).joined()
                    return total + zip(patch, kernel).map { $0 * $1 }.reduce(0, +)
                }
                let sum = object["sum"] as? Double ?? .nan
                let bias = object["bias"] as? Double ?? .nan
                #expect(abs(products - sum) < 1e-5 && abs(sum + bias - pre) < 1e-4, "\(c.layer)")
            }
        }
        // The input's value is the pixel of the network input, and C1 (12, 7) of map 1 read it.
        let c1 = try trace(["--layer", "c1", "--unit", "9,20"])
        let pixel = try trace(["--layer", "input", "--unit", "9,20"])
        let patch = (c1["terms"] as? [[String: Any]])?.first?["patch"] as? [[Double]]
        #expect(patch?[0][0] == pixel["value"] as? Double)
    }

    @Test func poolingAndDenseLayersShowWhatTheyAdd() throws {
        let s2 = try trace(["--layer", "S2", "--map", "3", "--unit", "4,5"])
        let block = s2["block"] as? [[Double]] ?? []
        #expect(block.count == 2 && block.allSatisfy { $0.count == 2 })
        #expect(abs(block.joined().reduce(0, +) / 4 - (s2["value"] as? Double ?? .nan)) < 1e-6)
        #expect(s2["input_layer"] as? String == "C1" && s2["input_map"] as? Int == 3)
        #expect(s2["window"] as? [Int] == [7, 9, 8, 10])
        let output = try trace(["--layer", "output", "--unit", "8"])
        let contributions = output["contributions"] as? [[String: Any]] ?? []
        #expect(contributions.count == 84)
        let total = contributions.reduce(0.0) {
            $0 + ($1["value"] as? Double ?? .nan) * ($1["weight"] as? Double ?? .nan)
        }
        let logit = output["pre_activation"] as? Double ?? .nan
        #expect(abs(total + (output["bias"] as? Double ?? .nan) - logit) < 1e-4)
        #expect(output["digit"] as? Int == 7)
        // The probability is predict's.
        let predicted = json(try Binary.run(["predict", "--json", Self.seven]).output)
        #expect((predicted["probabilities"] as? [Double])?[7] == output["value"] as? Double)
        let people = try Binary.run(["trace", Self.seven, "--layer", "output", "--unit", "8"])
        #expect(people.output.contains("Output unit 8 of 10 (the digit 7)"))
        #expect(people.output.contains("pushed up most by:"))
        #expect(people.output.contains("pushed down most by:"))
    }

    /// Without --unit: the strongest unit, so on Output the predicted digit.
    @Test func theDefaultUnitIsTheStrongest() throws {
        let output = try trace(["--layer", "Output"])
        #expect(output["unit"] as? Int == 8 && output["digit"] as? Int == 7)
        let c1 = try trace(["--layer", "C1", "--map", "2"])
        #expect(c1["map"] as? Int == 2)
        let unit = try #require(c1["unit"] as? [Int])
        #expect(unit.count == 2)
        // No unit of its row is larger.
        for x in 1...28 {
            let other = try trace(["--layer", "C1", "--map", "2", "--unit", "\(x),\(unit[1])"])
            #expect(
                (other["value"] as? Double ?? .infinity) <= (c1["value"] as? Double ?? -1),
                "column \(x)")
        }
    }

    /// A small drawing in a corner is moved to the middle and enlarged: a 4x5 block at the top left
    /// becomes 16x20 pixels (scale 4, offsets 8 and 6), so the fields land on its few cells.
    @Test func fieldsLandOnTheDrawingThroughThePreprocessing() throws {
        let dir = try Binary.temporaryDirectory()
        var rows = [String](repeating: String(repeating: ".", count: 32), count: 32)
        for y in 0..<5 { rows[y] = "####" + String(repeating: ".", count: 28) }
        try rows.map { $0 + "\n" }.joined().write(
            toFile: dir + "/corner.txt", atomically: true, encoding: .utf8)
        let file = dir + "/corner.txt"
        let c1 = try trace(["--layer", "C1", "--unit", "1,1"], file: file)
        #expect(c1["field_input"] as? [Int] == [1, 1, 5, 5])
        #expect(c1["field_drawing"] is NSNull)
        let c3 = try trace(["--layer", "C3", "--unit", "1,1"], file: file)
        #expect(c3["field_drawing"] as? [Int] == [1, 1, 2, 2])
        let s4 = try trace(["--layer", "S4", "--unit", "5,5"], file: file)
        #expect(s4["field_input"] as? [Int] == [17, 17, 32, 32])
        #expect(s4["field_drawing"] as? [Int] == [3, 3, 6, 7])
        let f6 = try trace(["--layer", "F6", "--unit", "1"], file: file)
        #expect(f6["field_drawing"] as? [Int] == [1, 1, 6, 7])
        let people = try Binary.run(["trace", file, "--layer", "C1", "--unit", "1,1"])
        #expect(people.output.contains("empty margin"))
        // Without preprocessing the drawing is the input: the fields are the same.
        let raw = try trace(["--layer", "C3", "--unit", "2,3", "--no-preprocess"], file: file)
        #expect(raw["field_input"] as? [Int] == [3, 5, 16, 18])
        #expect(raw["field_drawing"] as? [Int] == [3, 5, 16, 18])
    }

    @Test func peopleGetTheComputation() throws {
        let result = try Binary.run([
            "trace", Self.seven, "--layer", "c3", "--map", "2", "--unit", "3,4",
        ])
        #expect(result.status == 0)
        let lines = result.lines
        #expect(lines.first == "C3 map 2 of 16, column 3, row 4 (of 10x10, counted from 1)")
        #expect(lines.contains { $0.hasPrefix("value ") && $0.contains("= tanh(") })
        #expect(
            lines.contains("looks at network input columns 5 to 18, rows 7 to 20 (14x14 pixels)"))
        #expect(lines.contains { $0.hasPrefix("which came from drawing cells columns ") })
        #expect(
            lines.contains { $0.hasPrefix("computed as: bias ") && $0.contains("150 products") })
        #expect(lines.filter { $0.hasPrefix("S2 map ") }.count == 6)
        #expect(lines.filter { $0.hasPrefix("  patch") }.count == 6)
        let pooling = try Binary.run(["trace", Self.seven, "--layer", "s4"])
        #expect(pooling.output.contains("computed as: the mean of the 2x2 block of C3 map 1"))
    }

    @Test(arguments: [
        (
            ["--layer", "C7"],
            "there is no layer 'C7': the layers are Input, C1, S2, C3, S4, C5, F6 and Output"
        ),
        (["--layer", "c1", "--map", "7"], "--map 7: C1 has maps 1 to 6"),
        (["--layer", "c1", "--map", "0"], "--map 0: C1 has maps 1 to 6"),
        (["--layer", "s4", "--map", "x"], "--map x: S4 has maps 1 to 16"),
        (["--layer", "input", "--map", "2"], "--map 2: Input has one map, map 1"),
        (["--layer", "c5", "--map", "2"], "--map 2: C5's 120 units form one list, map 1"),
        (
            ["--layer", "c1", "--unit", "29,1"],
            "--unit 29,1: C1's maps are 28x28: --unit X,Y, X and Y from 1 to 28"
        ),
        (["--layer", "s2", "--unit", "0,5"], "--unit 0,5: S2's maps are 14x14"),
        (["--layer", "c1", "--unit", "5"], "--unit 5: C1's maps are 28x28: --unit X,Y"),
        (["--layer", "c3", "--unit", "a,b"], "--unit a,b: C3's maps are 10x10"),
        (
            ["--layer", "c5", "--unit", "121"],
            "--unit 121: C5's units form one list: --unit N, N from 1 to 120"
        ),
        (
            ["--layer", "output", "--unit", "0"],
            "--unit 0: Output's units form one list: --unit N, N from 1 to 10"
        ),
        (
            ["--layer", "f6", "--unit", "1,1"],
            "--unit 1,1: F6's units form one list: --unit N, N from 1 to 84"
        ),
    ])
    func outOfRangeNamesTheRangeWithStatusTwo(arguments: [String], message: String) throws {
        let result = try Binary.run(["trace", Self.seven] + arguments)
        #expect(result.status == 2, "\(arguments)")
        #expect(result.error.hasPrefix("lenet5: " + message), "\(arguments): \(result.error)")
        #expect(result.output.isEmpty)
    }

    @Test func badFilesAreReported() throws {
        let dir = try Binary.temporaryDirectory()
        let missing = try Binary.run(["trace", dir + "/missing.txt", "--layer", "c1"])
        #expect(missing.status == 1)
        #expect(missing.error.contains("lenet5: \(dir)/missing.txt: no such file or directory"))
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: dir + "/garbage.txt"))
        let garbage = try Binary.run(["trace", dir + "/garbage.txt", "--layer", "c1"])
        #expect(garbage.status == 1 && garbage.error.contains("garbage.txt: expected a text grid"))
        let blank = Data(
            String(repeating: String(repeating: ".", count: 32) + "\n", count: 32).utf8)
        let empty = try Binary.run(["trace", "-", "--layer", "c1"], input: blank)
        #expect(empty.status == 1 && empty.error.contains("<stdin>: no ink, nothing to trace"))
        try Data("P2 2 2 1 0 1 0 1".utf8).write(to: URL(fileURLWithPath: dir + "/tiny.pgm"))
        let tiny = try Binary.run(["trace", dir + "/tiny.pgm", "--layer", "c1", "--no-preprocess"])
        #expect(
            tiny.status == 1 && tiny.error.contains("tiny.pgm: is 2x2; --no-preprocess needs 32x32")
        )
        let directory = try Binary.run(["trace", dir, "--layer", "c1"])
        #expect(directory.status == 1 && directory.error.contains("\(dir): is a directory"))
        // The range is checked before the file is read: status 2, not 1.
        let both = try Binary.run(["trace", dir + "/missing.txt", "--layer", "x"])
        #expect(both.status == 2)
        let weights = try Binary.run([
            "trace", Self.seven, "--layer", "c1", "--weights", dir + "/none.safetensors",
        ])
        #expect(weights.status == 1 && weights.error.contains("none.safetensors: no such file"))
        let noLayer = try Binary.run(["trace", Self.seven])
        #expect(noLayer.status != 0 && noLayer.error.contains("--layer"))
    }
}
