import Foundation

/// One test case from a peer's suite (`../shared/peers/*.jsonl`): an input and what the peer
/// expects from it. `expect` is one object (Duckling) or a list of entities (Recognizers-Text).
public struct PeerCase: Sendable, Decodable {
    public var suite: String
    public var input: String
    public var expect: JSONValue
    /// The reference date-time relative expressions resolve against, if any.
    public var reference: String?
    public var notSupportedIn: String?

    public init(suite: String, input: String, expect: JSONValue, reference: String?, notSupportedIn: String?) {
        self.suite = suite
        self.input = input
        self.expect = expect
        self.reference = reference
        self.notSupportedIn = notSupportedIn
    }

    enum CodingKeys: String, CodingKey {
        case suite, input, expect, reference
        case notSupportedIn = "not_supported_in"
    }

    /// Reads a JSON Lines file of cases; a line that does not decode is reported with its number.
    public static func load(path: String) throws -> [PeerCase] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let decoder = JSONDecoder()
        var cases: [PeerCase] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
            do {
                cases.append(try decoder.decode(PeerCase.self, from: Data(line)))
            } catch {
                throw PeerError.badLine(file: path, line: number + 1, reason: "\(error)")
            }
        }
        return cases
    }
}
