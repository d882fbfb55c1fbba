"""``python -m tools.book``: build the site (see tools/book/__init__.py)."""

import sys

from tools.book import main

sys.exit(main())
