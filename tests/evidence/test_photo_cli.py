"""``planner-desktop photo attach|list|export`` (issue 18, point 4): refusals are one line
naming the file, with the database unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner_desktop import cli
from planner_desktop.store.database import Store
from tests.evidence import images
from tests.evidence.conftest import Owners
from tests.helpers import dump_text


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["--lang", "en", "photo", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_attach_to_an_events_acta_list_and_export(
    store: Store, owners: Owners, tmp_path: Path, capsys
):
    db = str(store.path)
    store.close()
    photo = images.write(tmp_path, "acta.jpg", images.photo((1000, 800), gps=True))
    code, out, err = _run(
        capsys, "attach", str(photo), "--db", db, "--acta", str(owners.event), "--caption", "Hoja 1"
    )
    assert code == 0, err
    assert out.startswith("acta.jpg: photo ")
    code, out, _err = _run(capsys, "list", "--db", db)
    [line] = out.splitlines()
    photo_id, kind, _owner, media, size, sha, place, _qr, caption = line.split("\t")
    assert (kind, media, size, place, caption) == ("acta", "image/jpeg", "1000x800", "", "Hoja 1")
    # Attached again with its place kept: the same picture on the same acta, a no-op.
    code, out, _err = _run(
        capsys, "attach", str(photo), "--db", db, "--acta", str(owners.event), "--keep-location"
    )
    assert code == 0 and len(_run(capsys, "list", "--db", db)[1].splitlines()) == 1
    out_file = tmp_path / "out.jpg"
    assert _run(capsys, "export", photo_id, "--db", db, "--out", str(out_file))[0] == 0
    import hashlib

    assert hashlib.sha256(out_file.read_bytes()).hexdigest() == sha


def test_keep_location_stores_the_place(store: Store, owners: Owners, tmp_path: Path, capsys):
    db = str(store.path)
    store.close()
    photo = images.write(tmp_path, "mapa.jpg", images.photo((500, 400), gps=True))
    args = ("--self-diagnosis", str(owners.diagnosis), "--keep-location")
    assert _run(capsys, "attach", str(photo), "--db", db, *args)[0] == 0
    assert _run(capsys, "list", "--db", db)[1].split("\t")[6] == "-16.5,-68.15"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bomb.png", images.png_bomb(), "too many pixels"),
        ("acta.jpg", b"plain text\n" * 20, "not an image"),
        ("cut.jpg", images.photo((600, 400))[:3000], "truncated"),
    ],
)
def test_a_refused_photo_writes_nothing(
    store: Store, owners: Owners, tmp_path: Path, capsys, name: str, data: bytes, reason: str
):
    before = dump_text(store)
    db = str(store.path)
    store.close()
    path = images.write(tmp_path, name, data)
    code, out, err = _run(capsys, "attach", str(path), "--db", db, "--round", str(owners.round))
    assert code == 1 and out == ""
    assert err.startswith(f"planner-desktop: {name}: ") and reason in err
    assert err.count("\n") == 1
    from tests.helpers import new_store

    again = new_store(db)
    try:
        assert dump_text(again) == before
    finally:
        again.close()


def test_a_wrong_owner_is_refused_naming_the_file(store, owners: Owners, tmp_path: Path, capsys):
    db = str(store.path)
    store.close()
    photo = images.write(tmp_path, "hoja.jpg", images.photo((300, 200)))
    code, _out, err = _run(capsys, "attach", str(photo), "--db", db, "--acta", str(owners.round))
    assert code == 1 and "hoja.jpg: There is no acta or event" in err
    with pytest.raises(SystemExit) as usage:  # no owner: wrong usage
        _run(capsys, "attach", str(photo), "--db", db)
    assert usage.value.code == 2
