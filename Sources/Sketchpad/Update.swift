import LeNet5
import Screen

extension SketchpadState {
    /// Applies one message; returns what the runtime must do, if anything. The only place where
    /// the state changes. Pure: the network is not run here (see `Derivations`).
    public mutating func update(_ message: Message) -> Effect? {
        switch message {
        case .input(.resize(let width, let height)):
            self.width = width
            self.height = height
            return nil
        case .input(.mouse(let mouse)):
            return handle(mouse)
        case .input(.key(let key)):
            if key != .control("c") { notice = nil }
            return handle(key)
        case .input(.paste(let text)):
            notice = nil
            return handlePaste(text)
        case .tick:
            advanceSweep()
            return nil
        case .saved(let path):
            prompt = nil
            savedCanvas = canvas
            notice = "Saved \(path)"
            return nil
        case .saveFailed(let path, let reason, let exists):
            if exists {
                prompt = .confirmOverwrite(path: path)
            } else {
                prompt = .saveName(path)
                notice = "Cannot save \(path): \(reason)"
            }
            return nil
        case .networkAnswered(let answer):
            self.answer = answer
            // "Draw a 3 first" is out of date once the network reads the 3 (drawn with the mouse,
            // which clears no notice as a key does).
            if let awaited = tour?.step.awaited, answeredClass == awaited.index,
                notice == Self.drawFirst(awaited.name)
            {
                notice = nil
            }
            return nil
        case .startTour(let lesson):
            startTour(lesson)
            return nil
        case .galleryLoaded(let index, let drawing):
            guard gallery.items.indices.contains(index) else { return nil }
            showGalleryDrawing(drawing, index: index)
            return nil
        case .galleryFailed(let index, let reason):
            guard gallery.items.indices.contains(index) else { return nil }
            return passOver(index, reason: reason)
        case .teach(let message):
            return receive(message)
        }
    }

    /// Input straight from the terminal.
    public mutating func update(_ event: Event) -> Effect? { update(.input(event)) }

    // MARK: Keys

    /// A key does what `KeyMap` says, and nothing else: the help lists the same table.
    mutating func handle(_ key: Key) -> Effect? {
        let command = KeyMap.command(for: key, in: keyContext, touring: tour != nil)
        // Ctrl-C quits from anywhere, questions and help included.
        if command == .quitNow { return .quit }
        // A question is answered whatever the size: its line shows even on a too-small screen.
        if let prompt { return answer(prompt, key) }
        if let question = teach.prompt { return answer(question, key) }
        // While the terminal is too small to show anything, keys do nothing unseen but quit.
        if layout.mode == .tooSmall { return command == .quit ? quit() : nil }
        if showHelp { return turnHelpPage(key, command: command) }
        if lessonPicker != nil { return pickLesson(key, command: command) }
        guard let command else { return nil }
        return perform(command)
    }

    mutating func perform(_ command: Command) -> Effect? {
        switch command {
        case .moveCursor(let dx, let dy): moveCursor(dx: dx, dy: dy)
        case .paint:
            focus = .canvas
            stampAtCursor(asNewStep: true)
        case .togglePen:
            penDown.toggle()
            if penDown {
                // Everything the pen paints until it lifts is one undo step.
                history.record(canvas)
                stampAtCursor(asNewStep: false)
            }
        case .toggleEraser: eraser.toggle()
        case .resizeBrush(let step): brush = min(3, max(1, brush + step))
        case .clear:
            change { $0.clear() }
            penDown = false
        case .undo: undo()
        case .redo: redo()
        case .save:
            guard !canvas.isEmpty else {
                notice = "Nothing to save: the canvas is empty"
                return nil
            }
            prompt = .saveName(lastSaveName)
        case .stepLayer(let step): stepLayer(by: step)
        case .stepMap(let step):
            focus = .network
            stepMap(by: step)
        case .toggleZoom:
            zoomed.toggle()
            watching = false
            sweep = nil
            if zoomed { makeRoom() }
        case .togglePreActivation:
            if LayerView.hasPreActivation(selectedLayer) {
                showPreActivation.toggle()
            } else {
                notice =
                    "\(selectedLayer.name) has no activation: there is nothing before it to show"
            }
        case .toggleShadesPerMap:
            shadesPerMap.toggle()
            notice =
                shadesPerMap
                ? "Shades: each map scaled by its own largest value"
                : "Shades: one scale for the whole layer"
        case .toggleFullScreen:
            networkFullScreen.toggle()
            if networkFullScreen { focus = .network }
        case .toggleExplanations: showExplanations.toggle()
        case .moveUnit(let dx, let dy): moveUnit(dx: dx, dy: dy)
        case .stepPosition(let step): stepPosition(by: step)
        case .toggleWatch:
            guard layer != .input else {
                notice = Self.inputIsNotComputed
                return nil
            }
            focus = .network
            watching.toggle()
            zoomed = true
            sweep = nil
            makeRoom()
        case .toggleSweep: toggleSweep()
        case .toggleSaliency: saliencyShown.toggle()
        case .switchSaliencyMethod:
            saliencyMethod = saliencyMethod == .occlusion ? .gradient : .occlusion
            saliencyShown = true
        case .transform(let transform): apply(transform)
        case .cycleSweepView: cycleSweepView()
        case .togglePreprocessing: togglePreprocessing()
        case .stepGallery(let step): return stepGallery(by: step)
        case .openLessons: openLessonPicker()
        case .nextStep: nextStep()
        case .previousStep: previousStep()
        case .leaveTour: leaveTour()
        case .back:
            if sweepKind != nil {
                sweepKind = nil
            } else if watching {
                watching = false
                sweep = nil
            } else if zoomed {
                zoomed = false
            } else {
                focus = homeFocus
                networkFullScreen = false
            }
        case .stepDigit, .browse, .toggleConfusion, .moveInConfusion, .openConfusionCell,
            .closeConfusion, .copyDigit:
            return explore(command)
        case .help:
            showHelp = true
            helpPage = 0
        case .quit: return quit()
        case .quitNow: return .quit
        case .teach(let command): return perform(command)
        }
        return nil
    }

    /// Quits, unless there is a drawing that was never saved: then asks first.
    mutating func quit() -> Effect? {
        guard canvas != savedCanvas && !canvas.isEmpty else { return .quit }
        prompt = .confirmQuit
        return nil
    }

    mutating func stepLayer(by step: Int) {
        let count = LeNet5.architecture.count
        select(layer: (layerIndex + step + count) % count)
    }

    /// Picks layer `index`, keeping the unit that looks where the picked one looked, and the map
    /// when the new layer has as many.
    mutating func select(layer index: Int) {
        let from = layer
        let place = from.isUnitList ? nil : unitPosition
        layerIndex = index
        focus = .network
        sweep = nil
        term = min(term, layer.geometry.inputMaps - 1)
        if layer == .input { watching = false }
        if layer == .output, from != .output, let answer = answeredClass, answer < mapCount {
            // The output opens on the answer, which its list of contributions explains.
            mapIndex = answer
        } else if layer.isUnitList {
            mapIndex = min(mapIndex, mapCount - 1)
        } else {
            mapIndex = min(mapIndex, mapCount - 1)
            let centre = Point(x: layer.geometry.side / 2, y: layer.geometry.side / 2)
            unitPosition = place.map { Self.position($0, from: from, to: layer) } ?? centre
        }
    }

    mutating func stepMap(by step: Int) {
        mapIndex = (mapIndex + step + mapCount) % mapCount
    }

    /// A map enlarged beside its kernels, or a computation, can need more room than the panel
    /// has beside the canvas in a small terminal: the panel then takes the whole screen (f gives
    /// the canvas back).
    mutating func makeRoom() {
        guard !networkFullScreen else { return }
        let panel = PanelLayout(area: layout.network, framed: true, zoomed: zoomed)
        let view = panelSelection.parts(panel, palette: Palette(options)).view
        let plan = ZoomView.plan(layer, in: view, palette: Palette(options))
        // Everything that made the map in view, and the map itself at a character a value across
        // at least.
        let fits =
            watching
            ? view.width >= panelSelection.minimumView
            : plan.fits && (plan.zoom?.block.across ?? 1) <= 1
        if !fits { networkFullScreen = true }
    }

    /// Where the keys go now.
    var keyContext: KeyContext {
        if let context = explorerContext { return context }
        if teach.open && focus == .canvas { return teach.browsing ? .examples : .teach }
        guard focus == .network else { return .canvas }
        return zoomed ? .values : .maps
    }

    /// A key while the help is open: the arrows, Space and Enter turn its pages (forward from the
    /// last closes it); q quits; any other key closes it.
    mutating func turnHelpPage(_ key: Key, command: Command?) -> Effect? {
        let pages = HelpOverlay.pages(KeyMap.help, in: layout.screen).count
        let forward: Set<Key> = [.right, .down, .character(" "), .enter]
        if forward.contains(key) && helpPage + 1 < pages {
            helpPage += 1
        } else if key == .left || key == .up {
            helpPage = max(0, helpPage - 1)
        } else {
            // Past the last page, or any other key: closed.
            showHelp = false
            return command == .quit ? quit() : nil
        }
        return nil
    }

    mutating func moveCursor(dx: Int, dy: Int) {
        let next = Point(
            x: min(Canvas.side - 1, max(0, cursor.x + dx)),
            y: min(Canvas.side - 1, max(0, cursor.y + dy)))
        if penDown {
            let from = cursor
            // The stroke began when the pen went down: moving adds to that undo step.
            let (size, ink) = (brush, !eraser)
            modify { $0.line(from: from, to: next, brush: size, ink: ink) }
        }
        cursor = next
    }

    mutating func undo() {
        guard let previous = history.undo(canvas) else {
            notice = "Nothing to undo"
            return
        }
        canvas = previous
        penDown = false
    }

    mutating func redo() {
        guard let next = history.redo(canvas) else {
            notice = "Nothing to redo"
            return
        }
        canvas = next
    }

    /// A brush stamp at the cursor with the current tool.
    mutating func stampAtCursor(asNewStep: Bool) {
        let (point, size, ink) = (cursor, brush, !eraser)
        if asNewStep {
            change { $0.stamp(at: point, brush: size, ink: ink) }
        } else {
            modify { $0.stamp(at: point, brush: size, ink: ink) }
        }
    }

    /// A change that is its own undo step.
    mutating func change(_ edit: (inout Canvas) -> Void) {
        var edited = canvas
        edit(&edited)
        guard edited != canvas else { return }
        history.record(canvas)
        canvas = edited
    }

    /// A change that continues the current undo step (a stroke in progress).
    mutating func modify(_ edit: (inout Canvas) -> Void) {
        var edited = canvas
        edit(&edited)
        guard edited != canvas else { return }
        canvas = edited
    }
}
