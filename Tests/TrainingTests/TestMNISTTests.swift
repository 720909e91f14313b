import Foundation
import ReferenceFixtures
import Testing

/// The switch every test target reads to find MNIST (`LENET5_MNIST`, see `TestMNIST`).
@Suite struct TestMNISTTests {
    @Test func aFolderNamedByLENET5_MNISTHoldsMNIST() {
        // Otherwise every test that needs MNIST would skip, and a typo would look like a pass.
        #expect(TestMNIST.misconfiguration == nil, "\(TestMNIST.misconfiguration ?? "")")
    }

    @Test func aFolderHoldsMNISTWhenItHasAllFourFilesGzippedOrNot() throws {
        let folder = Scratch.path("lenet5-mnist-location")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(TestMNIST.missingFile(in: folder) == "train-images-idx3-ubyte")
        for (index, name) in TestMNIST.files.enumerated() {
            let file = folder + "/" + name + (index % 2 == 0 ? ".gz" : "")
            #expect(FileManager.default.createFile(atPath: file, contents: Data()))
        }
        #expect(TestMNIST.missingFile(in: folder) == nil)
        try FileManager.default.removeItem(atPath: folder + "/t10k-labels-idx1-ubyte")
        #expect(TestMNIST.missingFile(in: folder) == "t10k-labels-idx1-ubyte")
    }
}
