"""Deterministic making of names: people, places, ID numbers and gendered role titles."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from planner_desktop.domain.enums import Sex

ID_EXTENSIONS = ("CB", "CB", "CB", "CB", "CB", "LP", "OR", "PT", "SC", "CH")
"""Department codes of Bolivian identity cards; most people here were registered locally."""

_SLASH = re.compile(r"(\w+)/(a|sa)\b")


def gendered(title: str, sex: Sex | None) -> str:
    """``"Secretario/a de Actas"`` → ``"Secretaria de Actas"`` for a woman, and so on."""

    def choose(match: re.Match[str]) -> str:
        word, ending = match.group(1), match.group(2)
        if sex is not Sex.female:
            return word
        if ending == "sa":
            return word + "sa"
        if word[-1] in "oe":
            return word[:-1] + "a"
        return word + "a"

    return _SLASH.sub(choose, title)


class PersonNames:
    """First names by sex and double surnames (paternal, maternal), Bolivian style."""

    def __init__(
        self,
        women_first: Sequence[str],
        men_first: Sequence[str],
        surnames: Sequence[str],
    ) -> None:
        self.women_first = list(women_first)
        self.men_first = list(men_first)
        self.surnames = list(surnames)

    def first(self, rng: random.Random, sex: Sex) -> str:
        pool = self.women_first if sex is Sex.female else self.men_first
        return rng.choice(pool)

    def last(self, rng: random.Random, common: Sequence[str] = ()) -> str:
        """Two surnames; ``common`` (the community's frequent families) are favoured."""
        paternal = (
            rng.choice(common) if common and rng.random() < 0.5 else rng.choice(self.surnames)
        )
        maternal = rng.choice(self.surnames)
        while maternal == paternal:
            maternal = rng.choice(self.surnames)
        return f"{paternal} {maternal}"


class IdNumbers:
    """Unique identity card numbers such as ``"5123456 CB"``."""

    def __init__(self) -> None:
        self._used: set[int] = set()

    def make(self, rng: random.Random) -> str:
        number = rng.randint(1_000_000, 9_999_999)
        while number in self._used:
            number = rng.randint(1_000_000, 9_999_999)
        self._used.add(number)
        return f"{number} {rng.choice(ID_EXTENSIONS)}"


class PlaceNames:
    """Unique community names: fixed names, barrios, and prefix + root + suffix compounds."""

    def __init__(
        self,
        *,
        prefixes: Sequence[str],
        roots: Sequence[str],
        suffixes: Sequence[str],
        fixed: Sequence[str],
        barrios: Sequence[str],
        reserved: Sequence[str] = (),
    ) -> None:
        self.prefixes = list(prefixes)
        self.roots = list(roots)
        self.suffixes = list(suffixes)
        self._fixed = list(fixed)
        self._barrios = list(barrios)
        self._used: set[str] = set(reserved)

    def _take(self, name: str) -> str | None:
        if name in self._used:
            return None
        self._used.add(name)
        return name

    def claim(self, name: str) -> str:
        """Use ``name`` as given (a district capital), or a variant if it is taken."""
        for suffix in ("", *(f" {s}" for s in self.suffixes)):
            taken = self._take(name + suffix)
            if taken:
                return taken
        return self._numbered(name)

    def _numbered(self, base: str) -> str:
        number = 2
        while True:
            taken = self._take(f"{base} {number}")
            if taken:
                return taken
            number += 1

    def rural(self, rng: random.Random) -> str:
        if self._fixed and rng.random() < 0.35:
            name = self._fixed.pop(rng.randrange(len(self._fixed)))
            taken = self._take(name)
            if taken:
                return taken
        for _attempt in range(50):
            root = rng.choice(self.roots)
            parts = []
            if rng.random() < 0.35:
                prefix = rng.choice(self.prefixes)
                if prefix.split()[-1] not in root.split():
                    parts.append(prefix)
            parts.append(root)
            if rng.random() < 0.3:
                parts.append(rng.choice(self.suffixes))
            taken = self._take(" ".join(parts))
            if taken:
                return taken
        return self._numbered(rng.choice(self.roots))

    def barrio(self, rng: random.Random) -> str:
        if self._barrios:
            name = self._barrios.pop(rng.randrange(len(self._barrios)))
            taken = self._take(name)
            if taken:
                return taken
        for _attempt in range(50):
            kind = rng.choice(("Barrio", "Villa", "Urbanización", "Zona"))
            taken = self._take(f"{kind} {rng.choice(self.roots)}")
            if taken:
                return taken
        return self._numbered("Barrio " + rng.choice(self.roots))
