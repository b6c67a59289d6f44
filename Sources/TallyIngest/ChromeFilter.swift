import TallyMemory

/// Recognises lines of page chrome that copies of web articles carry: counters, share and comment
/// widgets, image credits. A small table of line patterns, matched on the whole trimmed line
/// (case-insensitive), so a sentence that merely mentions "subscribe" is never dropped.
enum ChromeFilter {
    /// Whole lines that are widget labels, never article text.
    static let exactLines: Set<String> = [
        "subscribe", "subscribe now", "notify of", "guest", "oldest", "newest", "newest most voted", "most voted",
        "inline feedbacks", "view all comments", "load more comments", "show comments", "hide comments",
        "related sources", "related", "related articles", "related stories", "related posts", "read more",
        "read next", "recommended", "more stories", "share", "share this", "share this article", "share this story",
        "share on facebook", "share on twitter", "share on x", "share on linkedin", "share on whatsapp", "tweet",
        "email", "print", "copy link", "copied", "advertisement", "sponsored", "skip to content", "skip to main content",
        "leave a comment", "leave a reply", "post a comment", "comments", "comment", "reply", "login", "log in",
        "sign in", "sign up", "register", "like", "likes", "follow us", "facebook", "twitter", "x", "linkedin",
        "whatsapp", "telegram", "reddit", "pinterest", "menu", "search", "close", "back to top", "listen",
        "listen to this article", "save", "bookmark", "trending", "popular", "latest", "loading…", "loading...",
        "advert", "don't miss", "don’t miss", "more", "see more", "show more", "tell us what you think...",
        "tell us what you think", "click to tweet", "continue reading", "also read", "see also", "tags", "home",
        "learn more", "you may also like", "you might also like", "more from", "most read", "top stories",
    ]

    /// Line starts that mark credits, captions and comment-system boilerplate.
    static let prefixes: [String] = [
        "image source:", "image credit:", "image credits:", "image:", "photo:", "photo credit:", "photograph:",
        "photo by ", "picture:", "source of image:", "featured image:", "this site uses akismet",
        "learn how your comment data is processed", "notify of new", "please log in to", "you must be logged in",
        "log in to comment", "log in to reply", "click to share", "share this:", "like this:", "related posts:",
        "advertisement -", "- advertisement", "story continues below", "article continues below",
    ]

    /// Words that, next to a bare number, make a counter ("0 Comments", "Shares: 118", "1.2K views").
    static let counterWords: Set<String> = [
        "comment", "comments", "share", "shares", "like", "likes", "view", "views", "reaction", "reactions",
        "reply", "replies", "vote", "votes", "read", "reads", "min read", "minute read", "minutes read",
    ]

    /// Whether a trimmed line is page chrome.
    /// `countsAreChrome: false` keeps bare numbers (HTML table cells are numbers, not counters).
    /// (ASCII lines are decided on their bytes, see `isChrome(utf8:countsAreChrome:)`.)
    static func isChrome(_ line: String, countsAreChrome: Bool = true) -> Bool {
        // Chrome lines are short; long lines are prose (and checking them would cost time).
        guard line.utf8.count <= 160 else { return false }
        return line.withBytes { isChrome(utf8: $0, countsAreChrome: countsAreChrome) }
    }

    /// The rules on Strings, for lines that are not ASCII.
    static func isChromeString(_ line: String, countsAreChrome: Bool) -> Bool {
        guard line.utf8.count <= 160 else { return false }
        let lower = line.lowercased()
        var bare = lower
        while let last = bare.last, last == ":" || last == "|" || last == "»" || last == "›" { bare.removeLast() }
        bare = bare.trimmingSpaces()
        if exactLines.contains(bare) { return true }
        if countsAreChrome && isCount(bare) { return true }
        for prefix in prefixes where lower.hasPrefix(prefix) { return true }
        return isCounter(bare) || isDateline(bare)
    }

    /// Words that may accompany a date in a dateline ("Updated at 1:23 p.m. EST").
    static let datelineWords: Set<String> = [
        "updated", "published", "posted", "last", "on", "at", "am", "pm", "a", "p", "m", "gmt", "utc", "est", "edt",
        "et", "pst", "pdt", "cst", "cdt", "bst", "cet", "cest", "ist", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "may",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june",
        "july", "august", "september", "october", "november", "december", "st", "nd", "rd", "th",
    ]

    /// A short line that is only a date or timestamp: "2019-11-19T08:57:40+01:00", "Updated at 1:23 p.m.",
    /// "November 18, 2019". Needs a digit, and every word must be a date word.
    static func isDateline(_ lower: String) -> Bool {
        guard lower.utf8.count <= 48, lower.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        for word in lower.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            if word.allSatisfy(\.isNumber) { continue }
            // ISO timestamps glue the time to the day: "19t08".
            if word.contains("t"), word.split(separator: "t").allSatisfy({ $0.allSatisfy(\.isNumber) }) { continue }
            let letters = word.drop(while: \.isNumber)
            if datelineWords.contains(String(letters)) { continue }
            return false
        }
        return true
    }

    /// A bare number, possibly abbreviated: "0", "118", "1,204", "1.2K", "3M".
    static func isCount(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let last = scalars.last, "kKmM".unicodeScalars.contains(last) { scalars = scalars.dropLast() }
        guard let first = scalars.first, first.properties.numericType != nil, first.isASCII else { return false }
        return scalars.allSatisfy { ($0.isASCII && $0.properties.numericType != nil) || $0 == "," || $0 == "." }
    }

    /// "0 Comments", "Comments (3)", "Shares: 118", "5 min read".
    static func isCounter(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "(" || $0 == ")" })
        guard words.count >= 2, words.count <= 4 else { return false }
        if isCount(String(words[0])) {
            return counterWords.contains(words[1...].joined(separator: " "))
        }
        if let last = words.last, isCount(String(last)) {
            return counterWords.contains(words.dropLast().joined(separator: " "))
        }
        return false
    }
}
