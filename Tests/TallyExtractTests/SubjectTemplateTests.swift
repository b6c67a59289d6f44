import Testing

@testable import TallyExtract

@Suite struct SubjectTemplateTests {
    @Test(arguments: [
        ("people $v", ["v": "killed"], "people killed"),
        ("ceasefire proposed by {party}", [:], "ceasefire proposed by Ukraine"),
        ("$t", ["t": ""], ""),
        ("  $a  and   $b ", ["a": "x", "b": "y z"], "x and y z"),
        ("cost $", [:], "cost $"),
        ("{part} $missing", [:], "{part}"),
    ])
    func fillsCapturesAndPartyAndCollapsesSpaces(template: String, captures: [String: String], expected: String) {
        let filled = SubjectTemplate(template).expand(capture: { captures[$0] ?? "" }, party: { "Ukraine" })
        #expect(filled == expected)
    }
}

extension SubjectTemplateTests {
    @Test func fillsTheNearestPhraseOfALexiconClass() {
        let template = SubjectTemplate("$g {@nationals_context}")
        #expect(template.nearestClasses == ["nationals_context"])
        let filled = template.expand(capture: { _ in "Thai" }, party: { "" }, nearest: { $0 == "nationals_context" ? "hostage release" : "" })
        #expect(filled == "Thai hostage release")
        #expect(SubjectTemplate("{@missing} count").expand(capture: { _ in "" }, party: { "" }) == "count")
    }
}
