import LeNet5
import Lessons
import Screen
import Testing

@testable import Sketchpad

/// g and G through the gallery: lenet5's samples, then a folder's files, read by the runtime
/// when their turn comes; a file that is not a drawing is reported and passed over.
@Suite struct GalleryTests {
    static let samples = BundledAssets.sampleNames

    @Test func gShowsTheSamplesInTurnEachAnUndoableStep() {
        var pad = makeShippedState()
        #expect(pad.gallery.items.count == Self.samples.count && Self.samples.count >= 20)
        pad.press(.character("g"))
        #expect(pad.canvas == sample(Self.samples[0]))
        #expect(
            pad.notice
                == "Gallery 1 of \(Self.samples.count): \(Self.samples[0]) (g next, G back, u undoes)"
        )
        #expect(pad.canvasTitle == "\(Self.samples[0]) (1 of \(Self.samples.count))")
        pad.press(.character("g"))
        #expect(pad.canvas == sample(Self.samples[1]))
        pad.press(.character("G"), .character("G"))
        // Back past the first: the last.
        #expect(pad.canvas == sample(Self.samples[Self.samples.count - 1]))
        // Each one an undo step, back to the empty canvas.
        for _ in 0..<4 { pad.press(.character("u")) }
        #expect(pad.canvas.isEmpty)
        // The title names the file only while the drawing is the file's.
        pad.press(.character("g"), .character("c"))
        #expect(pad.canvasTitle == nil)
    }

    @Test func aFolderFileIsReadByTheRuntimeAndABadOneIsPassedOver() {
        let files = ["/lessons/mine/a.txt", "/lessons/mine/b.txt"]
        var pad = makeShippedState(gallery: Gallery(files: files))
        let (a, b) = (Self.samples.count, Self.samples.count + 1)
        #expect(pad.gallery.items[b] == .file(files[1]) && pad.gallery.items[b].name == "b.txt")
        // G from the start: the last item, a file, to be read.
        #expect(pad.update(.key(.character("G"))) == .readGalleryFile(index: b, path: files[1]))
        // b.txt is not a drawing: said, and a.txt asked for next, going the same way.
        #expect(
            pad.update(.galleryFailed(index: b, reason: "not a drawing"))
                == .readGalleryFile(index: a, path: files[0]))
        #expect(pad.notice == "Skipped b.txt: not a drawing")
        let three = sample("three.txt")
        #expect(pad.update(.galleryLoaded(index: a, canvas: three)) == nil)
        #expect(pad.canvas == three && pad.gallery.shown == a)
        // The skipped file stays reported; the title names the file shown.
        #expect(pad.notice == "Skipped b.txt: not a drawing")
        #expect(pad.canvasTitle == "a.txt (\(a + 1) of \(b + 1))")
        // Both bad: passed over to the samples, which are always there.
        var both = makeShippedState(gallery: Gallery(files: files))
        _ = both.update(.key(.character("G")))
        _ = both.update(.galleryFailed(index: b, reason: "empty"))
        #expect(both.update(.galleryFailed(index: a, reason: "is 40x40")) == nil)
        #expect(both.canvas == sample(Self.samples[Self.samples.count - 1]))
        #expect(both.notice == "Skipped a.txt: is 40x40")
    }

    /// Looking at samples is no work to lose: q quits at once. A drawing of one's own, replaced
    /// by a sample, is: q asks.
    @Test func quittingAsksOnlyWhenOnesOwnDrawingWasReplaced() {
        var browsing = makeShippedState()
        browsing.press(.character("g"), .character("g"))
        #expect(browsing.update(.key(.character("q"))) == .quit)
        var drawn = makeShippedState()
        drawn.drawSevenWithKeys()
        drawn.press(.character("g"))
        #expect(drawn.update(.key(.character("q"))) == nil && drawn.prompt == .confirmQuit)
    }
}
