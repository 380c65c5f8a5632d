"""Attaching photos to an acta, a self-diagnosis and a round; list, caption, delete, read
(issue 18, point 4). No Qt."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.enums import PhotoKind
from planner_desktop.domain.evidence import Photo, PhotoContent
from planner_desktop.domain.follow_up import Minutes
from planner_desktop.evidence import photos
from planner_desktop.evidence.ingest import ingest_bytes
from planner_desktop.evidence.photos import Owner
from planner_desktop.store.database import Store
from tests.evidence import images
from tests.evidence.conftest import Owners


def _acta(store: Store, owners: Owners) -> Owner:
    with store.session() as session:
        minutes_id, values = photos.acta_of(session, owners.event)
    assert values  # the event had no acta yet: one is started
    photos.start_acta(store, values)
    with store.session() as session:
        assert photos.acta_of(session, owners.event) == (minutes_id, {})
        assert photos.acta_of(session, minutes_id) == (minutes_id, {})
    return Owner(PhotoKind.acta, minutes_id)


def test_attach_list_caption_read_delete(store: Store, owners: Owners):
    picture = ingest_bytes(images.photo((800, 600)), "mapa.jpg")
    owner = Owner(PhotoKind.talking_map, owners.diagnosis)
    photo_id = photos.attach(store, picture, owner, caption="Mapa parlante")
    with store.session() as session:
        (row,) = photos.list_photos(session, owner)
        assert (row.id, row.caption, row.sha256) == (photo_id, "Mapa parlante", picture.sha256)
        assert photos.read_picture(session, photo_id) == ("image/jpeg", picture.data)
        stamped = session.get(Photo, photo_id)
        assert stamped is not None and stamped.device_id == store.provenance.device_id
    assert photos.set_caption(store, photo_id, "Mapa de la comunidad") == "Mapa parlante"
    photos.delete(store, photo_id)
    with store.session() as session:
        assert photos.list_photos(session, owner) == []
        # The picture stays while a tombstone names it (an undo needs it back).
        assert photos.read_picture(session, photo_id)[1] == picture.data
    assert photos.prune_pictures(store) == 0
    photos.restore(store, photo_id)
    with store.session() as session:
        assert [r.caption for r in photos.list_photos(session, owner)] == ["Mapa de la comunidad"]


def test_the_same_picture_twice_on_one_owner_is_a_no_op(store: Store, owners: Owners):
    picture = ingest_bytes(images.photo((400, 300)), "tally.jpg")
    owner = Owner(PhotoKind.tally_sheet, owners.round)
    first = photos.attach(store, picture, owner, caption="Hoja 1")
    assert photos.attach(store, picture, owner, caption="otra") == first
    acta = _acta(store, owners)
    photos.attach(store, picture, acta)  # another owner: a second photo, one picture
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Photo)) == 2
        assert session.scalar(select(func.count()).select_from(PhotoContent)) == 1
        assert [r.caption for r in photos.list_photos(session, owner)] == ["Hoja 1"]


def test_an_owner_holds_a_limited_number_of_photos(
    store: Store, owners: Owners, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(photos, "MAX_PHOTOS_PER_OWNER", 2)
    owner = Owner(PhotoKind.tally_sheet, owners.round)
    for side in (100, 110):
        photos.attach(store, ingest_bytes(images.photo((side, side)), "a.jpg"), owner)
    with pytest.raises(Invalid, match="already has 2 photos"):
        photos.attach(store, ingest_bytes(images.photo((120, 120)), "a.jpg"), owner)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(PhotoContent)) == 2


def test_an_owner_that_does_not_exist_is_refused(store: Store, owners: Owners):
    picture = ingest_bytes(images.photo((100, 100)), "a.jpg")
    with pytest.raises(Invalid, match="no self-diagnosis"):
        photos.attach(store, picture, Owner(PhotoKind.talking_map, owners.round))
    with store.session() as session, pytest.raises(Invalid, match="no acta or event"):
        photos.acta_of(session, owners.round)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(PhotoContent)) == 0
        assert session.scalar(select(func.count()).select_from(Minutes)) == 0


def test_pictures_no_record_names_are_pruned(store: Store, owners: Owners):
    with store.session() as session:
        session.add(PhotoContent(sha256="0" * 64, data=b"x"))
    assert photos.prune_pictures(store) == 1
