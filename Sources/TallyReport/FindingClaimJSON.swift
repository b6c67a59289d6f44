import TallyCore

/// A finding's claim as the JSON report holds it, written straight into bytes: what `JSONEncoder`
/// (pretty-printed, sorted keys) makes of a `FindingClaim`, byte for byte, without its boxes and dynamic
/// casts, which were a third of `tally report --format json`. Only for claims whose every string needs no
/// escaping and whose figures are whole numbers or dates; `write` refuses any other claim, which the
/// encoder then writes (a test holds the two to the same bytes).
enum FindingClaimJSON {
    /// Appends the claim's object (its lines after the first indented by `indent` spaces more than the
    /// encoder's), or appends nothing and returns false.
    static func write(_ item: FindingClaim, indent: Int, into out: inout [UInt8]) -> Bool {
        let c = item.claim
        guard plain(c.doc), plain(c.quote), plain(c.rule), plain(c.sentence), c.speaker.map(plain) ?? true, c.unit.map(plain) ?? true,
            plainFigure(c.high), plainFigure(c.low), plainFigure(c.value)
        else { return false }
        out.append(0x7B)  // {
        func key(_ name: String, first: Bool = false) {
            if !first { out.append(0x2C) }
            out.append(0x0A)
            out += repeatElement(0x20, count: indent + 2)
            out.append(0x22)
            out += name.utf8
            out += [0x22, 0x20, 0x3A, 0x20]  // " : 
        }
        func string(_ text: String?) {
            guard let text else { return null() }
            out.append(0x22)
            out += text.utf8
            out.append(0x22)
        }
        func null() { out += [0x6E, 0x75, 0x6C, 0x6C] }
        func int(_ n: Int) { out += String(n).utf8 }
        func figure(_ value: Figure?) {
            switch value {
            case nil: null()
            case .number(let n)?: int(Int(Int64(n)))
            case .date(let date)?: string(date.iso)
            }
        }
        key("doc", first: true)
        string(c.doc)
        key("end")
        int(c.end)
        key("high")
        figure(c.high)
        key("low")
        figure(c.low)
        key("position")
        int(item.position)
        key("qualifier")
        string(c.qualifier.rawValue)
        key("quote")
        string(c.quote)
        key("rule")
        string(c.rule)
        key("scope")
        string(c.scope?.rawValue)
        key("sentence")
        string(c.sentence)
        key("speaker")
        string(c.speaker)
        key("start")
        int(c.start)
        key("unit")
        string(c.unit)
        key("value")
        figure(c.value)
        out.append(0x0A)
        out += repeatElement(0x20, count: indent)
        out.append(0x7D)  // }
        return true
    }

    /// Text the encoder writes as it is: no quote, backslash, control character or DEL.
    static func plain(_ text: String) -> Bool {
        !text.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }
    }

    /// A figure the encoder writes as a whole number (`Figure.encode`), or a date whose text is plain.
    static func plainFigure(_ value: Figure?) -> Bool {
        switch value {
        case nil: return true
        case .number(let n)?: return n == n.rounded() && abs(n) < 9e15
        case .date(let date)?: return plain(date.iso)
        }
    }
}
