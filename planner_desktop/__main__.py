"""``python -m planner_desktop``: the same entry point as the ``planner-desktop`` command."""

import sys

from planner_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
