import TallyNumerals
import Testing

@testable import TallyExtract

/// Speaker phrases read forwards and backwards, with word classes as in `rules/lexicon/speakers.yaml`.
@Suite struct SpeakerPhraseTests {
    static let lexicon = Lexicon.parse(
        yaml: """
            speaker_title: [president, prime, minister, spokesman, pm]
            speaker_alias:
              AP: [Associated Press]
            speaker_noun: [officials, ministry, sources, office]
            speaker_body: [crescent, service, forces]
            speaker_modifier: [prison, humanitarian, health]
            speaker_evidence: [figures, tallies]
            speaker_anaphor: [statement]
            speaker_not_name: [if, monday, credit, many]
            """, file: "speakers.yaml"
    ).0

    static func reader(_ text: String) -> SpeakerPhraseReader {
        SpeakerPhraseReader(probe: TokenLookup(TextAnalysis(text: text)), vocabulary: SpeakerVocabulary(lexicon: lexicon))
    }

    static func forward(_ text: String) -> SpeakerPhrase? {
        let reader = reader(text)
        return reader.forward(from: 0, limit: reader.probe.tokens.count).flatMap(reader.speaker)
    }

    static func backward(_ text: String) -> SpeakerPhrase? {
        let reader = reader(text)
        return reader.backward(endingAt: reader.probe.tokens.count - 1, floor: 0).flatMap(reader.speaker)
    }

    @Test func organisationsAreKeptWhole() {
        #expect(SpeakerPhraseTests.forward("the Northern Red Crescent in the port") == SpeakerPhrase(name: "Northern Red Crescent", kind: .group))
        #expect(SpeakerPhraseTests.forward("the Health Ministry on Friday")?.name == "Health Ministry")
        #expect(SpeakerPhraseTests.forward("the UN humanitarian office") == SpeakerPhrase(name: "UN humanitarian office", kind: .group))
        #expect(SpeakerPhraseTests.forward("the Ministry of Water Affairs") == SpeakerPhrase(name: "Ministry of Water Affairs", kind: .group))
        #expect(SpeakerPhraseTests.backward("Once more, Ruritania's prison service")?.name == "Ruritania's prison service")
        #expect(SpeakerPhraseTests.backward("the Militia-run Coastal Health Ministry")?.name == "Militia-run Coastal Health Ministry")
        #expect(SpeakerPhraseTests.forward("Northern and Southern sources")?.name == "Northern and Southern sources")
    }

    @Test func peopleGoByTheirLastNameAndRolesByTheirTitle() {
        #expect(SpeakerPhraseTests.backward("Ruritanian PM Anna Kowal") == SpeakerPhrase(name: "Kowal", kind: .person))
        #expect(SpeakerPhraseTests.backward("envoy Omar Al-Rashid") == SpeakerPhrase(name: "Al-Rashid", kind: .person))
        #expect(SpeakerPhraseTests.forward("the prime minister") == SpeakerPhrase(name: "prime minister", kind: .person))
        #expect(SpeakerPhraseTests.forward("the Associated Press") == SpeakerPhrase(name: "AP", kind: .group))
    }

    @Test func functionWordsWeekdaysAndPronounsNameNoOne() {
        #expect(SpeakerPhraseTests.backward("If") == nil)
        #expect(SpeakerPhraseTests.backward("Monday") == nil)
        #expect(SpeakerPhraseTests.backward("Credit") == nil)
        #expect(SpeakerPhraseTests.backward("It") == nil)
        #expect(SpeakerPhraseTests.backward("On Monday Many") == nil)
        #expect(SpeakerPhraseTests.backward("the river rose and the prison") == nil)
    }

    @Test func figuresSpeakForWhoeverPublishedThem() {
        #expect(SpeakerPhraseTests.backward("the ministry's figures")?.name == "ministry")
        #expect(SpeakerPhraseTests.backward("Health Ministry figures")?.name == "Health Ministry")
        #expect(SpeakerPhraseTests.forward("Northern tallies") == SpeakerPhrase(name: "Northern tallies", kind: .record))
        #expect(SpeakerPhraseTests.forward("figures") == nil)
    }
}
