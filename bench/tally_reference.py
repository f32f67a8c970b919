#!/usr/bin/env python3
"""A plain reference implementation of the counts `together tally` makes, for the benchmark.

It reads every session file with the standard library's json module, one after another, and makes the same
per-session summary as Together (statements by theme and category, themes suggested from the keyword list for
statements without one, distinct people per theme, statements by role and by voice, dots, ratings, top tip
barriers, group themes, actions by intention, people by role, sessions by area, group, level and quarter).
It prints a few totals so its answer can be checked against Together's JSON report. No cache, one core.

    python3 bench/tally_reference.py [--no-suggest] assets/content/en/keywords.json FOLDER

With --no-suggest, statements without a theme are counted under "none" instead of being matched against the
keyword list: this shows how much of the time is reading JSON and how much is matching words.
"""
import json
import os
import sys
import unicodedata
from collections import Counter, defaultdict


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


def load_keywords(path):
    """Each theme's keywords as (words, weight): its words count 2, its weak words 1."""
    pack = json.load(open(path, encoding="utf-8"))
    return [(t["themeId"], [(fold(k), 2) for k in t["words"]] + [(fold(k), 1) for k in t.get("weak", [])])
            for t in pack["themes"]]


def suggest(text, keywords):
    """Together's rule, the plain way: every keyword tried at every place; a word counts only for the longest
    keywords found on it (whole before word starts); each theme scores its keywords' weights; a tie suggests
    nothing."""
    words = fold(text)
    hits = []  # (theme, keyword order, start, length, exact, weight)
    order = 0
    for t, (theme, keys) in enumerate(keywords):
        for key, weight in keys:
            order += 1
            if not key or len(key) > len(words):
                continue
            for start in range(len(words) - len(key) + 1):
                pairs = list(zip(words[start:start + len(key)], key))
                if all(w == k for w, k in pairs):
                    hits.append((t, order, start, len(key), True, weight))
                elif all(w == k or (len(k) >= 4 and w.startswith(k)) for w, k in pairs):
                    hits.append((t, order, start, len(key), False, weight))
    best = {}
    for _, _, start, length, exact, _ in hits:
        for p in range(start, start + length):
            best[p] = max(best.get(p, (0, False)), (length, exact))
    score, counted = {}, set()
    for t, order, start, length, exact, weight in hits:
        if order in counted or any(best[p] > (length, exact) for p in range(start, start + length)):
            continue
        counted.add(order)
        score[t] = score.get(t, 0) + weight
    if not score:
        return None
    top = max(score.values())
    winners = [t for t in score if score[t] == top]
    return keywords[winners[0]][0] if len(winners) == 1 else None


def count_session(s, c, themes_known, suggest_theme):
    """Adds one session's counts to c (a dict of Counters); suggest_theme(text) gives a theme or None."""
    setup = s["setup"]
    role_of = {p["id"]: p["role"] for p in s.get("people", [])}
    seen = defaultdict(set)
    for st in s.get("statements", []):
        theme = st.get("themeId")
        if theme not in themes_known:
            theme = suggest_theme(st["text"]) or "none"
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


def check_totals(sessions, skipped, c, themes_known):
    """The totals both programs print, to check them against each other and against Together's report."""
    return {
        "sessions": sessions,
        "skipped": skipped,
        "statements": sum(c["statements"].values()),
        "notWorkingPeople": {t: c["people"][t, "notWorking"] for t in sorted(themes_known)},
        "dots": {t: c["votes"][t] for t in sorted(themes_known)},
        "groupThemeWordings": len(c["groupThemes"]),
    }


def main():
    args = sys.argv[1:]
    no_suggest = args[0] == "--no-suggest"
    if no_suggest:
        args = args[1:]
    keywords = load_keywords(args[0])
    themes_known = {theme for theme, _ in keywords}
    c = defaultdict(Counter)
    sessions = skipped = 0
    files = []
    for root, _, names in os.walk(args[1]):
        files += [os.path.join(root, n) for n in names if n.endswith(".json")]
    for path in sorted(files):
        try:
            with open(path, encoding="utf-8") as f:
                s = json.load(f)
            if not isinstance(s, dict) or s.get("schemaVersion") != 1:
                raise ValueError("not a session")
        except (ValueError, OSError):
            skipped += 1
            continue
        sessions += 1
        count_session(s, c, themes_known, (lambda text: None) if no_suggest else (lambda text: suggest(text, keywords)))
    print(json.dumps(check_totals(sessions, skipped, c, themes_known), indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
