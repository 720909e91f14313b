import Kernels

/// One value of one layer: unit (x, y) of map `map`, all counted from 0. The units of C5, F6 and
/// Output form one list: unit `map` of it, at x = y = 0 (the trace keeps them as maps of 1x1).
public struct NetworkUnit: Equatable, Hashable, Sendable, CustomStringConvertible {
    public let layer: NetworkLayer
    public let map: Int
    public let x: Int
    public let y: Int

    /// Nil when the layer has no such map or position. `classes` is the network's number of
    /// classes, which sets how many units Output has.
    public init?(
        layer: NetworkLayer, map: Int, x: Int = 0, y: Int = 0,
        classes: Int = NetworkGeometry.digitClasses
    ) {
        let g = layer.geometry(classes: classes)
        guard (0..<g.maps).contains(map), (0..<g.side).contains(x), (0..<g.side).contains(y)
        else { return nil }
        self.layer = layer
        self.map = map
        self.x = x
        self.y = y
    }

    /// Unit `index` of a list (C5, F6, Output), counted from 0.
    public init?(
        layer: NetworkLayer, unit index: Int, classes: Int = NetworkGeometry.digitClasses
    ) {
        guard layer.isUnitList else { return nil }
        self.init(layer: layer, map: index, classes: classes)
    }

    /// The square of the 32x32 network input this unit depends on (the whole input from C5 on):
    /// its field, `fieldSide` pixels wide, starts `jump` pixels further for each step along the
    /// map. C1 5x5, S2 6x6, C3 14x14, S4 16x16.
    public var receptiveField: CellRect {
        // The field does not depend on how many units a layer has.
        let g = layer.geometry
        return CellRect(x: x * g.jump, y: y * g.jump, side: g.fieldSide)
    }

    /// As people count, from 1: "C1 map 4, x 12, y 7", "F6 unit 17".
    public var description: String {
        layer.isUnitList
            ? "\(layer.name) unit \(map + 1)"
            : "\(layer.name) map \(map + 1), x \(x + 1), y \(y + 1)"
    }
}

extension ForwardTrace {
    /// The value of a unit in this trace (after the activation; for Output, the probability).
    public func value(of unit: NetworkUnit) -> Float {
        maps(unit.layer.traced)[unit.map, unit.y, unit.x]
    }

    /// The unit of a map that answers most (the largest value; the first of equals, row by row), or
    /// of the whole list for C5, F6 and Output (where `map` is ignored).
    public func strongestUnit(of layer: NetworkLayer, map: Int = 0) -> NetworkUnit? {
        let values = maps(layer.traced)
        let channels = layer.isUnitList ? 0..<values.channels : map..<map + 1
        guard (0...values.channels).contains(channels.lowerBound),
            channels.upperBound <= values.channels
        else { return nil }
        var best: NetworkUnit?
        var largest = -Float.infinity
        for c in channels {
            for y in 0..<values.height {
                for x in 0..<values.width where best == nil || values[c, y, x] > largest {
                    largest = values[c, y, x]
                    best = NetworkUnit(layer: layer, map: c, x: x, y: y, classes: classes)
                }
            }
        }
        return best
    }
}
