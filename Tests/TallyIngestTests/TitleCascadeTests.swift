import Testing
@testable import TallyIngest

@Suite struct TitleCascadeTests {
    func title(_ c: TitleCascade.Candidates) -> String? { TitleCascade.choose(c).title }

    @Test func visibleHeadlineWinsOverAnSEOVariant() {
        var c = TitleCascade.Candidates()
        c.ogTitle = "Seven Ways to Grow Tomatoes Indoors in 2025 | Green Thumbs"
        c.titleTag = "Grow Tomatoes Indoors: 7 Ways (2025) - Green Thumbs"
        c.h1s = [("Seven ways to grow tomatoes indoors", 12)]
        let choice = TitleCascade.choose(c)
        #expect(choice.title == "Seven ways to grow tomatoes indoors")
        #expect(choice.h1Node == 12)
    }

    @Test func siteNameIsCutFromEitherEnd() {
        var c = TitleCascade.Candidates()
        c.siteNames = ["Green Thumbs"]
        c.ogTitle = "Why soil matters – Green Thumbs"
        #expect(title(c) == "Why soil matters")
        c.ogTitle = "Green Thumbs » Why soil matters"
        #expect(title(c) == "Why soil matters")
    }

    @Test func domainNamesTheSiteWhenNothingElseDoes() {
        var c = TitleCascade.Candidates()
        c.url = "https://www.greenthumbs.co.uk/articles/soil"
        c.titleTag = "Why soil matters for every garden bed | GreenThumbs.co.uk"
        #expect(title(c) == "Why soil matters for every garden bed")
    }

    @Test func logoHeadingDoesNotBeatTheMetadata() {
        var c = TitleCascade.Candidates()
        c.siteNames = ["Green Thumbs"]
        c.h1s = [("Green Thumbs", 3)]
        c.ogTitle = "Pruning roses in late winter"
        #expect(title(c) == "Pruning roses in late winter")
    }

    @Test func headingOnlyAndEntitiesInMetadata() {
        var c = TitleCascade.Candidates()
        c.h1s = [("A heading nobody tagged", 5)]
        c.titleTag = "Something else entirely"
        #expect(title(c) == "A heading nobody tagged")
        c = TitleCascade.Candidates()
        c.ogTitle = "Bees &amp; wasps: who&#8217;s who"
        #expect(title(c) == "Bees & wasps: who’s who")
    }

    @Test func hostNames() {
        #expect(TitleCascade.hostName("https://news.example.com/x") == "example")
        #expect(TitleCascade.hostName("http://www.my-blog.org") == "myblog")
        #expect(TitleCascade.hostName("not a url") == nil)
    }
}

@Suite struct TitleCascadeSectionTests {
    @Test func headingSectionLabelAndDomainSegmentsGo() {
        var c = TitleCascade.Candidates()
        c.ogTitle = "Ten quiet towns worth a detour | Travel"
        c.h1s = [("Ten quiet towns worth a detour | Travel", 4)]
        #expect(TitleCascade.choose(c).title == "Ten quiet towns worth a detour")
        c = TitleCascade.Candidates()
        c.titleTag = "SPRING SALE | Shop.example.com"
        #expect(TitleCascade.choose(c).title == "SPRING SALE")
    }

    @Test func aWholeTitleInTheSiteNameFieldIsNoSiteName() {
        var c = TitleCascade.Candidates()
        c.siteNames = ["How to plan a garden: a guide for 2026 | Acme"]
        c.ogTitle = "How to plan a garden: a guide for 2026"
        #expect(TitleCascade.choose(c).title == "How to plan a garden: a guide for 2026")
    }
}

@Suite struct TitleCascadeBlogNameTests {
    @Test func headingThatIsTheTitlesLastSegmentIsTheSiteName() {
        var c = TitleCascade.Candidates()
        c.titleTag = "Notes on tuning a small compiler pass | Quiet Loops"
        c.h1s = [("Quiet Loops", 2)]
        #expect(TitleCascade.choose(c).title == "Notes on tuning a small compiler pass")
    }
}

/// A page's only headline against the metadata's SEO title.
@Suite struct TitleCascadeLoneHeadlineTests {
    @Test func loneSentenceHeadlineBeatsADifferentMetadataTitle() {
        var c = TitleCascade.Candidates()
        c.ogTitle = "Balcony Herbs for 2026 - Green Thumbs"
        c.h1s = [("Twelve herbs that thrive on a small city balcony", 7)]
        #expect(TitleCascade.choose(c).title == "Twelve herbs that thrive on a small city balcony")
    }

    @Test func shortOrRepeatedHeadingsStillGiveWay() {
        var c = TitleCascade.Candidates()
        c.ogTitle = "Twelve herbs that thrive on a small city balcony"
        c.h1s = [("Garden Journal", 7)]
        #expect(TitleCascade.choose(c).title == "Twelve herbs that thrive on a small city balcony")
        c.h1s = [("Our latest notes from the garden journal", 7), ("Reader questions we answered this week", 30)]
        #expect(TitleCascade.choose(c).title == "Twelve herbs that thrive on a small city balcony")
    }

    @Test func headingBlockHoldingTheBylineIsNoHeadline() {
        var c = TitleCascade.Candidates()
        c.ogTitle = "Ways to keep basil alive indoors"
        c.h1s = [("Our favourite tricks for happier windowsill plants Posted on July 1, 2024 by Kim", 7)]
        #expect(TitleCascade.choose(c).title == "Ways to keep basil alive indoors")
    }

    @Test func chainedSectionLabelsAfterPipesGo() {
        var c = TitleCascade.Candidates()
        c.h1s = [("How to help seedlings survive a cold night | Garden Advice | Green Thumbs Community Garden Club", 7)]
        #expect(TitleCascade.choose(c).title == "How to help seedlings survive a cold night")
    }

    @Test func dateSetInsideTheHeadingIsLeftOut() {
        var c = TitleCascade.Candidates()
        c.ogTitle = "Preparing the beds for a wet spring"
        c.h1s = [("Dec 18 2025 Preparing the beds for a wet spring", 7)]
        #expect(TitleCascade.choose(c).title == "Preparing the beds for a wet spring")
    }

    @Test func lineBreaksInsideAHeadingSeparateWords() throws {
        let html = "<html><head><title>Weekend Coding Agent | Lab</title></head><body><h1>WEEKEND<br>CODING <span>AGENT</span></h1><p>x</p></body></html>"
        let page = try #require(HTMLTree.parse(Array(html.utf8), encoding: "UTF-8"))
        let h1 = try #require(page.nodes.indices.first { page.nodes[$0].tag == "h1" })
        #expect(page.spacedText(of: h1).collapsingSpaces() == "WEEKEND CODING AGENT")
        #expect(MetadataExtractor.extract(page).title == "WEEKEND CODING AGENT")
    }
}
