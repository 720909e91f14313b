// swift-tools-version: 6.2
// 6.2 is the first tools version whose packages other packages may depend on by version although
// their targets pass unsafe flags (`-O`, `-target-cpu`, below); under 6.1 SwiftPM refuses them.
import PackageDescription

// The kernels are always compiled with optimisation, even in debug builds: unoptimised generic SIMD
// code is two orders of magnitude slower, which would make `swift test` and debug runs crawl.
let optimised: [SwiftSetting] = [.unsafeFlags(["-O"])]

// The AVX2 and AVX-512 copies of the kernels exist only for x86-64, the architecture the manifest
// is built for (SwiftPM has no per-architecture condition; building for another architecture than
// the machine's, set LENET5_PORTABLE_ONLY). `LENET5_PORTABLE_ONLY=1 swift build` leaves them out on
// x86-64 too: the build arm64 gets, checkable on any machine.
let portableOnly = !["", "0"].contains(Context.environment["LENET5_PORTABLE_ONLY"] ?? "")
#if arch(x86_64)
    let x86Kernels = !portableOnly
#else
    let x86Kernels = false
#endif

let x86KernelTargets: [Target] =
    x86Kernels
    ? [
        .target(
            name: "KernelsAVX2", dependencies: ["Kernels", "VectorIntrinsics"],
            swiftSettings: optimised + [.unsafeFlags(["-target-cpu", "haswell"])]),
        .target(
            name: "KernelsAVX512", dependencies: ["Kernels", "VectorIntrinsics"],
            swiftSettings: optimised + [.unsafeFlags(["-target-cpu", "skylake-avx512"])]),
    ] : []

let package = Package(
    name: "lenet5",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lenet5", targets: ["lenet5"]),
        .library(name: "LeNet5", targets: ["LeNet5"]),
        .library(name: "Training", targets: ["Training"]),
        .library(name: "Sketchpad", targets: ["Sketchpad"]),
        // The cells, styles, points and events in Sketchpad's interface.
        .library(name: "Screen", targets: ["Screen"]),
        // Lessons and what-if experiments (for the fuzz targets, as the library's users see it).
        .library(name: "Lessons", targets: ["Lessons"]),
        // The words about the network and the facts of a drawing they name, which lessons share.
        .library(name: "Teaching", targets: ["Teaching"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // C libraries from the system, found through pkg-config. macOS has no ncursesw.pc: there
        // the SDK's ncurses (or Homebrew's, through its pkg-config file) is linked as `ncurses`
        // (see Terminal).
        .systemLibrary(
            name: "CNCurses", pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The C library under one name (Glibc, Darwin or Musl).
        .target(name: "Platform"),
        // Asks the processor which vector instructions it has, so one binary runs everywhere.
        .target(name: "CPUFeatures"),
        // Assets/lenet5.safetensors, and the explanation texts, lessons and samples, built into the
        // binary.
        .target(name: "BundledWeights", cSettings: [.headerSearchPath("../../Assets")]),

        // The arithmetic, written once and generic over the vector width, and its baseline copy
        // (SSE2 or NEON). On x86-64 the two wide modules specialise it for AVX2 and AVX-512, and
        // `LeNet5` picks one at run time.
        .target(name: "VectorIntrinsics"),
        .target(
            name: "Kernels", dependencies: ["VectorIntrinsics", "Platform"],
            swiftSettings: optimised),
        .target(
            name: "KernelsPortable", dependencies: ["Kernels", "VectorIntrinsics"],
            swiftSettings: optimised),
    ] + x86KernelTargets + [
        // The network: layers, forward trace, weights, preprocessing. Knows nothing of any UI.
        .target(
            name: "LeNet5",
            dependencies: [
                "Kernels", "KernelsPortable", "CPUFeatures", "BundledWeights", "Platform",
            ]
                + (x86Kernels ? ["KernelsAVX2", "KernelsAVX512"] : []),
            swiftSettings: x86Kernels ? [.define("LENET5_X86_KERNELS")] : []),
        // Backpropagation, the optimiser, augmentation, MNIST.
        .target(
            name: "Training",
            dependencies: ["LeNet5", "Kernels", "KernelsPortable", "CZlib", "Platform"],
            swiftSettings: optimised),
        // Lessons a teacher writes (their format, checks and the tour through them) and the
        // what-if experiments on a drawing: sweeps and the preprocessing on and off. No UI.
        .target(name: "Lessons", dependencies: ["LeNet5", "Teaching", "Platform"]),
        // `lenet5 mnist fetch`: downloads through libcurl, loaded only when needed (CFetch), checked
        // and written atomically.
        .target(
            name: "CFetch", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(
            name: "MNISTFetch", dependencies: ["LeNet5", "Training", "CFetch", "Platform"],
            swiftSettings: optimised),
        // The words the sketchpad says about the network: texts a teacher can edit (built into the
        // binary, see BundledWeights), their format, and the facts of a drawing they name.
        .target(name: "Teaching", dependencies: ["LeNet5", "BundledWeights", "Platform"]),
        // What a screen is made of, for the widgets and the terminal alike: cells, styles,
        // rectangles, input events. Knows neither the network nor ncurses.
        .target(name: "Screen"),
        // The sketchpad's state, layout and widgets, rendered into a cell buffer. No terminal.
        .target(name: "Sketchpad", dependencies: ["LeNet5", "Screen", "Teaching", "Lessons"]),
        // The only module that talks to ncurses, and its signal guard.
        .target(name: "TerminalSignals"),
        .target(
            name: "Terminal", dependencies: ["Screen", "CNCurses", "TerminalSignals", "Platform"],
            linkerSettings: [
                .linkedLibrary("ncursesw", .when(platforms: [.linux])),
                .linkedLibrary("ncurses", .when(platforms: [.macOS])),
            ]),
        .executableTarget(
            name: "lenet5",
            dependencies: [
                "LeNet5", "Training", "MNISTFetch", "Screen", "Sketchpad", "Teaching", "Terminal",
                "Platform", "Lessons",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // What the tests of several modules share: the independent PyTorch reference
        // (../shared/reference) and where MNIST is (LENET5_MNIST).
        .target(
            name: "ReferenceFixtures", dependencies: ["LeNet5"], path: "Tests/ReferenceFixtures",
            exclude: ["Fixtures"]),
        // An HTTP server on 127.0.0.1 for the download tests.
        .target(name: "LocalHTTPServer", dependencies: ["Platform"], path: "Tests/LocalHTTPServer"),
        .testTarget(name: "LeNet5Tests", dependencies: ["LeNet5", "Kernels", "ReferenceFixtures"]),
        .testTarget(
            name: "TrainingTests",
            dependencies: ["Training", "LeNet5", "Kernels", "CZlib", "ReferenceFixtures"]),
        .testTarget(
            name: "MNISTFetchTests",
            dependencies: [
                "MNISTFetch", "Training", "LeNet5", "LocalHTTPServer", "ReferenceFixtures",
            ]),
        .testTarget(name: "ScreenTests", dependencies: ["Screen"]),
        .testTarget(
            name: "LessonsTests",
            dependencies: ["Lessons", "LeNet5", "Teaching", "ReferenceFixtures"]),
        .testTarget(
            name: "TeachingTests", dependencies: ["Teaching", "LeNet5", "ReferenceFixtures"]),
        .testTarget(
            name: "SketchpadTests",
            dependencies: ["Sketchpad", "Screen", "LeNet5", "Teaching", "Lessons"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Screen"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "LeNet5", "lenet5", "Sketchpad", "ReferenceFixtures", "LocalHTTPServer",
            ],
            exclude: ["Fixtures"]),
    ]
)
