import LeNet5
import Lessons

/// The drawings g and G go through without restarting: lenet5's samples (built in), then the
/// files of a folder (`lenet5 draw --gallery DIR`). A sample is on hand; a file is read when its
/// turn comes (`Effect.readGalleryFile`), and one that is not a drawing of the canvas's size is
/// reported and passed over.
public struct Gallery: Equatable, Sendable {
    public enum Item: Equatable, Sendable {
        /// One of lenet5's samples, by its file name ("seven.txt").
        case sample(String)
        /// A file of the folder, by its path.
        case file(String)

        /// As the screen names it: the sample's or the file's name, without its folder.
        public var name: String {
            switch self {
            case .sample(let name): name
            case .file(let path): path.split(separator: "/").last.map(String.init) ?? path
            }
        }
    }

    public let items: [Item]
    /// The item on the canvas last, counted from 0; nil before the first.
    public internal(set) var shown: Int?
    /// While files are passed over on the way to a drawing: the way (+1 or -1), and how many
    /// were passed over.
    var searching: (step: Int, passed: Int)?

    /// The samples, then `files` (paths, in the order given).
    public init(files: [String] = []) {
        items = BundledAssets.sampleNames.map(Item.sample) + files.map(Item.file)
    }

    public static func == (a: Gallery, b: Gallery) -> Bool {
        a.items == b.items && a.shown == b.shown && a.searching?.step == b.searching?.step
            && a.searching?.passed == b.searching?.passed
    }

    /// "3 of 24".
    func position(_ index: Int) -> String { "\(index + 1) of \(items.count)" }
}

extension SketchpadState {
    /// g and G: the next or previous drawing of the gallery.
    mutating func stepGallery(by step: Int) -> Effect? {
        let count = gallery.items.count
        guard count > 0 else {
            notice = "The gallery is empty"
            return nil
        }
        let start = gallery.shown.map { $0 + step } ?? (step > 0 ? 0 : count - 1)
        gallery.searching = (step, 0)
        return showGalleryItem((start % count + count) % count)
    }

    /// Puts item `index` on the canvas, or asks for it to be read.
    mutating func showGalleryItem(_ index: Int) -> Effect? {
        switch gallery.items[index] {
        case .file(let path):
            return .readGalleryFile(index: index, path: path)
        case .sample(let name):
            guard let bytes = BundledAssets.sample(named: name),
                let drawing = try? DrawingFormats.drawing(from: bytes), let loaded = Canvas(drawing)
            else {
                return passOver(index, reason: "not a drawing of 32x32 cells")
            }
            showGalleryDrawing(loaded, index: index)
            return nil
        }
    }

    /// A drawing of the gallery read: on the canvas, as one undoable step.
    mutating func showGalleryDrawing(_ drawing: Canvas, index: Int) {
        let skipped = gallery.searching.map { $0.passed > 0 } ?? false
        gallery.shown = index
        gallery.searching = nil
        let name = gallery.items[index].name
        replaceCanvas(with: drawing, label: name)
        // A file passed over on the way stays reported; the canvas's title names this one.
        if !skipped {
            notice = "Gallery \(gallery.position(index)): \(name) (g next, G back, u undoes)"
        }
    }

    /// Item `index` cannot be shown: said, and the next one in the same direction tried.
    mutating func passOver(_ index: Int, reason: String) -> Effect? {
        let count = gallery.items.count
        let search = gallery.searching ?? (1, 0)
        let name = gallery.items[index].name
        notice = "Skipped \(name): \(reason)"
        guard search.passed + 1 < count else {
            gallery.searching = nil
            notice = "No file of the gallery is a drawing: \(name): \(reason)"
            return nil
        }
        gallery.searching = (search.step, search.passed + 1)
        return showGalleryItem(((index + search.step) % count + count) % count)
    }

    /// The canvas replaced by a drawing from elsewhere (the gallery, a lesson), as one undoable
    /// step, with where it came from in the canvas's title. A drawing that was saved (or nothing)
    /// is no loss: the new one counts as saved too, so that quitting after looking at samples
    /// does not ask; unsaved work stays unsaved, and in the undo history.
    mutating func replaceCanvas(with drawing: Canvas, label: String?) {
        let saved = canvas == savedCanvas || canvas.isEmpty
        change { $0 = drawing }
        if saved { savedCanvas = canvas }
        penDown = false
        canvasLabel = label.map { CanvasLabel($0, canvas) }
    }
}
