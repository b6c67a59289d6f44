#!/usr/bin/env python3
"""Score the speakers tally attributes to claims against an annotated real-news folder.

usage: scripts/speaker_score.py [STORY_DIR ...] [--tally BIN] [--verbose]

STORY_DIR holds `articles/` and `gold/` (the layout of ../shared/realnews/*/); by default every story
under ../shared/realnews/ next to the project. Skips cleanly (exit 0) when the folder is absent.

Each claim of `tally extract DIR --format jsonl` is matched to the gold claims of the same article
whose quote overlaps its own (same kind preferred, then the largest overlap). For matched claims:
  right    the gold has a speaker and the names agree (case-insensitive: the gold speaker contains
           the predicted name's last word, or the prediction contains the gold speaker's last word,
           or one is the acronym the other spells out: WHO, World Health Organization)
  wrong    the gold has a speaker and the prediction names someone else
  missing  the gold has a speaker and the claim has none
  extra    the gold has no speaker and the claim has one
Also listed: predicted speakers that are not names (pronouns, weekdays, months, capitalised
function words, bare place names, file names).
"""
import argparse, collections, glob, json, os, re, subprocess, sys

try:
    import yaml
except ImportError:  # pragma: no cover
    print("speaker_score: python3 yaml module missing, skipped")
    sys.exit(0)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "realnews"))

FOLD = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-",
                      "\u2014": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " "})

PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their",
            "this", "that", "these", "those", "who", "which"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
FUNCTION = {"if", "but", "and", "or", "so", "as", "at", "in", "on", "of", "for", "from", "by", "with", "the", "a",
            "an", "after", "before", "when", "while", "since", "until", "although", "though", "because", "credit",
            "photo", "there", "here", "also", "then", "meanwhile", "however", "earlier", "later", "now", "today",
            "yesterday", "tomorrow", "last", "next", "both", "all", "some", "many", "most", "other", "others",
            "more", "such", "what", "where", "how", "why", "not", "no", "yes", "read", "see", "during", "under",
            "over", "about", "according", "said", "says", "told", "to"}
# Bare place names seen as speakers; a country can speak ("Qatar said"), so these are listed, not scored.
PLACES = {"libya", "derna", "benghazi", "tripoli", "gaza", "israel", "egypt", "qatar", "cairo", "doha",
          "ahmedabad", "india", "london", "rafah", "khan", "younis", "jerusalem", "tel", "aviv", "west", "bank",
          "thailand", "strip", "east", "north", "south", "city", "airport"}


def fold(s):
    out, prev_space = [], False
    for ch in s:
        c = ch.translate(FOLD)
        if c.isspace():
            if prev_space:
                continue
            c, prev_space = " ", True
        else:
            prev_space = False
        out.append(c.lower())
    return "".join(out)


def locate(text_f, quote, hint=None):
    q = fold((quote or "").strip())
    if not q:
        return None
    hits = [m.start() for m in re.finditer(re.escape(q), text_f)]
    if not hits:
        return None
    if hint is not None:
        hits.sort(key=lambda h: abs(h - hint))
    return (hits[0], hits[0] + len(q))


def words(name):
    return [w for w in re.findall(r"[\w\-]+", (name or "").lower().replace("\u2019", "'")) if w != "s"]


LINKS = {"of", "the", "for", "and", "on", "de"}


def initials(name):
    """'World Health Organization' -> 'who': what its acronym spells."""
    return "".join(w[0] for w in words(name) if w not in LINKS)


def agrees(gold, predicted):
    g, p = words(gold), words(predicted)
    if not g or not p:
        return False
    if p[-1] in g or g[-1] in p:
        return True
    # An acronym for the name the other side spells out ("WHO" for "World Health Organization").
    for short, full in ((predicted, gold), (gold, predicted)):
        s = short.strip()
        if len(s) >= 2 and s.isalpha() and s.isupper() and initials(full) == s.lower():
            return True
    return False


def not_a_name(speaker):
    w = words(speaker)
    if not w:
        return "empty"
    if ".txt" in speaker or "_" in speaker or re.search(r"\d", speaker):
        return "file name"
    if len(w) == 1 and not (speaker.isupper() and len(speaker) > 1):  # "WHO" is an agency
        if w[0] in PRONOUNS:
            return "pronoun"
        if w[0] in WEEKDAYS:
            return "weekday"
        if w[0] in MONTHS:
            return "month"
        if w[0] in FUNCTION:
            return "function word"
        if w[0] in PLACES:
            return "place"
    return None


def score(story, tally, verbose):
    arts, gold_dir = os.path.join(story, "articles"), os.path.join(story, "gold")
    out = subprocess.run([tally, "extract", arts, "--format", "jsonl", "--quiet"], capture_output=True, text=True)
    texts, golds = {}, {}
    for gf in sorted(glob.glob(os.path.join(gold_dir, "*.yaml"))):
        base = os.path.splitext(os.path.basename(gf))[0]
        d = yaml.safe_load(open(gf, encoding="utf-8"))
        art = os.path.join(arts, d.get("article", base + ".txt"))
        if not os.path.exists(art):
            art = os.path.join(arts, base + ".txt")
        tf = fold(open(art, encoding="utf-8").read())
        texts[base] = tf
        golds[base] = [dict(c, _loc=locate(tf, c["quote"])) for c in d["claims"]]
    c = collections.Counter()
    odd = collections.Counter()
    predicted = collections.Counter()
    details = []
    for line in out.stdout.splitlines():
        if not line.startswith("{"):
            continue
        p = json.loads(line)
        base = os.path.splitext(os.path.basename(str(p.get("doc", ""))))[0]
        if base not in golds:
            continue
        tf = texts[base]
        c["claims"] += 1
        speaker = p.get("speaker")
        if speaker:
            c["with speaker"] += 1
            predicted[speaker] += 1
            why = not_a_name(speaker)
            if why:
                odd[(why, speaker)] += 1
        sent = locate(tf, p.get("sentence") or "", p.get("start"))
        loc = None
        if sent is not None:
            q = fold((p.get("quote") or "").strip())
            i = tf.find(q, sent[0], sent[1] + 1) if q else -1
            loc = (i, i + len(q)) if i >= 0 else sent
        loc = loc or locate(tf, p.get("quote"), p.get("start"))
        best, key = None, None
        for g in golds[base]:
            gl = g["_loc"]
            if gl is None or loc is None or loc[1] <= gl[0] or gl[1] <= loc[0]:
                continue
            k = (g["kind"] == p.get("kind"), min(loc[1], gl[1]) - max(loc[0], gl[0]))
            if key is None or k > key:
                best, key = g, k
        if best is None:
            continue
        c["matched"] += 1
        gs = best.get("speaker")
        if gs:
            c["gold speaker"] += 1
            verdict = "missing" if not speaker else ("right" if agrees(gs, speaker) else "wrong")
        else:
            verdict = "extra" if speaker else "none"
        c[verdict] += 1
        if verdict in ("wrong", "missing", "extra"):
            details.append((verdict, base[:3], gs, speaker, p.get("quote"), (p.get("sentence") or "")[:300]))
    name = os.path.basename(os.path.normpath(story))
    gsp = c["gold speaker"] or 1
    print(f"{name}: claims {c['claims']}, with speaker {c['with speaker']}; matched to gold {c['matched']}, "
          f"gold has a speaker {c['gold speaker']}: right {c['right']} ({c['right'] / gsp:.0%}), wrong {c['wrong']}, "
          f"missing {c['missing']}; speaker where gold has none {c['extra']}; "
          f"not names {sum(n for (why, _), n in odd.items() if why != 'place')}, bare places {sum(n for (why, _), n in odd.items() if why == 'place')}")
    if odd:
        print("  not names: " + ", ".join(f"{s} ({why}) x{n}" for (why, s), n in sorted(odd.items(), key=lambda x: -x[1])))
    if verbose:
        print("  predicted: " + ", ".join(f"{s} x{n}" for s, n in predicted.most_common()))
        for d in sorted(details, key=lambda d: (d[0], d[1])):
            print("  %-7s %s gold=%r got=%r  %s\n      | %s" % d)
    return c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("stories", nargs="*")
    ap.add_argument("--tally", default=None)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    stories = a.stories or sorted(d for d in glob.glob(os.path.join(SHARED, "*")) if os.path.isdir(os.path.join(d, "gold")))
    stories = [s for s in stories if os.path.isdir(os.path.join(s, "gold"))]
    if not stories:
        print(f"speaker_score: no annotated stories (looked in {SHARED}), skipped")
        return
    tally = a.tally
    if tally is None:
        for b in (".build/release/tally", ".build/debug/tally"):
            if os.access(os.path.join(ROOT, b), os.X_OK):
                tally = os.path.join(ROOT, b)
                break
    if not tally:
        print("speaker_score: no tally binary (build first or pass --tally), skipped")
        return
    for s in stories:
        score(s, tally, a.verbose)


if __name__ == "__main__":
    main()
