"""Command-line entry points (the make targets): each module has a main()."""
