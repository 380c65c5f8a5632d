"""Issue 13: ``session export`` prints this laptop's key fingerprint and ``session verify``
the whole fingerprint of the key that signed the file, in the grouping the window's trust
question shows (16 groups of four, four a line), so the two can be compared."""

from __future__ import annotations

import re

from planner_desktop import cli, installation, paths
from planner_desktop.exchange.signing import fingerprint, fingerprint_lines, public_key_hex
from tests.exchange.builders import populate

GROUP_LINE = re.compile(r"^  [0-9a-f]{4}( [0-9a-f]{4}){3}$")


def key_lines(out: str) -> list[str]:
    return [line.strip() for line in out.splitlines() if GROUP_LINE.match(line)]


def test_export_and_verify_print_the_whole_fingerprint_alike(make_laptop, tmp_path, capsys):
    laptop = make_laptop("source")
    populate(laptop.store)
    laptop.store.close()
    out = tmp_path / "taller.cumbre"
    db = laptop.target
    assert cli.main(["--lang", "en", "session", "export", "--db", db, "--out", str(out)]) == 0
    exported = capsys.readouterr().out
    assert "Key fingerprint of this laptop:" in exported
    key = installation.load_or_create(paths.data_dir()).signing_key()
    whole = fingerprint(public_key_hex(key))
    assert key_lines(exported) == fingerprint_lines(whole)
    assert len(key_lines(exported)) == 4
    assert "".join(key_lines(exported)).replace(" ", "") == whole

    assert cli.main(["--lang", "en", "session", "verify", str(out)]) == 0
    verified = capsys.readouterr().out
    assert verified.splitlines()[0].startswith("taller.cumbre: valid")
    assert "Key fingerprint of the laptop that signed it:" in verified
    assert key_lines(verified) == key_lines(exported)

