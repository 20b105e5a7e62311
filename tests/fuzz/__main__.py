"""``python -m tests.fuzz``: see tests/fuzz/runner.py."""

from tests.fuzz.runner import main

raise SystemExit(main())
