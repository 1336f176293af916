"""``python -m assistant`` runs the same command as ``assistant``."""

import sys

from assistant.entry import main

sys.exit(main())
