/// Character references (`&amp;`, `&#8217;`, `&#x26;`) left in text that libxml2 never decodes: attribute
/// values written doubly escaped by CMSs (`content="M&amp;#038;A"`) and strings inside JSON-LD scripts, whose
/// content libxml2 keeps raw. Without this, titles read "Tips &#8211; Tricks".
enum HTMLEntities {
    /// The names that occur in titles and metadata; the full HTML list is not worth its size here.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "sbquo": "‚", "bdquo": "„", "hellip": "…",
        "bull": "•", "middot": "·", "laquo": "«", "raquo": "»", "copy": "©", "reg": "®", "trade": "™",
        "deg": "°", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "times": "×", "divide": "÷",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à", "acirc": "â", "auml": "ä",
        "ouml": "ö", "uuml": "ü", "oacute": "ó", "iacute": "í", "uacute": "ú", "ntilde": "ñ", "ccedil": "ç",
        "szlig": "ß", "frac12": "½", "frac14": "¼", "frac34": "¾", "pipe": "|", "vert": "|", "colon": ":",
        "comma": ",", "period": ".", "excl": "!", "quest": "?", "num": "#", "percnt": "%", "dollar": "$",
        "lpar": "(", "rpar": ")", "sol": "/", "plus": "+", "equals": "=", "semi": ";",
    ]

    /// `text` with character references decoded; twice when the first pass leaves another one
    /// (`&amp;#8230;` is an ellipsis escaped twice). Text without `&` is returned as is.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let once = decodeOnce(text)
        return once.utf8.contains(UInt8(ascii: "&")) ? decodeOnce(once) : once
    }

    private static func decodeOnce(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            guard s[i] == "&" else {
                out.append(s[i])
                i += 1
                continue
            }
            // A reference is short: look for its `;` within 10 scalars.
            var j = i + 1
            while j < s.count, j - i <= 10, s[j] != ";", s[j] != "&", !s[j].properties.isWhitespace { j += 1 }
            if j < s.count, s[j] == ";", j > i + 1, let decoded = reference(String(String.UnicodeScalarView(s[(i + 1)..<j]))) {
                out.append(contentsOf: decoded.unicodeScalars)
                i = j + 1
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(out)
    }

    /// The text for `name` (without `&` and `;`): `#8217`, `#x2019`, or a name from `named`.
    private static func reference(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits)
            }
            guard let value, value > 0, let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
        return named[name] ?? named[name.lowercased()]
    }
}
