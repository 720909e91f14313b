import LeNet5
import Screen
import Testing

@testable import Sketchpad

/// The keys of the teaching views, through `update`: each one's effect on the state, worked out
/// from the network's geometry.
@Suite struct TeachingKeyTests {
    /// A 7 drawn, C1 picked.
    func onC1(width: Int = 160, height: Int = 50) -> Pad {
        var state = makeState(width: width, height: height, model: randomModel)
        state.drawSevenWithKeys()
        state.press(.tab)
        return state
    }

    @Test func fShowsTheNetworkOnTheWholeScreenAndEscGivesTheCanvasBack() {
        var state = onC1(width: 120, height: 36)
        state.press(.character("f"))
        #expect(state.networkFullScreen && state.layout.canvasHidden)
        #expect(state.layout.network == Rect(x: 0, y: 1, width: 120, height: 34))
        #expect(state.layout.canvasCell(atScreen: Point(x: 5, y: 5)) == nil)
        state.press(.character("f"))
        #expect(!state.networkFullScreen)
        state.press(.character("f"), .escape)
        #expect(!state.networkFullScreen && state.focus == .canvas)
        // From the canvas, f also hands the keys to the network.
        state.press(.character("f"))
        #expect(state.networkFullScreen && state.focus == .network)
    }

    @Test func iHidesAndShowsTheWordsAndVScalesEachMapOnItsOwn() {
        var state = onC1()
        #expect(state.showExplanations)
        state.press(.character("i"))
        #expect(!state.showExplanations)
        state.press(.character("i"), .character("v"))
        #expect(state.showExplanations && state.shadesPerMap)
        #expect(state.notice == "Shades: each map scaled by its own largest value")
        state.press(.character("v"))
        #expect(!state.shadesPerMap && state.notice == "Shades: one scale for the whole layer")
    }

    @Test func xOverlaysWhatDroveTheDecisionAndXSwitchesHowItIsMeasured() {
        var state = onC1()
        state.press(.character("x"))
        #expect(state.saliencyShown && state.saliencyMethod == .occlusion)
        state.press(.character("X"))
        #expect(state.saliencyShown && state.saliencyMethod == .gradient)
        state.press(.character("x"))
        #expect(!state.saliencyShown)
        // Switching the method turns the overlay on.
        state.press(.character("X"))
        #expect(state.saliencyShown && state.saliencyMethod == .occlusion)
    }

    /// In the zoom the arrows move over the map's values, kept inside it; m and M pick the next
    /// and previous map, also there.
    @Test func inTheZoomTheArrowsPickAValue() {
        var state = onC1()
        state.press(.enter)
        #expect(state.zoomed && state.keyContext == .values)
        let start = state.unitPosition
        state.press(.right, .right, .down)
        #expect(state.unitPosition == Point(x: start.x + 2, y: start.y + 1))
        for _ in 0..<40 { state.press(.left, .up) }
        #expect(state.unitPosition == Point(x: 0, y: 0))
        for _ in 0..<40 { state.press(.right, .down) }
        #expect(state.unitPosition == Point(x: 27, y: 27))
        #expect(state.mapIndex == 0)
        state.press(.character("m"), .character("m"))
        #expect(state.mapIndex == 2 && state.zoomed)
        state.press(.character("M"), .character("M"), .character("M"))
        #expect(state.mapIndex == 5)
        // A list of units: left and right one unit, up and down ten.
        state.press(.tab, .tab, .tab, .tab)
        #expect(state.layer == .c5 && state.zoomed)
        state.mapIndex = 15
        state.press(.right, .down, .down, .left)
        #expect(state.mapIndex == 35)
        state.press(.up, .up, .up, .up)
        #expect(state.mapIndex == 35 - 30)
    }

    /// Changing layers keeps the unit that looks where the last one looked: the one whose
    /// receptive field has the nearest centre. C1 (14, 14) looks at input pixels 14 to 18, centre
    /// 16.5; S2's fields are 6 wide, 2 apart: (16.5 - 3) / 2 = 6.75, unit 7; C3's are 14 wide, 2
    /// apart from S2's (7): centre 7 * 2 + 3 = 17, (17 - 7) / 2 = 5; S4's 16 wide, 4 apart:
    /// centre 5 * 2 + 7 = 17, (17 - 8) / 4 = 2.25, unit 2.
    @Test func anotherLayerLooksAtTheSamePlace() {
        var state = onC1()
        state.unitPosition = Point(x: 14, y: 3)
        state.press(.tab)
        #expect(state.layer == .s2 && state.unitPosition == Point(x: 7, y: 1))
        state.unitPosition = Point(x: 7, y: 7)
        state.press(.tab)
        #expect(state.layer == .c3 && state.unitPosition == Point(x: 5, y: 5))
        state.press(.tab)
        #expect(state.layer == .s4 && state.unitPosition == Point(x: 2, y: 2))
        // Back: S4 (2, 2) has centre 2 * 4 + 8 = 16 in C3's terms (16 - 7) / 2 = 4.5, unit 5.
        state.press(.backTab)
        #expect(state.layer == .c3 && state.unitPosition == Point(x: 5, y: 5))
        // Every position maps inside the next layer, corners included.
        for layer in NetworkLayer.allCases where !layer.isUnitList {
            for next in NetworkLayer.allCases where !next.isUnitList {
                let side = layer.geometry.side - 1
                for corner in [Point(x: 0, y: 0), Point(x: side, y: side)] {
                    let mapped = SketchpadState.position(corner, from: layer, to: next)
                    #expect((0..<next.geometry.side).contains(mapped.x))
                    #expect((0..<next.geometry.side).contains(mapped.y))
                }
            }
        }
    }

    /// . and , step through the map in reading order, across the end of a row; watching C3,
    /// each of the six S2 maps' shares first.
    @Test func dotAndCommaStepThroughTheMap() {
        var state = onC1()
        state.unitPosition = Point(x: 26, y: 4)
        state.press(.character("."), .character("."))
        #expect(state.unitPosition == Point(x: 0, y: 5))
        state.press(.character(","))
        #expect(state.unitPosition == Point(x: 27, y: 4))
        state.unitPosition = Point(x: 27, y: 27)
        state.press(.character("."))
        #expect(state.unitPosition == Point(x: 27, y: 27))
        state.press(.tab, .tab, .character("w"))
        #expect(state.layer == .c3 && state.watching && state.term == 0)
        state.unitPosition = Point(x: 4, y: 4)
        let position = state.position
        for step in 1..<6 {
            state.press(.character("."))
            #expect(state.term == step && state.position == position)
        }
        state.press(.character("."))
        #expect(state.term == 0 && state.position == position + 1)
        state.press(.character(","))
        #expect(state.term == 5 && state.position == position)
    }

    @Test func wWatchesThePickedValueBeingComputedAndMakesRoomForIt() {
        var state = onC1(width: 80, height: 24)
        state.press(.character("w"))
        #expect(state.watching && state.zoomed)
        // Beside the canvas at 80x24 the panel is too narrow for the grids: it takes the screen.
        #expect(state.networkFullScreen)
        state.press(.escape)
        #expect(!state.watching && state.zoomed)
        state.press(.escape)
        #expect(!state.zoomed)
        // The input is not computed.
        state.press(.backTab, .character("w"))
        #expect(!state.watching)
        #expect(state.notice == "The input is not computed: it is your drawing, scaled and centred")
    }

    @Test func enterOnAMapWhoseKernelsDoNotFitBesideTheCanvasTakesTheScreen() {
        var state = onC1(width: 80, height: 24)
        state.press(.tab, .tab, .enter)
        #expect(state.layer == .c3 && state.zoomed && state.networkFullScreen)
        // At 160x50 there is room beside the canvas.
        var large = onC1()
        large.press(.tab, .tab, .enter)
        #expect(large.zoomed && !large.networkFullScreen)
    }

    /// r sweeps from the first position, a step a tick, slowly at first; again pauses and
    /// resumes; at the last position the sweep ends and says so.
    @Test func rSweepsTheWindowAcrossTheMapOneTickAtATime() {
        var state = onC1()
        state.press(.tab, .tab)
        #expect(state.layer == .c3 && state.tickInterval == nil)
        state.press(.character("r"))
        #expect(state.watching && state.position == 0 && state.sweep?.playing == true)
        let first = state.tickInterval ?? 0
        state.send(.tick)
        #expect(state.position == 1)
        #expect((state.tickInterval ?? 0) < first)
        state.press(.tab)
        #expect(state.layer == .s4 && state.sweep == nil)
        state.press(.character("r"))
        state.send(.tick)
        #expect(state.position == 1)
        state.press(.character("r"))
        #expect(state.tickInterval == nil)
        state.send(.tick)
        #expect(state.position == 1)
        state.press(.character("r"))
        for _ in 0..<30 { state.send(.tick) }
        // S4's maps are 5x5: the last position is 24, and the sweep ends there.
        #expect(state.position == 24 && state.sweep == nil && state.tickInterval == nil)
        #expect(state.notice == "The window has swept the whole map")
        // Esc stops a sweep with the watching.
        state.press(.character("r"), .escape)
        #expect(state.sweep == nil && !state.watching)
    }

    /// The pace: a whole sweep takes about half a minute whatever the map, the first steps slower
    /// so that they can be followed, never faster than 25 a second nor slower than one.
    @Test func aSweepIsSlowAtFirstAndTakesAboutHalfAMinute() {
        for positions in [784, 196, 100, 25, 120, 84, 10] {
            var sweep = Sweep()
            var total = 0
            var previous = Int.max
            for _ in 0..<positions {
                let interval = sweep.interval(positions: positions)
                #expect(interval <= previous && (40...1000).contains(interval))
                previous = interval
                total += interval
                sweep.steps += 1
            }
            #expect(sweep.interval(positions: positions) == max(40, min(1000, 30_000 / positions)))
            #expect((9_000...36_000).contains(total), "\(positions) positions: \(total) ms")
        }
    }

    /// A click on a map's value picks the map and the value; in the zoom, the value.
    @Test func aClickOnAValuePicksIt() throws {
        var state = onC1()
        let area = state.viewArea
        let levels = Zoom.levels(Palette(state.options))
        let placed = MapGrid.placements(
            MapShape(state.selectedLayer), in: area, picked: 0, levels: levels)
        let map = try #require(placed.maps.first { $0.index == 3 })
        // At the grid's zoom a character shows `block` values: the click lands on the first.
        let (across, down) = placed.zoom.block
        let cell = Heatmap.cell(of: 10, 20, zoom: placed.zoom)
        state.send(
            .mouse(
                MouseEvent(
                    button: .left, action: .press, x: map.origin.x + cell.column,
                    y: map.origin.y + cell.row)))
        #expect(state.mapIndex == 3)
        #expect(state.unitPosition == Point(x: 10 / across * across, y: 20 / down * down))
        state.press(.enter)
        let plan = ZoomView.plan(.c1, in: state.viewArea, palette: Palette(state.options))
        let origin = try #require(plan.origin)
        let zoom = try #require(plan.zoom)
        let target = Heatmap.cell(of: 5, 6, zoom: zoom)
        state.send(
            .mouse(
                MouseEvent(
                    button: .left, action: .press, x: origin.x + target.column,
                    y: origin.y + target.row)))
        let block = zoom.block
        #expect(
            state.unitPosition
                == Point(x: 5 / block.across * block.across, y: 6 / block.down * block.down))
        #expect(state.mapIndex == 3 && state.zoomed)
    }

    /// While a computation is watched, a click on the map filling up picks the value (or unit)
    /// under it, whose computation is shown next: for a convolution (C1), a pooling (S2) and a
    /// dense layer (F6), at a projector's size and a large one. The place clicked is where the
    /// screen draws the map: its label is there.
    @Test(arguments: [(NetworkLayer.c1, 120, 36), (.s2, 120, 36), (.f6, 160, 50), (.c1, 160, 50)])
    func aClickOnTheMapFillingUpPicksThatValue(layer: NetworkLayer, width: Int, height: Int)
        throws
    {
        var state = onC1(width: width, height: height)
        while state.state.layer != layer { state.press(.tab) }
        state.press(.enter, .character("w"))
        #expect(state.state.watching)
        let palette = Palette(state.options)
        let area = try #require(
            FillingMap.area(of: layer, in: state.viewArea, palette: palette), "no room for the map")
        let label = layer.isUnitList ? "\(layer.name), computed so far" : "\(layer.name) map 1"
        let row = state.render().lines[area.y]
        #expect(
            row.dropFirst(area.x).hasPrefix(label),
            "the map is not drawn where clicks find it: \(row)")
        let shape = FillingMap.shape(of: layer)
        let zoom = FillingMap.zoom(
            rows: shape.rows, columns: shape.columns, in: area, palette: palette)
        let target = layer.isUnitList ? Point(x: 7, y: 3) : Point(x: 9, y: 6)
        let cell = Heatmap.cell(of: target.x, target.y, zoom: zoom)
        state.send(
            .mouse(
                MouseEvent(
                    button: .left, action: .press, x: area.x + cell.column,
                    y: area.y + 1 + cell.row)))
        let block = zoom.block
        let picked = Point(
            x: target.x / block.across * block.across, y: target.y / block.down * block.down)
        #expect(state.state.watching && state.state.focus == .network)
        #expect(state.state.position == picked.y * shape.columns + picked.x)
        // Off the map (the title row), nothing moves.
        let before = state.state.position
        state.send(
            .mouse(MouseEvent(button: .left, action: .press, x: area.x, y: state.viewArea.y)))
        #expect(state.state.position == before)
    }
}
