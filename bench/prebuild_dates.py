"""Rewrite extractor/resources/date_scanner.json, the prebuilt date expression.

    python bench/prebuild_dates.py

Run it after changing date_patterns.txt, a date word list or the date code: until then the
extractor still works but builds the expression at every start (see components/date_scanner.py).
Needs nothing from ../shared.
"""
from extractor.dates.scanner import PREBUILT, write_prebuilt

if __name__ == "__main__":
    write_prebuilt()
    print(f"wrote {PREBUILT}")
