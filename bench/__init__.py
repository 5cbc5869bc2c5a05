"""Benchmarks: `python -m bench` runs every bench/<name>.py with a run(argv); `python -m bench NAME`."""
