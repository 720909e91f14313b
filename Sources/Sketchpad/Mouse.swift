import Screen

extension SketchpadState {
    mutating func handle(_ mouse: MouseEvent) -> Effect? {
        let layout = self.layout
        guard layout.mode != .tooSmall else { return nil }
        let point = Point(x: mouse.x, y: mouse.y)
        switch mouse.action {
        case .press:
            // The confusion matrix covers the panels it would click.
            guard prompt == nil, teach.prompt == nil, !showHelp, explorer?.openCell == nil else {
                return nil
            }
            // A test digit on screen is not drawn on: a click there picks nothing either.
            if shownTestDigit != nil, layout.canvasCell(atScreen: point) != nil { return nil }
            guard let cell = layout.canvasCell(atScreen: point) else {
                select(at: point, layout: layout)
                return nil
            }
            guard mouse.button == .left || mouse.button == .right else { return nil }
            let ink = mouse.button == .right ? false : !eraser
            focus = .canvas
            // Drawing again ends going through teach mode's examples.
            (teach.browsing, teach.reviewing) = (false, false)
            stroke = Stroke(ink: ink, last: cell)
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
            stroke = Stroke(ink: current.ink, last: cell)
            if Canvas.contains(cell) { cursor = cell }
        case .move:
            break
        }
        return nil
    }

    /// A click in the network panel: on a tab picks that layer; on a map picks that map and the
    /// value under the click; in the zoom, the value under the click; on a unit of C5, F6 or the
    /// output, that unit; while a computation is watched, on the map filling up, the value (or
    /// unit) under the click, whose computation is shown next. Maps are on screen only for a
    /// drawing that can be classified.
    mutating func select(at point: Point, layout: Layout) {
        // The teach panel in the network panel's place takes no clicks.
        guard layout.network.contains(point), !teachPanelShown else { return }
        let panel = PanelLayout(
            area: layout.network, framed: !networkFullScreen, zoomed: zoomed)
        if let layer = panel.layer(at: point) {
            select(layer: layer)
            return
        }
        let palette = Palette(options)
        let view = panelSelection.parts(panel, palette: palette).view
        guard hasReading, view.contains(point) else { return }
        if watching {
            if let position = FillingMap.position(
                at: point, layer: layer, in: view, palette: palette)
            {
                focus = .network
                term = 0
                move(toPosition: position)
            }
            return
        }
        let shape = MapShape(selectedLayer)
        if zoomed {
            if let value = ZoomView.value(at: point, layer: layer, in: view, palette: palette) {
                focus = .network
                unitPosition = value
            }
        } else if shape.isSpatial {
            if let (map, value) = MapGrid.map(
                at: point, shape: shape, in: view, picked: mapIndex, levels: Zoom.levels(palette))
            {
                focus = .network
                mapIndex = map
                if let value { unitPosition = value }
            }
        } else if let unit = UnitGrid.unit(
            at: point, count: shape.channels, labelled: layer == .output, in: view)
        {
            focus = .network
            mapIndex = unit
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
