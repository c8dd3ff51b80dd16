/// A bar chart of one value per labelled slot (month), drawn as inline SVG.
///
/// The value axis runs from zero to the largest value, so the tallest bar fills the plot
/// and every bar's height is proportional to its value; gridlines sit at round values
/// (1, 2 or 5 times a power of ten) up to the largest. Negative values draw as empty bars.
/// Each bar carries a `<title>` tooltip with the exact value; short value labels are drawn
/// above the bars when they fit, and month labels turn and thin out when slots get narrow.
///
/// Values are `Int128`, so revenue summed past `Int64.max` is drawn and labelled exactly;
/// heights are shares of the largest value taken in `Double`, which cannot trap.
struct SVGBarChart {
    /// What the values count, for tooltips and labels.
    enum Measure {
        /// A count of things: `1 invoice`, `12 invoices`.
        case count(singular: String, plural: String)
        /// Minor units (hundredths) of a currency: `1,234.56 EUR`.
        case money(currency: String)
    }

    /// One bar's geometry in the chart's coordinates.
    struct Bar: Equatable {
        var label: String
        var value: Int128
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    /// One gridline: its value and height.
    struct Tick: Equatable {
        var value: Int128
        var y: Double
    }

    /// The whole drawing's width in SVG units.
    static let width = 560.0
    /// The plot's height: the tallest bar's height.
    static let plotHeight = 180.0
    static let plotLeft = 56.0
    static let plotTop = 22.0
    static let plotRight = 12.0

    /// The accessible name, `Invoices per month`.
    var title: String
    /// One label per slot, `2026-01`.
    var labels: [String]
    /// One value per slot.
    var values: [Int128]
    /// What the values count.
    var measure: Measure
    /// The bars' fill colour, a CSS colour.
    var color: String

    /// The largest value, or zero.
    var maximum: Int128 { max(values.max() ?? 0, 0) }

    /// The plot's width.
    var plotWidth: Double { Self.width - Self.plotLeft - Self.plotRight }

    /// The width each label's slot gets.
    var slotWidth: Double { plotWidth / Double(max(values.count, 1)) }

    /// Whether month labels are turned to fit narrow slots.
    var turnsLabels: Bool { slotWidth < 56 }

    /// Draw every `labelStride`-th month label, so turned labels do not overlap: 1, 2, 3,
    /// 4, 6 or a multiple of 12, so the labelled months recur in every year.
    var labelStride: Int {
        guard turnsLabels else { return 1 }
        let needed = max(1, Int((20 / slotWidth).rounded(.up)))
        return [1, 2, 3, 4, 6].first { $0 >= needed } ?? (needed + 11) / 12 * 12
    }

    /// The whole drawing's height: the plot plus room for month labels.
    var height: Double { Self.plotTop + Self.plotHeight + (turnsLabels ? 60 : 30) }

    /// The bars, left to right.
    var bars: [Bar] {
        let barWidth = min(slotWidth * 0.72, 56)
        return values.indices.map { index in
            let value = values[index]
            let share = maximum > 0 && value > 0 ? Double(value) / Double(maximum) : 0
            let height = Self.plotHeight * share
            return Bar(
                label: index < labels.count ? labels[index] : "", value: value,
                x: Self.plotLeft + Double(index) * slotWidth + (slotWidth - barWidth) / 2,
                y: Self.plotTop + Self.plotHeight - height, width: barWidth, height: height)
        }
    }

    /// The gridlines from zero up to the largest value, a round step apart.
    var ticks: [Tick] {
        let step = Self.tickStep(maximum)
        var ticks: [Tick] = []
        var value: Int128 = 0
        while value <= maximum {
            ticks.append(Tick(value: value, y: y(of: value)))
            let (next, overflow) = value.addingReportingOverflow(step)
            if overflow || step == 0 { break }
            value = next
        }
        return ticks
    }

    /// The smallest of 1, 2, 5 × 10ⁿ that divides `maximum` into at most five steps.
    static func tickStep(_ maximum: Int128) -> Int128 {
        guard maximum > 0 else { return 1 }
        let rough = maximum / 5 + (maximum % 5 == 0 ? 0 : 1)
        var power: Int128 = 1
        while power <= rough / 10 { power *= 10 }
        for factor: Int128 in [1, 2, 5, 10] {
            let (step, overflow) = power.multipliedReportingOverflow(by: factor)
            if !overflow && step >= rough { return step }
        }
        return rough
    }

    /// The exact value with its unit: `12 invoices`, `1,234.56 EUR`.
    func describe(_ value: Int128) -> String {
        switch measure {
        case .count(let singular, let plural):
            return NumberText.decimal(value, decimals: 0) + " " + (value == 1 ? singular : plural)
        case .money(let currency):
            return NumberText.decimal(value, decimals: 2) + " " + currency
        }
    }

    /// A short value label: `12`, `2.5k`.
    func shortText(_ value: Int128) -> String {
        switch measure {
        case .count: return NumberText.compact(value, decimals: 0)
        case .money: return NumberText.compact(value, decimals: 2)
        }
    }

    private func y(of value: Int128) -> Double {
        guard maximum > 0 else { return Self.plotTop + Self.plotHeight }
        return Self.plotTop + Self.plotHeight * (1 - Double(value) / Double(maximum))
    }
}
