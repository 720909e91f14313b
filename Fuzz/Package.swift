// swift-tools-version: 6.1
// Fuzz targets for every loader of untrusted files, built with libFuzzer. Kept in their own
// package so that `swift test` in the main package stays light. Run them with Scripts/fuzz.sh.
import PackageDescription

let package = Package(
    name: "lenet5-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "lenet5", path: "..")],
    targets: [
        // No main of its own: libFuzzer's drives LLVMFuzzerTestOneInput.
        .executableTarget(
            name: "LeNet5Fuzz",
            dependencies: [
                .product(name: "LeNet5", package: "lenet5"),
                .product(name: "Training", package: "lenet5"),
                .product(name: "Lessons", package: "lenet5"),
                .product(name: "Teaching", package: "lenet5"),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    ]
)
