import TallyCore

/// Whether a predicted figure fits a gold one, by the shared scorer's rule (`value_ok` in
/// `../shared/eval/score_claims.py`): numbers within 1% (durations in minutes), proper intervals that
/// meet, dates by ISO prefix. Lenient on purpose: it scores finding the figure, not stating it exactly.
public enum CompatibleValues {
    /// A figure's ends as the scorer compares them: numbers, or date strings for `date` claims.
    public enum Ends: Sendable, Equatable {
        case numbers([Double?])
        case dates([String?])
    }

    static let minutesPerUnit: [String: Double] = [
        "minute": 1, "minutes": 1, "min": 1, "hour": 60, "hours": 60, "h": 60,
        "day": 1440, "days": 1440, "week": 10080, "weeks": 10080,
        "month": 43200, "months": 43200, "year": 525600, "years": 525600,
        "second": 1.0 / 60, "seconds": 1.0 / 60,
    ]

    static func factor(kind: String, unit: String?) -> Double {
        kind == "duration" ? unit.flatMap { minutesPerUnit[$0.lowercased()] } ?? 1 : 1
    }

    /// Gold `(low, high)`: a value or `[low, high]`; for numbers both ends or neither (as Python's `float`
    /// fails on a whole pair).
    public static func gold(_ claim: GoldClaim, kind: String) -> Ends {
        let ends: [GoldValue?]
        switch claim.value {
        case .interval(let low, let high): ends = [low, high]
        case let value: ends = [value, value]
        }
        if kind == "date" { return .dates(ends.map { $0.map(pythonString) }) }
        let factor = factor(kind: kind, unit: claim.unit)
        var numbers: [Double?] = []
        for end in ends {
            switch end {
            case .number(let n): numbers.append(n * factor)
            case nil: numbers.append(nil)
            default: return .numbers([nil, nil])
            }
        }
        return .numbers(numbers)
    }

    /// Prediction `(low, high, value)`; a lone value stands for both ends.
    public static func predicted(_ claim: Claim) -> Ends {
        var low = claim.low, high = claim.high
        if low == nil, high == nil, let value = claim.value { (low, high) = (value, value) }
        let ends = [low, high, claim.value]
        if claim.kind == "date" { return .dates(ends.map { $0.map(pythonString) }) }
        let factor = claim.kind == "duration" ? minutesPerUnit[(claim.unit ?? "minutes").lowercased()] ?? 1 : 1
        return .numbers(ends.map { $0?.number.map { $0 * factor } })
    }

    /// `value_ok`.
    public static func fit(gold: Ends, predicted: Ends) -> Bool {
        switch (gold, predicted) {
        case (.dates(let g), .dates(let p)):
            let golds = g.compactMap { $0 }.filter { !$0.isEmpty }.map { String($0.prefix(10)) }
            let candidates = p.compactMap { $0 }.filter { !$0.isEmpty }.map { String($0.prefix(10)) }
            return candidates.contains { c in golds.contains { c.hasPrefix($0) || $0.hasPrefix(c) } }
        case (.numbers(let g), .numbers(let p)):
            let golds = g.compactMap { $0 }, candidates = p.compactMap { $0 }
            if candidates.contains(where: { c in golds.contains { close(c, $0) } }) { return true }
            guard g.count == 2, let gl = g[0], let gh = g[1], let pl = p[0], let ph = p[1], gl != gh, pl != ph else { return false }
            return max(gl, pl) <= min(gh, ph)
        default:
            return false
        }
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= max(1e-9, 0.01 * max(abs(a), abs(b))) }

    /// `str()` of the value as PyYAML or JSON gives it: whole numbers without `.0`.
    static func pythonString(_ value: GoldValue) -> String {
        switch value {
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .date(let d): return d
        case .interval: return value.description
        }
    }

    /// A gold value as Python prints it: `2300`, `[1000, 9999]`, `2023-09-10`.
    static func pythonList(_ value: GoldValue) -> String {
        guard case .interval(let low, let high) = value else { return pythonString(value) }
        let ends = [low, high].map { end -> String in
            switch end {
            case nil: return "None"
            case .date(let d)?: return "'\(d)'"
            case let other?: return pythonString(other)
            }
        }
        return "[\(ends[0]), \(ends[1])]"
    }

    static func pythonString(_ figure: Figure) -> String {
        switch figure {
        case .number(let n): return n == n.rounded() && abs(n) < 9e15 ? String(Int64(n)) : String(n)
        case .date(let d): return d.iso
        }
    }
}
