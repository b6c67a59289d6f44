import Testing
import TallyCore
@testable import TallyIngest

/// Pages whose article text used to be lost entirely: wrappers that look like chrome, builders' class names,
/// markup after an early end of the document.
@Suite struct BodyRecoveryTests {
    let p1 = "The school board voted on Thursday to extend the library's opening hours, citing strong demand from students."
    let p2 = "Funding for the extra hours will come from a state grant, and the change takes effect at the start of next term."
    let p3 = "Parents who spoke at the meeting welcomed the decision, though some asked for weekend hours as well."

    func text(_ html: String) throws -> String {
        let docs = try Ingestor().ingest(bytes: Array(html.utf8), id: "b.html")
        try #require(docs.count == 1)
        return docs[0].text
    }

    var paragraphs: String { "<p>\(p1)</p><p>\(p2)</p><p>\(p3)</p>" }
    var expected: String { [p1, p2, p3].joined(separator: "\n") }

    @Test func textAfterAnEarlyDocumentEndIsRead() throws {
        let nav = String(repeating: "<li><a href=\"/x\">Section</a></li>", count: 20)
        let html = "<html><body><header><nav><ul>\(nav)</ul></nav></header></body></html>\n<div class=\"post\">\(paragraphs)</div>"
        #expect(try text(html) == expected)
    }

    @Test func openButtonAroundThePageDoesNotHideIt() throws {
        let html = "<html><body><header><button class=\"menu-toggle\">Menu<main><article>\(paragraphs)</article></main></header></body></html>"
        #expect(try text(html) == expected)
    }

    @Test func pageBuilderSectionsAreNotChrome() throws {
        let section = { (p: String) in
            "<section class=\"elementor-section elementor-top-section\"><div class=\"elementor-widget-wrap\"><div class=\"elementor-widget elementor-widget-text-editor\"><p>\(p)</p></div></div></section>"
        }
        let html = "<html><body><div class=\"elementor\">\(section(p1))\(section(p2))\(section(p3))</div></body></html>"
        #expect(try text(html) == expected)
    }

    @Test func diviBlurbsAreNotChrome() throws {
        let blurb = { (p: String) in
            "<div class=\"et_pb_module et_pb_blurb et_pb_blurb_position_top\"><div class=\"et_pb_blurb_description\"><p>\(p)</p></div></div>"
        }
        let html = "<html><body><div class=\"et_pb_row\"><div class=\"et_pb_column\">\(blurb(p1))\(blurb(p2))\(blurb(p3))</div></div></body></html>"
        #expect(try text(html) == expected)
    }

    @Test func articleWrapperNamedLikeChromeIsKeptWhenNothingElseIsLeft() throws {
        let html = "<html><body><div class=\"share-container\"><div class=\"post-content\">\(paragraphs)</div></div></body></html>"
        let got = try text(html)
        #expect(got == expected, "\(got)")
    }

    @Test func reactStreamedSegmentIsContent() throws {
        let html = "<html><body><div id=\"root\"></div><div hidden id=\"S:0\"><article>\(paragraphs)</article></div></body></html>"
        #expect(try text(html) == expected)
    }

    @Test func listArticleKeepsItsEntries() throws {
        let intro = "<div class=\"intro\"><p>\(p1) \(p2)</p><p>\(p3) \(p1)</p></div>"
        let entries = (1...8).map { n in
            "<div class=\"tile\"><div class=\"inner\"><div class=\"summary\"><div class=\"txt\"><p>Entry \(n): \(p2)</p></div></div></div></div>"
        }.joined()
        let html = "<html><body><div class=\"wrap\">\(intro)<section class=\"list\">\(entries)</section></div></body></html>"
        let got = try text(html)
        #expect(got.contains("Entry 1: ") && got.contains("Entry 8: "), "\(got)")
        #expect(got.hasPrefix(p1))
    }

    @Test func entriesWrittenAsPlainBlocksAreKeptAfterAShortIntroduction() throws {
        let intro = "<div class=\"intro\"><p>\(p1) \(p2)</p><p>\(p3)</p></div>"
        let entries = (1...8).map { n in
            "<div class=\"row\"><div class=\"cell\"><div class=\"item\"><div class=\"txt\">Step \(n): \(p2) \(p3)</div></div></div></div>"
        }.joined()
        let html = "<html><body><div class=\"wrap\">\(intro)<div class=\"checklist\">\(entries)</div></div></body></html>"
        let got = try text(html)
        #expect(got.contains("Step 1: ") && got.contains("Step 8: "), "\(got)")
    }

    @Test func referenceListBesideSectionedArticleDoesNotWin() throws {
        let nest = { (inner: String) in "<div class=\"a\"><div class=\"b\"><div class=\"c\"><div class=\"d\">\(inner)</div></div></div></div>" }
        let sections = (1...8).map { n in nest("<h2>Part \(n)</h2><p>Part \(n) opens: \(p1)</p><p>\(p2)</p><p>\(p3)</p>") }.joined()
        // Many commas and no paragraph: it outscores each section alone.
        let refs = (1...16).map { n in "Author \(n), Other Author, and Third Author. A study of libraries, hours, and students. Journal \(n), 2019;12(3):45-67." }
        let html = "<html><body><div class=\"col\">\(sections)\(nest(nest("<div>" + refs.joined(separator: "<br>") + "</div>")))</div></body></html>"
        let got = try text(html)
        #expect(got.contains("Part 1 opens: ") && got.contains("Part 8 opens: "), "\(got)")
    }

    @Test func longerDisclaimerAfterMainDoesNotWin() throws {
        let legal = "This material is for information only, is not advice, may not reflect current opinion, and may not be copied, shared, or reproduced without written consent, in whole or in part."
        let html = """
            <html><body><main><div class="col"><div class="text"><p>\(p1)</p></div></div></main>
            <div class="legal"><div class="text"><p>\(legal)</p></div></div></body></html>
            """
        let got = try text(html)
        #expect(got == p1, "\(got)")
    }

    @Test func declaredArticleIsNotWidenedToTheThreadBelowIt() throws {
        let replies = (1...8).map { n in
            "<div class=\"reply\"><div class=\"inner\"><div class=\"body\"><div class=\"txt\"><p>Reply \(n): \(p2)</p></div></div></div></div>"
        }.joined()
        let html = "<html><body><div class=\"wrap\"><article><p>\(p1)</p><p>\(p3)</p></article><div class=\"thread\">\(replies)</div></div></body></html>"
        let got = try text(html)
        #expect(!got.contains("Reply 1: "), "\(got)")
        #expect(got.contains(p1) && got.contains(p3))
    }

    @Test func tablistWrappingTheTranscriptIsContent() throws {
        let html = """
            <html><body><main><p>A short introduction to the episode.</p>
            <div role="tablist" id="episode-info"><div role="tabpanel">\(paragraphs)</div></div></main></body></html>
            """
        let got = try text(html)
        #expect(got.contains(p1) && got.contains(p3), "\(got)")
    }

    @Test func pageOpeningWithAStyleBlockIsHTML() throws {
        let html = "<style>.x { display: none }</style>\n<!DOCTYPE html><html><head><title>Library hours extended</title></head><body><article>\(paragraphs)</article></body></html>"
        let docs = try Ingestor().ingest(bytes: Array(html.utf8), id: "s.html")
        #expect(docs.first?.title == "Library hours extended")
        #expect(docs.first?.text == expected)
    }

    @Test func earlyEndsAreBlankedOnlyWhenMarkupFollows() {
        var bytes = Array("<html><body><p>x</p></body></html>".utf8)
        let before = bytes
        EarlyDocumentEnd.blankPrematureEnds(&bytes)
        #expect(bytes == before)
    }
}

@Suite struct ProseSizeTests {
    @Test func invisiblePaddingIsNoProse() {
        let padding = String(repeating: "\u{200C} ", count: 300)
        #expect(ContentExtractor.proseSize("Read this" + padding) == 8)
        #expect(ContentExtractor.proseSize("Ça coûte 12 €") == 9)
    }
}

@Suite struct BoundedWorkTests {
    @Test func manyEarlyEndsStayFast() throws {
        let tail = String(repeating: "<p>The end of a strange page, written by a broken template.</p>", count: 20)
        let html = "<html><body><p>x</p>" + String(repeating: "</body> ", count: 200_000) + tail + "</body></html>"
        let start = ContinuousClock.now
        _ = try Ingestor().ingest(bytes: Array(html.utf8), id: "e.html")
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func headlineWrappingThePageStillFindsNoDateQuickly() throws {
        let html = "<html><body><h1>" + String(repeating: "<div><p>Words without any date at all here.</p></div>", count: 20_000) + "</h1></body></html>"
        let start = ContinuousClock.now
        let docs = try Ingestor().ingest(bytes: Array(html.utf8), id: "h.html")
        #expect(docs.first?.published == nil)
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}

/// Sections a page renders twice (a mobile and a desktop copy) are read once; repeats on purpose stay.
@Suite struct RepeatedParagraphTests {
    func long(_ n: Int) -> String { "Paragraph \(n) explains one more step of the renovation, with the costs and the time it usually takes to finish." }

    @Test func duplicatedSectionIsReadOnce() {
        let section = (1...5).map(long)
        let got = ContentExtractor.withoutRepeats(["Intro"] + section + ["Footer note"] + section)
        #expect(got == ["Intro"] + section + ["Footer note"])
    }

    @Test func paragraphSaidTwiceInARowIsReadOnce() {
        #expect(ContentExtractor.withoutRepeats([long(1), long(1), long(2)]) == [long(1), long(2)])
    }

    @Test func scheduleRepeatsStay() {
        let day = { (n: Int) in ["Breakfast", long(1), "Lunch", long(100 + n), "Dinner", long(2)] }
        let plan = day(1) + day(2) + day(3)
        #expect(ContentExtractor.withoutRepeats(plan) == plan)
    }
}
