/// `Codable` by the field table (`ClaimField`): every field written in contract order, `null`
/// included, and read back strictly, as `tally reconcile` reads a claims file.
extension Claim {
    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeFields(fieldValues.map { ($0.field, $0.value.encodable) })
    }

    /// Every field that cannot be null must be there (a claims file is whole).
    public init(from decoder: any Decoder) throws {
        try self.init(from: decoder.container(keyedBy: ClaimField.self), required: { _ in true })
    }

    /// Reads the fields `container` holds, in table order. A `required` field that cannot be null must
    /// be present and not null; another may be missing, and keeps its value in `Claim.empty`. A value
    /// that does not fit its field (a qualifier Tally does not know) is an error wherever it is. The
    /// errors are `DecodingError`s naming the field, as a synthesized decoder throws them.
    public init(from container: KeyedDecodingContainer<ClaimField>, required: (ClaimField) -> Bool) throws {
        var claim = Claim.empty
        for field in ClaimField.allCases {
            let value: ClaimFieldValue
            switch field.shape {
            case .text: value = .text(try container.decodeIfPresent(String.self, forKey: field))
            case .keyword: value = .keyword(try container.decodeIfPresent(String.self, forKey: field))
            case .figure: value = .figure(try container.decodeIfPresent(Figure.self, forKey: field))
            case .integer: value = .integer(try container.decodeIfPresent(Int.self, forKey: field))
            case .words: value = .words(try container.decodeIfPresent([String].self, forKey: field))
            }
            if field.set(value, in: &claim) { continue }
            if !value.isNull {
                throw DecodingError.dataCorruptedError(forKey: field, in: container, debugDescription: "not a \(field.name): \(value)")
            }
            guard required(field) else { continue }
            let context = DecodingError.Context(codingPath: container.codingPath + [field], debugDescription: "\(field.name) cannot be null")
            if container.contains(field) { throw DecodingError.valueNotFound(String.self, context) }
            throw DecodingError.keyNotFound(field, context)
        }
        self = claim
    }
}
