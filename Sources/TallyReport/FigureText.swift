import TallyCore

/// Short human wording of a claim's figure: "less than 400", "6,000 per side", "1,000–1,200 minutes".
///
/// Built from the normalised fields (qualifier, interval, unit, scope), so a reader can compare
/// figures at a glance; the report shows the article's own wording beside it.
public enum FigureText {
    public static func describe(_ claim: Claim) -> String {
        var text = interval(claim)
        if let unit = claim.unit, !unit.isEmpty { text += " " + unit }
        switch claim.scope {
        case .perSide?: text += " per side"
        case .oneSide?: text += " one way"
        case .total?: text += " in total"
        case nil: break
        }
        return text
    }

    /// The interval part: "at least 1,000", "1,000–1,200", "about 90".
    static func interval(_ claim: Claim) -> String {
        let value = claim.value.map { $0.description }
        let low = claim.low.map { $0.description }
        let high = claim.high.map { $0.description }
        switch claim.qualifier {
        case .exact: return value ?? low ?? high ?? "?"
        case .approximate: return "about " + (value ?? low ?? high ?? "?")
        case .atLeast: return "at least " + (low ?? value ?? "?")
        case .atMost: return "up to " + (high ?? value ?? "?")
        case .moreThan: return "more than " + (low ?? value ?? "?")
        case .lessThan: return "less than " + (high ?? value ?? "?")
        case .range:
            switch (low, high) {
            case let (l?, h?): return l == h ? l : l + "–" + h
            case let (l?, nil): return "from " + l
            case let (nil, h?): return "up to " + h
            case (nil, nil): return value ?? "?"
            }
        }
    }
}
