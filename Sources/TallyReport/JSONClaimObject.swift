import TallyCore

/// Writes a claim's fields as the members of its JSON object (`{"doc":…,"kind":…`, without the
/// closing brace) into any `JSONSink`: the pass `ClaimWriter` makes once to bound a record and once to
/// write it, inlined into one straight run per claim.
struct JSONClaimObject<Sink: JSONSink>: ClaimFieldVisitor {
    var out: Sink

    /// The field's key with what comes before it in the object (`{"doc":`, then `,"kind":` and so on):
    /// a literal, so that writing it copies bytes known when compiling. A new field without one does not
    /// compile; `ClaimWriterTests` checks each against the field's name and place in the table.
    @inline(__always)
    static func key(_ field: ClaimField) -> StaticString {
        switch field {
        case .doc: return "{\"doc\":"
        case .kind: return ",\"kind\":"
        case .value: return ",\"value\":"
        case .low: return ",\"low\":"
        case .high: return ",\"high\":"
        case .qualifier: return ",\"qualifier\":"
        case .unit: return ",\"unit\":"
        case .scope: return ",\"scope\":"
        case .subject: return ",\"subject\":"
        case .event: return ",\"event\":"
        case .speaker: return ",\"speaker\":"
        case .quote: return ",\"quote\":"
        case .start: return ",\"start\":"
        case .end: return ",\"end\":"
        case .sentence: return ",\"sentence\":"
        case .rule: return ",\"rule\":"
        case .story: return ",\"story\":"
        case .status: return ",\"status\":"
        case .change: return ",\"change\":"
        case .from: return ",\"from\":"
        }
    }

    @inline(__always)
    mutating func text(_ field: ClaimField, _ value: String?) {
        out.literal(JSONClaimObject.key(field))
        out.optionalString(value)
    }

    @inline(__always)
    mutating func keyword(_ field: ClaimField, _ value: String?) {
        out.literal(JSONClaimObject.key(field))
        guard let value else { return out.literal("null") }
        out.literal("\"")
        out.raw(value)
        out.literal("\"")
    }

    @inline(__always)
    mutating func figure(_ field: ClaimField, _ value: Figure?) {
        out.literal(JSONClaimObject.key(field))
        out.figure(value)
    }

    @inline(__always)
    mutating func integer(_ field: ClaimField, _ value: Int) {
        out.literal(JSONClaimObject.key(field))
        out.int(value)
    }

    @inline(__always)
    mutating func words(_ field: ClaimField, _ value: [String]?) {
        out.literal(JSONClaimObject.key(field))
        guard let value else { return out.literal("null") }
        out.literal("[")
        for index in value.indices {
            if index > 0 { out.literal(",") }
            out.string(value[index])
        }
        out.literal("]")
    }
}
