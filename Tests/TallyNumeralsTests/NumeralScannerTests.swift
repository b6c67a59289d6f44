import Foundation
import Testing
import TallyCore
@testable import TallyNumerals

/// Each case: a text and the quantities expected in it (`kind [span] value low..high qualifier unit`).
struct NumeralScannerTests {
    static let cases: [(String, [String])] = [
        ("about 400 people", ["number [about 400] 400 400..400 approximate"]),
        ("more than 40", ["number [more than 40] 40 40..nil more_than"]),
        ("up to 1,200", ["number [up to 1,200] 1,200 nil..1,200 at_most"]),
        ("no fewer than 300 and 1,000 or more", ["number [no fewer than 300] 300 300..nil at_least", "number [1,000 or more] 1,000 1,000..nil at_least"]),
        ("1,000 to 1,200 and 18-25", ["range [1,000 to 1,200] nil 1,000..1,200 range", "range [18-25] nil 18..25 range"]),
        ("two or three soldiers", ["range [two or three] nil 2..3 range"]),
        ("a 1,200-for-1,200 and an all-for-all swap", ["per_side [1,200-for-1,200] 1,200 1,200..1,200 exact", "per_side [all-for-all] nil nil..nil exact all"]),
        ("they paid 5 for 3 tickets", ["number [5] 5 5..5 exact", "number [3] 3 3..3 exact"]),
        ("an hours-long delay, days-long talks", []),
        ("an hour and a half, a week, 18 months, month-long", [
            "duration [an hour and a half] 90 90..90 exact minutes", "duration [a week] 1 1..1 exact weeks",
            "duration [18 months] 18 18..18 exact months", "duration [month-long] 1 1..1 exact months",
        ]),
        ("talks dragged on for months", ["duration [months] nil 2..11 range months vague"]),
        ("shelling went on all day, all week and all night; all days count", [
            "duration [all day] 1 1..1 exact days", "duration [all week] 1 1..1 exact weeks",
        ]),
        ("$3bn, ₴500, 200 hryvnias and 7 billion dollars", [
            "money [$3bn] 3,000,000,000 3,000,000,000..3,000,000,000 exact USD", "money [₴500] 500 500..500 exact UAH",
            "money [200 hryvnias] 200 200..200 exact UAH", "money [7 billion dollars] 7,000,000,000 7,000,000,000..7,000,000,000 exact USD",
        ]),
        ("40% and 12.5 per cent", ["percent [40%] 40 40..40 exact percent", "percent [12.5 per cent] 12.5 12.5..12.5 exact percent"]),
        ("on Sunday, on Monday and May 16, 16 May 2025, March 2022", [
            "date [Sunday] 2025-06-01 2025-06-01..2025-06-01 exact", "date [Monday] 2025-06-02 2025-06-02..2025-06-02 exact",
            "date [May 16] 2025-05-16 2025-05-16..2025-05-16 exact", "date [16 May 2025] 2025-05-16 2025-05-16..2025-05-16 exact",
            "date [March 2022] 2022-03 2022-03..2022-03 exact",
        ]),
        ("last month, next week, in 2022, since 2014", [
            "date [last month] 2025-05 2025-05..2025-05 exact", "date [next week] nil 2025-06-09..2025-06-15 range",
            "date [2022] 2022 2022..2022 exact", "date [2014] 2014 2014..2014 exact",
        ]),
        ("dozens, hundreds, thousands, tens of thousands", [
            "range [dozens] nil 24..144 range vague", "range [hundreds] nil 100..999 range vague",
            "range [thousands] nil 1,000..9,999 range vague", "range [tens of thousands] nil 10,000..99,999 range vague",
        ]),
        ("a dozen eggs, half a million, a fifth of Ukraine, half of them", [
            "number [a dozen] 12 12..12 exact", "number [half a million] 500,000 500,000..500,000 exact",
            "number [a fifth] 0.2 0.2..0.2 exact fraction", "number [half] 0.5 0.5..0.5 exact fraction",
        ]),
        ("the second round, a 19th-century fort, a Boeing 737, F-16s and Su-34, at 10:30, at 3 pm", []),
        ("a 90-year-old man, people 18 to 25 years old", ["age [90-year-old] 90 90..90 exact years", "age [18 to 25 years old] nil 18..25 range years"]),
        ("twenty-three, one hundred and five, a couple of days, 1.2 million, 100k", [
            "number [twenty-three] 23 23..23 exact", "number [one hundred and five] 105 105..105 exact",
            "duration [a couple of days] 2 2..2 exact days", "number [1.2 million] 1,200,000 1,200,000..1,200,000 exact",
            "number [100k] 100,000 100,000..100,000 exact",
        ]),
        ("the 2022 invasion and 2014-2018", ["date [2022] 2022 2022..2022 exact", "date [2014-2018] nil 2014..2018 range"]),
        ("Russia would hand over 6,000 bodies", ["number [6,000] 6,000 6,000..6,000 exact"]),
        ("a score of 18 - 25 and 3-1", ["range [18 - 25] nil 18..25 range", "number [3] 3 3..3 exact", "number [1] 1 1..1 exact"]),
        ("it cost 3 dollars 50 cents, 75 USD million and 30 MUSD", [
            "money [3 dollars 50 cents] 3.5 3.5..3.5 exact USD", "money [75 USD million] 75,000,000 75,000,000..75,000,000 exact USD",
            "money [30 MUSD] 30,000,000 30,000,000..30,000,000 exact USD",
        ]),
        ("a $48 million contract and A$15", ["money [$48 million] 48,000,000 48,000,000..48,000,000 exact USD", "money [A$15] 15 15..15 exact AUD"]),
        ("more than 10 and less than 20 people; 5,000 or so", ["range [more than 10 and less than 20] nil 10..20 range", "number [5,000 or so] 5,000 5,000..5,000 approximate"]),
        ("two days ago, three months ago, on 10/1/2018, on the 18th.", [
            "date [two days ago] 2025-05-31 2025-05-31..2025-05-31 exact", "date [three months ago] 2025-03 2025-03..2025-03 exact",
            "date [10/1/2018] 2018-10-01 2018-10-01..2018-10-01 exact", "date [18th] 2025-06-18 2025-06-18..2025-06-18 exact",
        ]),
        ("a fifth of 1/5 and between the ninth and the seventeenth of April", [
            "number [a fifth] 0.2 0.2..0.2 exact fraction", "number [1/5] 0.2 0.2..0.2 exact fraction",
            "date [between the ninth and the seventeenth of April] nil 2025-04-09..2025-04-17 range",
        ]),
        ("the one who left, no one knows, one of them", ["number [one] 1 1..1 exact"]),
        ("only one passenger survived, the only one who did", ["number [one] 1 1..1 exact"]),
        ("call +1-222-2222-2222 or see https://x.org/a-2025-06-02?q=30%", []),
        ("call 0800 555 0142 or 020-44 10 00; several billion dollars; on Tuesday, the first of many", [
            "money [several billion dollars] nil 3,000,000,000..9,000,000,000 range USD vague", "date [Tuesday] 2025-06-03 2025-06-03..2025-06-03 exact",
        ]),
        ("from this May to Oct 2026, last March, the year 2008, 10/1-11/2/2017, between the 21st and 23rd.", [
            "date [from this May to Oct 2026] nil 2025-05..2026-10 range", "date [last March] 2025-03 2025-03..2025-03 exact",
            "date [year 2008] 2008 2008..2008 exact", "date [10/1-11/2/2017] nil 2017-10-01..2017-11-02 range",
            "date [between the 21st and 23rd] nil 2025-06-21..2025-06-23 range",
        ]),
        // "Black Friday" is its own day (holidays.yaml), never the last Friday; "USA Today" no date.
        ("on Black Friday, via USA Today, on Friday", ["date [Black Friday] 2024-11-29 2024-11-29..2024-11-29 exact", "date [Friday] 2025-05-30 2025-05-30..2025-05-30 exact"]),
        ("ransoms of several hundred thousand dollars", ["money [several hundred thousand dollars] nil 300,000..900,000 range USD vague"]),
        ("a quarter-point cut, a three-year-long war, a quarter of them", [
            "number [a quarter] 0.25 0.25..0.25 exact fraction", "duration [three-year-long] 3 3..3 exact years", "number [a quarter] 0.25 0.25..0.25 exact fraction",
        ]),
        ("a 96W adapter, an i9 chip, a 2018 MacBook, over several years", [
            "date [2018] 2018 2018..2018 exact", "duration [over several years] nil 3..9 range years vague",
        ]),
        ("50 to 80 mm of rain; a two-for-one deal; a budget for 2027", [
            "measure [50 to 80 mm] nil 50..80 range mm", "number [two] 2 2..2 exact", "number [one] 1 1..1 exact", "date [2027] 2027 2027..2027 exact",
        ]),
    ]

    @Test(arguments: cases.indices)
    func scans(_ index: Int) {
        let (text, expected) = Self.cases[index]
        #expect(describe(text) == expected)
    }

    /// Without a reference only full dates are read, and a day whose weekday fixes its year (the latest
    /// year up to today in which May 16 was a Monday).
    @Test func relativeDatesNeedAReference() {
        #expect(describe("on Monday, May 16, in May, last month, 16 May 2025 and in 2022", reference: nil) == [
            "date [Monday, May 16] 2022-05-16 2022-05-16..2022-05-16 exact",
            "date [16 May 2025] 2025-05-16 2025-05-16..2025-05-16 exact", "date [2022] 2022 2022..2022 exact",
        ])
        #expect(describe("on Tuesday, May 16, in May", reference: nil) == ["date [Tuesday, May 16] 2023-05-16 2023-05-16..2023-05-16 exact"])
    }

    @Test func pastBiasedResolution() {
        // Published Tuesday 3 June 2025: "on Monday" is the day before, "in July" last year's July.
        let tuesday = CalendarDate(year: 2025, month: 6, day: 3)
        #expect(describe("on Monday, in July, in May, on June 20", reference: tuesday) == [
            "date [Monday] 2025-06-02 2025-06-02..2025-06-02 exact", "date [July] 2024-07 2024-07..2024-07 exact",
            "date [May] 2025-05 2025-05..2025-05 exact", "date [June 20] 2025-06-20 2025-06-20..2025-06-20 exact",
        ])
        // Tomorrow's weekday is tomorrow ("the truce takes effect on Wednesday"); the others look back.
        #expect(describe("on Wednesday, on Thursday", reference: tuesday) == [
            "date [Wednesday] 2025-06-04 2025-06-04..2025-06-04 exact", "date [Thursday] 2025-05-29 2025-05-29..2025-05-29 exact",
        ])
    }

    @Test func recordsWriteEveryFieldInContractOrder() throws {
        let records = QuantityRecord.records(doc: "a.txt", text: "at least 1,000 and 2.5 hours", reference: nil, scanner: scanner)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let lines = try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        #expect(lines == [
            #"{"bound":null,"change":null,"doc":"a.txt","end":14,"from":null,"high":null,"kind":"number","low":1000,"qualifier":"at_least","start":0,"text":"at least 1,000","unit":null,"value":1000,"window_end":null,"window_start":null}"#,
            #"{"bound":null,"change":null,"doc":"a.txt","end":28,"from":null,"high":150,"kind":"duration","low":150,"qualifier":"exact","start":19,"text":"2.5 hours","unit":"minutes","value":150,"window_end":null,"window_start":null}"#,
        ])
    }

    @Test func vocabularyReportsUnknownValues() {
        let (bad, _) = Lexicon.parse(yaml: "qualifier:\n  roughly_about: [circa]\ntime_unit:\n  fortnights: [fortnight]\n", file: "x.yaml")
        let (_, problems) = NumeralVocabulary.load(lexicon: bad)
        #expect(problems.map(\.description) == [
            "x.yaml:2:1: error: unknown qualifier 'roughly_about' (expected one of exact, approximate, at_least, at_most, more_than, less_than, range)",
            "x.yaml:4:1: error: unknown time unit 'fortnights' (expected one of days, hours, minutes, months, quarters, seconds, weeks, years)",
        ])
    }
}

struct ChunkedScanTests {
    /// Scanning in small pieces gives the same records, offsets included, as one scan.
    @Test func chunksAgreeWithOneScan() {
        let line = "Russia said “at least 1,000” on Monday – 6,000-for-6,000, about 90 minutes.\nKyiv’s 200 hryvnias; 18-25 and 3%.\n"
        let text = String(repeating: line, count: 40)
        let whole = QuantityRecord.records(doc: "d", text: text, reference: june2, scanner: scanner)
        var pieces: [QuantityRecord] = []
        scanner.scanInChunks(text, reference: june2, chunkBytes: 50) { piece, q, offset in
            var r = QuantityRecord(doc: "d", quantity: q, in: piece)
            r.start += offset
            r.end += offset
            pieces.append(r)
        }
        #expect(whole.count == 40 * 7)
        #expect(pieces == whole)
        let scalars = Array(text.unicodeScalars)
        for r in pieces.prefix(16) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[r.start..<r.end])
            #expect(String(view) == r.text)
        }
    }
}
