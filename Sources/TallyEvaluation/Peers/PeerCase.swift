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

public enum PeerError: Error, CustomStringConvertible {
    case badLine(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .badLine(let file, let line, let reason): return "\(file):\(line): error: not a peer case: \(reason)"
        }
    }
}

/// Any JSON value, for the loosely shaped `expect` field.
public enum JSONValue: Sendable, Decodable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    public var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// A number, or a string holding one ("192", "100%", "-2.85714285714286").
    public var number: Double? {
        switch self {
        case .number(let n): return n
        case .string(let s):
            let trimmed = s.hasSuffix("%") ? String(s.dropLast()) : s
            return Double(trimmed)
        default: return nil
        }
    }
}
