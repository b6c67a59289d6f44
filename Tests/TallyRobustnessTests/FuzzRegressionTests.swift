import Foundation
import Testing
import TallyFuzzTargets

/// Replays every input kept under `Fuzz/regressions/<target>/` (crashes the fuzzer once found, plus
/// hand-made nasty inputs) through its fuzz target: each must now return without trapping.
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func inputs(of target: FuzzTarget) -> [URL] {
        let folder = root.appendingPathComponent("Fuzz/regressions/\(target.rawValue)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzTarget.allCases)
    func regressionsStillPass(_ target: FuzzTarget) throws {
        // Rules are found relative to the repository, whatever the test's working directory.
        setenv("TALLY_RULES", Self.root.appendingPathComponent("rules").path, 0)
        for url in Self.inputs(of: target) {
            target.run([UInt8](try Data(contentsOf: url)))
        }
    }

    @Test func everyTargetHasRegressionInputs() {
        for target in FuzzTarget.allCases {
            #expect(!Self.inputs(of: target).isEmpty, "Fuzz/regressions/\(target.rawValue) is empty")
        }
    }
}
