import Foundation

/// How the scores moved since the accepted `scores.json`: one line per kind or rule whose precision,
/// recall or F1 changed, so a rule author sees at once whether an edit helped.
public enum ScoresDelta {
    static let metrics = [
        ("detection_p", "det P"), ("detection_r", "det R"), ("detection_f1", "det F1"),
        ("strict_p", "str P"), ("strict_r", "str R"), ("strict_f1", "str F1"),
    ]

    /// Lines such as `prisoners: det R 0.72 → 0.6, str R 0.68 → 0.56`; empty when nothing moved or
    /// the accepted file is missing or unreadable.
    public static func lines(accepted: String?, current: String) -> [String] {
        guard let accepted, let old = parse(accepted), let new = parse(current) else { return [] }
        var lines: [String] = []
        for section in ["total", "kinds", "rules"] {
            let before = entries(old, section)
            let after = entries(new, section)
            for name in Set(before.keys).union(after.keys).sorted() {
                let label = section == "total" ? "all kinds" : name
                guard let a = before[name] else { lines.append("\(label): new"); continue }
                guard let b = after[name] else { lines.append("\(label): gone"); continue }
                let moved = metrics.compactMap { key, short -> String? in
                    let x = text(a[key]), y = text(b[key])
                    return x == y ? nil : "\(short) \(x) → \(y)"
                }
                if !moved.isEmpty { lines.append("\(label): " + moved.joined(separator: ", ")) }
            }
        }
        return lines
    }

    static func parse(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    static func entries(_ root: [String: Any], _ section: String) -> [String: [String: Any]] {
        if section == "total" { return (root["total"] as? [String: Any]).map { ["total": $0] } ?? [:] }
        return (root[section] as? [String: [String: Any]]) ?? [:]
    }

    static func text(_ value: Any?) -> String {
        guard let number = value as? NSNumber else { return "–" }
        return "\(number.doubleValue)".replacingOccurrences(of: ".0$", with: "", options: .regularExpression)
    }
}
