"""Entry point of ``python -m ascc``."""

import sys

from ascc.cli import main

sys.exit(main())
