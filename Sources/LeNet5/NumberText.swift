/// Numbers as the command line and the sketchpad show them to people, without Foundation's
/// locale-dependent formatters: the same text on every machine.
public enum NumberText {
    /// `digits` decimals, rounded half away from zero: fixed(0.98765, 2) is "0.99".
    /// Beyond 2^53, where a Double no longer holds every integer (and an Int soon overflows),
    /// scientific notation instead: fixed(3e38, 2) is "3.00e+38".
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return nonFinite(value) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9_007_199_254_740_992 else { return scientific(value, digits) }
        let whole = Int(scaled / scale)
        var fraction = String(Int(scaled - Double(whole) * scale))
        while fraction.count < digits { fraction = "0" + fraction }
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return digits == 0 ? sign + String(whole) : sign + String(whole) + "." + fraction
    }

    public static func fixed(_ value: Float, _ digits: Int) -> String {
        fixed(Double(value), digits)
    }

    /// `digits` decimals of a mantissa between 1 and 10, and the power of ten:
    /// scientific(-31_400, 2) is "-3.14e+04" (two digits of exponent at least, as C's %e).
    public static func scientific(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return nonFinite(value) }
        // More decimals than a Double holds would not fit the fixed notation of the mantissa.
        let digits = min(max(0, digits), 14)
        let magnitude = abs(value)
        var exponent = 0
        var power = 1.0
        if magnitude > 0 {
            while power * 10 <= magnitude {
                power *= 10
                exponent += 1
            }
            while power > magnitude && power / 10 > 0 {
                power /= 10
                exponent -= 1
            }
        }
        var mantissa = magnitude / power
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        // Rounding can carry the mantissa to 10: 9.999e5 is 1.00e+06.
        if (mantissa * scale).rounded() >= 10 * scale {
            mantissa /= 10
            exponent += 1
        }
        let sign = value < 0 ? "-" : ""
        let exponentDigits = String(abs(exponent))
        return sign + fixed(mantissa, digits) + "e" + (exponent < 0 ? "-" : "+")
            + (exponentDigits.count < 2 ? "0" : "") + exponentDigits
    }

    static func nonFinite(_ value: Double) -> String {
        value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
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
