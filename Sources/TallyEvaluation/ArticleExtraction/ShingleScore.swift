/// The article-extraction-benchmark metric for one page: 4-gram shingles over lower-cased `\w+` tokens,
/// counted as multisets; true positives are the shingles both texts share.
struct ShingleScore: Sendable, Hashable {
    var truePositives: Int
    var falsePositives: Int
    var falseNegatives: Int

    /// Precision; 0 when nothing was predicted.
    var precision: Double {
        truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
    }

    /// Recall; 0 when there was nothing to find.
    var recall: Double {
        truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
    }

    init(truePositives: Int, falsePositives: Int, falseNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    init(expected: String, predicted: String, n: Int = 4) {
        let truth = ShingleScore.shingles(expected, n: n)
        let guess = ShingleScore.shingles(predicted, n: n)
        var tp = 0, fp = 0, fn = 0
        for (key, count) in truth {
            let other = guess[key] ?? 0
            tp += min(count, other)
            fn += max(0, count - other)
        }
        for (key, count) in guess {
            fp += max(0, count - (truth[key] ?? 0))
        }
        self.init(truePositives: tp, falsePositives: fp, falseNegatives: fn)
    }

    /// Python's `re.findall(r'\w+', text.lower())`: runs of letters, digits and underscores.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if isWord(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    static func isWord(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Shingle counts: every run of `n` consecutive tokens (a shorter text is one shingle).
    static func shingles(_ text: String, n: Int) -> [String: Int] {
        let words = tokens(text)
        var counts: [String: Int] = [:]
        guard !words.isEmpty else { return counts }
        for i in 0..<max(1, words.count - n + 1) {
            let shingle = words[i..<min(words.count, i + n)].joined(separator: " ")
            counts[shingle, default: 0] += 1
        }
        return counts
    }
}
