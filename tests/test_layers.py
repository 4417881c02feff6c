"""The house's shape (ARCHITECTURE.md): data flows one way, so no module imports one above it and no
modules import each other in a circle — a lazy import inside a function counts, because it is the same
dependency paid later. Read from the source with `ast`, so the test sees every import, taken or not."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Lower numbers are lower layers; a module may import its own layer's package and any lower layer.
LAYERS = {"kb": 0, "engine": 1, "letters": 2, "checker": 2, "cohort": 2, "views": 3, "questionnaire": 4,
          "web": 5, "cli": 6}


def _modules() -> dict[str, Path]:
    found = {"cli": ROOT / "cli.py"}
    for package in LAYERS:
        for path in sorted((ROOT / package).rglob("*.py")) if package != "cli" else ():
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def _imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # `from letters import phrases` imports the submodule letters.phrases, not letters/__init__
                targets = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules else node.module
                           for a in node.names]
            else:
                continue
            edges[name].update(t for t in targets if t in modules and t != name)
    return edges


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one member."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while (w := stack.pop()) != v:
                comp.append(w)
            if comp:
                out.append(sorted([v, *comp]))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_module_imports_a_layer_above_it() -> None:
    edges = _imports(_modules())
    upward = [f"{a} -> {b}" for a, bs in sorted(edges.items()) for b in sorted(bs)
              if LAYERS[b.split(".")[0]] > LAYERS[a.split(".")[0]]
              or (LAYERS[b.split(".")[0]] == LAYERS[a.split(".")[0]] and b.split(".")[0] != a.split(".")[0])]
    assert upward == []


def test_no_import_circle() -> None:
    assert _cycles(_imports(_modules())) == []


def test_the_graph_is_read_at_all() -> None:
    """Guards the two tests above against passing on an empty graph."""
    edges = _imports(_modules())
    assert "engine.verdict" in edges["letters"] and "kb.rules" in edges["engine.program"]
