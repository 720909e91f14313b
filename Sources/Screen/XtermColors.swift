extension Color {
    /// The colour as xterm shows it by default, red, green and blue from 0 to 255; nil for the
    /// terminal's own default. What a printed copy of a screen (`lenet5 report`) paints with.
    public var rgb: (red: UInt8, green: UInt8, blue: UInt8)? {
        guard case .indexed(let index) = self else { return nil }
        switch index {
        case 0..<16:
            return Self.basic[Int(index)]
        case 16..<232:
            // A 6x6x6 cube: each component 0, then 95 to 255 in steps of 40.
            let cube = Int(index) - 16
            func level(_ step: Int) -> UInt8 { step == 0 ? 0 : UInt8(55 + 40 * step) }
            return (level(cube / 36), level(cube / 6 % 6), level(cube % 6))
        default:
            // 24 greys, from 8 to 238 in steps of 10.
            let grey = UInt8(8 + 10 * (Int(index) - 232))
            return (grey, grey, grey)
        }
    }

    /// xterm's sixteen basic colours, normal then bright.
    static let basic: [(red: UInt8, green: UInt8, blue: UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
        (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
}
