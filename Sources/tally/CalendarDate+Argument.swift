import ArgumentParser
import TallyCore

/// `--published 2025-06-02`: the option is a date from the moment it is parsed, so a bad one is a usage
/// error naming the value and the form it should take ("The value '2025-13-01' is invalid for
/// '--published <YYYY-MM-DD>'"), and no command parses it again.
extension CalendarDate: ExpressibleByArgument {
    /// Reads `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`; a longer ISO timestamp is cut to its date).
    public init?(argument: String) { self.init(iso: argument) }

    /// How `--help` and the error for a bad value name the form a date takes.
    static let argumentValueName = "YYYY-MM-DD"
}
