"""Trusting a laptop's key at once, before merging its files (the window's "trust")."""

from __future__ import annotations

import uuid

import pytest

from planner_desktop.exchange import session
from planner_desktop.exchange.signing import fingerprint
from planner_desktop.exchange.verify import verify_file
from tests.exchange.builders import populate
from tests.helpers import dump_text


def test_a_held_file_merges_once_its_key_is_trusted(make_laptop, make_store):
    laptop = make_laptop("a")
    populate(laptop.store)
    path = laptop.export()
    hq = make_store("hq")
    [held] = session.merge_files(hq, [path])
    assert held.status == "held"
    with hq.engine.connect() as conn:
        assert [h.path for h in session.held_files(conn)] == [str(path.resolve())]
    manifest = verify_file(path).manifest
    before = dump_text(hq)
    fingerprint = session.trust_key(hq, manifest)
    assert session.trust_key(hq, manifest) == fingerprint  # twice changes nothing
    assert dump_text(hq) == before  # trusting merges nothing by itself
    with hq.engine.connect() as conn:
        assert session.held_files(conn) == []
        assert session.load_policy(conn).keys == {fingerprint: laptop.device_id}
    [report] = session.merge_files(hq, [path])
    assert report.status == "merged" and report.counts.added == 26


def test_a_key_trusted_for_another_laptop_is_not_trusted_again(make_laptop, make_store):
    laptop = make_laptop("a")
    populate(laptop.store)
    manifest = verify_file(laptop.export()).manifest
    hq = make_store("hq")
    session.trust_key(hq, manifest)
    other = manifest.model_copy(update={"device_id": uuid.uuid4()})
    with pytest.raises(session.TrustError, match="another laptop"):
        session.trust_key(hq, other)
    with hq.engine.connect() as conn:
        assert session.load_policy(conn).keys == {
            fingerprint(manifest.public_key): laptop.device_id
        }
