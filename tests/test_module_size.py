"""No app module over 300 lines, so each one can be read whole and named for
one job. Migrations and demo data are long by nature and left out; anything
else that is longer is named below with its reason."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project package and every app (a top-level folder with an apps.py), so a
# new app is held to the same rule without being listed here.
APPS = ["config", *sorted(path.parent.name for path in ROOT.glob("*/apps.py"))]
MAX_LINES = 300

# Modules allowed to be longer, each with its reason (none today). The test
# below fails while a line here is stale.
EXCEPTIONS: dict[str, str] = {}


def is_demo_data(path):
    """Demo content builders (``demo_content.py``, ``invitation_demo.py``...)."""
    return path.stem.startswith("demo_") or path.stem.endswith("_demo")


def app_modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if "migrations" in relative.parts or is_demo_data(path):
                continue
            yield relative.as_posix(), len(path.read_text(encoding="utf-8").splitlines())


def test_no_app_module_is_over_300_lines_unless_named():
    modules = dict(app_modules())
    assert modules, "found no app modules: is ROOT right?"
    too_long = {
        name: lines
        for name, lines in modules.items()
        if lines > MAX_LINES and name not in EXCEPTIONS
    }
    assert not too_long, (
        f"Modules over {MAX_LINES} lines: {too_long}. Split them by job (see "
        "CONVENTIONS.md, 'Inside an app'), or name them in EXCEPTIONS with a reason."
    )


def test_each_exception_is_still_needed():
    modules = dict(app_modules())
    for name in EXCEPTIONS:
        assert name in modules, f"{name} no longer exists: remove it from EXCEPTIONS."
        assert modules[name] > MAX_LINES, (
            f"{name} is {modules[name]} lines now, within the limit: remove it from EXCEPTIONS."
        )
