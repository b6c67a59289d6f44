import Testing
@testable import TallyIngest

@Suite struct HTMLEntitiesTests {
    @Test func namedAndNumericReferencesAreDecoded() {
        #expect(HTMLEntities.decode("Tips &#8211; Tricks") == "Tips – Tricks")
        #expect(HTMLEntities.decode("Rock &amp; Roll &#x26; Jazz") == "Rock & Roll & Jazz")
        #expect(HTMLEntities.decode("It&rsquo;s &quot;fine&quot;") == "It’s \"fine\"")
    }

    @Test func doublyEscapedReferencesAreDecodedToo() {
        #expect(HTMLEntities.decode("And then&amp;#8230; silence") == "And then… silence")
        #expect(HTMLEntities.decode("M&amp;#038;A deals") == "M&A deals")
    }

    @Test func textThatIsNoReferenceStays() {
        #expect(HTMLEntities.decode("Q&A, AT&T and a lone & sign") == "Q&A, AT&T and a lone & sign")
        #expect(HTMLEntities.decode("&unknownname; &#; &#xZZ;") == "&unknownname; &#; &#xZZ;")
        #expect(HTMLEntities.decode("no ampersand at all") == "no ampersand at all")
    }
}
