/// The inline style sheet both report pages share: system fonts only, no external
/// resources, readable on a laptop and tidy on paper.
enum PageStyle {
    /// The CSS, free of `<` and `&` so the `<style>` element is also valid XML text.
    static let css = """
        * { box-sizing: border-box; }
        body { margin: 0; background: #f5f6f8; color: #1f2328;
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1120px; margin: 0 auto; padding: 24px 24px 48px; }
        h1 { font-size: 1.6rem; margin: 0 0 4px; overflow-wrap: anywhere; }
        h2 { font-size: 1.2rem; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid #d0d7de; }
        a { color: #0b5cad; }
        nav a { margin-right: 16px; }
        .subtitle, .meta, .note, .empty { color: #57606a; }
        .note { font-style: italic; }
        dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 8px; margin: 0; }
        dl.facts div, figure, details, .panel { background: #fff; border: 1px solid #d8dee4; border-radius: 6px; }
        dl.facts div { padding: 8px 12px; }
        dl.facts dt { font-size: 0.8rem; color: #57606a; }
        dl.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(460px, 100%), 1fr)); gap: 16px; }
        figure { margin: 0; padding: 12px; }
        figcaption { font-weight: 600; margin-bottom: 4px; }
        svg.chart { display: block; width: 100%; height: auto; font-family: inherit; font-size: 12px; }
        svg.chart .grid line { stroke: #e3e6ea; }
        svg.chart .axis { stroke: #57606a; }
        svg.chart text { fill: #444c56; }
        svg.chart .hit { fill: transparent; }
        svg.chart .bars > g:hover .hit { fill: #0000000d; }
        details { margin: 6px 0; }
        summary { cursor: pointer; padding: 8px 12px; }
        summary .name { font-weight: 600; overflow-wrap: anywhere; }
        summary .meta { margin-left: 4px; }
        .table-wrap { overflow-x: auto; padding: 0 12px 12px; }
        .panel .table-wrap { padding-top: 8px; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
        th { font-weight: 600; color: #57606a; white-space: nowrap; }
        td { overflow-wrap: break-word; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .nowrap { white-space: nowrap; }
        td.links { white-space: nowrap; }
        td.links a + a { margin-left: 10px; }
        .passed { color: #1a7f37; font-weight: 600; }
        .failed { color: #cf222e; font-weight: 600; }
        .empty { padding: 0 12px 8px; margin: 0; }
        @media print {
          body { background: #fff; font-size: 11pt; }
          main { max-width: none; padding: 0; }
          nav { display: none; }
          h2 { break-after: avoid; }
          .charts { grid-template-columns: 1fr 1fr; gap: 8px; }
          figure, tr { break-inside: avoid; }
          details::details-content { content-visibility: visible; display: block; }
          summary { list-style: none; }
          summary::-webkit-details-marker { display: none; }
          .table-wrap { overflow: visible; padding: 0 4px 4px; }
          table { font-size: 8.5pt; }
          th, td { padding: 2px 4px; }
        }
        """
}
