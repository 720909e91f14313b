/// Numbers as the command line and the sketchpad show them to people, without Foundation's
/// locale-dependent formatters: the same text on every machine.
public enum NumberText {
    /// `digits` decimals, rounded half away from zero: fixed(0.98765, 2) is "0.99".
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        var fraction = String(Int(scaled - Double(whole) * scale))
        while fraction.count < digits { fraction = "0" + fraction }
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return digits == 0 ? sign + String(whole) : sign + String(whole) + "." + fraction
    }

    public static func fixed(_ value: Float, _ digits: Int) -> String {
        fixed(Double(value), digits)
    }

    /// A share as a percentage: percent(0.9939) is "99.39%".
    public static func percent(_ share: Double, digits: Int = 2) -> String {
        fixed(share * 100, digits) + "%"
    }

    /// Thousands separated by commas: 61706 is "61,706".
    public static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// Right-aligned in `width` columns.
    public static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// Left-aligned in `width` columns.
    public static func left(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
