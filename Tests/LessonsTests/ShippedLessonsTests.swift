import Foundation
import LeNet5
import Testing

@testable import Lessons

/// The lessons lenet5 ships: they parse, everything they point at exists, everything they claim
/// about their drawings holds with the shipped weights, and the copies built into the binary are
/// the files of Assets.
@Suite struct ShippedLessonsTests {
    static let lessons: [Lesson] = (try? LessonLibrary.builtIn()) ?? []

    @Test func theShippedLessonsParse() throws {
        let lessons = try LessonLibrary.builtIn()
        #expect(lessons.map(\.name) == ["reading", "preprocessing", "kernels"])
        for lesson in lessons {
            #expect(!lesson.title.isEmpty && lesson.steps.count >= 8, "\(lesson.name)")
            #expect(lesson.path == "Assets/lessons/\(lesson.name).txt")
        }
        // How LeNet-5 reads your digit: about a dozen steps, input to output.
        let reading = try #require(lessons.first)
        #expect((10...15).contains(reading.steps.count))
        var layers = [NetworkLayer]()
        for layer in reading.steps.compactMap({ $0.target?.layer }) where !layers.contains(layer) {
            layers.append(layer)
        }
        #expect(layers == NetworkLayer.allCases, "every layer, input to output, in order")
    }

    /// Every target exists in the network as declared (checked again here from the geometry,
    /// independently of the parser's own checks), and every step's text fits the screen.
    @Test func everyTargetExists() {
        for lesson in Self.lessons {
            for step in lesson.steps {
                let where_ = "\(lesson.name) line \(step.line)"
                switch step.target {
                case .map(let layer, let map):
                    #expect(
                        !layer.isUnitList && (0..<layer.geometry.maps).contains(map), "\(where_)")
                case .unit(let unit):
                    let g = unit.layer.geometry
                    #expect((0..<g.maps).contains(unit.map), "\(where_)")
                    #expect((0..<g.side).contains(unit.x) && (0..<g.side).contains(unit.y))
                default: break
                }
                #expect(step.text.lineCount(columns: 76) <= 5, "\(where_)")
                for action in step.setup {
                    if case .load(let name, let drawing) = action {
                        #expect(Samples.drawing(name) == drawing, "\(where_): \(name)")
                    }
                }
            }
        }
    }

    /// What the lessons say about their drawings, with the shipped weights: retrained weights that
    /// would make a lesson untrue fail here.
    @Test func whatTheLessonsClaimHolds() throws {
        var claims = 0
        for lesson in Self.lessons {
            try lesson.check(with: Samples.classifier, classes: LessonLibrary.digits)
            claims += lesson.steps.map(\.expectations.count).reduce(0, +)
        }
        #expect(claims >= 25)
    }

    /// The checks can fail: a network with other weights contradicts the lessons.
    @Test func otherWeightsContradictTheLessons() {
        var generator = SeededGenerator(seed: 1)
        let untrained = Classifier(LeNet5(using: &generator))
        for lesson in Self.lessons {
            #expect(throws: LessonError.self, "\(lesson.name)") {
                try lesson.check(with: untrained, classes: LessonLibrary.digits)
            }
        }
    }

    /// The copies built into the binary equal the files under Assets, and every file there is built
    /// in (after editing one, touch Sources/BundledLessons/BundledLessons.c).
    @Test func theBuiltInCopiesAreTheFiles() throws {
        var files = [String]()
        for folder in ["lessons", "samples"] {
            let names = try FileManager.default.contentsOfDirectory(
                atPath: Samples.assets + "/" + folder)
            files += names.filter { !$0.hasPrefix(".") }.map { folder + "/" + $0 }
        }
        #expect(Set(BundledAssets.paths) == Set(files))
        for path in files {
            let file = try readFileContents(Samples.assets + "/" + path)
            #expect(BundledAssets.contents(of: path) == file, "\(path) differs from its copy")
        }
        #expect(BundledAssets.contents(of: "samples/nosuch.txt") == nil)
    }

    /// Each shipped lesson documents the format in a comment at its top, listing every directive.
    @Test func eachLessonDocumentsTheFormat() throws {
        for name in BundledAssets.lessonNames {
            let text = String(
                decoding: try #require(BundledAssets.contents(of: "lessons/\(name).txt")),
                as: UTF8.self)
            let header = text.split(separator: "\n").prefix { $0.hasPrefix("#") }
                .joined(separator: "\n")
            for directive in LessonDirective.allCases {
                #expect(header.contains("@" + directive.rawValue), "\(name): @\(directive)")
            }
            #expect(header.contains("README"))
        }
    }
}
