import Testing
import TallyCore
@testable import TallyIngest

/// Files people save instead of articles are refused by name, not read as text: a PDF starts with
/// readable `%PDF-1.4` and would otherwise become an article titled so.
@Suite struct BinaryFormatTests {
    func reason(_ bytes: [UInt8], id: String = "x") -> String? {
        do {
            _ = try Ingestor().ingest(bytes: bytes, id: id)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test(arguments: [
        ("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "a PDF document"),
        ("%!PS-Adobe-3.0\n%%Title: story\n", "a PostScript document"),
        ("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Some text}", "an RTF document"),
    ])
    func textLookingFormatsAreNamed(text: String, name: String) {
        #expect(reason(Array(text.utf8), id: "story.txt") == "binary content (\(name)), not an article")
    }

    @Test func archivesImagesAndOfficeFilesAreNamed() {
        let tail: [UInt8] = Array("word/document.xml and some readable text after the header".utf8)
        let cases: [([UInt8], String)] = [
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "ZIP archive or an office document"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "Microsoft Office document"),
            ([0xFF, 0xD8, 0xFF, 0xE0], "JPEG image"),
            (Array("GIF89a".utf8), "GIF image"),
            (Array("RIFF\u{10}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), "WebP image"),
            (Array("SQLite format 3\u{0}".utf8), "SQLite database"),
        ]
        for (head, name) in cases {
            let got = reason(head + tail)
            #expect(got?.contains(name) == true, "\(name): \(got ?? "read as an article")")
        }
    }

    @Test func articlesStartingLikeAMagicNumberAreStillRead() {
        // Only the exact signatures count: "GIF" or "PK" at the start of a headline is text.
        for text in ["GIF makers meet in Kyiv\nThe 400 artists met.", "PK Subban signs for 3 years\nText.", "%PDQ is not a PDF\nText."] {
            #expect(reason(Array(text.utf8)) == nil, "\(text)")
        }
    }
}
