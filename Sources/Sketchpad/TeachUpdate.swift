import LeNet5
import Screen

extension SketchpadState {
    // MARK: Keys

    mutating func perform(_ command: TeachCommand) -> Effect? {
        switch command {
        case .toggle:
            guard labelsTheCanvas() else { return nil }
            if teach.open && focus == .canvas {
                teach.open = false
                teach.browsing = false
                teach.reviewing = false
            } else {
                // From the layers too: the panel comes back beside the canvas.
                teach.open = true
                focus = .canvas
                networkFullScreen = false
            }
        case .label(let name): return label(as: name)
        case .nameClass:
            guard drawingToLabel() else { return nil }
            teach.prompt = .className("")
        case .labelAgain:
            guard let picked = teach.picked else {
                notice = "No class yet: label with a digit key, or = and a name"
                return nil
            }
            return label(as: picked.name)
        case .browse:
            guard !teach.folder.classes.isEmpty else {
                notice = "No examples yet: draw, then label with a digit key or ="
                return nil
            }
            teach.browsing = true
            teach.page = .examples
            clampPicks()
        case .pickClass(let step):
            let count = teach.folder.classes.count
            guard count > 0 else { return nil }
            teach.pickedClass = (teach.pickedClass + step + count) % count
            teach.pickedExample = max(0, (teach.picked?.examples.count ?? 1) - 1)
        case .pickExample(let step):
            guard let count = teach.picked?.examples.count, count > 0 else { return nil }
            teach.pickedExample = (teach.pickedExample + step + count) % count
        case .review:
            guard teach.pickedExampleFile != nil else { return nil }
            teach.reviewing.toggle()
        case .delete:
            guard let picked = teach.picked, let example = teach.pickedExampleFile else {
                return nil
            }
            teach.prompt = .confirmDelete(
                file: example.file,
                name:
                    "\"\(picked.name)\", drawing \(teach.pickedExample + 1) of "
                    + "\(picked.examples.count)")
        case .back: return teachBack()
        case .train:
            if teach.training != nil {
                notice = "Stopping the teaching"
                return .teach(.cancelTraining)
            }
            if let why = teach.folder.unteachable {
                notice = why
                return nil
            }
            return .teach(.train(teach.freeze))
        case .cycleFreeze:
            teach.freeze = teach.freeze.next
            notice =
                "Teaching keeps \(teach.freeze.kept) as \(teach.freeze == .none ? "it is" : "they are"): "
                + teach.freeze.learns + (teach.training == nil ? "" : " (from the next run)")
        case .switchNetwork:
            guard teach.taught != nil else {
                notice = Self.nothingTaught
                return nil
            }
            guard tour == nil else {
                notice = Self.tourReadsWithTheOriginal
                return nil
            }
            show(taught: !teach.showsTaught)
            notice =
                teach.showsTaught
                ? "The taught network reads the drawing (O: the original)"
                : "The original network reads the drawing (O: the taught one)"
        case .saveNetwork:
            guard teach.taught != nil else {
                notice = Self.nothingTaught
                return nil
            }
            teach.prompt = .networkName(teach.lastNetworkName)
        case .showResult:
            guard teach.taught != nil else {
                notice = Self.nothingTaught
                return nil
            }
            guard labelsTheCanvas() else { return nil }
            teach.open = true
            teach.page = .result
            teach.browsing = false
            teach.reviewing = false
            focus = .canvas
            networkFullScreen = false
        }
        return nil
    }

    static let nothingTaught = "Nothing taught yet: t opens teach mode, R teaches"

    /// Teach mode labels the drawing on the canvas: with a test digit of `lenet5 explore` on
    /// screen instead, it says how to get one there.
    mutating func labelsTheCanvas() -> Bool {
        guard shownTestDigit != nil else { return true }
        notice = "Teach mode labels drawings: d copies this digit onto the canvas first"
        return false
    }

    /// Esc in teach mode: out of the large drawing, out of the list, stop a run, from the result
    /// to the examples, out of teach mode: the first that applies.
    mutating func teachBack() -> Effect? {
        if teach.reviewing {
            teach.reviewing = false
        } else if teach.browsing {
            teach.browsing = false
        } else if teach.training != nil {
            notice = "Stopping the teaching"
            return .teach(.cancelTraining)
        } else if teach.page == .result {
            teach.page = .examples
        } else {
            teach.open = false
        }
        return nil
    }

    /// Whether the drawing can be an example; if not, says why.
    mutating func drawingToLabel() -> Bool {
        switch canvas.readiness {
        case .empty:
            notice = "Draw something first, then label it"
            return false
        case .tooSmall:
            notice = "Too small to learn from: draw it bigger"
            return false
        case .ready:
            return true
        }
    }

    /// Writes the drawing as an example of class `name`, a new class if there is none of that
    /// name (up to twenty).
    mutating func label(as name: String) -> Effect? {
        guard drawingToLabel() else { return nil }
        if let fault = ClassNames.fault(name) {
            notice = "\"\(name)\" cannot be a class: the name \(fault)"
            return nil
        }
        let limit = NetworkGeometry.classLimits.upperBound
        if !teach.folder.classes.contains(where: { $0.name == name })
            && teach.folder.classes.count >= limit
        {
            notice =
                "\(limit) classes already, the most there can be: use one of them"
            return nil
        }
        return .teach(.add(canvas.bitmap, to: name))
    }

    /// The taught network (or the original) reads the drawing from now on.
    mutating func show(taught: Bool) {
        guard let network = teach.taught, taught != teach.showsTaught else { return }
        if taught {
            teach.originalClassCount = classCount
            classCount = network.classifier.classCount
        } else {
            classCount = teach.originalClassCount
        }
        teach.showsTaught = taught
        mapIndex = min(mapIndex, mapCount - 1)
    }

    /// The picked class and example within the folder's.
    mutating func clampPicks() {
        let classes = teach.folder.classes
        guard !classes.isEmpty else {
            (teach.pickedClass, teach.pickedExample) = (0, 0)
            teach.browsing = false
            teach.reviewing = false
            return
        }
        teach.pickedClass = min(max(0, teach.pickedClass), classes.count - 1)
        let examples = classes[teach.pickedClass].examples.count
        teach.pickedExample = min(max(0, teach.pickedExample), max(0, examples - 1))
        if examples == 0 { teach.reviewing = false }
    }

    // MARK: What the runtime reports

    mutating func receive(_ message: TeachMessage) -> Effect? {
        switch message {
        case .folder(let folder):
            teach.folder = folder
            clampPicks()
        case .added(let file, let name, let folder):
            teach.folder = folder
            if let index = folder.classes.firstIndex(where: { $0.name == name }) {
                teach.pickedClass = index
                teach.pickedExample =
                    folder.classes[index].examples.firstIndex { $0.file == file }
                    ?? folder.classes[index].examples.count - 1
            }
            clampPicks()
            teach.page = .examples
            // Saved, so the canvas is free for the next drawing; u brings this one back.
            change { $0.clear() }
            penDown = false
            let count = teach.picked?.examples.count ?? 1
            notice =
                "Saved as \"\(name)\" (\(count) drawing\(count == 1 ? "" : "s")); u undoes the clearing"
        case .notAdded(let name, let reason):
            notice = "Not saved as \"\(name)\": \(reason)"
        case .removed(let file, let folder):
            teach.folder = folder
            clampPicks()
            teach.reviewing = teach.reviewing && teach.pickedExampleFile != nil
            notice = "Deleted \(file)"
        case .notRemoved(let file, let reason):
            notice = "Not deleted \(file): \(reason)"
        case .started(let examples, let classes):
            teach.training = TeachProgress(fraction: 0, words: "starting", elapsed: 0)
            notice = "Teaching from \(examples) drawings of \(classes) classes; R or Esc stops"
        case .progress(let progress):
            if teach.training != nil { teach.training = progress }
        case .trained(let network):
            teach.training = nil
            // A network of the run before is replaced: the views move to this one.
            if teach.showsTaught { show(taught: false) }
            teach.taught = network
            teach.page = .result
            let seconds = "Taught in \(fixed(Float(network.seconds), 1)) s"
            // A tour keeps the original network: the taught one reads after it.
            if var session = tour {
                session.taughtBefore = true
                tour = session
                notice = seconds + ": the taught network reads the drawing after the tour"
                return nil
            }
            show(taught: true)
            notice = seconds + ": the views use the taught network (O: original)"
        case .failed(let reason, let cancelled):
            teach.training = nil
            notice = cancelled ? "Teaching stopped; nothing changed" : "Not taught: \(reason)"
        case .networkSaved(let path):
            teach.prompt = nil
            notice = "Saved the taught network as \(path)"
        case .networkNotSaved(let path, let reason, let exists):
            if exists {
                teach.prompt = .confirmOverwriteNetwork(path: path)
            } else {
                teach.prompt = .networkName(path)
                notice = "Cannot save \(path): \(reason)"
            }
        }
        return nil
    }

    // MARK: Questions

    mutating func answer(_ question: TeachPrompt, _ key: Key) -> Effect? {
        switch question {
        case .className(let name):
            switch edit(key, into: name, check: Self.classNameFault) {
            case .typed(let text): teach.prompt = .className(text)
            case .cancelled:
                teach.prompt = nil
                notice = "Not labelled"
            case .entered(let text):
                guard !text.isEmpty else {
                    notice = "Type the class's name, or Esc to cancel"
                    return nil
                }
                teach.prompt = nil
                return label(as: text)
            case .ignored: break
            }
        case .networkName(let name):
            switch edit(key, into: name, check: { FileName.fault($0)?.description }) {
            case .typed(let text): teach.prompt = .networkName(text)
            case .cancelled:
                teach.prompt = nil
                notice = "Not saved"
            case .entered(let path):
                guard !path.isEmpty else {
                    notice = "Type a file name, or Esc to cancel"
                    return nil
                }
                guard let run = teach.taught?.run else {
                    teach.prompt = nil
                    return nil
                }
                teach.lastNetworkName = path
                return .teach(.saveNetwork(run: run, path: path, overwrite: false))
            case .ignored: break
            }
        case .confirmDelete(let file, _):
            switch key {
            case .character("y"), .character("Y"):
                teach.prompt = nil
                return .teach(.remove(file: file, name: teach.picked?.name ?? ""))
            case .character("n"), .character("N"), .escape:
                teach.prompt = nil
                notice = "Not deleted"
            default: break
            }
        case .confirmOverwriteNetwork(let path):
            switch key {
            case .character("y"), .character("Y"):
                guard let run = teach.taught?.run else { return nil }
                return .teach(.saveNetwork(run: run, path: path, overwrite: true))
            case .character("n"), .character("N"), .escape:
                teach.prompt = .networkName(path)
            default: break
            }
        }
        return nil
    }

    /// What a key does to a line being typed.
    enum Typing: Equatable {
        case typed(String)
        case entered(String)
        case cancelled
        case ignored
    }

    /// Edits `text` with `key`: characters are added unless `check` finds a fault in the result
    /// (then the notice says it), Backspace removes one, Ctrl-U clears, Enter gives the text
    /// without spaces at its ends, Esc cancels.
    mutating func edit(_ key: Key, into text: String, check: (String) -> String?) -> Typing {
        switch key {
        case .escape: return .cancelled
        case .enter: return .entered(text.trimmingBlanks)
        case .backspace, .delete: return .typed(String(text.dropLast()))
        case .control("u"): return .typed("")
        case .character(let c):
            if let fault = check(text + String(c)) {
                notice = fault
                return .ignored
            }
            return .typed(text + String(c))
        default: return .ignored
        }
    }

    /// Why a class name being typed cannot become one, whatever is typed next: faults that more
    /// typing or Enter (which trims spaces) cannot mend. Short, to fit the prompt's line at 80
    /// columns.
    static func classNameFault(_ name: String) -> String? {
        switch ClassNames.fault(name) {
        case nil, .empty, .surroundingSpace: nil
        case .forbiddenCharacter(let c): "A class name cannot hold \(c): it is a folder's name"
        case .startsWithDot: "A class name cannot start with a dot"
        case .tooLong: "A class name has at most \(ClassNames.maximumLength) characters"
        case .controlCharacter, .notText: "A class name cannot hold control characters"
        }
    }

    /// Pasted text in a question of teach mode that takes a name, or nil when none is open.
    mutating func pasteIntoTeachPrompt(_ text: String) -> Bool {
        switch teach.prompt {
        case .className(let name):
            if let fault = Self.classNameFault(name + text) {
                notice = "Paste not used: " + fault
            } else {
                teach.prompt = .className(name + text)
            }
            return true
        case .networkName(let name):
            if let fault = FileName.fault(name + text) {
                notice = "Paste not used: " + fault.description
            } else {
                teach.prompt = .networkName(name + text)
            }
            return true
        default:
            return false
        }
    }
}
