"""Suggesting groups of similar demands on a large municipality, against two yardsticks.

Reads the ungrouped demands of a demo database (made at ``--scale``, default 10, in a
temporary folder unless ``--db`` names one) as the grouping panel reads them, and times
:func:`planner_desktop.prioritization.aggregate.suggest_groups` at municipal level (one
call over every demand) and at district level (one call per district, summed), the two
ways the panel asks for suggestions. Two sets of wordings:

* ``demo``   the demo's own wordings, many repeated word for word;
* ``typed``  the same with one typing slip (a letter dropped, changed or swapped in one
  word of four letters or more) in ``--typos`` of the demands (default 20 %, seeded), as
  when demands are typed by hand: most wordings become different strings.

Each is timed, median of ``--runs``, against:

* ``jaccard`` the hand-written Jaccard index on folded word sets that the grouping used
  before rapidfuzz, kept here as the baseline (same linking rules, threshold 0.5);
* ``floor``   bare ``rapidfuzz.process.cdist`` (``fuzz.ratio``) over the distinct sorted
  word strings of each sector, in C, with nothing else: the floor for any rapidfuzz
  grouping (needs numpy, present in the test environment; otherwise one
  ``process.extract`` per string).

Printed: milliseconds, ``ratio`` = suggest_groups / jaccard and suggest_groups / floor,
the number of groups, the demands in a group, and ``met``: the share of the demands given
a slip that land in a group with a demand of their original wording.

    python bench/grouping.py [--db SCALE10.sqlite] [--scale 10] [--runs 3] [--typos 0.2]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from itertools import combinations
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner_desktop.prioritization.aggregate import (
    DemandSummary,
    GroupSuggestion,
    suggest_groups,
)

# --- the baseline: the Jaccard grouping as it was before rapidfuzz -----------------------

_STOP_TEXT = """
    a al ante con de del desde e el en entre hacia hasta la las lo los o para por que se
    sin sobre su sus u un una unas unos y
    construccion mejoramiento ampliacion implementacion apoyo proyecto dotacion
    refaccion rehabilitacion mantenimiento equipamiento instalacion fortalecimiento
    comunidad comunal otb barrio zona
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
JACCARD_THRESHOLD = 0.5
_WORD = re.compile(r"[a-z0-9ñ]+")


def old_fold(text: str) -> str:
    text = text.casefold().replace("ñ", "\0")
    text = "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))
    return text.replace("\0", "ñ")


def old_tokens(text: str, place: str = "") -> frozenset[str]:
    drop = STOP_WORDS | set(_WORD.findall(old_fold(place)))
    return frozenset(word for word in _WORD.findall(old_fold(text))
                     if word not in drop and len(word) > 1)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def jaccard_groups(
    demands: Sequence[DemandSummary], threshold: float = JACCARD_THRESHOLD
) -> list[GroupSuggestion]:
    """The grouping before rapidfuzz, verbatim: wordings compared in a Python double loop."""
    parent = {demand.id: demand.id for demand in demands}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    weakest: dict[str, float] = {}

    def link(a: str, b: str, score: float) -> None:
        ra, rb = root(a), root(b)
        low = min(score, weakest.get(ra, 1.0), weakest.get(rb, 1.0))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
        weakest[min(ra, rb)] = low

    wordings: dict[tuple[str, frozenset[str]], list[DemandSummary]] = {}
    for demand in sorted(demands, key=lambda d: d.id):
        words = old_tokens(demand.text, demand.place)
        wordings.setdefault((demand.sector, words), []).append(demand)
    by_sector: dict[str, list[tuple[frozenset[str], list[DemandSummary], set[str]]]] = {}
    for (sector, words), same in wordings.items():
        places = {demand.community for demand in same}
        by_sector.setdefault(sector, []).append((words, same, places))
        score = jaccard(words, words)
        if len(places) > 1 and score >= threshold:
            for demand in same[1:]:
                link(same[0].id, demand.id, score)
    for sets in by_sector.values():
        for (words_a, same_a, places_a), (words_b, same_b, places_b) in combinations(sets, 2):
            if len(places_a | places_b) < 2:
                continue
            score = jaccard(words_a, words_b)
            if score >= threshold:
                for demand in (*same_a, *same_b):
                    link(same_a[0].id, demand.id, score)
    clusters: dict[str, list[DemandSummary]] = {}
    for demand in demands:
        clusters.setdefault(root(demand.id), []).append(demand)
    suggestions = [
        GroupSuggestion(members[0].sector, tuple(sorted(members, key=lambda d: d.id)),
                        weakest.get(key, 1.0))
        for key, members in clusters.items()
        if len(members) > 1
    ]
    return sorted(suggestions, key=lambda s: (s.sector, s.members[0].id))


# --- the floor: bare rapidfuzz over the same strings ------------------------------------

FLOOR_CUTOFF = 75.0


def sector_strings(demands: Sequence[DemandSummary]) -> list[list[str]]:
    """The distinct sorted word strings of each sector (untimed preparation)."""
    by_sector: dict[str, set[str]] = {}
    for demand in demands:
        words = " ".join(sorted(old_tokens(demand.text, demand.place)))
        by_sector.setdefault(demand.sector, set()).add(words)
    return [sorted(strings) for strings in by_sector.values()]


def floor(sectors: list[list[str]]) -> int:
    """Pairs at or above the cutoff, every sector scored at once in C."""
    try:
        import numpy  # noqa: F401  (cdist returns a numpy array)
    except ImportError:
        found = 0
        for strings in sectors:
            for n, text in enumerate(strings):
                found += len(process.extract(text, strings[n + 1:], scorer=fuzz.ratio,
                                             processor=None, score_cutoff=FLOOR_CUTOFF,
                                             limit=None))
        return found
    found = 0
    for strings in sectors:
        scores = process.cdist(strings, strings, scorer=fuzz.ratio, processor=None,
                               score_cutoff=FLOOR_CUTOFF)
        found += (int((scores >= FLOOR_CUTOFF).sum()) - len(strings)) // 2
    return found


# --- the data ---------------------------------------------------------------------------

def slip(text: str, rng: random.Random) -> str:
    """One typing slip in one word of four letters or more (the text if it has none)."""
    words = text.split(" ")
    long = [n for n, word in enumerate(words) if len(word) >= 4 and word.isalpha()]
    if not long:
        return text
    n = rng.choice(long)
    word = words[n]
    at = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("drop", "change", "swap"))
    if kind == "drop":
        word = word[:at] + word[at + 1:]
    elif kind == "change":
        word = word[:at] + rng.choice("aeiourlnst".replace(word[at], "")) + word[at + 1:]
    else:
        word = word[:at] + word[at + 1] + word[at] + word[at + 2:]
    words[n] = word
    return " ".join(words)


def typed(demands: list[DemandSummary], share: float, seed: int
          ) -> tuple[list[DemandSummary], dict[str, str]]:
    """The demands with slips in ``share`` of them, and the original text of each slip."""
    rng = random.Random(seed)
    out, slipped = [], {}
    for demand in demands:
        if rng.random() < share:
            text = slip(demand.text, rng)
            if text != demand.text:
                slipped[demand.id] = demand.text
                demand = replace(demand, text=text)
        out.append(demand)
    return out, slipped


def met(groups: list[GroupSuggestion], demands: list[DemandSummary],
        slipped: dict[str, str]) -> str:
    """Share of the slipped demands whose original wording has mates (unslipped, in other
    communities) that are grouped with at least one of them; "-" with no slip."""
    if not slipped:
        return "-"
    group_of = {member.id: n for n, group in enumerate(groups) for member in group.members}
    clean: dict[tuple[str, frozenset[str]], list[DemandSummary]] = {}
    for demand in demands:
        if demand.id not in slipped:
            clean.setdefault((demand.sector, old_tokens(demand.text, demand.place)),
                             []).append(demand)
    asked = found = 0
    for demand in demands:
        if demand.id not in slipped:
            continue
        wording = (demand.sector, old_tokens(slipped[demand.id], demand.place))
        mates = {group_of.get(d.id, -1) for d in clean.get(wording, ())
                 if d.community != demand.community}
        if not mates:
            continue
        asked += 1
        found += group_of.get(demand.id, -2) in mates
    return f"{found / asked:.3f}" if asked else "-"


# --- timing -----------------------------------------------------------------------------

def each(step: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    return [step(item) for item in items]


def median_ms(step: Callable[[], Any], runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = step()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def make_demo(scale: int, folder: Path) -> Path:
    from planner_desktop.context import open_database
    from planner_desktop.demo import generate

    path = folder / f"demo-scale{scale}.sqlite"
    store = open_database(path)
    try:
        with store.raw_session() as session:
            generate(session, seed=1, scale=scale)
    finally:
        store.close()
    return path


def read_demands(db: Path) -> tuple[list[DemandSummary], list[list[DemandSummary]]]:
    """Every ungrouped demand, and those of each district, as the panel reads them."""
    from sqlalchemy import select

    from planner_desktop.context import open_database
    from planner_desktop.domain.territory import District
    from planner_desktop.prioritization.grouping import ungrouped

    store = open_database(db, must_exist=True)
    try:
        with store.session() as session:
            everything = ungrouped(session)
            districts = list(session.scalars(select(District.id).order_by(District.code)))
            parts = [ungrouped(session, district) for district in districts]
    finally:
        store.close()
    return everything, parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--typos", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            print(f"making a scale-{args.scale} demo database…", flush=True)
            db = make_demo(args.scale, Path(folder))
        everything, parts = read_demands(db)
    sectors = len({demand.sector for demand in everything})
    print(f"{len(everything)} ungrouped demands, {sectors} sectors, {len(parts)} districts; "
          f"median of {args.runs} runs")
    print(f"{'wordings':<9}{'level':<13}{'strings':>8}{'suggest ms':>11}{'jaccard ms':>11}"
          f"{'floor ms':>9}{'/jaccard':>9}{'/floor':>8}{'groups':>8}{'grouped':>8}"
          f"{'met':>7}{'j.met':>7}")
    for name in ("demo", "typed"):
        if name == "demo":
            cases = [("municipality", [everything]), ("districts", parts)]
            slipped: dict[str, str] = {}
        else:
            whole, slipped = typed(everything, args.typos, args.seed)
            changed = {d.id: d for d in whole}
            cases = [("municipality", [whole]),
                     ("districts", [[changed[d.id] for d in part] for part in parts])]
        for level, calls in cases:
            strings = [sector_strings(demands) for demands in calls]
            ours, found = median_ms(partial(each, suggest_groups, calls), args.runs)
            theirs, before = median_ms(partial(each, jaccard_groups, calls), args.runs)
            bare, _ = median_ms(partial(each, floor, strings), args.runs)
            groups = [group for result in found for group in result]
            old = [group for result in before for group in result]
            demands = [d for part in calls for d in part]
            grouped = sum(len(group.members) for group in groups)
            count = sum(len(s) for part in strings for s in part)
            print(f"{name:<9}{level:<13}{count:>8}{ours:>11.0f}{theirs:>11.0f}{bare:>9.0f}"
                  f"{ours / theirs:>9.2f}{ours / bare:>8.1f}{len(groups):>8}{grouped:>8}"
                  f"{met(groups, demands, slipped):>7}{met(old, demands, slipped):>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
