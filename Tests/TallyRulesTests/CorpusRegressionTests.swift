import Testing
import TallyCore
import TallyExtract
import TallyEvaluation

/// End to end: the corpus check passes — the current output equals the accepted baselines.
@Suite struct CorpusRegressionTests {
    @Test func corpusMatchesBaseline() throws {
        let rules = try #require(RuleFixtures.rules, "rules/ must load (see rulesLoad)")
        let result = CorpusCheck(extractor: Extractor(rules: rules)).run(corpus: RuleFixtures.corpusDirectory)
        #expect(result.problems == [])
        #expect(result.articles.count >= 5)
        if result.differs {
            Issue.record(Comment(rawValue: "the corpus output differs from the baseline (run `tally corpus check`):\n" + CorpusCheckReport.diffText(result)))
        }
    }

    @Test func everyGoldArticleIsScored() throws {
        let rules = try #require(RuleFixtures.rules)
        let result = CorpusCheck(extractor: Extractor(rules: rules)).run(corpus: RuleFixtures.corpusDirectory)
        #expect(result.scores.articles == result.articles.filter { $0.gold != nil }.count)
        #expect(result.scores.total.gold > 0)
    }
}
