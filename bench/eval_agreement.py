"""Check that `extract eval` agrees with the shared reference scorer on the shared gold sets.

    python bench/eval_agreement.py [GOLD_DIR ...]   # default: ../shared/eval/dev and ../shared/eval/seed

For each folder, one `extract GOLD_DIR --json` output is scored twice: by ../shared/eval/score.py
and by extractor.cli.evaluate.score, the scorer behind `extract eval` (which extracts the texts the
same way). Prints how many numbers agree, each difference, and exits 1 on any difference.
Scoring one output twice keeps the check exact while the rules are being edited.
Prints a message and exits 0 when the shared folder is missing.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from extractor.cli.evaluate import read_gold, score

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def compare(gold_dir: Path) -> bool:
    """Print ours and the reference's scores for one folder; True when they agree."""
    output = _run("extract", str(gold_dir), "--json")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as out:
        out.write(output)
    reference = json.loads(_run(sys.executable, str(SHARED / "score.py"), str(gold_dir), out.name, "--json"))
    Path(out.name).unlink()
    ours = score(read_gold(gold_dir), {Path(a["source"]).stem: a for a in json.loads(output)})
    pairs = [(f"{kind} {field}", reference["types"][kind][field], ours["types"][kind][field])
             for kind in reference["types"] for field in ("precision", "recall", "f1", "tp", "fp", "fn")]
    pairs += [(f"ALL {field}", reference["entities_micro"][field], ours["entities"][field])
              for field in ("precision", "recall", "f1")]
    pairs.append(("date value accuracy", reference["date_value_accuracy"], ours["date_value_accuracy"]))
    pairs.append(("documents", reference["documents"], ours["documents"]))
    differences = [p for p in pairs if p[1] != p[2]]
    print(f"{gold_dir}: {len(pairs) - len(differences)}/{len(pairs)} numbers agree")
    for name, theirs, mine in differences:
        print(f"  {name}: score.py {theirs}, extract eval {mine}")
    return not differences


def main(argv: list[str]) -> int:
    """Compare every given folder (default: dev and seed)."""
    if not (SHARED / "score.py").exists():
        print(f"{SHARED / 'score.py'} not found: nothing to compare")
        return 0
    folders = [Path(a) for a in argv] or [SHARED / "dev", SHARED / "seed"]
    return 0 if all([compare(folder) for folder in folders]) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
