/// Text from an article or a file name made safe to print on a terminal: every control character is
/// shown as a visible escape (`\x1b`, `\n`, `\u{9b}`) instead of acting.
///
/// An article (or a file someone named) can hold ESC, OSC and C1 sequences that clear the screen,
/// set the window title or write to the clipboard, and newlines that forge lines of tally's own
/// messages; bidirectional overrides can make text read in an order other than the bytes'.
public enum TerminalText {
    /// `text` with C0 controls, DEL, C1 controls and bidirectional controls escaped.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out += escaped(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A whole result bound for a terminal, as a last guard: lines and tabs are kept, and so are
    /// colour codes (`ESC [ 1;31 m`, which can only restyle text); every other control is escaped.
    public static func forTerminal(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\t" || !needsEscape(scalar) {
                out.append(scalar)
            } else if scalar == "\u{1B}", let end = colourCodeEnd(scalars, from: index) {
                out.append(contentsOf: scalars[index...end])
                index = end
            } else {
                out.append(contentsOf: escaped(scalar).unicodeScalars)
            }
            index += 1
        }
        return String(out)
    }

    /// The index of the `m` ending a colour code (`ESC [`, digits and `;`, `m`) starting at `start`.
    static func colourCodeEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, index - start < 24 {
            let scalar = scalars[index]
            if scalar == "m" { return index }
            guard scalar == ";" || ("0"..."9").contains(scalar) else { return nil }
            index += 1
        }
        return nil
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi marks and overrides
        default: return false
        }
    }

    static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            let hex = String(scalar.value, radix: 16)
            return scalar.value <= 0xFF
                ? "\\x" + (hex.count < 2 ? "0" : "") + hex
                : "\\u{" + hex + "}"
        }
    }
}
