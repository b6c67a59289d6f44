import TallyCore

/// `corpus/scores.json`: the gold scores in a stable shape (sorted keys, fixed rounding) so a
/// `git diff` of it shows exactly which kinds and rules got better or worse.
public enum ScoresJSON {
    public static func render(_ scores: GoldScores) -> String {
        var out = "{\n"
        out += "  \"articles\": \(scores.articles),\n"
        out += "  \"total\": \(object(scores.total)),\n"
        out += "  \"kinds\": {\n" + entries(scores.byKind) + "  },\n"
        out += "  \"rules\": {\n" + entries(scores.byRule) + "  },\n"
        let unfound = scores.unfound.map { "    {\"article\": \(JSONText.string($0.article)), \"id\": \(JSONText.string($0.claim.id)), \"quote\": \(JSONText.string($0.claim.quote))}" }
        out += "  \"unfound_quotes\": [" + (unfound.isEmpty ? "" : "\n" + unfound.joined(separator: ",\n") + "\n  ") + "]\n"
        return out + "}\n"
    }

    static func entries(_ scores: [String: GoldScore]) -> String {
        let sorted = scores.keys.sorted()
        return sorted.enumerated().map { index, key in
            "    \(JSONText.string(key)): \(object(scores[key]!))" + (index + 1 < sorted.count ? "," : "") + "\n"
        }.joined()
    }

    /// One score on one line: counts, then detection and strict precision/recall/F1.
    static func object(_ s: GoldScore) -> String {
        let fields: [(String, String)] = [
            ("predicted", String(s.predicted)), ("gold", String(s.gold)), ("detected", String(s.detected)), ("strict", String(s.strict)),
            ("gold_detected", String(s.goldDetected)), ("gold_strict", String(s.goldStrict)),
            ("detection_p", rounded(s.detectionPrecision)), ("detection_r", rounded(s.detectionRecall)), ("detection_f1", rounded(s.detectionF1)),
            ("strict_p", rounded(s.strictPrecision)), ("strict_r", rounded(s.strictRecall)), ("strict_f1", rounded(s.strictF1)),
        ]
        return "{" + fields.map { "\"\($0)\": \($1)" }.joined(separator: ", ") + "}"
    }

    static func rounded(_ value: Double?) -> String {
        guard let value else { return "null" }
        let thousandths = Int((value * 1000).rounded())
        return thousandths == 1000 ? "1" : thousandths == 0 ? "0" : "0." + String(repeating: "0", count: 3 - String(thousandths).count) + trimmed(String(thousandths))
    }

    private static func trimmed(_ digits: String) -> String {
        var digits = digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return digits
    }
}
