import Foundation
import ReferenceFixtures
import Testing

@testable import Training

/// Where commands look for MNIST: --mnist beats LENET5_MNIST beats the cache folder, which follows
/// XDG on Linux and ~/Library/Caches on macOS. Every case passes its own environment, so no test
/// reads the real one or touches the real cache folder.
@Suite struct MNISTLocationTests {
    func environment(_ variables: [String: String]) -> (String) -> String? {
        { variables[$0] }
    }

    @Test func theOptionBeatsTheEnvironmentWhichBeatsTheCache() {
        let all = environment([
            "LENET5_MNIST": "/from/env", "HOME": "/home/ada", "XDG_CACHE_HOME": "/xdg",
        ])
        #expect(
            MNISTLocation(option: "/from/flag", environment: all, platform: .linux)
                == MNISTLocation(directory: "/from/flag", source: .option))
        #expect(
            MNISTLocation(option: nil, environment: all, platform: .linux)
                == MNISTLocation(directory: "/from/env", source: .environment))
        let noVariable = environment(["HOME": "/home/ada", "XDG_CACHE_HOME": "/xdg"])
        #expect(
            MNISTLocation(option: nil, environment: noVariable, platform: .linux)
                == MNISTLocation(directory: "/xdg/lenet5/mnist", source: .cache))
        // Empty values count as unset.
        let empty = environment(["LENET5_MNIST": "", "HOME": "/home/ada"])
        #expect(
            MNISTLocation(option: "", environment: empty, platform: .linux)
                == MNISTLocation(directory: "/home/ada/.cache/lenet5/mnist", source: .cache))
    }

    /// LENET5_MNIST=none, which the tests use to act as a fresh clone, is not a folder named
    /// "none" to the commands either: they say MNIST is hidden and how to unhide it.
    @Test func noneHidesMNIST() {
        let location = MNISTLocation(
            option: nil, environment: environment(["LENET5_MNIST": "none"]), platform: .linux)
        let message = MNISTLoadError.missing(location, files: MNISTLocation.testFiles).description
        #expect(message.hasPrefix("MNIST is hidden: LENET5_MNIST=none"), "\(message)")
        #expect(!message.contains("none/t10k"))
        let folder = MNISTLocation(
            option: nil, environment: environment(["LENET5_MNIST": "/data/mnist"]),
            platform: .linux)
        let other = MNISTLoadError.missing(folder, files: MNISTLocation.testFiles).description
        #expect(other.hasPrefix("/data/mnist/t10k-images-idx3-ubyte.gz: not found"))
    }

    @Test func theCacheFolderFollowsXDGOnLinuxAndLibraryCachesOnMacOS() {
        let cases: [([String: String], MNISTLocation.Platform, String)] = [
            (["HOME": "/home/ada"], .linux, "/home/ada/.cache/lenet5/mnist"),
            (["HOME": "/home/ada/"], .linux, "/home/ada/.cache/lenet5/mnist"),
            (
                ["HOME": "/home/ada", "XDG_CACHE_HOME": "/var/cache/ada"], .linux,
                "/var/cache/ada/lenet5/mnist"
            ),
            // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored; so is an empty one.
            (
                ["HOME": "/home/ada", "XDG_CACHE_HOME": "cache"], .linux,
                "/home/ada/.cache/lenet5/mnist"
            ),
            (["HOME": "/home/ada", "XDG_CACHE_HOME": ""], .linux, "/home/ada/.cache/lenet5/mnist"),
            (
                ["HOME": "/Users/ada", "XDG_CACHE_HOME": "/xdg"], .macOS,
                "/Users/ada/Library/Caches/lenet5/mnist"
            ),
        ]
        for (variables, platform, expected) in cases {
            #expect(
                MNISTLocation.cacheDirectory(
                    environment: environment(variables), platform: platform)
                    == expected, "\(variables) \(platform)")
        }
        // Without HOME, the account's home folder.
        let withoutHome = MNISTLocation.cacheDirectory(
            environment: environment([:]), platform: .linux)
        #expect(withoutHome.hasSuffix("/.cache/lenet5/mnist") && withoutHome.hasPrefix("/"))
    }

    func temporaryDirectory() throws -> String {
        let path = Scratch.path("lenet5-location")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func missingFilesSayWhereItLookedAndHowToFetch() throws {
        let dir = try temporaryDirectory()
        let cases: [(MNISTLocation, String)] = [
            (MNISTLocation(directory: dir, source: .cache), "run `lenet5 mnist fetch` to download"),
            (MNISTLocation(directory: dir, source: .environment), "given by LENET5_MNIST"),
            (MNISTLocation(directory: dir, source: .option), "`lenet5 mnist fetch --dir \(dir)`"),
        ]
        for (location, expected) in cases {
            do {
                _ = try MNIST(location)
                Issue.record("loaded MNIST from an empty folder")
            } catch {
                guard case .missing(_, let files) = error else {
                    Issue.record("\(error)")
                    continue
                }
                #expect(files.count == 4)
                #expect(error.description.hasPrefix("\(dir)/train-images-idx3-ubyte.gz: not found"))
                #expect(error.description.contains("looked in \(dir)"))
                #expect(error.description.contains(expected), "\(error)")
            }
        }
        let spaced = MNISTLoadError.missing(
            MNISTLocation(directory: "/a b/it's", source: .option),
            files: ["t10k-images-idx3-ubyte"])
        #expect(spaced.description.contains("lenet5 mnist fetch --dir '/a b/it'\\''s'"))
    }

    /// Evaluation needs only the test set: the training files may be absent.
    @Test func theTestSetNeedsOnlyItsTwoFiles() throws {
        let dir = try temporaryDirectory()
        let location = MNISTLocation(directory: dir, source: .option)
        let header: (UInt8, [Int]) -> [UInt8] = { rank, dimensions in
            [0, 0, 8, rank]
                + dimensions.flatMap { d in (0..<4).map { UInt8(d >> (24 - 8 * $0) & 255) } }
        }
        try Data(header(3, [1, 28, 28]) + [UInt8](repeating: 9, count: 784)).write(
            to: URL(fileURLWithPath: dir + "/t10k-images-idx3-ubyte"))
        do {
            _ = try MNIST.testSet(location)
            Issue.record("loaded a test set without labels")
        } catch {
            #expect(error == .missing(location, files: ["t10k-labels-idx1-ubyte"]))
        }
        try Data(header(1, [1]) + [4]).write(
            to: URL(fileURLWithPath: dir + "/t10k-labels-idx1-ubyte"))
        let set = try MNIST.testSet(location)
        #expect(set.labels == [4] && set.pixels.count == 784)
        #expect(location.missing(MNISTLocation.trainingFiles) == MNISTLocation.trainingFiles)
    }
}
