"""One list of packages (pyproject.toml), one lock, and environment.yml in step with both."""

import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"requirements.lock line is not an exact pin: {line!r}"
            pins[norm(name)] = version
    return pins


def declared() -> dict[str, str | None]:
    """Package names in pyproject.toml, with the version where it pins one exactly."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + [
        dep for deps in project["optional-dependencies"].values() for dep in deps
    ]
    out = {}
    for spec in specs:
        req = Requirement(spec)
        exact = [s.version for s in req.specifier if s.operator == "=="]
        out[norm(req.name)] = exact[0] if exact else None
    return out


def conda_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    pins = {}
    for spec in pip_section:
        if spec.startswith("-e"):
            continue
        name, _, version = spec.partition("==")
        assert version, f"environment.yml pin is not exact: {spec!r}"
        pins[norm(name)] = version
    return pins


def test_every_declared_package_is_pinned_in_the_lock():
    pins = lock()
    for name, version in declared().items():
        assert name in pins, f"{name} is in pyproject.toml but not in requirements.lock"
        if version:
            assert pins[name] == version, f"{name}: pyproject says {version}, lock {pins[name]}"


def test_environment_yml_has_the_declared_packages_at_the_locked_versions():
    pins, conda = lock(), conda_pins()
    assert set(conda) == set(declared()), "environment.yml and pyproject.toml list other packages"
    for name, version in conda.items():
        assert pins[name] == version, f"{name}: environment.yml {version}, lock {pins[name]}"
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "python=3.11" in env["dependencies"]
    assert any(isinstance(d, dict) and "-e ." in d["pip"] for d in env["dependencies"])


def test_widget_versions_that_work_in_rise():
    pins = lock()
    assert pins["ipywidgets"] == "8.1.2" and pins["jupyterlab-widgets"] == "3.0.10"


def test_every_locked_package_installs_on_the_oldest_python_the_course_supports():
    """pyproject.toml says Python >=3.11, so the lock must install on 3.11.0 too, not only on
    the 3.11.x that made it: Debian 12's python3 is 3.11.2, and soupsieve 4.1.1 (which
    needs >=3.11.5) once stopped `make test` there. Reads each locked package's installed
    metadata, so the venv must be the lock's, as `make test` builds it."""
    from importlib.metadata import PackageNotFoundError, distribution

    from packaging.specifiers import SpecifierSet
    from packaging.version import Version

    floor = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    oldest = Version(floor.removeprefix(">="))  # 3.11 compares as 3.11.0
    assert SpecifierSet(floor).contains(oldest), floor
    too_new = []
    for name, version in lock().items():
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            raise AssertionError(f"{name} is in requirements.lock but not installed") from None
        assert dist.version == version, f"{name}: installed {dist.version}, lock {version}"
        needs = dist.metadata.get("Requires-Python")
        if needs and not SpecifierSet(needs).contains(oldest):
            too_new.append(f"{name}=={version} (Requires-Python {needs})")
    assert not too_new, f"these pins do not install on Python {oldest}: {too_new}"
