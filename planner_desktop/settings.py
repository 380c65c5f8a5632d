"""The program's settings, declared once with type and default, kept as JSON.

The file carries a version; :data:`UPGRADES` turns an older file into the current shape.
No Qt here: the window stores its geometry as a base64 string like any other option.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

VERSION = 1
FILE_NAME = "settings.json"


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    choices: tuple[Any, ...] = ()
    """The only values allowed, when not empty."""

    def accepts(self, value: Any) -> bool:
        return isinstance(value, self.type) and (not self.choices or value in self.choices)


OPTIONS: dict[str, Option] = {
    option.name: option
    for option in (
        Option("language", str, "es"),
        Option("facilitator", str, ""),
        Option("large_font", bool, False),
        Option("window_geometry", str, ""),
        Option("window_state", str, ""),
        Option("last_database", str, ""),
        Option("last_page", str, "preparation"),
        Option("paper", str, "a4", choices=("a4", "letter")),
        Option("current_events", dict, {}),
    )
}

UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""Version N → N+1 steps, applied in order when an older file is read."""


class Settings:
    """Typed settings; unknown names are refused, wrong types or values fall back to the
    default."""

    def __init__(self, path: Path, values: dict[str, Any] | None = None) -> None:
        self.path = path
        self._values: dict[str, Any] = dict(values or {})

    @classmethod
    def load(cls, folder: Path) -> Settings:
        path = folder / FILE_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path)
        if not isinstance(data, dict):
            return cls(path)
        version = data.pop("version", VERSION)
        while isinstance(version, int) and version < VERSION and version in UPGRADES:
            data = UPGRADES[version](data)
            version += 1
        return cls(path, data)

    def get(self, name: str) -> Any:
        option = OPTIONS[name]
        value = self._values.get(name, option.default)
        return value if option.accepts(value) else option.default

    def set(self, name: str, value: Any) -> None:
        option = OPTIONS[name]
        if not isinstance(value, option.type):
            raise TypeError(f"setting {name} takes {option.type.__name__}")
        if not option.accepts(value):
            raise ValueError(f"setting {name} takes one of {', '.join(map(str, option.choices))}")
        self._values[name] = value

    def save(self) -> None:
        """Write atomically: a power cut leaves the old file or the new one."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {name: self.get(name) for name in OPTIONS}
        data["version"] = VERSION
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, self.path)
