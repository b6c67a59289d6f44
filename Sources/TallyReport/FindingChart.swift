import Foundation
import TallyCore

/// A finding drawn as inline SVG for the HTML report: a disagreement over figures is easier to see than
/// to read.
///
/// - A **number line**: each distinct figure as its interval (a dot for an exact figure, a bar for a
///   range, an arrow for an open end such as "at least 1,000"), coloured by side; a figure stated per side
///   is drawn again at twice its value, dashed, as the total of both sides; in a conflict the gap between
///   the sides is hatched.
/// - A **timeline** for a running total read on several days: the figure by date, each step marked as an
///   update (it rose) or a contradiction (it fell, or two figures for one day).
///
/// Self-contained (no script, no fonts, no network); every picture has a `<title>` and a `<desc>` that
/// say in words what it shows, for screen readers and for text browsers. Article text never reaches the
/// SVG except through `HTMLText.escape`.
struct FindingChart {
    /// The figures as rows: a side, a label and an interval on a common unit.
    struct Row {
        var position: Int
        var label: String
        var low: Double?
        var high: Double?
        var dashed = false
    }

    let finding: Finding
    /// The finding's number in the report: ids inside the SVG are unique on the page.
    let number: Int
    /// The side marks (`A`, `B`, `≈`, `•`) of `ReportOrder.positionMarks`.
    let marks: [Int: String]
    /// The publication date of a document, when known (a running total's reading without an event date).
    let published: (String) -> CalendarDate?

    /// At most this many rows are drawn; the rest are counted in the caption.
    static let maxRows = 12
    static let width = 640.0
    static let labelWidth = 250.0
    static let rowHeight = 22.0

    /// The SVG for the finding, or nil when its figures cannot share one axis (dates, different currencies).
    func svg() -> String? {
        if let timeline = timelineSVG() { return timeline }
        return numberLineSVG()
    }

    // MARK: Number line

    /// Each claim's interval in one unit: durations in the smallest time unit present; other figures only
    /// when every claim has the same unit (or none).
    func rows() -> (rows: [Row], unit: String?)? {
        let claims = ReportOrder.claims(finding)
        guard !claims.isEmpty, claims.allSatisfy({ $0.claim.value?.date == nil && $0.claim.low?.date == nil && $0.claim.high?.date == nil }) else {
            return nil
        }
        let units = Set(claims.map { $0.claim.unit ?? "" })
        var factor: (String) -> Double = { _ in 1 }
        var axisUnit: String? = units.first.flatMap { $0.isEmpty ? nil : $0 }
        if units.count > 1 {
            guard units.allSatisfy({ Self.minutes[$0] != nil }) else { return nil }
            let smallest = units.min { Self.minutes[$0]! < Self.minutes[$1]! }!
            factor = { Self.minutes[$0]! / Self.minutes[smallest]! }
            axisUnit = smallest
        }
        var rows: [Row] = []
        var seen: Set<String> = []
        for item in claims {
            let claim = item.claim
            let scale = factor(claim.unit ?? "")
            var low = claim.low?.number.map { $0 * scale }
            var high = claim.high?.number.map { $0 * scale }
            if low == nil, high == nil, let value = claim.value?.number { (low, high) = (value * scale, value * scale) }
            guard low != nil || high != nil else { continue }
            // "About 90 minutes" is drawn ±10%, the slack the reconciler gives it.
            if claim.qualifier == .approximate {
                low = low.map { $0 - abs($0) * 0.1 }
                high = high.map { $0 + abs($0) * 0.1 }
            }
            let who = claim.speaker ?? "unattributed"
            let label = "\(marks[item.position] ?? "•") \(FigureText.describe(claim)) — \(who)"
            guard seen.insert(label).inserted else { continue }
            rows.append(Row(position: item.position, label: label, low: low, high: high))
            if claim.scope == .perSide {
                rows.append(Row(position: item.position, label: "   × 2 sides: the total", low: low.map { $0 * 2 }, high: high.map { $0 * 2 }, dashed: true))
            }
        }
        return rows.isEmpty ? nil : (rows, axisUnit)
    }

    func numberLineSVG() -> String? {
        guard let (allRows, unit) = rows() else { return nil }
        let rows = Array(allRows.prefix(Self.maxRows))
        let bounds = rows.flatMap { [$0.low, $0.high] }.compactMap { $0 }
        guard let least = bounds.min(), let most = bounds.max() else { return nil }
        let axis = Axis(least: least, most: most, openEnds: rows.contains { $0.low == nil || $0.high == nil })
        let plotLeft = Self.labelWidth + 10, plotRight = Self.width - 20
        func x(_ v: Double) -> Double { plotLeft + (plotRight - plotLeft) * axis.fraction(v) }
        let top = 12.0
        let height = top + Double(rows.count) * Self.rowHeight + 34
        var body = ""
        // The conflict gap: between one side's largest figure and the next side's smallest.
        var gaps: [(Double, Double)] = []
        if finding.verdict == .conflict {
            let sides = Dictionary(grouping: rows.filter { $0.position > 0 && !$0.dashed }, by: \.position).values.compactMap { side -> (Double, Double)? in
                let lows = side.map { $0.low ?? -Double.infinity }, highs = side.map { $0.high ?? Double.infinity }
                return (lows.min()!, highs.max()!)
            }.sorted { $0.0 < $1.0 }
            for (a, b) in zip(sides, sides.dropFirst()) where a.1 < b.0 && a.1.isFinite && b.0.isFinite { gaps.append((a.1, b.0)) }
        }
        for (from, to) in gaps {
            body += "<rect class=\"gap\" x=\"\(f(x(from)))\" y=\"\(f(top - 6))\" width=\"\(f(max(2, x(to) - x(from))))\" height=\"\(f(Double(rows.count) * Self.rowHeight + 6))\"/>"
            body += "<text class=\"gap-label\" x=\"\(f((x(from) + x(to)) / 2))\" y=\"\(f(top + Double(rows.count) * Self.rowHeight + 10))\" text-anchor=\"middle\">gap</text>\n"
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * Self.rowHeight + Self.rowHeight / 2
            let side = row.position == 0 ? "n" : String(((row.position - 1) % 6) + 1)
            body += "<text class=\"row-label\" x=\"0\" y=\"\(f(y + 4))\">\(HTMLText.escape(Self.clip(row.label, 40)))</text>"
            let from = x(row.low ?? axis.lower), to = x(row.high ?? axis.upper)
            let dash = row.dashed ? " dashed" : ""
            if let low = row.low, let high = row.high, low == high {
                body += "<circle class=\"s\(side)\(dash)\" cx=\"\(f(from))\" cy=\"\(f(y))\" r=\"5\"/>"
            } else {
                body += "<line class=\"s\(side)\(dash)\" x1=\"\(f(from))\" y1=\"\(f(y))\" x2=\"\(f(to))\" y2=\"\(f(y))\"/>"
                if row.low == nil { body += arrow(at: from, y: y, left: true, side: side) }
                if row.high == nil { body += arrow(at: to, y: y, left: false, side: side) }
                if row.low != nil { body += "<line class=\"s\(side) cap\" x1=\"\(f(from))\" y1=\"\(f(y - 5))\" x2=\"\(f(from))\" y2=\"\(f(y + 5))\"/>" }
                if row.high != nil { body += "<line class=\"s\(side) cap\" x1=\"\(f(to))\" y1=\"\(f(y - 5))\" x2=\"\(f(to))\" y2=\"\(f(y + 5))\"/>" }
            }
            body += "\n"
        }
        let axisY = top + Double(rows.count) * Self.rowHeight + 14
        body += "<line class=\"axis\" x1=\"\(f(plotLeft))\" y1=\"\(f(axisY))\" x2=\"\(f(plotRight))\" y2=\"\(f(axisY))\"/>"
        for tick in axis.ticks() {
            body += "<line class=\"axis\" x1=\"\(f(x(tick)))\" y1=\"\(f(axisY))\" x2=\"\(f(x(tick)))\" y2=\"\(f(axisY + 4))\"/>"
            body += "<text class=\"tick\" x=\"\(f(x(tick)))\" y=\"\(f(axisY + 16))\" text-anchor=\"middle\">\(HTMLText.escape(Figure.format(tick)))</text>"
        }
        body += "\n"
        var description = rows.filter { !$0.dashed }.map { Self.describe($0) }.joined(separator: "; ")
        if allRows.count > rows.count { description += "; and \(allRows.count - rows.count) more figures not drawn" }
        if !gaps.isEmpty {
            description += ". Gap between the sides: " + gaps.map { "\(Figure.format($0.0)) to \(Figure.format($0.1))" }.joined(separator: ", ")
        }
        let title = "The figures on one number line" + (unit.map { " (\($0)\(axis.logarithmic ? ", logarithmic scale" : ""))" } ?? (axis.logarithmic ? " (logarithmic scale)" : ""))
        return wrap(title: title, description: description + ".", height: height + 8, kind: "number-line", body: body)
    }

    // MARK: Timeline of a running total

    /// A running total (or a standing count) read on two or more days, drawn by date; nil for other findings.
    func timelineSVG() -> String? {
        let claims = finding.claims.map(\.claim).filter { $0.status?.isReading == true }
        guard claims.count == finding.claims.count, claims.count >= 2 else { return nil }
        var readings: [(day: Int, date: CalendarDate, low: Double, high: Double, claim: Claim)] = []
        for claim in claims {
            let date = claim.event.flatMap(CalendarDate.init(iso:)).flatMap { $0.precision == .day ? $0 : nil } ?? published(claim.doc)
            guard let date, date.precision == .day, let day = date.day, let month = date.month else { continue }
            let low = claim.low?.number ?? claim.value?.number ?? claim.high?.number
            let high = claim.high?.number ?? claim.value?.number ?? claim.low?.number
            guard let low, let high else { continue }
            readings.append((CalendarDate.dayNumber(year: date.year, month: month, day: day), date, low, high, claim))
        }
        readings.sort { ($0.day, $0.low) < ($1.day, $1.low) }
        guard Set(readings.map(\.day)).count >= 2 else { return nil }
        let plotLeft = 60.0, plotRight = Self.width - 20, top = 16.0, bottom = 170.0
        let firstDay = readings.first!.day, lastDay = readings.last!.day
        let axis = Axis(least: readings.map(\.low).min()!, most: readings.map(\.high).max()!, openEnds: false)
        func x(_ day: Int) -> Double { plotLeft + (plotRight - plotLeft) * Double(day - firstDay) / Double(max(1, lastDay - firstDay)) }
        func y(_ v: Double) -> Double { bottom - (bottom - top) * axis.fraction(v) }
        var body = ""
        var steps: [String] = []
        for (a, b) in zip(readings, readings.dropFirst()) {
            let rose = b.day > a.day && b.low >= a.low
            let kind = rose ? "update" : "contradiction"
            body += "<line class=\"step \(kind)\" x1=\"\(f(x(a.day)))\" y1=\"\(f(y((a.low + a.high) / 2)))\" x2=\"\(f(x(b.day)))\" y2=\"\(f(y((b.low + b.high) / 2)))\"/>\n"
            steps.append("\(Figure.format(a.high)) on \(a.date.iso) to \(Figure.format(b.low)) on \(b.date.iso): \(rose ? "an update" : b.day == a.day ? "a contradiction (the same day)" : "a contradiction (it fell)")")
        }
        for reading in readings {
            if reading.low != reading.high {
                body += "<line class=\"range\" x1=\"\(f(x(reading.day)))\" y1=\"\(f(y(reading.low)))\" x2=\"\(f(x(reading.day)))\" y2=\"\(f(y(reading.high)))\"/>"
            }
            // "At least 1,200": an arrow up from the figure; "up to 2,000": down.
            let point = y((reading.low + reading.high) / 2)
            if reading.claim.high == nil, reading.claim.low != nil {
                body += "<path class=\"open-end\" d=\"M\(f(x(reading.day))) \(f(point)) V\(f(point - 16)) M\(f(x(reading.day) - 4)) \(f(point - 11)) L\(f(x(reading.day))) \(f(point - 17)) L\(f(x(reading.day) + 4)) \(f(point - 11))\"/>"
            } else if reading.claim.low == nil, reading.claim.high != nil {
                body += "<path class=\"open-end\" d=\"M\(f(x(reading.day))) \(f(point)) V\(f(point + 16)) M\(f(x(reading.day) - 4)) \(f(point + 11)) L\(f(x(reading.day))) \(f(point + 17)) L\(f(x(reading.day) + 4)) \(f(point + 11))\"/>"
            }
            body += "<circle class=\"reading\" cx=\"\(f(x(reading.day)))\" cy=\"\(f(y((reading.low + reading.high) / 2)))\" r=\"4.5\">"
            body += "<title>\(HTMLText.escape(FigureText.describe(reading.claim) + ", " + reading.date.iso + " — " + (reading.claim.speaker ?? "unattributed")))</title></circle>\n"
        }
        body += "<line class=\"axis\" x1=\"\(f(plotLeft))\" y1=\"\(f(bottom + 6))\" x2=\"\(f(plotRight))\" y2=\"\(f(bottom + 6))\"/>"
        // Dates that would overlap are left out (the first and the last are always labelled).
        var labelled: [Int] = []
        for day in Set(readings.map(\.day)).sorted() {
            if let last = labelled.last, x(day) - x(last) < 84 {
                if day == lastDay, labelled.count > 1 { labelled[labelled.count - 1] = day }
                continue
            }
            labelled.append(day)
        }
        for day in labelled {
            let anchor = day == firstDay ? "start" : day == lastDay ? "end" : "middle"
            body += "<line class=\"axis\" x1=\"\(f(x(day)))\" y1=\"\(f(bottom + 6))\" x2=\"\(f(x(day)))\" y2=\"\(f(bottom + 10))\"/>"
            body += "<text class=\"tick\" x=\"\(f(x(day)))\" y=\"\(f(bottom + 22))\" text-anchor=\"\(anchor)\">\(HTMLText.escape(CalendarDate(dayNumber: day).iso))</text>"
        }
        for tick in axis.ticks() {
            body += "<text class=\"tick\" x=\"\(f(plotLeft - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(HTMLText.escape(Figure.format(tick)))</text>"
        }
        body += "\n"
        // A long series is described by its first steps and a count of the rest.
        var description = "A total to date by the day it was reported: " + steps.prefix(Self.maxRows).joined(separator: "; ")
        if steps.count > Self.maxRows {
            let rest = steps.dropFirst(Self.maxRows)
            let updates = rest.filter { $0.hasSuffix("an update") }.count
            description += "; then \(rest.count) more steps: \(updates) updates, \(rest.count - updates) contradictions"
        }
        description += "."
        return wrap(title: "The running total over time", description: description, height: bottom + 30, kind: "timeline", body: body)
    }

    // MARK: Helpers

    private func wrap(title: String, description: String, height: Double, kind: String, body: String) -> String {
        let id = "chart-\(number)-\(kind)"
        var svg = "<svg class=\"chart \(kind)\" viewBox=\"0 0 \(f(Self.width)) \(f(height))\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" "
        svg += "xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title id=\"\(id)-t\">\(HTMLText.escape(title))</title>\n<desc id=\"\(id)-d\">\(HTMLText.escape(description))</desc>\n"
        svg += "<defs><pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        svg += "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch\"/></pattern></defs>\n"
        svg += body.replacingOccurrences(of: "<rect class=\"gap\"", with: "<rect class=\"gap\" fill=\"url(#\(id)-hatch)\"")
        return svg + "</svg>"
    }

    private func arrow(at x: Double, y: Double, left: Bool, side: String) -> String {
        let tip = left ? x - 2 : x + 2, back = left ? x + 7 : x - 7
        return "<path class=\"s\(side) head\" d=\"M\(f(back)) \(f(y - 5)) L\(f(tip)) \(f(y)) L\(f(back)) \(f(y + 5)) Z\"/>"
    }

    /// "A 339 children — Medinsky: 339" in words for the description.
    static func describe(_ row: Row) -> String {
        let label = row.label.trimmingCharacters(in: .whitespaces)
        switch (row.low, row.high) {
        case let (low?, high?) where low == high: return "\(label) at \(Figure.format(low))"
        case let (low?, high?): return "\(label) from \(Figure.format(low)) to \(Figure.format(high))"
        case let (low?, nil): return "\(label) from \(Figure.format(low)) up"
        case let (nil, high?): return "\(label) up to \(Figure.format(high))"
        default: return label
        }
    }

    static func clip(_ text: String, _ count: Int) -> String { text.count <= count ? text : String(text.prefix(count - 1)) + "…" }

    /// Minutes in each time unit, to put durations on one axis.
    static let minutes: [String: Double] = [
        "seconds": 1.0 / 60, "minutes": 1, "hours": 60, "days": 1440, "weeks": 10080, "months": 43_830, "years": 525_960,
    ]

    /// Coordinates with one decimal: short, and the same bytes on every machine.
    private func f(_ value: Double) -> String { String(format: "%.1f", value) }
}

extension FindingChart {
    /// The axis of a chart: linear, or logarithmic when the figures span more than two orders of magnitude.
    struct Axis {
        let lower: Double
        let upper: Double
        let logarithmic: Bool

        init(least: Double, most: Double, openEnds: Bool) {
            logarithmic = least > 0 && most / least > 100
            var lower = least, upper = most
            if logarithmic {
                lower = least / (openEnds ? 2 : 1.3)
                upper = most * (openEnds ? 2 : 1.3)
            } else {
                let span = max(most - least, abs(most) * 0.2, 1)
                lower = least - span * (openEnds ? 0.3 : 0.12)
                upper = most + span * (openEnds ? 0.3 : 0.12)
                if least >= 0 { lower = max(0, lower) }
            }
            self.lower = lower
            self.upper = upper
        }

        /// Where `value` falls between the ends, 0…1.
        func fraction(_ value: Double) -> Double {
            if logarithmic { return (log10(max(value, lower)) - log10(lower)) / (log10(upper) - log10(lower)) }
            return (value - lower) / (upper - lower)
        }

        /// Four to six round values inside the axis.
        func ticks() -> [Double] {
            if logarithmic {
                var ticks: [Double] = []
                var power = pow(10, floor(log10(lower)))
                while power <= upper {
                    if power >= lower { ticks.append(power) }
                    power *= 10
                }
                return ticks
            }
            let raw = (upper - lower) / 5
            let magnitude = pow(10, floor(log10(raw)))
            let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
            var tick = ceil(lower / step) * step
            var ticks: [Double] = []
            while tick <= upper + step * 1e-9 {
                ticks.append(tick)
                tick += step
            }
            return ticks
        }
    }
}
