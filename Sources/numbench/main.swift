import Foundation
import TallyCore
import TallyNumerals

let path = CommandLine.arguments[1]
let text = try String(contentsOfFile: path, encoding: .utf8)
var lexicon = Lexicon()
for f in ["qualifiers", "currencies", "units", "models"] {
    let src = try String(contentsOfFile: "rules/lexicon/\(f).yaml", encoding: .utf8)
    lexicon.merge(Lexicon.parse(yaml: src, file: f).0)
}
let scanner = NumeralScanner(vocabulary: NumeralVocabulary(lexicon: lexicon))
let clock = ContinuousClock()
var count = 0
let mode = CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : "scan"
let t = clock.measure {
    if mode == "tok" {
        var start = text.startIndex
        while start < text.endIndex {
            let end = text[start...].firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
            count += TextAnalysis(text: String(text[start..<end])).tokens.count
            start = end
        }
    } else {
        scanner.scanInChunks(text, reference: CalendarDate(year: 2025, month: 6, day: 2)) { _, _, _ in count += 1 }
    }
}
let seconds = Double(t.components.seconds) + Double(t.components.attoseconds) / 1e18
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let mb = Double(text.utf8.count) / 1e6
let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
print(String(format: "%@: %.1f MB in %.2fs wall = %.1f MB/s; process CPU %.2fs; %d items, peak RSS %.0f MB", mode as NSString, mb, seconds, mb / seconds, cpu, count, Double(usage.ru_maxrss) / 1024))
