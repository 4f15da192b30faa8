"""`python -m gui` is the `idguide` command."""

import sys

from gui.cli import main

sys.exit(main())
