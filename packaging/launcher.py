"""The bundle's entry point: the same as the ``planner-desktop`` command.

A script of its own (not the package's ``__main__.py``) so that PyInstaller analyses the
installed package through its name and nothing else lands on the module path.
"""

import sys

from planner_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
