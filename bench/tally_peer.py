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
        for word in entry["words"]:
            key = fold(word)
            if key:
                keywords.append((t, key))
    by_word, by_start = defaultdict(list), defaultdict(list)
    for i, (_, key) in enumerate(keywords):
        by_word[key[0]].append(i)
        if len(key[0]) >= 4:
            by_start[key[0][:4]].append(i)
    return themes, keywords, dict(by_word), dict(by_start)


def matches(word, key):
    return word == key or (len(key) >= 4 and word.startswith(key))


def suggest(text):
    themes, keywords, by_word, by_start = KEYWORDS
    words = fold(text)
    hit = set()
    for start, word in enumerate(words):
        candidates = by_word.get(word, []) + (by_start.get(word[:4], []) if len(word) >= 4 else [])
        for i in candidates:
            if i in hit:
                continue
            key = keywords[i][1]
            if start + len(key) <= len(words) and all(matches(words[start + j], k) for j, k in enumerate(key)):
                hit.add(i)
    if not hit:
        return None
    count = [0] * len(themes)
    for i in hit:
        count[keywords[i][0]] += 1
    best = max(range(len(themes)), key=lambda t: (count[t], -t))
    return themes[best]


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
