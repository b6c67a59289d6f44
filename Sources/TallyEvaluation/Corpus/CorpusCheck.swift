import Foundation
import TallyCore
import TallyExtract
import TallyIngest
import TallyPipeline

/// Where a corpus keeps its parts: `articles/`, `gold/`, `baseline/` and `scores.json`.
public struct CorpusLayout: Sendable {
    public var root: String
    public init(root: String) { self.root = root }
    public var articles: String { root + "/articles" }
    public var gold: String { root + "/gold" }
    public var baselines: String { root + "/baseline" }
    public var scores: String { root + "/scores.json" }

    /// `baseline/<article without extension>.jsonl`, or `<article>.<record>.jsonl` for one record of a
    /// JSON Lines article.
    public func baseline(for article: String, record: String? = nil) -> String {
        baselines + "/" + ((article as NSString).deletingPathExtension) + (record.map { "." + $0 } ?? "") + ".jsonl"
    }
}

/// One article's current output against its baseline and gold.
public struct ArticleCheck: Sendable {
    public var article: String
    /// The record id within a JSON Lines article.
    public var record: String?
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
        var goldByKey: [String: GoldArticle] = [:]
        for gold in golds {
            let key = CorpusCheck.key(gold.article, gold.record)
            if let first = goldByKey[key] {
                problems.append("\(gold.file): annotates the same document as \(first.file); only the first is used")
                continue
            }
            goldByKey[key] = gold
        }
        var used = Set<String>()
        let names = CorpusCheck.files(in: layout.articles)
        if names.isEmpty { problems.append("\(layout.articles): no articles found") }
        for gold in golds where !names.contains(gold.article) {
            problems.append("\(gold.file): article '\(gold.article)' is not in \(layout.articles)")
        }
        var scores = GoldScores(rules: extractor.rules.rules.map { ($0.id, $0.kind) })
        let scorer = GoldScorer()
        var articles: [ArticleCheck] = []
        // Ingest and extract on every core (in input order); scoring and diffing are cheap.
        let runner = BatchRunner(ingestor: ingestor, extractor: extractor)
        var results: [FileResult] = []
        runner.run(names.map { layout.articles + "/" + $0 }) { results.append($0) }
        for (name, result) in zip(names, results) {
            let path = layout.articles + "/" + name
            if let skipped = result.skipped {
                problems.append("\(skipped.path): \(skipped.reason)")
                continue
            }
            for (document, claims) in zip(result.documents, result.claims) {
                // Records of a JSON Lines file carry their own id; a plain article's id is its path.
                let record = document.id == path ? nil : document.id
                let key = CorpusCheck.key(name, record)
                let gold = goldByKey[key] ?? (result.documents.count == 1 ? goldByKey[CorpusCheck.key(name, nil)] : nil)
                if let gold { used.insert(CorpusCheck.key(gold.article, gold.record)) }
                let alignment = gold.map { GoldAlignment(gold: $0.claims, text: document.text) }
                if let alignment { scorer.add(claims, alignment, article: record ?? name, to: &scores) }
                let baselinePath = layout.baseline(for: name, record: record)
                let onDisk = CorpusCheck.read(baselinePath)
                var previous: [Claim] = []
                var baselineError: String?
                if let onDisk {
                    do { previous = try Baseline.parse(onDisk, file: baselinePath, article: name) } catch { baselineError = error.description }
                }
                articles.append(ArticleCheck(
                    article: name, record: record, claims: claims, gold: alignment, baselinePath: baselinePath,
                    rendered: Baseline.render(claims), onDisk: onDisk,
                    changes: BaselineDiff.diff(baseline: previous, current: claims, gold: alignment), baselineError: baselineError))
            }
        }
        for gold in golds where names.contains(gold.article) && !used.contains(CorpusCheck.key(gold.article, gold.record)) {
            problems.append("\(gold.file): no document '\(gold.record ?? gold.article)' in \(gold.article)")
        }
        let expected = Set(articles.map(\.baselinePath))
        let stale = CorpusCheck.files(in: layout.baselines).map { layout.baselines + "/" + $0 }.filter { $0.hasSuffix(".jsonl") && !expected.contains($0) }
        return CorpusCheckResult(
            layout: layout, articles: articles, scores: scores, renderedScores: ScoresJSON.render(scores),
            scoresOnDisk: CorpusCheck.read(layout.scores), problems: problems, staleBaselines: stale)
    }

    static func key(_ article: String, _ record: String?) -> String { article + "#" + (record ?? "") }

    static func files(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }
}
