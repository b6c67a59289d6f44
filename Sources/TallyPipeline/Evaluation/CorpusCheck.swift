import Foundation
import TallyCore
import TallyExtract
import TallyIngest

/// Where a corpus keeps its parts: `articles/`, `gold/`, `baseline/` and `scores.json`.
public struct CorpusLayout: Sendable {
    public var root: String
    public init(root: String) { self.root = root }
    public var articles: String { root + "/articles" }
    public var gold: String { root + "/gold" }
    public var baselines: String { root + "/baseline" }
    public var scores: String { root + "/scores.json" }

    /// `baseline/<article without extension>.jsonl`.
    public func baseline(for article: String) -> String {
        baselines + "/" + ((article as NSString).deletingPathExtension) + ".jsonl"
    }
}

/// One article's current output against its baseline and gold.
public struct ArticleCheck: Sendable {
    public var article: String
    public var claims: [Claim]
    public var gold: GoldAlignment?
    public var baselinePath: String
    /// The baseline file as it should read now.
    public var rendered: String
    /// The file on disk, or nil when there is none.
    public var onDisk: String?
    public var changes: [ClaimChange]
    /// A baseline that exists but cannot be read.
    public var baselineError: String?

    public var differs: Bool { onDisk != rendered }
}

/// The whole regression check: extract over the corpus, score against gold, diff against baselines.
public struct CorpusCheckResult: Sendable {
    public var layout: CorpusLayout
    public var articles: [ArticleCheck]
    public var scores: GoldScores
    /// `scores.json` as it should read now, and as it is.
    public var renderedScores: String
    public var scoresOnDisk: String?
    /// Problems that are not differences: unreadable articles or gold files, gold for a missing article.
    public var problems: [String]
    /// Baseline files whose article no longer exists.
    public var staleBaselines: [String]

    public var differs: Bool {
        articles.contains { $0.differs } || renderedScores != scoresOnDisk || !staleBaselines.isEmpty
    }
}

/// Runs the corpus check. Reads only; writing the update is the caller's (atomic) job.
public struct CorpusCheck: Sendable {
    public var extractor: Extractor
    public var ingestor: Ingestor

    public init(extractor: Extractor, ingestor: Ingestor = Ingestor()) {
        self.extractor = extractor
        self.ingestor = ingestor
    }

    public func run(corpus: String) -> CorpusCheckResult {
        let layout = CorpusLayout(root: corpus)
        var problems: [String] = []
        let (golds, goldErrors) = GoldArticle.loadAll(directory: layout.gold)
        problems += goldErrors.map(\.description)
        var goldByArticle: [String: GoldArticle] = [:]
        for gold in golds { goldByArticle[gold.article] = gold }
        let names = CorpusCheck.files(in: layout.articles)
        if names.isEmpty { problems.append("\(layout.articles): no articles found") }
        for gold in golds where !names.contains(gold.article) {
            problems.append("\(gold.file): article '\(gold.article)' is not in \(layout.articles)")
        }
        var scores = GoldScores(rules: extractor.rules.rules.map { ($0.id, $0.kind) })
        let scorer = GoldScorer()
        var articles: [ArticleCheck] = []
        for name in names {
            let path = layout.articles + "/" + name
            let documents: [Document]
            do {
                documents = try ingestor.ingest(file: path)
            } catch {
                problems.append("\(path): \(error.reason)")
                continue
            }
            let text = documents.first?.text ?? ""
            let claims = documents.flatMap { extractor.extract($0) }
            let alignment = goldByArticle[name].map { GoldAlignment(gold: $0.claims, text: text) }
            if let alignment { scorer.add(claims, alignment, article: name, to: &scores) }
            let baselinePath = layout.baseline(for: name)
            let onDisk = CorpusCheck.read(baselinePath)
            var previous: [Claim] = []
            var baselineError: String?
            if let onDisk {
                do { previous = try Baseline.parse(onDisk, file: baselinePath, article: name) } catch { baselineError = error.description }
            }
            articles.append(ArticleCheck(
                article: name, claims: claims, gold: alignment, baselinePath: baselinePath, rendered: Baseline.render(claims),
                onDisk: onDisk, changes: BaselineDiff.diff(baseline: previous, current: claims, gold: alignment), baselineError: baselineError))
        }
        let expected = Set(articles.map(\.baselinePath))
        let stale = CorpusCheck.files(in: layout.baselines).map { layout.baselines + "/" + $0 }.filter { $0.hasSuffix(".jsonl") && !expected.contains($0) }
        return CorpusCheckResult(
            layout: layout, articles: articles, scores: scores, renderedScores: ScoresJSON.render(scores),
            scoresOnDisk: CorpusCheck.read(layout.scores), problems: problems, staleBaselines: stale)
    }

    static func files(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }
}
