"""argparse's own words ("usage:", "options:", its errors) in the program's language.

argparse writes its headings, the help of ``-h`` and its error messages through the module
globals ``argparse._`` and ``argparse.ngettext``, which it looks up each time it writes one
(Python 3.11 to 3.13). :func:`install` points both at the program's catalogue, so a command
line's help and its usage errors follow ``--lang`` like every other message; English
messages are argparse's own, unchanged. It only changes which catalogue argparse reads
from: parsing, exit codes (2 for wrong usage) and the layout of the help stay argparse's.

The msgids below are argparse's, copied exactly, so that ``make translations`` extracts
them into the program's catalogue. ``tests/test_help_language.py`` reads the running
Python's argparse and fails when it writes a message a person can see that is not listed
here (:data:`DEVELOPER_ONLY` lists the ones only a wrong parser definition can raise).
"""

from __future__ import annotations

import argparse

from planner_desktop.i18n import N_, NN_, _, ngettext

MESSAGES: tuple[str, ...] = (
    # the help
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("subcommands"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_(" (default: %(default)s)"),
    N_("%(heading)s:"),
    # errors and warnings about the command line typed
    N_("%(prog)s: error: %(message)s\n"),
    N_("%(prog)s: warning: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_('argument "-" with mode %r'),
    N_("argument '%(argument_name)s' is deprecated"),
    N_("command '%(parser_name)s' is deprecated"),
    N_("option '%(option)s' is deprecated"),
)
"""Every message argparse shows a person, in argparse's English."""

PLURAL_MESSAGES: tuple[tuple[str, str], ...] = (
    NN_("expected %s argument", "expected %s arguments"),
)
"""argparse's plural messages a person can see (singular, plural)."""

DEVELOPER_ONLY: frozenset[str] = frozenset(
    {
        "'required' is an invalid argument for positionals",
        "%r is not callable",
        ".__call__() not defined",
        "cannot have multiple subparser arguments",
        "cannot merge actions - two groups are named %r",
        "conflicting subparser alias: %s",
        "conflicting subparser: %s",
        "dest= is required for options like %r",
        "invalid conflict_resolution value: %r",
        "invalid option string %(option)r: must start with a character %(prefix_chars)r",
        "mutually exclusive arguments must be optional",
        "conflicting option string: %s",
    }
)
"""argparse's messages about a wrong parser definition: a programming error, never shown
for anything typed, so left in English."""


def translate(message: str) -> str:
    """argparse's ``_``: the message in the current language. An empty or missing message
    stays as it is (gettext would answer ``""`` with the catalogue's header)."""
    return _(message) if message else message


def translate_plural(singular: str, plural: str, n: int) -> str:
    """argparse's ``ngettext``: the form that fits ``n``, in the current language."""
    return ngettext(singular, plural, n)


def install() -> None:
    """Make argparse write its words through the program's catalogue (idempotent). Call it
    before building a parser: ``-h``'s help text is translated when the parser is made."""
    setattr(argparse, "_", translate)  # noqa: B010 (argparse's stub does not declare _)
    setattr(argparse, "ngettext", translate_plural)  # noqa: B010
