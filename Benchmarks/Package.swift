// swift-tools-version: 6.1
// Benchmarks of lenet5 with ordo-one's package-benchmark, kept in their own package so that
// `swift test` in the main package stays light. Run from this directory:
//   swift package benchmark                     (all, with a table of results)
//   swift package benchmark baseline update     (record a baseline, then compare against it)
// Benchmarks/compare.sh is the side-by-side comparison with ONNX Runtime.
import PackageDescription

let package = Package(
    name: "lenet5-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "lenet5", path: ".."),
        .package(
            url: "https://github.com/ordo-one/benchmark", from: "1.38.1",
            traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LeNet5Benchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "LeNet5", package: "lenet5"),
                .product(name: "Training", package: "lenet5"),
                .product(name: "Sketchpad", package: "lenet5"),
            ],
            path: "Benchmarks/LeNet5Benchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
