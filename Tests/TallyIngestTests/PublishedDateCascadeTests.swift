import Testing
import TallyCore
@testable import TallyIngest

@Suite struct PublishedDateCascadeTests {
    let today = CalendarDate(year: 2025, month: 12, day: 31)
    let body = "<p>The council approved the new budget after a long debate on Tuesday evening, members said.</p>"

    func date(_ html: String) throws -> String? {
        let page = try #require(HTMLTree.parse(Array(html.utf8), encoding: "UTF-8"))
        // The signals gathered as MetadataExtractor does, weighed against a fixed "today".
        var signals = PublishedDateCascade.Signals()
        for (i, node) in page.nodes.enumerated() {
            if node.tag == "meta", let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?.lowercased(),
                let content = node.attribute("content"), signals.metas[key] == nil
            {
                signals.metas[key] = content
            }
            if node.tag == "h1", signals.anchor == nil { signals.anchor = i }
            if node.tag == "link", node.attribute("rel") == "canonical" { signals.url = node.attribute("href") }
        }
        return PublishedDateCascade.choose(signals, page: page, today: today)?.iso
    }

    @Test func metaPublicationDateBeatsTheDateline() throws {
        let html = """
            <html><head><meta property="article:published_time" content="2023-01-10"></head><body>
            <h1>Budget passes</h1><div class="meta"><span>By Sam Lee</span> | <span>March 4, 2025</span></div>\(body)</body></html>
            """
        #expect(try date(html) == "2023-01-10")
    }

    @Test func datelineUnderTheHeadlineBeatsJSONLD() throws {
        let html = """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-01-10"}</script></head><body>
            <h1>Budget passes</h1><div class="meta"><span>By Sam Lee</span> | <span>March 4, 2025</span></div>\(body)</body></html>
            """
        let page = try #require(HTMLTree.parse(Array(html.utf8), encoding: "UTF-8"))
        #expect(MetadataExtractor.extract(page).published?.iso == "2025-03-04")
    }

    @Test func updatedDatelineGivesWayToThePublishedDate() throws {
        let html = """
            <html><head><meta property="article:published_time" content="2024-05-02T08:00:00Z">
            <meta property="article:modified_time" content="2025-09-09"></head><body>
            <h1>Budget passes</h1><p><span>Updated:</span> <span>Sep 9, 2025</span></p>\(body)</body></html>
            """
        #expect(try date(html) == "2024-05-02")
    }

    @Test func updatedDatelineIsTheLastResortBeforeTheURL() throws {
        let html = """
            <html><head><link rel="canonical" href="https://example.org/2020/01/15/story"></head><body>
            <h1>Budget passes</h1><p>Last updated 9 September 2025</p>\(body)</body></html>
            """
        #expect(try date(html) == "2025-09-09")
    }

    @Test func unlabelledDatelineThatIsTheRevisionGivesWay() throws {
        let html = """
            <html><head><meta property="article:published_time" content="2024-05-02T08:00:00Z">
            <meta property="article:modified_time" content="2025-09-09T10:00:00Z"></head><body>
            <h1>Budget passes</h1><p>September 9, 2025</p>\(body)</body></html>
            """
        #expect(try date(html) == "2024-05-02")
    }

    @Test func metadataConventions() throws {
        for meta in [
            #"<meta itemprop="datePublished" content="2024-02-03">"#, #"<meta name="DC.date.issued" content="2024-02-03">"#,
            #"<meta name="parsely-pub-date" content="2024-02-03T10:00:00Z">"#, #"<meta name="sailthru.date" content="2024-02-03 10:00">"#,
        ] {
            #expect(try date("<html><head>\(meta)</head><body>\(body)</body></html>") == "2024-02-03")
        }
    }

    @Test func timeElementWithoutDatetimeIsReadFromItsText() throws {
        let html = "<html><body><h1>Budget passes</h1><time>June 30, 2024</time>\(body)</body></html>"
        #expect(try date(html) == "2024-06-30")
    }

    @Test func futureDatesAreRefusedAndTheURLIsUsed() throws {
        let html = """
            <html><head><meta property="article:published_time" content="2031-01-01">
            <link rel="canonical" href="https://example.org/news/2024/06/30/budget"></head><body>\(body)</body></html>
            """
        #expect(try date(html) == "2024-06-30")
    }

    @Test func publishedIsPreferredToModified() throws {
        let html = """
            <html><head><script type="application/ld+json">{"@type":"BlogPosting","headline":"H",
            "dateModified":"2025-08-01","datePublished":"2025-02-01"}</script></head><body>\(body)</body></html>
            """
        let page = try #require(HTMLTree.parse(Array(html.utf8), encoding: "UTF-8"))
        #expect(MetadataExtractor.extract(page).published?.iso == "2025-02-01")
    }

    @Test func writtenDatesInText() {
        #expect(DatelineFinder.firstDate(in: "Published Jan. 7th, 2023 at 9am")?.0.iso == "2023-01-07")
        #expect(DatelineFinder.firstDate(in: "By Ann Roe | 4 March 2025")?.0.iso == "2025-03-04")
        #expect(DatelineFinder.firstDate(in: "Posted 2024-11-05")?.0.iso == "2024-11-05")
        #expect(DatelineFinder.firstDate(in: "on 25/12/2024")?.0.iso == "2024-12-25")
        #expect(DatelineFinder.firstDate(in: "on 05/06/2024") == nil)  // day and month cannot be told apart
        #expect(DatelineFinder.firstDate(in: "May the best plan win in 2024") == nil)
    }

    @Test func urlDates() {
        #expect(PublishedDateCascade.urlDate("https://example.com/2024/06/30/some-story/")?.iso == "2024-06-30")
        #expect(PublishedDateCascade.urlDate("https://example.com/news/2024-06-30-some-story")?.iso == "2024-06-30")
        #expect(PublishedDateCascade.urlDate("https://example.com/2024/06/some-story") == nil)
        #expect(PublishedDateCascade.urlDate("https://example.com/items/123456789") == nil)
        #expect(PublishedDateCascade.urlDate("https://example.com/2099/01/01/x", today: today) == nil)
    }

    @Test func urlDatesWithMonthNamesAndEncodedSlashes() {
        #expect(PublishedDateCascade.urlDate("https://example.org/blog/2023/october/03/wine-styles")?.iso == "2023-10-03")
        #expect(PublishedDateCascade.urlDate("https://example.org%2Farticles%2F2025-12-15%2BBackend%2Bnotes")?.iso == "2025-12-15")
        #expect(PublishedDateCascade.urlDate("https://example.org/2023/notamonth/03/x") == nil)
    }

    @Test func urlDateForPlainTextAndJSONLines() throws {
        let text = "---\nurl: https://example.com/2023/03/09/story\n---\nThe council met on Tuesday and approved 12 projects.\n"
        let docs = try Ingestor().ingest(bytes: Array(text.utf8), id: "a.md")
        #expect(docs.first?.published?.iso == "2023-03-09")
        let line = #"{"id":"r1","url":"https://example.com/2022/10/01/x","text":"The council approved 12 projects."}"# + "\n"
        let records = try Ingestor().ingest(bytes: Array(line.utf8), id: "a.jsonl")
        #expect(records.first?.published?.iso == "2022-10-01")
    }

    @Test func civilCalendar() {
        #expect(CalendarDate(dayNumber: 0).iso == "1970-01-01")
        #expect(CalendarDate(dayNumber: 19_782).iso == "2024-02-29")
    }
}

/// What the reader sees next to the headline against what the schema markup says.
@Suite struct VisibleDatelineTests {
    let body = "<p>The council approved the new budget after a long debate on Tuesday evening, members said.</p>"

    func published(_ html: String) throws -> String? {
        let page = try #require(HTMLTree.parse(Array(html.utf8), encoding: "UTF-8"))
        return MetadataExtractor.extract(page).published?.iso
    }

    func schema(published: String, modified: String) -> String {
        #"<script type="application/ld+json">{"@type":"Article","headline":"Budget passes","datePublished":"\#(published)","dateModified":"\#(modified)"}</script>"#
    }

    @Test func revisionDateTheReaderSeesBeatsTheSchemaDatePublished() throws {
        let html = """
            <html><head>\(schema(published: "2021-03-02T08:00:00Z", modified: "2025-09-09T10:00:00Z"))</head><body>
            <h1>Budget passes</h1><p><span>Last updated:</span> <span>September 9, 2025</span></p>\(body)</body></html>
            """
        #expect(try published(html) == "2025-09-09")
    }

    @Test func revisionDateGivesWayToTheOpenGraphPublicationDate() throws {
        let html = """
            <html><head><meta property="article:published_time" content="2021-03-02T08:00:00Z"></head><body>
            <h1>Budget passes</h1><p>Updated on 9 Sep 2025</p>\(body)</body></html>
            """
        #expect(try published(html) == "2021-03-02")
    }

    @Test func unlabelledDatelineBeatsTheSchemaEvenWhenItIsTheModifiedDate() throws {
        let html = """
            <html><head>\(schema(published: "2021-03-02", modified: "2025-09-09"))</head><body>
            <h1>Budget passes</h1><p>By Sam Lee · Sep 9, 2025</p>\(body)</body></html>
            """
        #expect(try published(html) == "2025-09-09")
    }

    @Test func itempropMetaIsAsWeakAsTheSchema() throws {
        let html = """
            <html><head><meta itemprop="datePublished" content="2020-05-13"></head><body>
            <h1>Budget passes</h1><p>Updated: January 2, 2025</p>\(body)</body></html>
            """
        #expect(try published(html) == "2025-01-02")
    }

    @Test func datelineBeforeTheMetadataDateIsTheFirstPublication() throws {
        let html = """
            <html><head><meta property="article:published_time" content="2024-08-07T12:00:00Z"></head><body>
            <h1>Budget passes</h1><p>December 30, 2013</p>\(body)</body></html>
            """
        #expect(try published(html) == "2013-12-30")
        // A day apart is a time zone: the metadata stands.
        let nextDay = html.replacing("December 30, 2013", with: "August 6, 2024")
        #expect(try published(nextDay) == "2024-08-07")
    }

    @Test func timeWithAnUnreadableDatetimeIsReadFromItsText() throws {
        let html = """
            <html><head>\(schema(published: "2025-12-01T05:00:00Z", modified: "2025-12-01T05:00:00Z"))</head><body>
            <h1>Budget passes</h1><p>Ann Roe, Li Wei <time datetime="4/24/2000 12:00:00 AM">24 Apr 2000</time></p>\(body)</body></html>
            """
        #expect(try published(html) == "2000-04-24")
    }

    @Test func urlDateADayOffTheTimestampIsTheSitesCalendarDay() throws {
        let html = """
            <html><head><meta property="article:published_time" content="2025-12-19T02:41:00+00:00">
            <meta property="og:url" content="https://blog.example.net/2025/12/18/a-late-evening-post/"></head><body>\(body)</body></html>
            """
        #expect(try published(html) == "2025-12-18")
        let weekOff = html.replacing("/2025/12/18/", with: "/2025/12/11/")  // another date altogether: the metadata stands
        #expect(try published(weekOff) == "2025-12-19")
    }

    @Test func jsonLDInAMetaElementIsRead() throws {
        let json = #"{"@type":"Article","headline":"Budget passes","datePublished":"2025-11-17T09:00:00-05:00"}"#
            .replacing("\"", with: "&quot;")
        let html = "<html><head><meta name=\"script:ld+json\" content=\"\(json)\"></head><body>\(body)</body></html>"
        #expect(try published(html) == "2025-11-17")
    }
}

@Suite struct PublishedDateMetaNameTests {
    @Test func siteSpecificPublishedMetaNames() throws {
        let html = """
            <html><head><meta name="publisher" content="2019-01-01"><meta name="x-published-date" content="2024-07-08T10:00:00Z"></head>
            <body><p>The council approved the new budget after a long debate on Tuesday evening, members said.</p></body></html>
            """
        let page = try #require(HTMLTree.parse(Array(html.utf8), encoding: "UTF-8"))
        #expect(MetadataExtractor.extract(page).published?.iso == "2024-07-08")
    }
}

/// Dates shown in elements marked as dates, away from the headline and the metadata.
@Suite struct MarkedDateTests {
    let body = "<p>The council approved the new budget after a long debate on Tuesday evening, members said.</p>"

    func published(_ html: String) throws -> String? {
        let page = try #require(HTMLTree.parse(Array(html.utf8), encoding: "UTF-8"))
        return MetadataExtractor.extract(page).published?.iso
    }

    @Test func dateBoxWithoutAHeadlineIsRead() throws {
        let html = "<html><body><div class=\"author-box\"><p>Kim Lee</p><p class=\"post-date\">Posted on April 13, 2023</p></div>\(body)</body></html>"
        #expect(try published(html) == "2023-04-13")
    }

    @Test func visibleDatePublishedMicrodataIsRead() throws {
        let html = "<html><body><span><abbr class=\"x\" itemprop=\"datePublished\">December 19, 2025</abbr></span>\(body)</body></html>"
        #expect(try published(html) == "2025-12-19")
    }

    @Test func datesOfOtherPostsInAsidesDoNotCount() throws {
        let html = """
            <html><body><aside><ul><li><span class="date">May 2, 2021</span> Older post</li></ul></aside>\(body)
            <p class="date">Published 7 June 2024</p></body></html>
            """
        #expect(try published(html) == "2024-06-07")
    }

    @Test func revisionLabelsComeAfterPublicationLabels() throws {
        let html = """
            <html><body><div class="updated-date">Updated: 3 March 2025</div>\(body)<div class="pub-date">Published 7 June 2024</div></body></html>
            """
        #expect(try published(html) == "2024-06-07")
    }

    @Test func paragraphsThatMentionADateAreNotDateBoxes() throws {
        let long = "On June 7, 2024 the council met again, and " + String(repeating: "members argued at length about the budget ", count: 4)
        let html = "<html><body><div class=\"timeline\">\(long)</div>\(body)</body></html>"
        #expect(try published(html) == nil)
    }

    @Test func firstShortTextStartingWithADateIsTheLastResort() throws {
        let html = """
            <html><body><nav><span>Jan 3, 2020</span></nav><div><p>Lee Kim</p><small>December 17, 2025</small></div>\(body)
            <div>Comment from March 2, 2026</div></body></html>
            """
        #expect(try published(html) == "2025-12-17")
    }

    @Test func aSentenceMentioningADateIsNoStandaloneDate() throws {
        let html = "<html><body>\(body)<p>The plan was first proposed on June 7, 2024.</p></body></html>"
        #expect(try published(html) == nil)
    }
}
