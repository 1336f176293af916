"""The built wheel carries the templates, resources and type marker."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from waits import SLOW_S

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # Build from a copy: setuptools writes build/ and *.egg-info into the tree.
    source = tmp_path_factory.mktemp("source") / "tree"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".venv"))
    # --no-isolation: nothing is downloaded at test time.
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation",
                    "--outdir", str(out), str(source)], check=True, capture_output=True,
                   timeout=SLOW_S)
    (found,) = out.glob("*.whl")
    return found


def test_wheel_carries_templates_and_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = {p.name for p in (ROOT / "templates").glob("*.md")}
    assert templates, "the repository has built-in templates"
    for name in templates:
        assert f"assistant/builtin_templates/{name}" in names
    resources = [p for p in (ROOT / "resources").rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts and "screenshots" not in p.parts]
    assert any(p.suffix == ".qm" for p in resources), "compiled translations must ship"
    for path in resources:
        assert f"assistant/resources/{path.relative_to(ROOT / 'resources').as_posix()}" in names
    assert "assistant/py.typed" in names
    assert not any("screenshots" in name for name in names), "README pictures stay out"
    assert "assistant/backend/llama.py" in names
    assert "assistant/history/store.py" in names


def test_wheel_declares_console_script_and_dependencies(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    (entry,) = [n for n in archive.namelist() if n.endswith("entry_points.txt")]
    assert "assistant = assistant.entry:main" in archive.read(entry).decode()
    (meta,) = [n for n in archive.namelist() if n.endswith("METADATA")]
    metadata = archive.read(meta).decode()
    assert "Requires-Dist: llama-cpp-python==0.3.36" in metadata
    assert "Requires-Dist: PySide6-Essentials<6.12,>=6.11" in metadata
