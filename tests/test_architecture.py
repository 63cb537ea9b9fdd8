"""The layers of generator/ are its folders and they hold: each package imports only its own
layer and those below, as docs/contributing/architecture.md says; only the MkDocs adapter
(``generator/adapter/``) imports MkDocs."""

from __future__ import annotations

import ast
import re

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"
ADAPTER = "adapter"  # the MkDocs adapter: the application's outermost package
DOC = ROOT / "docs" / "contributing" / "architecture.md"


def _rows() -> list[tuple[int, str, list[str]]]:
    """Each row of the architecture page's table: its layer, its folder (or, in the last
    row, its top-level modules) and the modules it names."""
    rows = []
    for row in re.finditer(r"^\| (\d+) [^|]+\| ([^|]+) \|", DOC.read_text(encoding="utf-8"), re.M):
        names = re.findall(r"`([\w/]+)`", row[2])
        rows.append((int(row[1]), names[0], names[1:]))
    return rows


def _layers() -> dict[str, int]:
    """Package (or top-level module) → layer number, from the table of the architecture page."""
    layers: dict[str, int] = {}
    for layer, first, names in _rows():
        if first.endswith("/"):
            layers[first.removesuffix("/")] = layer
        else:
            for name in (first, *names):
                layers[name] = layer
    return layers


def _module(path) -> str:
    """The package a file is in (its folder under generator/), or a top-level module's name."""
    return path.relative_to(PACKAGE).with_suffix("").parts[0]


def _imports(path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "generator":
                found |= {alias.name for alias in node.names}
            elif node.module.startswith("generator."):
                found.add(node.module.split(".")[1])
            else:
                found.add("external:" + node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found |= {
                ("external:" + a.name.split(".")[0]) if not a.name.startswith("generator") else a.name.split(".")[1]
                for a in node.names
            }
    return found


def test_every_package_and_module_is_in_the_table() -> None:
    """Each folder of generator/ is a row of the table, naming every module in it."""
    layers = _layers()
    packages = {_module(path) for path in PACKAGE.rglob("*.py") if path.parent != PACKAGE or path.name != "__init__.py"}
    assert packages - set(layers) == set(), "add these packages to docs/contributing/architecture.md"
    assert set(layers) - packages == set(), "the architecture page names packages that do not exist"
    for _, first, names in _rows():
        if first.endswith("/"):
            folder = PACKAGE / first
            modules = {path.stem for path in folder.glob("*.py") if path.name != "__init__.py"}
            assert set(names) == modules, f"{first}: the table names {sorted(names)}, the folder {sorted(modules)}"


def test_no_module_imports_across_a_layer() -> None:
    layers = _layers()
    crossing = []
    for path in PACKAGE.rglob("*.py"):
        if path.parent == PACKAGE and path.name == "__init__.py":
            continue
        module = _module(path)
        for imported in _imports(path):
            if imported.startswith("external:"):
                if imported == "external:mkdocs" and module != ADAPTER:
                    crossing.append(f"{module} imports mkdocs")
                continue
            if layers[imported] > layers[module]:
                crossing.append(f"{module} (layer {layers[module]}) imports {imported} (layer {layers[imported]})")
    assert crossing == []


def test_the_check_itself_catches_a_crossing(tmp_path) -> None:
    """A module of the model layer importing a renderer is found (the test can fail)."""
    probe = tmp_path / "probe.py"
    probe.write_text("from generator.render import markup\nfrom generator import validate\n", encoding="utf-8")
    layers = _layers()
    assert {layers[name] for name in _imports(probe)} == {layers["render"], layers["validate"]}
    assert layers["render"] > layers["model"]
    assert layers["scaffold"] < layers[ADAPTER]  # the scaffold never reaches the adapter


def test_every_package_the_generator_imports_is_declared() -> None:
    """A package imported by generator/ is one pyproject.toml asks for, not one that comes
    along with another (MkDocs brings Jinja2 and watchdog today; it need not tomorrow)."""
    import sys
    from importlib.metadata import packages_distributions

    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    listed = re.search(r"^dependencies = \[(.*?)^\]", project, re.M | re.S)
    assert listed, "pyproject.toml lists no dependencies"
    declared = {
        re.split(r"[\[<>=!~ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        for requirement in re.findall(r'^\s*"([^"]+)"', listed[1], re.M)
    }
    distributions = packages_distributions()
    imported = {
        name.removeprefix("external:")
        for path in PACKAGE.rglob("*.py")
        for name in _imports(path)
        if name.startswith("external:")
    }
    missing = sorted(
        f"{name} ({', '.join(distributions[name])})"
        for name in imported - set(sys.stdlib_module_names)
        if not {d.lower().replace("_", "-") for d in distributions.get(name, [name])} & declared
    )
    assert missing == [], "declare these in pyproject.toml's dependencies"


def _full_imports(path) -> set[str]:
    """The generator modules ``path`` imports, by dotted name relative to the package
    (``render.markup``, ``render`` for the package itself), at any depth of the file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "generator" or node.module.startswith("generator."):
                base = node.module.removeprefix("generator").lstrip(".")
                for alias in node.names:
                    candidate = f"{base}.{alias.name}".lstrip(".")
                    is_module = (PACKAGE / (candidate.replace(".", "/") + ".py")).is_file()
                    is_package = (PACKAGE / candidate.replace(".", "/")).is_dir()
                    found.add(candidate if is_module or is_package else base)
        elif isinstance(node, ast.Import):
            found |= {a.name.removeprefix("generator.") for a in node.names if a.name.startswith("generator.")}
    return {name for name in found if name}


def _module_name(path) -> str:
    relative = path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".")
    return relative.removesuffix(".__init__")


def _graph(package=PACKAGE) -> dict[str, set[str]]:
    return {_module_name(path): _full_imports(path) for path in package.rglob("*.py")}


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import circles of ``graph`` (Tarjan's strongly connected components of more than one
    module, or of one that imports itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph.get(module, ())):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1 or module in graph.get(module, ()):
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_imports_are_absolute_and_static() -> None:
    """Every import names its module in full, where the layer check reads it: no relative
    import (``from . import x``) and no module imported by name at run time (``importlib``)."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                found.append(f"{_module_name(path)}:{node.lineno} relative import")
            if isinstance(node, ast.Call):
                called = node.func
                name = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", "")
                if name in ("import_module", "__import__"):
                    found.append(f"{_module_name(path)}:{node.lineno} {name}")
    assert found == []


def test_no_modules_import_each_other_in_a_circle() -> None:
    assert _circles(_graph()) == []


def test_the_circle_check_finds_a_circle() -> None:
    """The check can fail: two renderers importing each other, through a third, are one circle."""
    graph = {"render.a": {"render.b"}, "render.b": {"render.c"}, "render.c": {"render.a"}, "render.d": {"render.a"}}
    assert _circles(graph) == [["render.a", "render.b", "render.c"]]


def test_only_the_adapter_imports_the_adapter() -> None:
    """The application's parts (the scaffold, the CLI, the pipeline...) never reach into the
    MkDocs adapter: it sits on top of them."""
    reaching = sorted(
        f"{module} imports {imported}"
        for module, imports in _graph().items()
        if module.split(".")[0] != ADAPTER
        for imported in imports
        if imported.split(".")[0] == ADAPTER
    )
    assert reaching == []


def test_no_module_imports_another_ones_private_names() -> None:
    """A name that starts with ``_`` is its module's own: no other module imports it."""
    private = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator"):
                private += [f"{_module(path)} imports {node.module}.{a.name}" for a in node.names if a.name[:1] == "_"]
    assert private == []
