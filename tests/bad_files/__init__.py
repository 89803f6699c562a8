"""The corpus of bad import files (tests/bad_files/corpus.py builds every file in memory, deterministically)."""
