#!/usr/bin/env python3
"""The fair peer for the tally benchmark: the same counts as `together tally`, done the way a good Python
programmer would do them quickly.

- orjson (a JSON parser written in Rust) instead of the standard library's json;
- the keyword list indexed once by each keyword's first word and by its first four letters, so a statement's
  words are each looked up once, instead of trying every keyword at every word;
- one process per core (multiprocessing), each counting a share of the files, the counts added up at the end.

The counting of one session is the reference's own (`count_session` in bench/tally_reference.py), so the two
count exactly the same things; only the parser, the keyword matcher and the processes differ. No cache.

    python3 bench/tally_peer.py assets/content/en/keywords.json FOLDER
"""
import os
import sys
from collections import defaultdict, Counter
from multiprocessing import Pool

import orjson

from tally_reference import check_totals, count_session, fold

KEYWORDS = None  # set in each worker: (themes, keywords, by_word, by_start)


def index_keywords(path):
    with open(path, "rb") as f:
        pack = orjson.loads(f.read())
    themes, keywords = [], []
    for t, entry in enumerate(pack["themes"]):
        themes.append(entry["themeId"])
        for word, weight in [(w, 2) for w in entry["words"]] + [(w, 1) for w in entry.get("weak", [])]:
            key = fold(word)
            if key:
                keywords.append((t, key, weight))
    by_word, by_start = defaultdict(list), defaultdict(list)
    for i, (_, key, _) in enumerate(keywords):
        by_word[key[0]].append(i)
        if len(key[0]) >= 4:
            by_start[key[0][:4]].append(i)
    return themes, keywords, dict(by_word), dict(by_start)


def matches(word, key):
    return word == key or (len(key) >= 4 and word.startswith(key))


def suggest(text):
    """The same rule as Together's: longest and whole matches hide shorter ones on their words, weights 2 and 1,
    a tie suggests nothing; each word looked up once in the index."""
    themes, keywords, by_word, by_start = KEYWORDS
    words = fold(text)
    hits = []
    for start, word in enumerate(words):
        candidates = by_word.get(word, []) + (by_start.get(word[:4], []) if len(word) >= 4 else [])
        for i in dict.fromkeys(candidates):
            key = keywords[i][1]
            if start + len(key) > len(words):
                continue
            exact = True
            for j, k in enumerate(key):
                w = words[start + j]
                if w == k:
                    continue
                if len(k) >= 4 and w.startswith(k):
                    exact = False
                    continue
                break
            else:
                hits.append((i, start, len(key), exact))
    if not hits:
        return None
    best = [(0, False)] * len(words)
    for _, start, length, exact in hits:
        for p in range(start, start + length):
            best[p] = max(best[p], (length, exact))
    score, kept = {}, set()
    for i, start, length, exact in hits:
        if i not in kept and all(best[p] <= (length, exact) for p in range(start, start + length)):
            kept.add(i)
            t = keywords[i][0]
            score[t] = score.get(t, 0) + keywords[i][2]
    if not score:
        return None
    top = max(score.values())
    winners = [t for t in score if score[t] == top]
    return themes[winners[0]] if len(winners) == 1 else None


def init(path):
    global KEYWORDS
    KEYWORDS = index_keywords(path)


def count(paths):
    themes_known = set(KEYWORDS[0])
    c = defaultdict(Counter)
    sessions = skipped = 0
    for path in paths:
        try:
            with open(path, "rb") as f:
                s = orjson.loads(f.read())
            if not isinstance(s, dict) or s.get("schemaVersion") != 1:
                raise ValueError("not a session")
        except (ValueError, OSError):
            skipped += 1
            continue
        sessions += 1
        count_session(s, c, themes_known, suggest)
    return sessions, skipped, c


def main():
    keywords_path, folder = sys.argv[1], sys.argv[2]
    files = []
    for root, _, names in os.walk(folder):
        files += [os.path.join(root, n) for n in names if n.endswith(".json")]
    files.sort()
    workers = os.cpu_count() or 1
    chunks = [files[i::workers * 8] for i in range(workers * 8)]
    init(keywords_path)
    sessions = skipped = 0
    total = defaultdict(Counter)
    with Pool(workers, initializer=init, initargs=(keywords_path,)) as pool:
        for s, k, c in pool.imap_unordered(count, chunks):
            sessions += s
            skipped += k
            for name, counter in c.items():
                total[name].update(counter)
    print(orjson.dumps(check_totals(sessions, skipped, total, set(KEYWORDS[0])),
                       option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode())


if __name__ == "__main__":
    main()
