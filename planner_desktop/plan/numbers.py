"""Reading numbers typed by people: targets such as ``"85 %"``, ``"1.250,5"`` or ``"12"``."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_GROUPED = re.compile(r"^\d{1,3}([.,]\d{3})+$")


def parse_number(text: str | None) -> Decimal | None:
    """The number in ``text``, or None when it is not one.

    Accepts a trailing percent sign, a decimal comma or point, and thousands separated by
    points, commas or spaces (``1.250`` and ``1,250`` are both one thousand two hundred and
    fifty, as people write them in Bolivia and abroad).
    """
    if text is None:
        return None
    value = _SPACES.sub("", text)
    value = value.removesuffix("%")
    if not value:
        return None
    sign = ""
    if value[0] in "+-":
        sign, value = value[0], value[1:]
    if _GROUPED.match(value):
        value = value.replace(".", "").replace(",", "")
    elif "," in value and "." in value:
        decimal_mark = "," if value.rfind(",") > value.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        value = value.replace(thousands, "").replace(decimal_mark, ".")
    else:
        value = value.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d+)?|\.\d+", value):
        return None
    try:
        return Decimal(sign + value)
    except InvalidOperation:
        return None


def is_number(text: str | None) -> bool:
    return parse_number(text) is not None
