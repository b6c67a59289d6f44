import TallyNumerals
import Testing

@testable import TallyExtract

@Suite struct SpeakerResolverTests {
    static let lexicon = Lexicon.parse(
        yaml: """
            speech_verb: [said, says, told, reported, announced, confirmed, estimate]
            speaker_cue:
              cite: [citing, quoting]
              quoted: [quoted]
              evidence: [showed, shows]
              told: [told]
              source: [statement by]
              put: [put, putting]
            speaker_title: [president, lead, negotiator, minister, spokesman, dr, mayor]
            speaker_alias:
              Zelensky: [Zelenskyy, Zelensky]
            speaker_noun: [officials, ministry, office, sources]
            speaker_body: [crescent, service]
            speaker_modifier: [health, prison]
            speaker_evidence: [figures, data, count, toll]
            speaker_anaphor: [statement]
            speaker_not_name: [if, credit, monday, saturday, june, who, photo]
            speaker_name_particle: [al]
            speaker_pronoun:
              person: [he, she, him, her]
              group: [it, they, them]
              author: [we, i]
            """, file: "speakers.yaml"
    ).0

    static func speakers(_ text: String) -> (TextAnalysis, SpeakerResolver.Speakers) {
        let index = LexiconIndex(lexicon, extraWords: ["according", "to"])
        let analysis = TextAnalysis(text: text)
        let resolver = SpeakerResolver(
            probe: TokenLookup(analysis), lexicon: index, vocabulary: SpeakerVocabulary(lexicon: lexicon), words: index.wordIDs(of: analysis),
            speechVerb: index.classID("speech_verb"))
        return (analysis, resolver.resolve())
    }

    @Test func namesTitlesAliasesPronounsAndAccordingTo() {
        let (analysis, speakers) = SpeakerResolverTests.speakers(
            "President Zelenskyy said 500 were freed. He told reporters 20 were missing. Officials said 20 more. "
                + "According to lead negotiator Rustem Umerov, 100 bodies came home.\nNobody spoke of 5 here.")
        #expect(analysis.sentences.count == 5)
        #expect((0..<5).map { speakers.mentions(in: $0).map(\.name) } == [["Zelensky"], ["Zelensky"], ["Officials"], ["Umerov"], []])
        #expect(speakers.speaker(at: 3, sentence: 0) == "Zelensky")
        #expect(speakers.speaker(at: analysis.sentences[3].tokens.upperBound - 2, sentence: 3) == "Umerov")
        // A new paragraph carries nothing over.
        #expect(speakers.speaker(at: analysis.sentences[4].tokens.lowerBound, sentence: 4) == nil)
    }

    @Test func accordingToAPronounIsTheLastPersonNamed() {
        let (_, speakers) = SpeakerResolverTests.speakers(
            "Health minister Othman Abduljaleel said 3,000 had died.\nSome 2,400 are still missing, according to him. According to her ministry, 10 more.")
        #expect(speakers.mentions(in: 1).map(\.name) == ["Abduljaleel"])
        // "her ministry" is a phrase, not the pronoun: no earlier person is taken for it.
        #expect(speakers.mentions(in: 2).map(\.name) != ["Abduljaleel"])
    }

    @Test func aSentenceWithoutAttributionTakesThePreviousOneOfItsParagraph() {
        let (_, speakers) = SpeakerResolverTests.speakers("Russia's lead negotiator Medinsky said 1,000 would be swapped. The rest follow in June.")
        #expect(speakers.mentions(in: 0).map(\.name) == ["Medinsky"])
        #expect(speakers.speaker(at: 0, sentence: 1) == "Medinsky")
    }

    @Test func aQuotationTakesTheAttributionThatClosesIt() {
        let (_, speakers) = SpeakerResolverTests.speakers("\"We freed 300. We will free 200 more.\" officials said.")
        #expect(speakers.speaker(at: 0, sentence: 0) == "officials")
    }

    /// The names of each sentence's attributions.
    static func names(_ text: String) -> [[String]] {
        let (analysis, speakers) = SpeakerResolverTests.speakers(text)
        return analysis.sentences.indices.map { speakers.mentions(in: $0).map(\.name) }
    }

    @Test func attributionsWithoutASpeechVerbBeforeTheName() {
        #expect(SpeakerResolverTests.names("Fewer than 40 boats came back, according to the Harbour Ministry.") == [["Harbour Ministry"]])
        #expect(SpeakerResolverTests.names("The Port Ministry's figures showed 212 missing.") == [["Port Ministry"]])
        #expect(SpeakerResolverTests.names("Count data from the Northern Red Crescent shows 90 rescued.").last == ["Northern Red Crescent"])
        #expect(SpeakerResolverTests.names("The Gazette reported 15 arrests, citing two Coastal sources.") == [["Coastal sources"]])
        #expect(SpeakerResolverTests.names("The Gazette quoted Mayor Ilse Brandt as saying 300 homes flooded.") == [["Brandt"]])
        #expect(SpeakerResolverTests.names("In a statement, the Valley Health Ministry said 61 had died.") == [["Valley Health Ministry"]])
    }

    @Test func whoToldWhomSpeaksNotTheOneTold() {
        #expect(SpeakerResolverTests.names("Coach Marta Lind told The Gazette 12 players were injured.") == [["Lind"]])
        #expect(SpeakerResolverTests.names("The count, Lind told reporters, reached 12.") == [["Lind"]])
    }

    @Test func pronounsAndStatementsPointBackNeverSpeakThemselves() {
        #expect(
            SpeakerResolverTests.names(
                "A statement by the Port Authority Office put the cost at $4 million. It said 30 cranes were lost. "
                    + "Minister Paul Okafor said 12 ships sank. He said 3 more were missing. The statement said 9 crews were safe.")
                == [["Port Authority Office"], ["Port Authority Office"], ["Okafor"], ["Okafor"], ["Port Authority Office"]])
        #expect(SpeakerResolverTests.names("If officials said 40, Monday said nothing. Credit said 3.") == [["officials"], []])
        #expect(SpeakerResolverTests.names("It said 20 had died.") == [[]])
    }

    @Test func aRoleInAppositionGivesWayToTheName() {
        #expect(SpeakerResolverTests.names("Ruritania's Prime Minister, Anna Kowal, announced that 7 towns flooded.") == [["Kowal"]])
    }

    @Test func aPassiveNamesItsSpeakerOnlyAfterBy() {
        #expect(SpeakerResolverTests.names("The raid was reported to have cost $3 million.") == [[]])
        #expect(SpeakerResolverTests.names("Losses of 40 sheep were reported by the Farm Office.") == [["Farm Office"]])
        // A verb that ends its clause has no agent to look for ("by" needs a word after it).
        #expect(SpeakerResolverTests.names("Forty sheep died, the Farm Office confirmed") == [["Farm Office"]])
        #expect(SpeakerResolverTests.names("Losses of 40 sheep were reported") == [[]])
    }

    @Test func verbsInsideAQuotationAreTheQuotedSpeakers() {
        #expect(
            SpeakerResolverTests.names("Mayor Ilse Brandt said, \"It was confirmed by the Farm Office that 40 sheep died.\"")
                == [["Brandt"]])
    }

    @Test func particlesStayInsideNames() {
        #expect(SpeakerResolverTests.names("Envoy Karim al-Nouri said 14 boats returned.") == [["al-Nouri"]])
    }

    @Test func aStatementFromSomeoneIsTheirs() {
        #expect(SpeakerResolverTests.names("Nine crews are safe, according to a statement from the Harbour Ministry.") == [["Harbour Ministry"]])
    }

    @Test func theNameBetweenCommasBeforeTheVerb() {
        #expect(
            SpeakerResolverTests.names("Speaking after the vote, Dr Ana Ruiz, professor of law at the Valley College, said 12 seats changed.")
                == [["Ruiz"]])
        #expect(SpeakerResolverTests.names("Mayor Ilse Brandt, visiting Port Elm, Ruritania, said 40 homes flooded.") == [["Brandt"]])
        #expect(SpeakerResolverTests.names("The river rose, while Harbour Ferries, the operator, reported 3 boats lost.") == [["Ferries"]])
    }

    @Test func aNameAfterTheVerbOnlyWhereTheClauseEnds() {
        #expect(SpeakerResolverTests.names("\"We saved 40,\" said Mayor Ilse Brandt on Monday.") == [["Brandt"]])
        #expect(SpeakerResolverTests.names("The captain had earlier on Monday said Portland's toll was at 20.") == [[]])
    }

    @Test func anOrganisationNamedByItsKindIsKeptWhole() {
        #expect(SpeakerResolverTests.names("The rating office Nordic Ledger said debt rose 4%.") == [["Nordic Ledger"]])
        #expect(SpeakerResolverTests.names("The flood relief office said 30 families moved.") == [["flood relief office"]])
    }

    @Test func theAuthorsOwnVoiceIsNoSpeaker() {
        #expect(SpeakerResolverTests.names("Officials said 3 died. We estimate the loss at $2 million.") == [["Officials"], []])
    }

    @Test func anAcronymInParenthesesNamesTheSpeaker() {
        #expect(SpeakerResolverTests.names("Earlier, the Weather Office (IF) said 12 towns flooded.") == [["IF"]])
    }

    @Test func aHeadlineNamesItsSourceAtEitherEndOfAColon() {
        #expect(SpeakerResolverTests.names("Floods sweep 40 villages: Harbour Ministry\nRain fell.") == [["Harbour Ministry"], []])
        #expect(SpeakerResolverTests.names("WHO: 40 dead in floods\nRain fell.") == [["WHO"], []])
        // A bare name before the colon may be a place or a topic; a body sentence with a dateline reads no source.
        #expect(SpeakerResolverTests.names("Portville: 40 boats lost\nRain fell.") == [[], []])
        #expect(SpeakerResolverTests.names("Storm sinks 40 boats: Portville\nRain fell.") == [[], []])
        #expect(SpeakerResolverTests.names("Rain fell.\nPortville: 40 boats were lost at sea: Harbour Ministry.") == [[], []])
        // A picture credit is no source.
        #expect(SpeakerResolverTests.names("Boats in the harbour (Photo: Harbour Ministry)\nRain fell.") == [[], []])
    }

    @Test func aQuotationRunOnIntoTheNextParagraphKeepsItsSpeaker() {
        let (analysis, speakers) = SpeakerResolverTests.speakers("Mayor Ilse Brandt said: \"We saved 40.\"\n\"Another 12 are missing.")
        #expect(speakers.speaker(at: analysis.sentences[1].tokens.lowerBound, sentence: 1) == "Brandt")
        // Without a quotation in the paragraph before, nothing runs on.
        let (plain, unquoted) = SpeakerResolverTests.speakers("Mayor Ilse Brandt said 40 were saved.\n\"Another 12 are missing.")
        #expect(unquoted.speaker(at: plain.sentences[1].tokens.lowerBound, sentence: 1) == nil)
    }

    @Test func whoPutsAFigureAtSomethingSpeaks() {
        #expect(SpeakerResolverTests.names("Mayor Ilse Brandt put the toll at 40.") == [["Brandt"]])
        #expect(SpeakerResolverTests.names("Officials put pressure on 3 banks.") == [[]])
    }

    @Test func aTimePhraseBetweenSpeakerAndVerb() {
        #expect(SpeakerResolverTests.names("Officials on Saturday said 270 were treated.") == [["Officials"]])
        #expect(SpeakerResolverTests.names("The Farm Office on June 14 said 30 sheep died.") == [["Farm Office"]])
    }

    @Test func aClosingAccordingToRelaysTheSpeakerAlreadyNamed() {
        #expect(SpeakerResolverTests.names("The Harbour Ministry said 40 boats sank, according to the Gazette.") == [["Harbour Ministry"]])
        #expect(
            SpeakerResolverTests.names("The Farm Office says 22 got away, against 25 according to officials.") == [["Farm Office", "officials"]])
    }

    @Test func aLowerCaseCompoundOpensAnOrganisationsName() {
        #expect(SpeakerResolverTests.names("Some 40 died, according to the eastern-based Harbour Ministry.") == [["eastern-based Harbour Ministry"]])
    }

    @Test func aShortAcronymSpeaksEvenWhereItSpellsAWord() {
        #expect(SpeakerResolverTests.names("WHO said 12 died.") == [["WHO"]])
        #expect(SpeakerResolverTests.names("READ WHO said 12 died.") == [[]])
    }

    @Test func aNameWithATimePhraseBeforeItsComma() {
        #expect(SpeakerResolverTests.names("The Farm Office on Saturday, June 14, said 30 sheep died.") == [["Farm Office"]])
    }

    @Test func theAgentOfAReportingParticipleSpeaks() {
        #expect(SpeakerResolverTests.names("Of the 90 missing, 34 were confirmed dead by the Harbour Ministry.") == [["Harbour Ministry"]])
        #expect(SpeakerResolverTests.names("\"We saved 40,\" Mayor Ilse Brandt said, as reported by the Gazette.") == [["Brandt"]])
        #expect(SpeakerResolverTests.names("A report issued late, putting the toll at 40, came from Mayor Ilse Brandt.") == [[]])
        #expect(SpeakerResolverTests.names("The latest came from the mayor, Ilse Brandt, putting the toll at 40.") == [["Brandt"]])
    }
}
