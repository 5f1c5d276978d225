#!/usr/bin/env python
"""Same as the `alcove` command, for those who reach for manage.py."""

from alcove.cli import main

if __name__ == "__main__":
    main()
