import TallyCore

/// The "strict" comparison of a claim with its gold claim: value or interval after unit
/// normalisation (durations in minutes), and qualifier (gold `per_side` means scope per_side).
public enum GoldFieldCheck {
    /// Minutes per time unit, singular and plural.
    static let minutes: [String: Double] = [
        "second": 1.0 / 60, "seconds": 1.0 / 60, "minute": 1, "minutes": 1, "hour": 60, "hours": 60, "day": 1440, "days": 1440,
        "week": 10080, "weeks": 10080, "month": 43830, "months": 43830, "year": 525_960, "years": 525_960,
    ]

    /// Field descriptions that differ, e.g. `value 1 hours ≠ gold 60 minutes`; empty when they agree.
    public static func mismatches(_ claim: Claim, _ gold: GoldClaim) -> [String] {
        var problems: [String] = []
        if let value = gold.value, !valueAgrees(claim, value, goldUnit: gold.unit) {
            problems.append("value \(stated(claim)) ≠ gold \(value)\(gold.unit.map { " " + $0 } ?? "")")
        }
        if let qualifier = gold.qualifier {
            if qualifier == "per_side" {
                if claim.scope != .perSide { problems.append("scope \(claim.scope?.rawValue ?? "null") ≠ gold per_side") }
            } else if qualifier != claim.qualifier.rawValue {
                problems.append("qualifier \(claim.qualifier.rawValue) ≠ gold \(qualifier)")
            }
        }
        return problems
    }

    /// The claim's figure as text: `60 minutes`, `[2, 3] days`.
    static func stated(_ claim: Claim) -> String {
        let unit = claim.unit.map { " " + $0 } ?? ""
        if let value = claim.value { return value.description + unit }
        return "[\(claim.low?.description ?? "null"), \(claim.high?.description ?? "null")]" + unit
    }

    static func valueAgrees(_ claim: Claim, _ gold: GoldValue, goldUnit: String?) -> Bool {
        switch gold {
        case .interval(let low, let high):
            // A claim stating one exact figure matches a degenerate gold interval too.
            let claimLow = claim.low ?? (claim.value != nil && claim.qualifier == .exact ? claim.value : nil)
            let claimHigh = claim.high ?? (claim.value != nil && claim.qualifier == .exact ? claim.value : nil)
            return same(claimLow, low, claim.unit, goldUnit) && same(claimHigh, high, claim.unit, goldUnit)
        case .number, .date:
            return same(claim.value ?? claim.low ?? claim.high, gold, claim.unit, goldUnit)
        }
    }

    static func same(_ figure: Figure?, _ gold: GoldValue?, _ unit: String?, _ goldUnit: String?) -> Bool {
        switch (figure, gold) {
        case (nil, nil): return true
        case (.date(let date)?, .date(let iso)?): return date.iso == iso
        case (.number(let n)?, .number(let g)?):
            if let unit, let goldUnit, unit != goldUnit, let a = minutes[unit], let b = minutes[goldUnit] {
                return close(n * a, g * b, tolerance: 0.02)  // months and years are not whole numbers of days
            }
            return close(n, g, tolerance: 1e-9)
        default: return false
        }
    }

    static func close(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        if a.isInfinite || b.isInfinite { return a == b }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }
}
