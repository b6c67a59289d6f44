/// How a figure is hedged: the qualifier set of `docs/contract.md`.
///
/// "at least 1,000" → `atLeast`; "nearly 400" → `lessThan`... see `rules/lexicon/qualifiers.yaml`
/// for the words behind each case. Raw values are the contract's JSON strings.
public enum Qualifier: String, Sendable, Hashable, Codable, CaseIterable {
    case exact
    case approximate
    case atLeast = "at_least"
    case atMost = "at_most"
    case moreThan = "more_than"
    case lessThan = "less_than"
    case range
}

/// What a figure counts across the two sides of an exchange.
public enum Scope: String, Sendable, Hashable, Codable, CaseIterable {
    /// "1,000-for-1,000", "1,000 on each side".
    case perSide = "per_side"
    /// Handed over one way ("unilaterally hand over 6,000").
    case oneSide = "one_side"
    /// Both sides together ("12,000 in total").
    case total
}
