import Foundation

/// Where Tally deliberately reads a peer's case differently, or the case is outside what a news
/// numerals layer models. Each rule is a pattern on the input, applied only to cases that fail,
/// and each is listed with its reason in `docs/numerals.md`.
enum PeerDisagreements {
    struct Rule {
        var reason: String
        var pattern: NSRegularExpression
        /// Out of scope rather than a deliberate difference.
        var outOfScope: Bool
    }

    /// A disagreement as written below: its reason, its pattern, whether it is out of scope.
    typealias Source = (reason: String, pattern: String, outOfScope: Bool)

    static func rule(_ reason: String, _ pattern: String, outOfScope: Bool = false) -> Source {
        (reason, pattern, outOfScope)
    }

    /// The number disagreements, compiled.
    static func numberRules() throws(PeerError) -> [Rule] { try compile(numberSources) }

    /// Compiles disagreements; a pattern that does not compile is reported with its reason.
    static func compile(_ sources: [Source]) throws(PeerError) -> [Rule] {
        try sources.map { source throws(PeerError) in
            do {
                return Rule(reason: source.reason, pattern: try NSRegularExpression(pattern: source.pattern), outOfScope: source.outOfScope)
            } catch {
                throw PeerError.badDisagreementPattern(reason: source.reason, pattern: source.pattern, problem: "\(error)")
            }
        }
    }

    static let numberSources: [Source] = [
        rule("arithmetic notation (exponents, scientific)", #"\^|\d[eE][+-]?\d|x10"#, outOfScope: true),
        rule("'X over/out of/in Y' keeps two figures", #"(?i)\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|twenty-one|hundred|thousand)\s+(over|out of|in)\s+(\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty)"#),
        rule("ordinary spaces do not group digits", #"\b\d{1,3}( \d{3})+\b"#),
        rule("a comma groups thousands (no decimal comma, no lakh grouping)", #"\d,\d{1,2}(\D|$)|\d\.\d{3},\d"#),
        rule("'m' after a figure is million", #"\d\s?m\b"#),
        rule("one-letter 'l' is not lakh", #"\d\s?l$"#),
        rule("a capitalised word joined to a number is a name", #"\b[A-Z]{2,}-\d"#),
        rule("IP addresses and phone numbers are not quantities", #"\d+\.\d+\.\d+|\+\d"#),
        rule("'G' after a figure is not giga", #"\dG\b"#),
        rule("ordinal arithmetic ('one hundred thirty fifths', 'a trillionth')", #"(?i)(hundred|thousand|million|twenty|thirty)[ -]+\w+(th|ths|firsts)\b|\b(a|one|two|three|twenty)\s+(\w+-)?\w+(ths|firsts)\b.*\band\b|\btrillionths?\b|\bdozens?\b.*\band\b|\band\b.*\bdozens?\b|\band\b.*\band\b.*(ths|thirds)\b"#),
    ]

    static func classify(_ input: String, rules: [Rule]) -> (reason: String, outOfScope: Bool)? {
        let range = NSRange(input.startIndex..., in: input)
        for r in rules where r.pattern.firstMatch(in: input, range: range) != nil { return (r.reason, r.outOfScope) }
        return nil
    }
}
