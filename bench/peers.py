"""The other linters ``bench/cli_speed.py`` runs beside pm-lint, installed where it looks.

proselint (PyPI) goes into a virtual environment of its own and alex (npm) into an npm
prefix of its own, both under one folder outside the project, at the versions the published
figures were measured with. Nothing here is imported by pm-lint or its tests.

Run: ``python bench/peers.py [--into DIR]`` (default: the folder ``cli_speed.py`` reads).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

#: where ``cli_speed.py`` looks for them unless told otherwise
DEFAULT = Path("/work/tmp-speed")
PROSELINT = "proselint==0.16.0"
ALEX = "alex@11.0.1"


def proselint_path(where: Path) -> Path:
    return where / "proselint-venv" / "bin" / "proselint"


def alex_path(where: Path) -> Path:
    return where / "alex" / "node_modules" / ".bin" / "alex"


def install(where: Path) -> None:
    where.mkdir(parents=True, exist_ok=True)
    if not proselint_path(where).exists():
        venv = where / "proselint-venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", PROSELINT], check=True)
    if not alex_path(where).exists():
        npm = shutil.which("npm")
        if npm is None:
            print("npm not found: alex is left out", file=sys.stderr)
            return
        prefix = where / "alex"
        prefix.mkdir(exist_ok=True)
        subprocess.run([npm, "install", "--silent", "--prefix", str(prefix), ALEX], check=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--into", type=Path, default=DEFAULT)
    args = ap.parse_args()
    install(args.into)
    print(f"proselint: {proselint_path(args.into)}\nalex: {alex_path(args.into)}")


if __name__ == "__main__":
    main()
