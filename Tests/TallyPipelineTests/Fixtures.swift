import Foundation

/// The package root, found from this file's path (`Tests/TallyPipelineTests/Fixtures.swift`).
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
