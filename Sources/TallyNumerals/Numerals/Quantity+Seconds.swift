import TallyCore

extension Quantity {
    /// The figure in seconds when its unit is a time unit (a month counts 30 days, a year 365), else nil.
    /// For tools that compare durations with other parsers (the peer suites in `TallyEvaluation`).
    public var valueInSeconds: Double? {
        guard let value = value?.number, let unit, let seconds = TimeUnit.seconds[unit] else { return nil }
        return value * seconds
    }
}
