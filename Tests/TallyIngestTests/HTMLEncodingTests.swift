import Testing
import TallyCore
@testable import TallyIngest

@Suite struct HTMLEncodingTests {
    let ingestor = Ingestor()

    func page(_ body: String, head: String = "") -> String {
        "<!DOCTYPE html><html><head>\(head)<title>T</title></head><body><article><h1>Headline</h1>\(body)</article></body></html>"
    }

    func doc(_ bytes: [UInt8], id: String = "p.html") throws -> Document {
        let docs = try ingestor.ingest(bytes: bytes, id: id)
        try #require(docs.count == 1)
        return docs[0]
    }

    @Test func windows1252WithoutMetaKeepsEuroAndDash() throws {
        // "<p>The fund – worth €7 billion – was agreed on Monday, officials said.</p>" in windows-1252.
        var bytes = Array(page("@@").utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "@"))!
        let paragraph: [UInt8] = Array("<p>The fund ".utf8) + [0x96] + Array(" worth ".utf8) + [0x80] + Array("7 billion ".utf8) + [0x96]
            + Array(" was agreed on Monday, officials said.</p>".utf8)
        bytes.replaceSubrange(at..<(at + 2), with: paragraph)
        let d = try doc(bytes)
        #expect(d.encoding == "windows-1252")
        #expect(d.text == "The fund – worth €7 billion – was agreed on Monday, officials said.")
        #expect(d.title == "Headline")
    }

    @Test func utf8WithALyingMetaTagIsReadAsUTF8() throws {
        let html = page("<p>Café talks in Zürich – “a first step”, they said.</p>", head: "<meta charset=\"iso-8859-1\">")
        let d = try doc(Array(html.utf8))
        #expect(d.encoding == "utf-8")
        #expect(d.text == "Café talks in Zürich – “a first step”, they said.")
        #expect(d.warnings.contains { $0.contains("declared") })
    }

    @Test func truthfulMetaIsFollowed() throws {
        let html: [UInt8] = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>Caf".utf8)
            + [0xE9] + Array(" ".utf8) + [0x93] + Array("open".utf8) + [0x94] + Array("</p></body></html>".utf8)
        let d = try doc(html)
        #expect(d.encoding == "windows-1252")
        #expect(d.text == "Café “open”")
    }

    @Test func utf16WithBOM() throws {
        let html = page("<p>Обмін полоненими: 1 000 на 1 000 – €.</p>")
        for bigEndian in [false, true] {
            var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
            for unit in html.utf16 {
                bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
            let d = try doc(bytes)
            #expect(d.encoding == (bigEndian ? "utf-16be" : "utf-16le"))
            #expect(d.text == "Обмін полоненими: 1 000 на 1 000 – €.")
        }
    }

    @Test func invalidUTF8IsReplacedWithAWarning() throws {
        let bytes = Array(page("<p>Mostly fine – text ok é ü ö</p>").utf8) + [0xFF]
        let d = try doc(bytes)
        #expect(d.encoding == "utf-8")
        #expect(d.warnings.contains { $0.hasPrefix("invalid UTF-8 replaced") })
    }

    @Test func metaTagAcrossThe1024ByteBoundaryIsReadWhole() {
        let padding = "<html><head><script>" + String(repeating: "x", count: 990) + "</script>"
        let cut = padding.utf8.count
        let html = padding + "<meta charset=\"windows-1252\"></head><body></body></html>"
        #expect(cut < 1024 && cut + 20 > 1024)
        #expect(EncodingSniffer.declaredCharset(Array(html.utf8)) == "windows-1252")
    }

    @Test func unknownCharsetIsIgnored() throws {
        let html = page("<p>Plain café text, with a comma, in UTF-8.</p>", head: "<meta charset=\"no-such-charset\">")
        let d = try doc(Array(html.utf8))
        #expect(d.encoding == "utf-8")
        #expect(d.text == "Plain café text, with a comma, in UTF-8.")
        #expect(d.warnings.contains("unknown charset 'no-such-charset' ignored"))
    }

    @Test func otherDeclaredCharsetsGoToLibxml2() throws {
        // "Привет, мир – as KOI8-R bytes would be unreadable as UTF-8.
        let koi8: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]  // "Привет"
        let bytes = Array("<html><head><meta charset=\"koi8-r\"></head><body><p>".utf8) + koi8 + Array(", a greeting.</p></body></html>".utf8)
        let d = try doc(bytes)
        #expect(d.encoding == "koi8-r")
        #expect(d.text == "Привет, a greeting.")
    }
}
