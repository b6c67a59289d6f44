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
