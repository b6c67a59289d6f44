import Foundation
import TallyCore
import TallyNumerals

/// The strict reading of the peer suites (issue 15): every case counts, nothing is out of scope and
/// no disagreement excuses a failure, except a date Tally resolves to the past where the peer
/// resolves to the future (listed, not counted). A case passes when each value it expects is found
/// among Tally's quantities of the matching kind (extra readings are allowed); a case expecting
/// nothing passes only when Tally reads no figure of that kind.
enum PeerStrictMapping {
    static func outcome(_ c: PeerCase, _ quantities: [Quantity], reference: CalendarDate?, analysis: TextAnalysis, vocabulary: NumeralVocabulary) -> PeerOutcome {
        let suite = c.suite
        if suite.hasPrefix("duckling/") { return duckling(c, quantities) }
        if suite.hasSuffix("NumberModel.json") {
            let expected = PeerMapping.entities(c).map { $0["value"]?.number }
            return contains(PeerMapping.figures(quantities), expected)
        }
        if suite.hasSuffix("NumberRangeModel.json") { return numberRanges(c, quantities) }
        if suite.hasSuffix("PercentModel.json") {
            let expected = PeerMapping.entities(c).map { $0["value"]?.number }
            return contains(PeerMapping.figures(quantities.filter { $0.kind == .percent }), expected)
        }
        if suite.hasSuffix("CurrencyModel.json") { return currencies(c, quantities) }
        if suite.hasSuffix("DateTimeModel.json") { return dates(c, quantities, reference: reference, analysis: analysis) }
        return .fail("unknown suite")
    }

    static func duckling(_ c: PeerCase, _ quantities: [Quantity]) -> PeerOutcome {
        guard let expected = c.expect["value"]?.number, let type = c.expect["type"]?.string else { return .fail("no value") }
        if type == "duration" {
            guard let grain = c.expect["grain"]?.string, let unit = PeerMapping.grainSeconds[grain] else { return .fail("grain") }
            let found = quantities.contains { $0.kind == .duration && $0.valueInSeconds.map { PeerMapping.close($0, expected * unit) } == true }
            return found ? .pass : .fail("expected \(Figure.format(expected * unit))s, got \(PeerMapping.summary(quantities))")
        }
        let found = quantities.contains { $0.kind == .number && $0.value?.number.map { PeerMapping.close($0, expected) } == true }
        return found ? .pass : .fail("expected \(Figure.format(expected)), got \(PeerMapping.summary(quantities))")
    }

    /// Each expected value found (as a multiset); `nil` is an expectation Tally cannot meet.
    static func contains(_ actual: [Double], _ expected: [Double?]) -> PeerOutcome {
        let a = actual.map(PeerMapping.round6).sorted()
        let e = expected.map { $0.map(PeerMapping.round6) }
        let detail = "expected \(e.map { $0.map(Figure.format) ?? "?" }), got \(a.map(Figure.format))"
        if e.isEmpty { return a.isEmpty ? .pass : .fail(detail) }
        return containsAll(a, e) ? .pass : .fail(detail)
    }

    static func containsAll<T: Equatable>(_ actual: [T], _ expected: [T?]) -> Bool {
        var pool = actual
        for value in expected {
            guard let value, let i = pool.firstIndex(of: value) else { return false }
            pool.remove(at: i)
        }
        return true
    }

    static func numberRanges(_ c: PeerCase, _ quantities: [Quantity]) -> PeerOutcome {
        var expected: [String?] = []
        for e in PeerMapping.entities(c) {
            guard let r = e["range"] else { expected.append(nil); continue }
            let lo = r["lo"]?.number
            let hi = r["hi"]?.number
            let closed = lo != nil && hi != nil
            let loIncl = r["lo_inclusive"].map { $0 == .bool(true) } ?? false
            let hiIncl = r["hi_inclusive"].map { $0 == .bool(true) } ?? false
            expected.append(PeerMapping.rangeKey(lo: lo, loInclusive: closed || loIncl, hi: hi, hiInclusive: closed || hiIncl))
        }
        var actual: [String] = []
        var exact = 0
        for q in quantities where q.kind != .date && !q.isVague {
            let lo = q.low?.number
            let hi = q.high?.number
            switch q.qualifier {
            case .atLeast: actual.append(PeerMapping.rangeKey(lo: lo, loInclusive: true, hi: nil, hiInclusive: false))
            case .moreThan: actual.append(PeerMapping.rangeKey(lo: lo, loInclusive: false, hi: nil, hiInclusive: false))
            case .atMost: actual.append(PeerMapping.rangeKey(lo: nil, loInclusive: false, hi: hi, hiInclusive: true))
            case .lessThan: actual.append(PeerMapping.rangeKey(lo: nil, loInclusive: false, hi: hi, hiInclusive: false))
            case .range where lo != nil && hi != nil: actual.append(PeerMapping.rangeKey(lo: lo, loInclusive: true, hi: hi, hiInclusive: true))
            default:
                // "equal to 20": an exact figure is the closed range [20, 20].
                if let v = q.value?.number {
                    actual.append(PeerMapping.rangeKey(lo: v, loInclusive: true, hi: v, hiInclusive: true))
                    exact += 1
                }
            }
        }
        let detail = "expected \(expected.map { $0 ?? "?" }), got \(actual.sorted())"
        // A case expecting no range fails on a range or bound Tally reads, not on a plain figure.
        if expected.isEmpty { return actual.count == exact ? .pass : .fail(detail) }
        return containsAll(actual, expected) ? .pass : .fail(detail)
    }

    static func currencies(_ c: PeerCase, _ quantities: [Quantity]) -> PeerOutcome {
        var expected: [String?] = []
        for e in PeerMapping.entities(c) {
            guard var v = e["value"]?.number, let name = e["unit"]?.string, var code = PeerMapping.currencyCode(name) ?? subunits[name]?.code else {
                expected.append(nil)
                continue
            }
            // Tally states a sub-unit in its currency: "12 cents" is 0.12 dollars.
            if let sub = subunits[name] { (v, code) = (v * sub.factor, sub.code) }
            expected.append(Figure.format(PeerMapping.round6(v)) + " " + code)
        }
        let actual = quantities.filter { $0.kind == .money }.compactMap { q in
            q.value?.number.map { Figure.format(PeerMapping.round6($0)) + " " + (q.unit ?? "") }
        }
        let detail = "expected \(expected.map { $0 ?? "?" }), got \(actual.sorted())"
        if expected.isEmpty { return actual.isEmpty ? .pass : .fail(detail) }
        return containsAll(actual, expected) ? .pass : .fail(detail)
    }

    static let subunits: [String: (code: String, factor: Double)] = [
        "Cent": ("USD", 0.01), "Pence": ("GBP", 0.01), "Penny": ("GBP", 0.01), "Satoshi": ("BTC", 1e-8),
    ]

    static func closedRange(_ e: JSONValue) -> PeerMapping.DateKey? {
        guard let r = e["range"]?.array, r.count == 2, let a = r[0].string.flatMap(CalendarDate.init(iso:)),
            let b = r[1].string.flatMap(CalendarDate.init(iso:))
        else { return nil }
        return .days(a.dayRange.lowerBound, b.dayRange.lowerBound)
    }

    /// An open range: "after 2018" is `[2019-01-01, null]`; "before 2018" (mod `before`, no range
    /// in the data) ends at the start of its timex, "until" (`until`) after its end. A timex the
    /// calendar cannot place ("XXXX-07-04", "PRESENT_REF") has no bound.
    static func openRange(_ e: JSONValue) -> PeerMapping.DateKey? {
        if let r = e["range"]?.array, r.count == 2, r[1] == .null, let a = r[0].string.flatMap(CalendarDate.init(iso:)) {
            return .from(a.dayRange.lowerBound)
        }
        guard e["range"] == nil, let mod = e["mod"]?.array?.first?.string, mod == "before" || mod == "until",
            let timex = e["timex"]?.array?.first?.string, let d = CalendarDate(iso: timex)
        else { return nil }
        return mod == "before" ? .until(d.dayRange.lowerBound) : .until(d.dayRange.upperBound + 1)
    }

    static func dates(_ c: PeerCase, _ quantities: [Quantity], reference: CalendarDate?, analysis: TextAnalysis) -> PeerOutcome {
        var expected: [PeerMapping.DateKey?] = []
        for e in PeerMapping.entities(c) {
            let type = e["type"]?.string ?? ""
            if type.hasSuffix(".duration") {
                expected.append(e["seconds"]?.number.map { .duration(PeerMapping.round6($0)) })
            } else if type.hasSuffix(".date") {
                guard let v = e["value"]?.string, let d = CalendarDate(iso: v), d.precision == .day else { expected.append(nil); continue }
                expected.append(.days(d.dayRange.lowerBound, d.dayRange.lowerBound + 1))
            } else if type.hasSuffix(".daterange") {
                expected.append(openRange(e) ?? closedRange(e))
            } else {
                expected.append(nil)
            }
        }
        let actual = PeerMapping.dateKeys(quantities, analysis: analysis)
        let detail = "expected \(expected.map { $0?.description ?? "?" }), got \(actual.sorted().map(\.description))"
        if expected.isEmpty { return actual.isEmpty ? .pass : .fail(detail) }
        if containsAll(actual, expected) { return .pass }
        let known = expected.compactMap { $0 }
        if let ref = reference, known.count == expected.count {
            // Past-biased: the expected spans Tally misses are each found resolved earlier.
            let r = ref.dayRange.upperBound
            var spare = actual.filter { !known.contains($0) }
            let missing = known.filter { !actual.contains($0) }
            let excused = missing.allSatisfy { e in
                let i: Int?
                switch e {
                case .days(let ea, let eb):
                    i = spare.firstIndex(where: {
                        if case .days(let aa, let ab) = $0 { return abs((ab - aa) - (eb - ea)) <= 1 && aa <= r && ea > aa && eb > r }
                        return false
                    })
                case .from(let ea):
                    // "since August": the last August for Tally, the next for the peer.
                    i = spare.firstIndex(where: {
                        if case .from(let aa) = $0 { return aa <= r && ea > r && ea - aa <= 366 }
                        return false
                    })
                default: i = nil
                }
                guard let i else { return false }
                spare.remove(at: i)
                return true
            }
            if !missing.isEmpty, excused { return .disagreement("past-biased date: \(detail)") }
        }
        return .fail(detail)
    }
}
