"""Start-up tuning that depends on PySide6 internals, kept in one guarded place."""

from __future__ import annotations

from types import ModuleType


def skip_feature_scan() -> None:
    """Spare PySide6's scan of every module imported after it.

    PySide6 reads the source of each module imported once it is loaded, to learn whether
    that module selects an optional ``__feature__`` (``snake_case``, ``true_property``).
    This program selects none, so the scan only costs start-up time (tens of milliseconds
    over our window modules). Every module then keeps PySide6's default behaviour. If a
    PySide6 release drops the hook, this does nothing.
    """
    try:
        from shibokensupport import feature  # type: ignore[import-not-found]
    except ImportError:
        return
    if callable(getattr(feature, "_mod_uses_pyside", None)):

        def uses_no_feature(_module: ModuleType) -> bool:
            return False

        feature._mod_uses_pyside = uses_no_feature
