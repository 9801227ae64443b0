"""An import-linter contract type: no import cycle between the modules of a package.

import-linter's own ``acyclic_siblings`` contract folds every module into its
top-level sibling, so it reports the shape we chose on purpose: a page model
imports its flow's route mixin (``ladder.models.pages`` ->
``ladder.journey.routes``), the routes import the flow's views, and the views
import the model *submodule* they need (``ladder.models.assessments``). As
siblings that is ``models -> journey -> models``; as modules it is a chain
that never comes back to where it started, and Python imports it without a
half-initialised module. This contract looks at modules, not siblings, and
fails on any cycle among them, including one closed by an import inside a
function (grimp records those too): a lazy import that dodges a cycle at
import time is still a cycle in the design.

Configured in ``pyproject.toml`` under ``[tool.importlinter]``::

    contract_types = ["acyclic_modules: config.import_contracts.AcyclicModulesContract"]

    [[tool.importlinter.contracts]]
    name = "No import cycle inside partners"
    type = "acyclic_modules"
    containers = ["partners"]

Imports under ``if TYPE_CHECKING:`` are not run, so they are left out when
the session sets ``exclude_type_checking_imports = true``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck

# Cycles are printed whole; past this many in one tangle the report says how
# many more there are rather than flooding the terminal.
MAX_CYCLES_SHOWN = 10


class AcyclicModulesContract(Contract):
    """Fails when any module in a container imports, directly or through other
    modules of the same container, back into itself."""

    type_name = "acyclic_modules"

    containers = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        cycles_by_container: dict[str, list[dict[str, object]]] = {}
        for container in self.containers:  # type: ignore[attr-defined]
            if container not in graph.modules:
                raise ValueError(f"Module '{container}' does not exist.")
            modules = {container, *graph.find_descendants(container)}
            edges = {
                module: sorted(graph.find_modules_directly_imported_by(module) & modules)
                for module in sorted(modules)
            }
            tangles = [
                {
                    "modules": sorted(group),
                    "cycles": [describe_cycle(graph, chain) for chain in cycles_in(group, edges)],
                }
                for group in strongly_connected_groups(edges)
            ]
            output.verbose_print(verbose, f"{container}: {len(tangles)} group(s) in a cycle.")
            if tangles:
                cycles_by_container[container] = tangles
        return ContractCheck(
            kept=not cycles_by_container, metadata={"cycles_by_container": cycles_by_container}
        )

    def render_broken_contract(self, check: ContractCheck) -> None:
        for container, tangles in check.metadata["cycles_by_container"].items():
            for tangle in tangles:
                modules = tangle["modules"]
                output.print_error(f"{len(modules)} modules of {container} import each other:")
                output.print_error(", ".join(modules), bold=False)
                output.new_line()
                cycles = tangle["cycles"]
                for cycle in cycles[:MAX_CYCLES_SHOWN]:
                    for step in cycle:
                        lines = ", ".join(str(number) for number in step["line_numbers"])
                        output.indent_cursor()
                        output.print_error(
                            f"{step['importer']} -> {step['imported']} (l. {lines})", bold=False
                        )
                    output.new_line()
                if len(cycles) > MAX_CYCLES_SHOWN:
                    output.print_error(f"(and {len(cycles) - MAX_CYCLES_SHOWN} more cycles)")


def strongly_connected_groups(edges: dict[str, list[str]]) -> list[set[str]]:
    """The groups of two or more modules that all reach each other (Tarjan's
    algorithm, without recursion so a deep package cannot overflow the stack)."""
    index_of: dict[str, int] = {}
    lowlink: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[set[str]] = []
    counter = 0
    for root in edges:
        if root in index_of:
            continue
        work: list[tuple[str, Iterable[str]]] = [(root, iter(edges[root]))]
        index_of[root] = lowlink[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            module, successors = work[-1]
            advanced = False
            for successor in successors:
                if successor not in index_of:
                    index_of[successor] = lowlink[successor] = counter
                    counter += 1
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(edges[successor])))
                    advanced = True
                    break
                if successor in on_stack:
                    lowlink[module] = min(lowlink[module], index_of[successor])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                lowlink[parent] = min(lowlink[parent], lowlink[module])
            if lowlink[module] == index_of[module]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == module:
                        break
                if len(group) > 1:
                    groups.append(group)
    return sorted(groups, key=min)


def cycles_in(group: set[str], edges: dict[str, list[str]]) -> list[list[str]]:
    """The shortest cycle through each module of the group, each cycle once."""
    seen: set[frozenset[tuple[str, str]]] = set()
    cycles = []
    for module in sorted(group):
        chain = shortest_cycle_through(module, group, edges)
        steps = frozenset(zip(chain, chain[1:], strict=False))
        if steps not in seen:
            seen.add(steps)
            cycles.append(chain)
    return cycles


def shortest_cycle_through(start: str, group: set[str], edges: dict[str, list[str]]) -> list[str]:
    """The shortest chain of imports from ``start`` back to itself inside ``group``."""
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        module = queue.popleft()
        for successor in edges[module]:
            if successor not in group:
                continue
            if successor == start:
                chain = [module]
                while chain[-1] != start:
                    chain.append(came_from[chain[-1]])
                return [start, *reversed(chain[:-1]), start]
            if successor not in came_from:
                came_from[successor] = module
                queue.append(successor)
    raise AssertionError(f"{start} is in a cycle group but no cycle leads back to it")


def describe_cycle(graph: ImportGraph, chain: list[str]) -> list[dict[str, object]]:
    """Each import of the cycle with the line numbers it is made on."""
    return [
        {
            "importer": importer,
            "imported": imported,
            "line_numbers": sorted(
                detail["line_number"]
                for detail in graph.get_import_details(importer=importer, imported=imported)
            ),
        }
        for importer, imported in zip(chain, chain[1:], strict=False)
    ]
