import Testing
import TallyCore
@testable import TallyReconcile

/// Copies of one story (same claim sentences on two sites) are one source.
@Suite struct CopyClustersTests {
    func claim(_ doc: String, _ value: Double, _ sentence: String, subject: String = "people killed") -> Claim {
        Claim(
            doc: doc, kind: "casualties", value: .number(value), low: .number(value), high: .number(value), qualifier: .exact,
            unit: "people", scope: nil, subject: subject, event: "2023-09-14", speaker: nil, quote: "q", start: 0, end: 1,
            sentence: sentence, rule: "r")
    }

    static let wire = ["The toll rose to 2,000 on Monday.", "At least 5,000 people were missing, officials said.", "Rescuers found 300 bodies."]

    @Test func aFingerprintKeepsLettersAndDigitsLowerCasedAndTheWordsApart() {
        #expect(CopyClusters.fingerprint("Über 5,000 PEOPLE -- fled!") == CopyClusters.fingerprint("über 5 000 people fled"))
        #expect(CopyClusters.fingerprint("ÉTÉ 2023") == CopyClusters.fingerprint("été 2023"))
        #expect(CopyClusters.fingerprint("a b") != CopyClusters.fingerprint("ab"))
        #expect(CopyClusters.fingerprint("Zone 9") != CopyClusters.fingerprint("Zone 8"))
        #expect(CopyClusters.fingerprint("[x]") == CopyClusters.fingerprint("x"))
    }

    @Test func documentsSharingMostClaimSentencesAreOneSource() {
        let a = Self.wire.enumerated().map { claim("a.txt", Double($0.offset), $0.element) }
        // The copy is cut short and punctuated differently, and carries one sentence of its own.
        let b = [claim("b.txt", 0, "the toll rose to 2,000 on Monday"), claim("b.txt", 1, "At least 5,000 people were missing -- officials said"),
            claim("b.txt", 9, "A local reporter counted 9 more.")]
        let copies = CopyClusters(a + b + [claim("c.txt", 0, "The toll rose to 2,000 on Monday.")])
        #expect(copies.sameSource("a.txt", "b.txt"))
        #expect(!copies.sameSource("a.txt", "c.txt"))  // one shared sentence is not a copy
        #expect(copies.sourceCount(["a.txt", "b.txt", "c.txt"]) == 2)
    }

    @Test func aCopyNeitherConfirmsNorContradictsItsOriginal() {
        let original = [claim("a.txt", 2_000, Self.wire[0]), claim("a.txt", 5_000, Self.wire[1], subject: "people missing")]
        // The copy garbles one figure: still one source, so no conflict with its original.
        let copy = [claim("b.txt", 2_000, Self.wire[0]), claim("b.txt", 500, Self.wire[1], subject: "people missing")]
        let findings = Reconciler().reconcile(original + copy + [claim("c.txt", 2_000, "Officials put the toll at 2,000.")])
        #expect(findings.allSatisfy { $0.verdict != .conflict })
        let agreement = findings.first { $0.verdict == .agreement && $0.claims.contains { $0.claim.doc == "c.txt" } }
        #expect(agreement?.reason.hasPrefix("2 sources say") == true)
    }
}

