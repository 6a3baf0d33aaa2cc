"""The house's dependency rules, read from the source: `practices` (the sheets, their
taxonomies and the register) imports no other app of the project, the search included; and
no module imports itself through others (no import circle), counting the imports inside
functions that used to hide one."""

import ast
from pathlib import Path

from django.conf import settings

# Every app of the project (those in the repository), and the settings' package.
APPS = ["config"] + [
    app for app in settings.INSTALLED_APPS if "." not in app and (settings.BASE_DIR / app).is_dir()
]
# What practices may import of the project besides itself: the settings' helpers.
PRACTICES_MAY_IMPORT = {"practices", "config"}


def modules():
    found = {}
    for app in APPS:
        for path in (Path(settings.BASE_DIR) / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(settings.BASE_DIR).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def import_graph():
    """{module: the project's modules it imports}, anywhere in its code."""
    found = modules()

    def resolve(name):
        parts = name.split(".")
        while parts:
            if ".".join(parts) in found:
                return ".".join(parts)
            parts.pop()
        return None

    graph = {}
    for module, path in found.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        imported = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {resolve(alias.name) for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parent, base] if base else parent)
                for alias in node.names:
                    imported.add(resolve(f"{base}.{alias.name}") or resolve(base))
        graph[module] = imported - {None, module}
    return graph


def circles(graph):
    """The groups of modules that import each other, directly or through others (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_practices_imports_no_other_app():
    wrong = sorted(
        f"{module} imports {other}"
        for module, imported in import_graph().items()
        if module.split(".")[0] == "practices"
        for other in imported
        if other.split(".")[0] not in PRACTICES_MAY_IMPORT
    )
    assert wrong == []


def test_no_module_imports_itself_through_others():
    assert circles(import_graph()) == []


def test_the_rules_catch_what_they_forbid():
    graph = {"practices.models": {"search.text"}, "search.text": {"practices.models"}}
    assert circles(graph) == [["practices.models", "search.text"]]
    assert circles({"a": {"b"}, "b": {"c"}, "c": set()}) == []
