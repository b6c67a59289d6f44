import Foundation
import TallyCore
import TallyExtract
import TallyIngest
import TallyPipeline
import TallyReconcile

/// A folder that `StoryCheck` cannot score, said plainly.
public struct StoryFolderError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// What `tally corpus check --corpus DIR` measures on a folder with no baselines (the layout of
/// `../shared/realnews/<story>/`): claims against gold, and findings against `expected.yaml` when present.
public struct StoryCheckResult: Sendable {
    public var root: String
    public var documents: Int
    public var claims: Int
    public var scores: OverlapScores
    /// Nil when the folder has no `expected.yaml`.
    public var findings: FindingsCheck?
    public var expectedFile: String?
    /// Unreadable gold or articles, gold for a missing article, bad claim references.
    public var problems: [String]
}

/// Scores any folder with `articles/` and `gold/` the way `../shared/eval/realnews.sh` does: runs the real
/// pipeline once (ingest, extract, reconcile) over `articles/`, and reads only; nothing is written into
/// the folder, so it suits shared, read-only data.
public struct StoryCheck: Sendable {
    public var extractor: Extractor
    public var ingestor: Ingestor
    public var scorer: OverlapScorer
    public var reconciler: Reconciler

    public init(extractor: Extractor, ingestor: Ingestor = Ingestor(), scorer: OverlapScorer = OverlapScorer(), reconciler: Reconciler = Reconciler()) {
        self.extractor = extractor
        self.ingestor = ingestor
        self.scorer = scorer
        self.reconciler = reconciler
    }

    /// The folder's `articles/`, or an error naming what is missing.
    public static func validate(_ root: String) throws(StoryFolderError) {
        for part in ["articles", "gold"] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + part, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw StoryFolderError(description: "\(root) has no \(part)/ folder: a corpus folder holds articles/ and gold/ (and expected.yaml for findings)")
            }
        }
    }

    public func run(folder root: String) throws(StoryFolderError) -> StoryCheckResult {
        try StoryCheck.validate(root)
        let layout = CorpusLayout(root: root)
        var problems: [String] = []
        let (golds, goldErrors) = GoldArticle.loadAll(directory: layout.gold)
        problems += goldErrors.map(\.description)

        // The pipeline as `tally report DIR/articles` runs it: same file walk, same order.
        let (files, walkSkipped) = ingestor.inputFiles(for: [layout.articles])
        problems += walkSkipped.map { "\($0.path): \($0.reason)" }
        var runner = BatchRunner(ingestor: ingestor, extractor: extractor)
        runner.explicitPaths = [layout.articles]
        var builder = ReportBuilder()
        runner.run(files) { builder.add($0) }
        problems += builder.skipped.map { "\($0.path): \($0.reason)" }
        // The claims could only fail to come back from disk, and a corpus folder is far below the memory that spills them.
        var held: [Claim] = []
        do { held = try builder.claims } catch { problems.append("\(error)") }
        var claimsByBase: [String: [Claim]] = [:]
        for claim in held { claimsByBase[StoryCheck.stem(claim.doc), default: []].append(claim) }

        let (texts, textProblems) = StoryCheck.articleTexts(layout, golds)
        problems += textProblems
        let articles = texts.map { OverlapScorer.Article(name: $0.base, gold: $0.gold.claims, text: $0.text, claims: claimsByBase[$0.base] ?? []) }
        let (findings, findingProblems) = StoryCheck.checkFindings(root: root, texts: texts) {
            do { return try builder.report(reconciler: reconciler).findings } catch {
                problems.append("\(error)")
                return []
            }
        }
        problems += findingProblems
        return StoryCheckResult(
            root: root, documents: builder.documents.count, claims: held.count, scores: scorer.score(articles),
            findings: findings, expectedFile: findings == nil ? nil : root + "/expected.yaml", problems: problems)
    }

    /// The findings check of any corpus folder with `expected.yaml` (nil without one), for `claims`
    /// extracted from its articles.
    public func checkFindings(root: String, claims: [Claim]) -> (check: FindingsCheck?, problems: [String]) {
        let layout = CorpusLayout(root: root)
        guard FileManager.default.fileExists(atPath: root + "/expected.yaml") else { return (nil, []) }
        let (golds, goldErrors) = GoldArticle.loadAll(directory: layout.gold)
        let (texts, textProblems) = StoryCheck.articleTexts(layout, golds)
        let (check, problems) = StoryCheck.checkFindings(root: root, texts: texts) { reconciler.reconcile(claims) }
        return (check, goldErrors.map(\.description) + textProblems + problems)
    }

    /// Each gold file with its name's stem and its article file, folded; the article is the gold's
    /// `article`, else `<gold stem>.txt`, as the shared scorers look for it.
    static func articleTexts(_ layout: CorpusLayout, _ golds: [GoldArticle]) -> (texts: [(base: String, gold: GoldArticle, text: FoldedText)], problems: [String]) {
        var texts: [(base: String, gold: GoldArticle, text: FoldedText)] = []
        var problems: [String] = []
        for gold in golds {
            let base = stem(gold.file)
            var path = layout.articles + "/" + gold.article
            if !FileManager.default.fileExists(atPath: path) { path = layout.articles + "/" + base + ".txt" }
            guard let bytes = FileManager.default.contents(atPath: path) else {
                problems.append("\(gold.file): article '\(gold.article)' is not in \(layout.articles)")
                continue
            }
            texts.append((base, gold, FoldedText(fileContents: Array(bytes))))
        }
        return (texts, problems)
    }

    /// Reads `expected.yaml` and checks the findings `reconcile` gives (called only when the file exists).
    static func checkFindings(
        root: String, texts: [(base: String, gold: GoldArticle, text: FoldedText)], reconcile: () -> [Finding]
    ) -> (check: FindingsCheck?, problems: [String]) {
        let file = root + "/expected.yaml"
        guard FileManager.default.fileExists(atPath: file) else { return (nil, []) }
        var gold = FindingsCheck.Gold()
        for text in texts { gold.add(article: text.base, text: text.text, claims: text.gold.claims) }
        do {
            let check = FindingsCheck(findings: reconcile(), expected: try ExpectedFindings.load(file: file), gold: gold)
            return (check, check.unknownReferences.map { "\(file): '\($0)' names no gold claim" })
        } catch {
            return (nil, [error.description])
        }
    }

    /// A file name without folder or extension: how the scorers key articles.
    static func stem(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
