#!/usr/bin/env python3
"""The fair peer for the tally benchmark: the same counts as `together tally`, done the way a good Python
programmer would do them quickly.

- orjson (a JSON parser written in Rust) instead of the standard library's json;
- the keyword list indexed once by each keyword's first word and by its first four letters, so a statement's
  words are each looked up once, instead of trying every keyword at every word;
- one process per core (multiprocessing), each counting a share of the files, the counts added up at the end.

It counts what bench/tally_reference.py counts (and prints the same check totals), so the two can be compared
with each other and with Together's JSON report. No cache.

    python3 bench/tally_peer.py assets/content/en/keywords.json FOLDER
"""
import os
import sys
import unicodedata
from collections import Counter, defaultdict
from multiprocessing import Pool

import orjson

KEYWORDS = None  # set in each worker: (themes, keywords, by_word, by_start)


def fold(text):
    text = unicodedata.normalize("NFD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    words, word = [], []
    for c in text:
        if c.isalnum():
            word.append(c)
        elif word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    return words


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
        setup = s["setup"]
        role_of = {p["id"]: p["role"] for p in s.get("people", [])}
        seen = defaultdict(set)
        for st in s.get("statements", []):
            theme = st.get("themeId")
            if theme not in themes_known:
                theme = suggest(st["text"]) or "none"
            c["statements"][theme, st["category"]] += 1
            c["byRole"][theme, role_of.get(st["personId"], "unknown")] += 1
            c["byVoice"][theme, (st.get("voice") or {}).get("kind", "own")] += 1
            seen[theme, st["category"]].add(st["personId"])
            seen[theme, "any"].add(st["personId"])
        for (theme, category), who in seen.items():
            c["peopleAny" if category == "any" else "people"][theme, category] += len(who)
        date = setup.get("date", "")
        if len(date) == 10:
            for (theme, category), who in seen.items():
                if theme != "none" and category != "any":
                    c["quarters"][date[:4], (int(date[5:7]) - 1) // 3 + 1, theme, category] += len(who)
        for g in s.get("groupThemes", []):
            dots = sum(g.get("dots", {}).values()) + g.get("groupDots", 0)
            for theme in set(g.get("makingItReal", [])):
                c["votes"][theme] += dots
            c["groupThemes"][" ".join(fold(g["statement"]))] += 1
        for r in s.get("makingItReal", []):
            if r.get("rating"):
                c["themeRatings"][r["themeId"], r["rating"]] += 1
        for t in s.get("topTips", []):
            if t.get("rating"):
                c["tipRatings"][t["tipId"], t["rating"]] += 1
            for b in t.get("barriers", []):
                c["barriers"][t["tipId"], " ".join(fold(b["text"]))] += 1
        for a in s.get("actions", []):
            c["intentions"][a.get("intention") or "none"] += 1
        for p in s.get("people", []):
            c["roles"][p["role"]] += 1
        c["areas"][" ".join(fold(setup.get("area", "")))] += 1
        c["groups"][setup.get("groupType", "")] += 1
        c["levels"][setup.get("level", "")] += 1
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
    themes_known = sorted(KEYWORDS[0])
    print(orjson.dumps({
        "sessions": sessions,
        "skipped": skipped,
        "statements": sum(total["statements"].values()),
        "notWorkingPeople": {t: total["people"][t, "notWorking"] for t in themes_known},
        "dots": {t: total["votes"][t] for t in themes_known},
        "groupThemeWordings": len(total["groupThemes"]),
    }, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode())


if __name__ == "__main__":
    main()
