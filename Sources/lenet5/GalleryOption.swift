import ArgumentParser
import LeNet5
import Lessons
import Platform
import Sketchpad

/// `--gallery DIR`, for the commands that open the sketchpad on the canvas (`draw`, `tour`).
struct GalleryOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Add the drawings of this folder (its .txt and .pgm files, 32x32) to the samples that "
                + "g and G go through.",
            valueName: "dir"))
    var gallery: String?

    /// The samples and the drawings of `--gallery`, listed before the screen is taken over: a
    /// folder that is not there is refused with status 2. Its files are read one at a time as
    /// the gallery comes to them; one that is not a drawing is reported then, on screen.
    func load() throws -> Gallery {
        guard let gallery else { return Gallery() }
        var status = stat()
        guard stat(gallery, &status) == 0 else {
            Console.error("\(gallery): no such folder")
            throw ExitCode(2)
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            Console.error("\(gallery): is not a folder (--gallery takes a folder of drawings)")
            throw ExitCode(2)
        }
        return Gallery(files: DrawingFolder.files(in: gallery))
    }

    /// A drawing of the gallery's folder, read as `--load` reads one (`Effect.readGalleryFile`).
    static func read(index: Int, path: String) -> Message {
        do {
            let drawing = try DrawingFile.read(path, requiredSide: Canvas.side)
            guard let canvas = Canvas(drawing) else {
                return .galleryFailed(
                    index: index,
                    reason: "is \(drawing.width)x\(drawing.height); the canvas holds 32x32")
            }
            return .galleryLoaded(index: index, canvas: canvas)
        } catch {
            if case .wrongSize(let width, let height, _) = error {
                return .galleryFailed(
                    index: index, reason: "is \(width)x\(height); the canvas holds 32x32")
            }
            return .galleryFailed(index: index, reason: error.description)
        }
    }
}

extension SketchpadOptions {
    /// The built-in lessons T offers, each checked against `classifier` (one its weights
    /// contradict is offered with the reason it cannot be opened), and `extra` after them.
    static func lessons(for classifier: Classifier, adding extra: Lesson? = nil) -> [LessonChoice] {
        var choices = [LessonChoice]()
        for name in BundledAssets.lessonNames {
            do {
                let lesson = try LessonLibrary.builtIn(named: name, classes: classifier.classes)
                try lesson.check(with: classifier, classes: classifier.classes)
                choices.append(LessonChoice(lesson))
            } catch {
                choices.append(LessonChoice(name: name, title: name, fault: error.description))
            }
        }
        if let extra { choices.append(LessonChoice(extra)) }
        return choices
    }
}
