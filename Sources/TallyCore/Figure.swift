/// A figure as news states it: a number, or a calendar date for date claims.
///
/// Encodes as a JSON number or an ISO date string, as `docs/contract.md` says.
public enum Figure: Sendable, Hashable, Codable, CustomStringConvertible {
    case number(Double)
    case date(CalendarDate)

    public var number: Double? { if case .number(let n) = self { return n } else { return nil } }
    public var date: CalendarDate? { if case .date(let d) = self { return d } else { return nil } }

    /// Human form: `1,000`, `2.5`, `2025-06-02`.
    public var description: String {
        switch self {
        case .date(let date): return date.iso
        case .number(let n): return Figure.format(n)
        }
    }

    /// Formats a number with thousands separators and no trailing `.0`.
    public static func format(_ n: Double) -> String {
        if n.isInfinite { return n < 0 ? "-∞" : "∞" }
        if n == n.rounded(), abs(n) < 1e15 {
            let integer = Int(n)
            var digits = Array(String(abs(integer)))
            var grouped = ""
            while digits.count > 3 {
                grouped = "," + String(digits.suffix(3)) + grouped
                digits.removeLast(3)
            }
            return (integer < 0 ? "-" : "") + String(digits) + grouped
        }
        return "\(n)"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .date(try container.decode(CalendarDate.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let n):
            if n == n.rounded(), abs(n) < 9e15 { try container.encode(Int64(n)) } else { try container.encode(n) }
        case .date(let date): try container.encode(date.iso)
        }
    }
}
