"""PEP 517 build backend for Sharply, standard library only (so pip can build offline).

It compiles the extension module with ``dotnet publish`` (NativeAOT) and writes a wheel tagged
``cp311-abi3-linux_x86_64``: one shared object serves every CPython >= 3.11 through the stable ABI.
"""

import base64
import hashlib
import os
import pathlib
import shutil
import subprocess
import tempfile
import zipfile

NAME = "sharply"
VERSION = "0.1.0"
TAG = "cp311-abi3-linux_x86_64"
ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "python" / NAME
EXTENSION = "_sharply.abi3.so"


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def compile_extension(destination):
    """Publish the NativeAOT module and copy it to ``destination`` (a directory) as _sharply.abi3.so."""
    with tempfile.TemporaryDirectory() as publish:
        subprocess.run(
            ["dotnet", "publish", str(ROOT / "src" / "Sharply.Module"), "-c", "Release", "-r", "linux-x64",
             "-o", publish, "--nologo", "-v", "quiet"],
            check=True,
        )
        shutil.copyfile(os.path.join(publish, "_sharply.so"), os.path.join(destination, EXTENSION))


def _record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    dist_info = f"{NAME}-{VERSION}.dist-info"
    wheel_name = f"{NAME}-{VERSION}-{TAG}.whl"
    files = {}
    for source in sorted(PACKAGE.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts and source.name != EXTENSION:
            files[f"{NAME}/{source.relative_to(PACKAGE).as_posix()}"] = source.read_bytes()
    with tempfile.TemporaryDirectory() as build:
        compile_extension(build)
        files[f"{NAME}/{EXTENSION}"] = pathlib.Path(build, EXTENSION).read_bytes()
    files[f"{dist_info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {VERSION}\n"
        "Summary: Vectorized geometry with a compiled C# core\nRequires-Python: >=3.11\nRequires-Dist: numpy\n"
    ).encode()
    files[f"{dist_info}/WHEEL"] = (
        f"Wheel-Version: 1.0\nGenerator: sharply_build\nRoot-Is-Purelib: false\nTag: {TAG}\n"
    ).encode()
    records = [_record_line(path, data) for path, data in files.items()]
    records.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = ("\n".join(records) + "\n").encode()
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel_name), "w", zipfile.ZIP_DEFLATED) as wheel:
        for path, data in files.items():
            info = zipfile.ZipInfo(path, date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = (0o755 if path.endswith(".so") else 0o644) << 16
            wheel.writestr(info, data, zipfile.ZIP_DEFLATED)
    return wheel_name
