"""Run every benchmark in bench/ (or those named) and print their JSON results; also written to bench/results/."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKIP = {"run.py", "harness.py"}


def main(names: list[str]) -> int:
    scripts = sorted(p for p in HERE.glob("*.py") if p.name not in SKIP and not p.name.startswith("_"))
    if names:
        scripts = [p for p in scripts if p.stem in names]
    failed = 0
    for script in scripts:
        print(f"# {script.stem}", file=sys.stderr)
        result = subprocess.run([sys.executable, str(script)], cwd=HERE)
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
