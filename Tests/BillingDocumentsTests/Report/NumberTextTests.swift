import Testing

@testable import BillingDocuments

@Suite("Formatting numbers without a locale")
struct NumberTextTests {
    @Test(
        "Counts are grouped by thousands with commas",
        arguments: [(0, "0"), (7, "7"), (999, "999"), (1_000, "1,000"), (98_000, "98,000"), (1_234_567, "1,234,567"), (-4_500, "-4,500")])
    func grouped(value: Int, text: String) {
        #expect(NumberText.grouped(value) == text)
    }

    @Test(
        "Minor units print as exact major units",
        arguments: [
            (Int128(0), "0.00"), (5, "0.05"), (43_750, "437.50"), (-43_750, "-437.50"), (123_456_789, "1,234,567.89"),
            (Int128(Int64.max), "92,233,720,368,547,758.07"), (Int128(Int64.min), "-92,233,720,368,547,758.08"),
            (Int128(Int64.max) + 1, "92,233,720,368,547,758.08"), (4 * Int128(Int64.max), "368,934,881,474,191,032.28"),
            (-4 * Int128(Int64.max), "-368,934,881,474,191,032.28"),
            (.min, "-1,701,411,834,604,692,317,316,873,037,158,841,057.28"),
        ])
    func decimal(value: Int128, text: String) {
        #expect(NumberText.decimal(value, decimals: 2) == text)
    }

    @Test(
        "Short labels use one decimal and a suffix from a thousand up",
        arguments: [
            (Int128(0), 0, "0"), (12, 0, "12"), (999, 0, "999"), (1_000, 0, "1k"), (2_500, 0, "2.5k"), (999_949, 0, "999.9k"),
            (999_950, 0, "1M"), (1_250_000, 0, "1.3M"), (5, 2, "0.05"), (43_750, 2, "437.5"), (250_000, 2, "2.5k"),
            (200_000_000_000, 2, "2B"), (Int128(Int64.max), 2, "92.2Q"), (Int128(Int64.max), 0, "9,223.4Q"),
            (-250_000, 2, "-2.5k"), (4 * Int128(Int64.max), 2, "368.9Q"), (.max, 2, "1,701,411,834,604,692,317,316.9Q"),
        ])
    func compact(value: Int128, decimals: Int, text: String) {
        #expect(NumberText.compact(value, decimals: decimals) == text)
    }

    @Test(
        "Coordinates have at most two decimals and no trailing zeros",
        arguments: [(0.0, "0"), (12.5, "12.5"), (300, "300"), (1.0 / 3, "0.33"), (-4.256, "-4.26"), (-0.001, "0"), (1234.5, "1234.5")])
    func coordinate(value: Double, text: String) {
        #expect(NumberText.coordinate(value) == text)
    }

    @Test("Coordinates that are not finite print as zero rather than nan")
    func nonFiniteCoordinate() {
        #expect(NumberText.coordinate(.nan) == "0")
        #expect(NumberText.coordinate(.infinity) == "0")
    }
}
