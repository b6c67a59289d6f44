/// A rule's `subject` template split once into its parts: literal text, `$capture`, `{party}` and
/// `{@class}` (the value of the lexicon class's phrase nearest the figure: in its sentence, else its
/// paragraph — how "13 Israelis" in a paragraph about hostages becomes "Israeli hostage release").
struct SubjectTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case capture(String)
        case party
        case nearest(className: String)
    }

    let parts: [Part]

    init(_ template: String) {
        var parts: [Part] = []
        var literal = ""
        var scalars = template.unicodeScalars[...]
        while let first = scalars.first {
            if first == "$" {
                let name = scalars.dropFirst().prefix(while: { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) })
                if !name.isEmpty {
                    if !literal.isEmpty { parts.append(.text(literal)) }
                    literal = ""
                    parts.append(.capture(String(String.UnicodeScalarView(name))))
                    scalars = scalars.dropFirst(name.count + 1)
                    continue
                }
            } else if first == "{", scalars.dropFirst().first == "@", let close = scalars.firstIndex(of: "}") {
                let name = String(String.UnicodeScalarView(scalars[scalars.index(scalars.startIndex, offsetBy: 2)..<close]))
                if !literal.isEmpty { parts.append(.text(literal)) }
                literal = ""
                parts.append(.nearest(className: name))
                scalars = scalars[scalars.index(after: close)...]
                continue
            } else if String(String.UnicodeScalarView(scalars.prefix(7))) == "{party}" {
                if !literal.isEmpty { parts.append(.text(literal)) }
                literal = ""
                parts.append(.party)
                scalars = scalars.dropFirst(7)
                continue
            }
            literal.unicodeScalars.append(first)
            scalars = scalars.dropFirst()
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        self.parts = parts
    }

    /// The lexicon classes `{@class}` parts name.
    var nearestClasses: [String] {
        parts.compactMap { if case .nearest(let name) = $0 { return name } else { return nil } }
    }

    /// The subject with captures, the party and the nearest phrases filled in, runs of spaces collapsed
    /// and the ends trimmed.
    func expand(capture: (String) -> String, party: () -> String, nearest: (String) -> String = { _ in "" }) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .text(let literal): text += literal
            case .capture(let name): text += capture(name)
            case .party: text += party()
            case .nearest(let className): text += nearest(className)
            }
        }
        return SubjectTemplate.collapsingSpaces(text)
    }

    /// `text` with runs of spaces as one and no leading or trailing space.
    static func collapsingSpaces(_ text: String) -> String {
        // Most subjects need nothing: no space at either end, none doubled.
        var previous: UInt8 = 0x20
        var clean = true
        for byte in text.utf8 {
            if byte == 0x20, previous == 0x20 {
                clean = false
                break
            }
            previous = byte
        }
        if clean, previous != 0x20 { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
