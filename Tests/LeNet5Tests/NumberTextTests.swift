import Testing

@testable import LeNet5

/// Number formats checked against C's printf (`%.Nf`, `%.Ne`), which the text imitates without
/// Foundation: the expected strings are what `printf` gives for the same value.
@Suite struct NumberTextTests {
    @Test func fixedRoundsHalfAwayFromZero() {
        #expect(NumberText.fixed(0.98765, 2) == "0.99")
        #expect(NumberText.fixed(-0.004, 2) == "0.00")
        #expect(NumberText.fixed(-1.5, 0) == "-2")
        #expect(NumberText.fixed(123_456.789, 1) == "123456.8")
    }

    /// Values an Int cannot hold (absurd weights, pre-activations of 1e19) used to crash
    /// `Int(_:)`; past 2^53 they are written in scientific notation.
    @Test func hugeValuesAreScientificInsteadOfCrashing() {
        #expect(NumberText.fixed(3e38, 2) == "3.00e+38")
        #expect(NumberText.fixed(Float(-1e19), 4) == "-1.0000e+19")
        #expect(NumberText.fixed(Double(Float.greatestFiniteMagnitude), 2) == "3.40e+38")
        #expect(NumberText.fixed(1.7976931348623157e308, 3) == "1.798e+308")
        // Just under 2^53 at two decimals is still fixed notation.
        #expect(NumberText.fixed(1e13, 2) == "10000000000000.00")
        #expect(NumberText.fixed(1e14, 2) == "1.00e+14")
        #expect(
            NumberText.fixed(Double.nan, 2) == "nan"
                && NumberText.fixed(-Double.infinity, 2) == "-inf")
    }

    @Test func scientificCarriesARoundedMantissaOfTen() {
        #expect(NumberText.scientific(999_999, 2) == "1.00e+06")
        #expect(NumberText.scientific(-31_400, 2) == "-3.14e+04")
        #expect(NumberText.scientific(0.000123, 1) == "1.2e-04")
        #expect(NumberText.scientific(0, 2) == "0.00e+00")
        #expect(NumberText.scientific(1, 40) == "1.00000000000000e+00")
    }

    @Test func percentAndGrouping() {
        #expect(NumberText.percent(0.9939) == "99.39%")
        #expect(
            NumberText.grouped(61706) == "61,706" && NumberText.grouped(-1_234_567) == "-1,234,567")
    }
}
