import Testing

@testable import BillingDocuments

@Suite("Bar chart geometry")
struct SVGBarChartTests {
    private func chart(_ values: [Int128], measure: SVGBarChart.Measure = .count(singular: "invoice", plural: "invoices"))
        -> SVGBarChart
    {
        SVGBarChart(
            title: "Invoices per month", labels: values.indices.map { "2026-\($0)" }, values: values, measure: measure, color: "#000")
    }

    @Test("Bar heights are proportional to the values")
    func heightsAreProportional() {
        let bars = chart([10, 20, 40, 5]).bars
        for bar in bars {
            #expect(abs(bar.height - SVGBarChart.plotHeight * Double(bar.value) / 40) < 1e-9)
        }
        #expect(abs(bars[1].height * 2 - bars[2].height) < 1e-9)
    }

    @Test("The largest bar fills the plot from the baseline to the top")
    func largestBarFillsThePlot() {
        let tallest = chart([3, 17, 9]).bars[1]
        #expect(tallest.height == SVGBarChart.plotHeight)
        #expect(tallest.y == SVGBarChart.plotTop)
    }

    @Test("Zero and negative values draw empty bars on the baseline")
    func zeroValuesAreEmpty() {
        let bars = chart([0, 8, -3]).bars
        #expect(bars[0].height == 0 && bars[2].height == 0)
        #expect(bars[0].y == SVGBarChart.plotTop + SVGBarChart.plotHeight)
    }

    @Test("A chart of only zeros has one gridline at zero and no bar height")
    func allZeros() {
        let chart = chart([0, 0, 0])
        #expect(chart.ticks.map(\.value) == [0])
        #expect(chart.bars.allSatisfy { $0.height == 0 && $0.y.isFinite })
    }

    @Test("No months draw no bars")
    func noMonths() {
        #expect(chart([]).bars.isEmpty)
        #expect(chart([]).ticks.map(\.value) == [0])
    }

    @Test("One month gets one bar of limited width in the middle of the plot")
    func oneMonth() throws {
        let chart = chart([42])
        let bar = try #require(chart.bars.first)
        #expect(bar.width <= 56)
        #expect(abs(bar.x + bar.width / 2 - (SVGBarChart.plotLeft + chart.plotWidth / 2)) < 1e-9)
    }

    @Test("Thirty-six months fit the plot side by side with thinned, turned labels")
    func thirtySixMonths() {
        let chart = chart((1...36).map { Int128($0) })
        let bars = chart.bars
        #expect(bars.count == 36)
        for (left, right) in zip(bars, bars.dropFirst()) {
            #expect(left.x + left.width < right.x)
        }
        let last = bars[35]
        #expect(bars[0].x >= SVGBarChart.plotLeft && last.x + last.width <= SVGBarChart.plotLeft + chart.plotWidth)
        #expect(chart.turnsLabels)
        #expect(chart.slotWidth * Double(chart.labelStride) >= 20)
    }

    @Test("Label strides divide a year or are whole years, so the same months get labels", arguments: [1, 12, 36, 60, 120, 400])
    func strideDividesAYear(months: Int) {
        let chart = chart(Array(repeating: 1, count: months))
        #expect(12 % chart.labelStride == 0 || chart.labelStride % 12 == 0, "stride \(chart.labelStride)")
        #expect(chart.slotWidth * Double(chart.labelStride) >= 20 || !chart.turnsLabels)
    }

    @Test("A few months keep their labels level and all shown")
    func fewMonthsKeepLevelLabels() {
        let chart = chart([1, 2, 3, 4, 5, 6])
        #expect(!chart.turnsLabels)
        #expect(chart.labelStride == 1)
    }

    @Test(
        "Tick steps are 1, 2 or 5 times a power of ten and give two to six gridlines",
        arguments: [
            Int128(1), 3, 7, 10, 17, 99, 100, 101, 1_234, 43_750, 987_654_321, 9_000_000_000_000_000, Int128(Int64.max),
            4 * Int128(Int64.max), .max,
        ])
    func ticksAreRound(maximum: Int128) {
        let step = SVGBarChart.tickStep(maximum)
        var mantissa = step
        while mantissa % 10 == 0 { mantissa /= 10 }
        #expect([1, 2, 5].contains(mantissa), "step \(step) for maximum \(maximum)")
        let ticks = chart([maximum / 2, maximum]).ticks
        #expect(ticks.first?.value == 0)
        #expect((2...6).contains(ticks.count), "\(ticks.count) ticks for maximum \(maximum)")
        #expect(ticks.allSatisfy { $0.value % step == 0 && $0.value <= maximum })
        #expect(ticks.allSatisfy { $0.y >= SVGBarChart.plotTop - 1e-9 && $0.y <= SVGBarChart.plotTop + SVGBarChart.plotHeight })
    }

    @Test("Gridlines sit at the height of their value")
    func gridlinesMatchBars() {
        let chart = chart([100])
        let bar = chart.bars[0]
        for tick in chart.ticks {
            let expected = bar.y + bar.height * (1 - Double(tick.value) / 100)
            #expect(abs(tick.y - expected) < 1e-9)
        }
    }

    @Test("Huge revenue keeps every coordinate finite and labels short")
    func hugeValues() {
        let max = Int128(Int64.max)
        let chart = chart([max, max / 3, 0], measure: .money(currency: "EUR"))
        #expect(chart.bars.allSatisfy { $0.height.isFinite && $0.height <= SVGBarChart.plotHeight })
        #expect(chart.describe(max) == "92,233,720,368,547,758.07 EUR")
        #expect(chart.ticks.allSatisfy { chart.shortText($0.value).count <= 6 })
        var html = HTMLBuilder()
        chart.render(into: &html)
        #expect(!html.output.contains("nan") && !html.output.contains("inf"))
    }

    @Test("Revenue past Int64.max scales its bars from the exact values and says them exactly")
    func valuesPastInt64() {
        let max = Int128(Int64.max)
        let chart = chart([4 * max, 2 * max, max, 0, -4 * max], measure: .money(currency: "EUR"))
        #expect(chart.bars.map(\.height) == [180, 90, 45, 0, 0])
        #expect(chart.describe(4 * max) == "368,934,881,474,191,032.28 EUR")
        #expect(chart.shortText(4 * max) == "368.9Q")
        #expect(chart.ticks.last.map { $0.value <= 4 * max } == true)
        let widest = self.chart([.max, .min], measure: .money(currency: "EUR"))
        #expect(widest.bars.allSatisfy { $0.height.isFinite && $0.y.isFinite })
        var html = HTMLBuilder()
        widest.render(into: &html)
        #expect(!html.output.contains("nan") && !html.output.contains("inf"))
    }

    @Test("Tooltips give the exact value with its unit")
    func tooltips() {
        #expect(chart([1]).describe(1) == "1 invoice")
        #expect(chart([1]).describe(12_000) == "12,000 invoices")
        #expect(chart([1], measure: .money(currency: "SEK")).describe(250_000) == "2,500.00 SEK")
    }
}
