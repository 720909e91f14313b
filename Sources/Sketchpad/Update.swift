import LeNet5

extension SketchpadState {
    /// Applies one event; returns what the runtime must do, if anything. The only place where the
    /// state changes.
    public mutating func update(_ event: Event) -> Effect? {
        switch event {
        case .resize(let width, let height):
            self.width = width
            self.height = height
            return nil
        case .saved(let path):
            prompt = nil
            savedCanvas = canvas
            message = "Saved \(path)"
            return nil
        case .saveFailed(let path, let reason, let exists):
            if exists {
                prompt = .confirmOverwrite(path: path)
            } else {
                prompt = .saveName(path)
                message = "Cannot save \(path): \(reason)"
            }
            return nil
        case .mouse(let mouse):
            return handle(mouse)
        case .key(let key):
            if key != .control("c") { message = nil }
            return handle(key)
        }
    }

    // MARK: Keys

    mutating func handle(_ key: Key) -> Effect? {
        if key == .control("c") { return .quit }
        // While the terminal is too small to show anything, keys do nothing unseen but quit.
        if layout.mode == .tooSmall { return key == .character("q") ? quit() : nil }
        if let prompt { return answer(prompt, key) }
        if showHelp {
            showHelp = false
            return key == .character("q") ? quit() : nil
        }
        switch key {
        case .character("q"): return quit()
        case .character("?"): showHelp = true
        case .tab, .character("n"): stepLayer(by: 1)
        case .backTab, .character("N"): stepLayer(by: -1)
        case .escape:
            if zoomed { zoomed = false } else { focus = .canvas }
        case .enter:
            if focus == .network { zoomed.toggle() }
        case .character("a"):
            if [.c1, .c3, .c5, .f6, .probabilities].contains(selectedLayer.layer) {
                showPreActivation.toggle()
            } else {
                message =
                    "\(selectedLayer.name) has no activation: there is nothing before it to show"
            }
        case .up: focus == .network ? stepLayer(by: -1) : moveCursor(dx: 0, dy: -1)
        case .down: focus == .network ? stepLayer(by: 1) : moveCursor(dx: 0, dy: 1)
        case .left: focus == .network ? stepMap(by: -1) : moveCursor(dx: -1, dy: 0)
        case .right: focus == .network ? stepMap(by: 1) : moveCursor(dx: 1, dy: 0)
        case .character("h"): moveCursor(dx: -1, dy: 0)
        case .character("j"): moveCursor(dx: 0, dy: 1)
        case .character("k"): moveCursor(dx: 0, dy: -1)
        case .character("l"): moveCursor(dx: 1, dy: 0)
        case .character(" "):
            focus = .canvas
            stampAtCursor(asNewStep: true)
        case .character("p"):
            penDown.toggle()
            if penDown {
                // Everything the pen paints until it lifts is one undo step.
                history.record(canvas)
                stampAtCursor(asNewStep: false)
            }
        case .character("e"): eraser.toggle()
        case .character("["): brush = max(1, brush - 1)
        case .character("]"): brush = min(3, brush + 1)
        case .character("c"):
            change { $0.clear() }
            penDown = false
        case .character("u"), .control("z"): undo()
        case .character("U"), .control("r"): redo()
        case .character("s"):
            guard !canvas.isEmpty else {
                message = "Nothing to save: the canvas is empty"
                return nil
            }
            prompt = .saveName(lastSaveName)
        default: break
        }
        return nil
    }

    /// Quits, unless there is a drawing that was never saved: then asks first.
    mutating func quit() -> Effect? {
        guard canvas != savedCanvas && !canvas.isEmpty else { return .quit }
        prompt = .confirmQuit
        return nil
    }

    mutating func answer(_ prompt: Prompt, _ key: Key) -> Effect? {
        switch prompt {
        case .saveName(var name):
            switch key {
            case .escape:
                self.prompt = nil
                message = "Not saved"
            case .enter:
                let path = name.trimmingSpaces
                guard !path.isEmpty else {
                    message = "Type a file name, or Esc to cancel"
                    return nil
                }
                lastSaveName = path
                return .save(
                    path: path, contents: DrawingFormats.textGrid(canvas.bitmap), overwrite: false)
            case .backspace, .delete:
                if !name.isEmpty { name.removeLast() }
                self.prompt = .saveName(name)
            case .control("u"):
                self.prompt = .saveName("")
            case .character(let c) where c != "\n" && c != "\r":
                if name.count < 200 { name.append(c) }
                self.prompt = .saveName(name)
            default: break
            }
        case .confirmOverwrite(let path):
            switch key {
            case .character("y"), .character("Y"):
                return .save(
                    path: path, contents: DrawingFormats.textGrid(canvas.bitmap), overwrite: true)
            case .character("n"), .character("N"), .escape:
                self.prompt = .saveName(path)
            default: break
            }
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"), .character("q"): return .quit
            case .character("s"):
                self.prompt = .saveName(lastSaveName)
            case .character("n"), .character("N"), .escape:
                self.prompt = nil
            default: break
            }
        }
        return nil
    }

    mutating func stepLayer(by step: Int) {
        let count = LeNet5.architecture.count
        select(layer: (layerIndex + step + count) % count)
    }

    mutating func select(layer index: Int) {
        layerIndex = index
        focus = .network
        mapIndex = min(mapIndex, mapCount - 1)
    }

    mutating func stepMap(by step: Int) {
        mapIndex = (mapIndex + step + mapCount) % mapCount
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
            message = "Nothing to undo"
            return
        }
        canvas = previous
        penDown = false
        network.classify(canvas)
    }

    mutating func redo() {
        guard let next = history.redo(canvas) else {
            message = "Nothing to redo"
            return
        }
        canvas = next
        network.classify(canvas)
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
        network.classify(canvas)
    }

    /// A change that continues the current undo step (a stroke in progress).
    mutating func modify(_ edit: (inout Canvas) -> Void) {
        var edited = canvas
        edit(&edited)
        guard edited != canvas else { return }
        canvas = edited
        network.classify(canvas)
    }

    // MARK: Mouse

    mutating func handle(_ mouse: MouseEvent) -> Effect? {
        let layout = self.layout
        guard layout.mode != .tooSmall else { return nil }
        let point = Point(x: mouse.x, y: mouse.y)
        switch mouse.action {
        case .press:
            guard prompt == nil, !showHelp else { return nil }
            guard let cell = layout.canvasCell(atScreen: point) else {
                select(at: point, layout: layout)
                return nil
            }
            guard mouse.button == .left || mouse.button == .right else { return nil }
            let ink = mouse.button == .right ? false : !eraser
            focus = .canvas
            stroke = (ink, cell)
            cursor = cell
            // The whole stroke, press to release, is one undo step.
            history.record(canvas)
            let (size, compact) = (brush, layout.mode == .compact)
            modify { $0.stampMouse(at: cell, brush: size, ink: ink, compact: compact) }
        case .drag, .release:
            guard let current = stroke, let cell = layout.unclampedCell(atScreen: point) else {
                return nil
            }
            // A release where the last motion report did not reach still ends the line there.
            defer { if mouse.action == .release { stroke = nil } }
            guard cell != current.last else { return nil }
            let (size, compact) = (brush, layout.mode == .compact)
            let inside = Canvas.contains(current.last)
            // Inside, the line from the last report; leaving, the line up to the edge; outside,
            // nothing; coming back, a fresh start where the pointer comes in, so that a stroke
            // never cuts across the canvas from where it left.
            modify { canvas in
                let path = inside ? Canvas.cellsOnLine(from: current.last, to: cell) : [cell]
                for p in path where Canvas.contains(p) {
                    canvas.stampMouse(at: p, brush: size, ink: current.ink, compact: compact)
                }
            }
            stroke = (current.ink, cell)
            if Canvas.contains(cell) { cursor = cell }
        case .move:
            break
        }
        return nil
    }

    /// A click in the network panel: on a tab picks that layer, on a map picks that map.
    mutating func select(at point: Point, layout: Layout) {
        guard layout.network.contains(point) else { return }
        let panel = NetworkPanel(state: self, area: layout.network)
        if let layer = panel.layer(at: point) {
            select(layer: layer)
        } else if let map = panel.map(at: point) {
            focus = .network
            mapIndex = map
        }
    }
}

extension Canvas {
    /// A brush stamp where the mouse is. In compact mode a screen row shows two canvas rows and the
    /// mouse cannot tell them apart, so both are painted.
    mutating func stampMouse(at cell: Point, brush: Int, ink: Bool, compact: Bool) {
        stamp(at: cell, brush: brush, ink: ink)
        if compact { stamp(at: Point(x: cell.x, y: cell.y + 1), brush: brush, ink: ink) }
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
