/// Why the peer suites cannot be scored: a case file that does not read, or one of Tally's documented
/// disagreement patterns that does not compile.
public enum PeerError: Error, CustomStringConvertible {
    case badLine(file: String, line: Int, reason: String)
    case badDisagreementPattern(reason: String, pattern: String, problem: String)

    public var description: String {
        switch self {
        case .badLine(let file, let line, let reason): return "\(file):\(line): error: not a peer case: \(reason)"
        case .badDisagreementPattern(let reason, let pattern, let problem):
            return "PeerDisagreements: the pattern for '\(reason)' does not compile (\(problem)): \(pattern)"
        }
    }
}
