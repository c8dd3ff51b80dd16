extension SVGBarChart {
    /// Writes the chart as an `<svg>` element: gridlines with tick labels, bars with
    /// tooltips and value labels, the baseline and the month labels.
    func render(into html: inout HTMLBuilder) {
        let viewBox = "0 0 " + Self.coordinate(Self.width) + " " + Self.coordinate(height)
        html.open(
            "svg",
            [
                "class": "chart", "viewBox": viewBox, "width": Self.coordinate(Self.width), "height": Self.coordinate(height),
                "role": "img", "aria-label": title,
            ])
        html.element("title", text: title)
        renderGrid(into: &html)
        renderBars(into: &html)
        let baseline = Self.plotTop + Self.plotHeight
        html.void(
            "line",
            [
                "class": "axis", "x1": Self.coordinate(Self.plotLeft), "y1": Self.coordinate(baseline),
                "x2": Self.coordinate(Self.plotLeft + plotWidth), "y2": Self.coordinate(baseline),
            ])
        renderMonthLabels(into: &html)
        html.close("svg")
    }

    private func renderGrid(into html: inout HTMLBuilder) {
        html.open("g", ["class": "grid"])
        for tick in ticks {
            let y = Self.coordinate(tick.y)
            html.void(
                "line", ["x1": Self.coordinate(Self.plotLeft), "y1": y, "x2": Self.coordinate(Self.plotLeft + plotWidth), "y2": y])
            html.element(
                "text", ["x": Self.coordinate(Self.plotLeft - 6), "y": Self.coordinate(tick.y + 4), "text-anchor": "end"],
                text: shortText(tick.value))
        }
        html.close("g")
    }

    private func renderBars(into html: inout HTMLBuilder) {
        let bars = self.bars
        let widestLabel = bars.map { shortText($0.value).count }.max() ?? 0
        let showsValues = Double(widestLabel) * 7 + 2 <= slotWidth
        html.open("g", ["class": "bars"])
        for (index, bar) in bars.enumerated() {
            html.open("g")
            html.element("title", text: bar.label + ": " + describe(bar.value))
            html.void(
                "rect",
                [
                    "class": "hit", "x": Self.coordinate(Self.plotLeft + Double(index) * slotWidth),
                    "y": Self.coordinate(Self.plotTop), "width": Self.coordinate(slotWidth),
                    "height": Self.coordinate(Self.plotHeight),
                ])
            html.void(
                "rect",
                [
                    "x": Self.coordinate(bar.x), "y": Self.coordinate(bar.y), "width": Self.coordinate(bar.width),
                    "height": Self.coordinate(bar.height), "fill": color,
                ])
            if showsValues {
                html.element(
                    "text",
                    [
                        "class": "value", "x": Self.coordinate(bar.x + bar.width / 2), "y": Self.coordinate(bar.y - 4),
                        "text-anchor": "middle",
                    ], text: shortText(bar.value))
            }
            html.close("g")
        }
        html.close("g")
    }

    private func renderMonthLabels(into html: inout HTMLBuilder) {
        html.open("g", ["class": "months"])
        let y = Self.plotTop + Self.plotHeight + 17
        for (index, label) in labels.enumerated() where index % labelStride == 0 {
            let x = Self.plotLeft + (Double(index) + 0.5) * slotWidth
            if turnsLabels {
                let anchorX = Self.coordinate(x + 4)
                let anchorY = Self.coordinate(y - 4)
                html.element(
                    "text",
                    [
                        "x": anchorX, "y": anchorY, "text-anchor": "end",
                        "transform": "rotate(-45 " + anchorX + " " + anchorY + ")",
                    ], text: label)
            } else {
                html.element("text", ["x": Self.coordinate(x), "y": Self.coordinate(y), "text-anchor": "middle"], text: label)
            }
        }
        html.close("g")
    }

    private static func coordinate(_ value: Double) -> String {
        NumberText.coordinate(value)
    }
}
