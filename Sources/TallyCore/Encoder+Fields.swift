/// A JSON object key given as text, for objects whose keys come from a table.
public struct FieldKey: CodingKey, Sendable, Hashable {
    public var stringValue: String
    public var intValue: Int? { nil }

    public init(_ name: String) { stringValue = name }
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

extension Encoder {
    /// Writes `fields` in order, `nil` as `null`: the contract lists every field of a record, and a
    /// synthesized `encode(to:)` would leave the nil ones out. Every record type with such a contract
    /// encodes through this.
    public func encodeFields<Key: CodingKey>(_ fields: [(Key, any Encodable)]) throws {
        var container = container(keyedBy: Key.self)
        for (key, value) in fields { try container.encode(value, forKey: key) }
    }
}
