import Foundation
import TallyCore

/// Endless varied copies of seed articles: every figure re-drawn with the same number of digits, and
/// hedges swapped, deterministically (same seeds, same sequence).
struct DocumentVariator {
    let seeds: [Document]
    private var counter = 0
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    static let hedgeSwaps: [(String, String)] = [
        ("at least", "more than"), ("nearly", "about"), ("up to", "as many as"), ("roughly", "some"), ("less than", "under"),
    ]

    init(seeds: [Document]) { self.seeds = seeds }

    /// One generated article: its id, publication date and text.
    struct Article {
        var id: String
        var published: CalendarDate?
        var text: String
        /// The article as a plain-text file: front matter with the date, then the text.
        var withFrontMatter: String { (published.map { "---\npublished: \($0.iso)\n---\n" } ?? "") + text }
    }

    /// The next article as (id, plain-text file contents).
    mutating func next() -> (String, String) {
        let article = nextArticle()
        return (article.id, article.withFrontMatter)
    }

    mutating func nextArticle() -> Article {
        let seed = seeds[counter % seeds.count]
        counter += 1
        var text = ""
        text.reserveCapacity(seed.text.utf8.count + 64)
        for scalar in seed.text.unicodeScalars {
            if ("1"..."9").contains(scalar) {
                text.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "1") + UInt8(random() % 9)))
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        if counter % 2 == 0 {
            for (a, b) in DocumentVariator.hedgeSwaps { text = text.replacingOccurrences(of: a, with: b) }
        }
        return Article(id: "generated-\(counter)", published: seed.published, text: text)
    }

    private mutating func random() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
