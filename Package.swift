// swift-tools-version: 6.1
import PackageDescription

// The kernels are always compiled with optimisation, even in debug builds: unoptimised generic SIMD
// code is two orders of magnitude slower, which would make `swift test` and debug runs crawl.
let optimised: [SwiftSetting] = [.unsafeFlags(["-O"])]

let package = Package(
    name: "lenet5",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lenet5", targets: ["lenet5"]),
        .library(name: "LeNet5", targets: ["LeNet5"]),
        .library(name: "Training", targets: ["Training"]),
        .library(name: "Sketchpad", targets: ["Sketchpad"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // C libraries from the system, found through pkg-config.
        .systemLibrary(
            name: "CNCurses", pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Asks the processor which vector instructions it has, so one binary runs everywhere.
        .target(name: "CPUFeatures"),
        // Assets/lenet5.safetensors and the explanation texts, built into the binary.
        .target(name: "BundledWeights", cSettings: [.headerSearchPath("../../Assets")]),

        // The arithmetic, written once and generic over the vector width. The two wide modules
        // specialise it for AVX2 and AVX-512; `LeNet5` picks one at run time.
        .target(name: "VectorIntrinsics"),
        .target(name: "Kernels", dependencies: ["VectorIntrinsics"], swiftSettings: optimised),
        .target(
            name: "KernelsAVX2", dependencies: ["Kernels", "VectorIntrinsics"],
            swiftSettings: optimised + [.unsafeFlags(["-target-cpu", "haswell"])]),
        .target(
            name: "KernelsAVX512", dependencies: ["Kernels", "VectorIntrinsics"],
            swiftSettings: optimised + [.unsafeFlags(["-target-cpu", "skylake-avx512"])]),

        // The network: layers, forward trace, weights, preprocessing. Knows nothing of any UI.
        .target(
            name: "LeNet5",
            dependencies: [
                "Kernels", "KernelsAVX2", "KernelsAVX512", "CPUFeatures", "BundledWeights",
            ]),
        // Backpropagation, the optimiser, augmentation, MNIST.
        .target(
            name: "Training", dependencies: ["LeNet5", "Kernels", "CZlib"], swiftSettings: optimised
        ),
        // `lenet5 mnist fetch`: downloads through libcurl, loaded only when needed (CFetch), checked
        // and written atomically.
        .target(
            name: "CFetch", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(
            name: "MNISTFetch", dependencies: ["Training", "CFetch"], swiftSettings: optimised),
        // The words the sketchpad says about the network: texts a teacher can edit (built into the
        // binary, see BundledWeights), their format, and the facts of a drawing they name.
        .target(name: "Teaching", dependencies: ["LeNet5", "BundledWeights"]),
        // What a screen is made of, for the widgets and the terminal alike: cells, styles,
        // rectangles, input events. Knows neither the network nor ncurses.
        .target(name: "Screen"),
        // The sketchpad's state, layout and widgets, rendered into a cell buffer. No terminal.
        .target(name: "Sketchpad", dependencies: ["LeNet5", "Screen", "Teaching"]),
        // The only module that talks to ncurses, and its signal guard.
        .target(name: "TerminalSignals"),
        .target(name: "Terminal", dependencies: ["Screen", "CNCurses", "TerminalSignals"]),
        .executableTarget(
            name: "lenet5",
            dependencies: [
                "LeNet5", "Training", "MNISTFetch", "Screen", "Sketchpad", "Teaching", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // The independent PyTorch reference (../shared/reference), for the tests of two modules.
        .target(
            name: "ReferenceFixtures", dependencies: ["LeNet5"], path: "Tests/ReferenceFixtures",
            exclude: ["Fixtures"]),
        // An HTTP server on 127.0.0.1 for the download tests.
        .target(name: "LocalHTTPServer", path: "Tests/LocalHTTPServer"),
        .testTarget(name: "LeNet5Tests", dependencies: ["LeNet5", "ReferenceFixtures"]),
        .testTarget(
            name: "TrainingTests", dependencies: ["Training", "LeNet5", "ReferenceFixtures"]),
        .testTarget(
            name: "MNISTFetchTests", dependencies: ["MNISTFetch", "Training", "LocalHTTPServer"]),
        .testTarget(name: "ScreenTests", dependencies: ["Screen"]),
        .testTarget(name: "TeachingTests", dependencies: ["Teaching", "LeNet5"]),
        .testTarget(
            name: "SketchpadTests", dependencies: ["Sketchpad", "Screen", "LeNet5", "Teaching"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Screen"]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["LeNet5", "lenet5", "LocalHTTPServer"],
            exclude: ["Fixtures"]),
    ]
)
