"""Checks that `pip wheel --no-index .` builds a cp311-abi3 wheel offline and that it installs and imports
from another folder (in a fresh virtual environment that sees Debian's numpy)."""

import os
import pathlib
import subprocess
import sys
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]


def run(*command, cwd=None):
    subprocess.run(command, check=True, cwd=cwd)


def main():
    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        run(sys.executable, "-m", "pip", "wheel", "--no-index", "--no-deps", "-q", "-w", str(work / "dist"), str(ROOT))
        (wheel,) = (work / "dist").glob("*.whl")
        assert wheel.name == "sharply-0.1.0-cp311-abi3-linux_x86_64.whl", wheel.name
        names = zipfile.ZipFile(wheel).namelist()
        assert "sharply/_sharply.abi3.so" in names and "sharply/__init__.py" in names, names
        run(sys.executable, "-m", "venv", "--system-site-packages", str(work / "venv"))
        python = str(work / "venv" / "bin" / "python")
        run(python, "-m", "pip", "install", "--no-index", "--no-deps", "-q", str(wheel))
        probe = "import sharply; p = sharply.points(1.0, 2.0); assert sharply.area(p) == 0.0; print(sharply.__file__)"
        clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        location = subprocess.run(
            [python, "-c", probe], check=True, cwd=work, capture_output=True, text=True, env=clean
        ).stdout
        assert str(work / "venv") in location, location
    print("wheel builds offline, installs and imports: ok")


if __name__ == "__main__":
    main()
