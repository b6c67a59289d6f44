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
        // A heading in capitals takes the metadata's written case.
        #expect(MetadataExtractor.extract(page).title == "Weekend Coding Agent")
    }
}

@Suite struct TitleCascadeSubheadingTests {
    @Test func subheadingThatRepeatsTheMetadataTitleIsTheHeadline() {
        var c = TitleCascade.Candidates()
        c.titleTag = "Notes on pruning old apple trees | Quiet Orchard"
        c.h1s = [("Quiet Orchard Journal", 4)]
        c.h2s = [("Notes on pruning old apple trees", 9), ("Tools you need", 20)]
        let choice = TitleCascade.choose(c)
        #expect(choice.title == "Notes on pruning old apple trees")
        #expect(choice.h1Node == 9)
    }

    @Test func subheadingDoesNotBeatAnHeadingThatEqualsTheMetadata() {
        var c = TitleCascade.Candidates()
        c.ogTitle = "What is composting (and why bother)?"
        c.titleTag = "What is composting? • Garden basics • Leafmold"
        c.h1s = [("What is composting (and why bother)?", 4)]
        c.h2s = [("What is composting?", 9)]
        #expect(TitleCascade.choose(c).title == "What is composting (and why bother)?")
    }

    @Test func shortenedHeadingGivesWayToASubheadingWordForWord() {
        var c = TitleCascade.Candidates()
        c.ogTitle = "Best rain jackets for hikers in 2025"
        c.h1s = [("Best rain jackets for hikers", 4)]
        c.h2s = [("Best rain jackets for hikers in 2025", 7)]
        let choice = TitleCascade.choose(c)
        #expect(choice.title == "Best rain jackets for hikers in 2025")
        #expect(choice.h1Node == 4)  // the dateline is still looked for under the page's headline
    }
}

@Suite struct TitleCascadeHeadingWordingTests {
    @Test func domainNameBeforeTheTitleGoes() {
        var c = TitleCascade.Candidates()
        c.titleTag = "quietorchard.net Grafting in the cold months"
        c.h1s = [("quietorchard.net", 2)]
        #expect(TitleCascade.choose(c).title == "Grafting in the cold months")
        c.h1s = []
        c.titleTag = "Example.com buys a rival search engine"  // no sign that the domain is this site's
        #expect(TitleCascade.choose(c).title == "Example.com buys a rival search engine")
    }

    @Test func labelBeforeTheMetadataTitleGoes() {
        var c = TitleCascade.Candidates()
        c.siteNames = ["Leafmold"]
        c.ogTitle = "Ten ways to keep basil alive indoors | Leafmold"
        c.h1s = [("Guide: Ten ways to keep basil alive indoors", 4)]
        #expect(TitleCascade.choose(c).title == "Ten ways to keep basil alive indoors")
    }

    @Test func headingInCapitalsTakesTheMetadataWording() {
        var c = TitleCascade.Candidates()
        c.ogTitle = "Ten Ways to Keep Basil Alive Indoors"
        c.h1s = [("TEN WAYS TO KEEP BASIL ALIVE INDOORS", 4)]
        #expect(TitleCascade.choose(c).title == "Ten Ways to Keep Basil Alive Indoors")
        c.h1s = [("NASA and ESA plan a joint mission", 4)]  // a few capitalised words are no capitals heading
        c.ogTitle = "NASA and ESA plan a joint mission - Space Notes"
        #expect(TitleCascade.choose(c).title == "NASA and ESA plan a joint mission")
    }

    @Test func titleReadAsLatin1IsDecodedAgain() throws {
        let latin1 = String(String.UnicodeScalarView(Array("A gardener’s year".utf8).map { Unicode.Scalar($0) }))
        #expect(MetadataExtractor.repairingMojibake(latin1) == "A gardener’s year")
        #expect(MetadataExtractor.repairingMojibake("Café crème") == "Café crème")  // Latin-1 text without C1 controls stays
        let html = "<html><head><title>\(latin1)</title></head><body><p>Text.</p></body></html>"
        let page = try #require(HTMLTree.parse(Array(html.utf8), encoding: "UTF-8"))
        #expect(MetadataExtractor.extract(page).title == "A gardener’s year")
    }
}

@Suite struct TitleCascadeConfirmedHeadingTests {
    func title(_ c: TitleCascade.Candidates) -> String? { TitleCascade.choose(c).title }

    /// The title chosen from a metadata title and one `<h1>`.
    func title(og: String, h1: String) -> String? {
        var c = TitleCascade.Candidates()
        c.ogTitle = og
        c.h1s = [(h1, 4)]
        return title(c)
    }

    @Test func shortHeadingThatOpensTheMetadataTitleIsTheHeadline() {
        var c = TitleCascade.Candidates()
        c.siteNames = ["Garden Encyclopedia"]
        c.ogTitle = "Composting basics | Bins, Worms, Carbon, Nitrogen, & Timing | Garden Encyclopedia"
        c.h1s = [("composting basics", 7)]
        let choice = TitleCascade.choose(c)
        #expect(choice.title == "Composting basics")
        #expect(choice.h1Node == 7)
        // A heading in its own mixed case keeps its wording.
        c.h1s = [("Composting Basics", 7)]
        #expect(title(c) == "Composting Basics")
        // A heading that only opens the title's first words is not confirmed by it.
        c.h1s = [("Composting", 7)]
        #expect(title(c) == "Composting basics | Bins, Worms, Carbon, Nitrogen, & Timing")
    }

    @Test func linkDecorationsAfterTheHeadlineGo() {
        var c = TitleCascade.Candidates()
        c.ogTitle = "City Council Votes to Expand Night Bus Service - Aggregator"
        c.h1s = [("City Council Votes to Expand Night Bus Service (citynews.com) 42", 4)]
        #expect(title(c) == "City Council Votes to Expand Night Bus Service")
        // Words after the headline are a subtitle, not a decoration.
        c.h1s = [("City Council Votes to Expand Night Bus Service (Again) 42", 4)]
        #expect(title(c) == "City Council Votes to Expand Night Bus Service (Again) 42")
    }

    @Test func characterLostToEncodingIsTakenFromTheMetadata() {
        var c = TitleCascade.Candidates()
        c.ogTitle = "The Basics of Beekeeping: A Beginner’s Guide"
        c.h1s = [("The Basics of Beekeeping? A Beginner? Guide", 2)]
        #expect(title(c) == "The Basics of Beekeeping: A Beginner’s Guide")
        // A real question mark stays.
        c.ogTitle = "Is Beekeeping Hard? A Beginner’s Guide to the First Year"
        c.h1s = [("Is Beekeeping Hard? A Beginner's Guide", 2)]
        #expect(title(c) == "Is Beekeeping Hard? A Beginner's Guide")
    }

    @Test func dateEndingALoneHeadlineIsPartOfIt() {
        var c = TitleCascade.Candidates()
        c.ogTitle = "Weekly Security Roundup"
        c.h1s = [("Security Framework Roundup 12/19/2025", 9)]
        #expect(title(c) == "Security Framework Roundup 12/19/2025")
        // A heading block that holds the byline is no headline.
        c.h1s = [("By Jane Roe and Sam Poe 12/19/2025", 9)]
        #expect(title(c) == "Weekly Security Roundup")
        #expect(TitleCascade.holdsByline("Posted on March 4, 2025 by the team"))
        #expect(!TitleCascade.holdsByline("Budget Review for the City Council"))
    }

    @Test func countOrYearTheHeadingLeftOutComesFromTheMetadata() {
        #expect(title(og: "8 Recent Trends in Beekeeping - Hive Works", h1: "Recent Trends in Beekeeping") == "8 Recent Trends in Beekeeping")
        #expect(title(og: "15 Best Beekeeping Suits 2025", h1: "15 Best Beekeeping Suits") == "15 Best Beekeeping Suits 2025")
        // More than a count or a year is an SEO variant: the visible heading stays.
        #expect(title(og: "15 Critical Beekeeping Tips for Beginners", h1: "Beekeeping Tips for Beginners") == "Beekeeping Tips for Beginners")
        #expect(title(og: "The best beekeeping suits for keeping you safe in 2026", h1: "The best beekeeping suits for keeping you safe") == "The best beekeeping suits for keeping you safe")
    }

    @Test func ampersandOfTheMetadataIsKept() {
        #expect(title(og: "Hive Costs: A Complete Breakdown for Hobbyists & Farmers", h1: "Hive Costs: A Complete Breakdown for Hobbyists and Farmers") == "Hive Costs: A Complete Breakdown for Hobbyists & Farmers")
        #expect(TitleCascade.withAmpersand("Bees and Honey", ["Bees & Wax"]) == nil)
    }

    @Test func bracketedTagTheHeadingSpellsOutIsKept() {
        #expect(title(og: "Best Beehive Kits For Beginners [2026]", h1: "Best Beehive Kits for Beginners in 2026") == "Best Beehive Kits For Beginners [2026]")
        #expect(title(og: "Best Honey Extractors in 2025 [Tried 11 Models]", h1: "Best Honey Extractors in 2025 - I Tried 11 Models") == "Best Honey Extractors in 2025 [Tried 11 Models]")
        // A tag the heading leaves out is an SEO variant's.
        #expect(title(og: "The Busiest Honey Markets [2025 Edition]", h1: "The Busiest Honey Markets in the U.S.") == "The Busiest Honey Markets in the U.S.")
    }
}

/// Segments after a dash or a separator that are labels, not words of the title.
@Suite struct TitleCascadeKeywordTailTests {
    func title(_ c: TitleCascade.Candidates) -> String? { TitleCascade.choose(c).title }

    @Test func keywordLabelAfterADashLeavesTheHeading() {
        var c = TitleCascade.Candidates()
        c.siteNames = ["Hive Works"]
        c.ogTitle = "Smoker Fuels Compared – Hands-On Tested - Hive Works"
        c.h1s = [("Smoker Fuels Compared – Hands-On Tested", 5)]
        #expect(title(c) == "Smoker Fuels Compared")
        // Through the heading that opens a longer `<title>` too.
        c = TitleCascade.Candidates()
        c.titleTag = "Choosing a First Hive — Frames & Foundation Kits | Hive Works"
        c.h1s = [("Choosing a First Hive — Frames & Foundation Kits", 5)]
        #expect(title(c) == "Choosing a First Hive")
    }

    @Test func tailThatReadsAsWordsOfTheTitleStays() {
        for heading in [
            "Choosing a First Hive – tips and tricks", "Choosing a First Hive – A Field Guide", "Choosing a First Hive – My Picks!",
            "Choosing a First Hive — and Why It Matters", "Choosing a First Hive - Frames, Boxes, Smokers",
            "First Hive – Spring Setup Guide For Small Urban Yards",
        ] {
            var c = TitleCascade.Candidates()
            c.ogTitle = heading + " | Hive Works"
            c.h1s = [(heading, 5)]
            #expect(title(c) == heading)
        }
        // Too short a headline before the dash keeps its label.
        #expect(TitleCascade.withoutKeywordTail("Hive Basics – Spring Setup") == "Hive Basics – Spring Setup")
        #expect(TitleCascade.isKeywordLabel("Top Local & Long-Distance Packers"))
        #expect(!TitleCascade.isKeywordLabel("Tips From Our Keepers"))
    }

    @Test func subheadingIsNotConfirmedByCuttingAPhraseOffTheMetadata() {
        var c = TitleCascade.Candidates()
        c.ogTitle = "What is Queen Rearing - A practical introduction"
        c.h1s = [("A practical introduction to queen rearing for small apiaries", 4)]
        c.h2s = [("What is queen rearing?", 9)]
        #expect(title(c) == "A practical introduction to queen rearing for small apiaries")
        // A last segment that reads as a name still goes before the comparison.
        c.ogTitle = "What is Queen Rearing | Hive Notes"
        c.h1s = [("Hive Notes Journal", 4)]
        #expect(title(c) == "What is queen rearing?")
        #expect(TitleCascade.isNameLike("Hive Notes") && TitleCascade.isNameLike("hivenotes.org"))
        #expect(!TitleCascade.isNameLike("A practical introduction"))
    }
}

@Suite struct TitleCascadeWordTests {
    /// The byte-by-byte path for ASCII titles says what the Unicode path says.
    @Test func asciiWordsMatchTheUnicodeSplit() {
        for text in ["How to Prune Roses (2026) | Leafmold", "  x--Y__z 42nd  ", "", "Bees & wasps: who's who?", "A\r\nB\tc"] {
            let slow = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            #expect(TitleCascade.asciiWords(text) == slow)
            #expect(TitleCascade.words(text) == slow)
            #expect(TitleCascade.normalized(text) == slow.joined())
        }
        // Other characters take the Unicode path.
        #expect(TitleCascade.asciiWords("Café crème") == nil)
        #expect(TitleCascade.words("Café Crème – Ÿes") == ["café", "crème", "ÿes"])
        #expect(TitleCascade.normalized("The Gardener’s Year") == "thegardenersyear")
    }
}
