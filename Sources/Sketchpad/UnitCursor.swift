import LeNet5
import Screen

extension SketchpadState {
    /// How many positions the picked unit can take: the values of one map, or the units of C5,
    /// F6 and Output.
    var positions: Int {
        let g = layer.geometry
        return layer.isUnitList ? g.maps : g.area
    }

    /// The picked unit's place in reading order: row by row, or the unit's number.
    var position: Int {
        layer.isUnitList ? mapIndex : unitPosition.y * layer.geometry.side + unitPosition.x
    }

    mutating func move(toPosition index: Int) {
        let index = min(positions - 1, max(0, index))
        if layer.isUnitList {
            mapIndex = index
        } else {
            let side = layer.geometry.side
            unitPosition = Point(x: index % side, y: index / side)
        }
    }

    /// The next (or previous) step of what is watched: while watching a convolution over several
    /// input maps, each map's share in turn and then the next position; else the next position.
    mutating func stepPosition(by step: Int) {
        focus = .network
        let terms = layer.geometry.kind == .convolution ? layer.geometry.inputMaps : 1
        if watching && terms > 1 {
            let next = term + step
            if (0..<terms).contains(next) {
                term = next
                return
            }
            guard (0..<positions).contains(position + step) else { return }
            term = step > 0 ? 0 : terms - 1
        }
        move(toPosition: position + step)
    }

    /// Moves the picked unit: across and down the map, or along a list of units, ten to a row.
    mutating func moveUnit(dx: Int, dy: Int) {
        if layer.isUnitList {
            let next = mapIndex + dx + 10 * dy
            if (0..<positions).contains(next) { mapIndex = next }
            return
        }
        let side = layer.geometry.side
        unitPosition = Point(
            x: min(side - 1, max(0, unitPosition.x + dx)),
            y: min(side - 1, max(0, unitPosition.y + dy)))
    }

    /// The position that looks at the same place of the input in layer `to` as `position` does
    /// in layer `from`: the unit whose receptive field has the nearest centre.
    static func position(_ position: Point, from: NetworkLayer, to: NetworkLayer) -> Point {
        let (a, b) = (from.geometry, to.geometry)
        func along(_ coordinate: Int) -> Int {
            let centre = Double(coordinate * a.jump) + Double(a.fieldSide) / 2
            let index = ((centre - Double(b.fieldSide) / 2) / Double(b.jump)).rounded()
            return min(b.side - 1, max(0, Int(index)))
        }
        return Point(x: along(position.x), y: along(position.y))
    }

    /// Milliseconds until the sweep's next step, nil when nothing is sweeping: the runtime sends
    /// a `.tick` then.
    public var tickInterval: Int? {
        guard let sweep, sweep.playing else { return nil }
        return sweep.interval(positions: positions)
    }

    /// One step of the sweep; at the last position it ends.
    mutating func advanceSweep() {
        guard var sweep, sweep.playing else { return }
        guard position + 1 < positions else {
            self.sweep = nil
            notice = "The window has swept the whole \(layer.isUnitList ? "layer" : "map")"
            return
        }
        move(toPosition: position + 1)
        sweep.steps += 1
        self.sweep = sweep
    }

    /// Starts a sweep from the first position, pauses it, or resumes it.
    mutating func toggleSweep() {
        if var sweep {
            sweep.playing.toggle()
            self.sweep = sweep
            return
        }
        guard layer != .input else {
            notice = Self.inputIsNotComputed
            return
        }
        focus = .network
        zoomed = true
        watching = true
        makeRoom()
        move(toPosition: 0)
        sweep = Sweep()
    }

    static let inputIsNotComputed =
        "The input is not computed: it is your drawing, scaled and centred"
}
