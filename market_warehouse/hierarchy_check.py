"""Every hierarchy of the inputs, checked before dbt runs: each parent exists, and following the parents
always ends at a top. A loop (a region that is its own parent, two markets that are each other's parent)
would make a recursive model run forever or publish a tree without a top.

Hierarchies are found by their column names, so a parent column added later is checked too: a column
parent_<x>_id of a seed that also has the column <x>_id. Where <x>_id is unique only together with other
columns (a segment_id within its market_id), a parent is looked up among the rows that share those columns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from market_warehouse.seed_problem import SeedProblem

PARENT_COLUMN = re.compile(r"parent_(\w+_id)")


@dataclass(frozen=True)
class Hierarchy:
    id_column: str
    parent_column: str
    scope_columns: tuple[str, ...]   # the columns <x>_id is unique within (empty: unique on its own)
    parent_known_by_contract: bool   # a relationships test already reports unknown parents


def hierarchies(contract) -> list[Hierarchy]:
    """The hierarchies of one seed contract (market_warehouse.seed_check.SeedContract)."""
    found = []
    for column in contract.column_types:
        match = PARENT_COLUMN.fullmatch(column)
        if match and match.group(1) in contract.column_types:
            id_column = match.group(1)
            found.append(Hierarchy(id_column, column, contract.unique_within(id_column),
                                   contract.column_has_test(column, "relationships")))
    return found


def hierarchy_problems(connection, contract, label: str) -> list[SeedProblem]:
    """Unknown parents and loops of every hierarchy of a seed loaded as a table with a _row column."""
    problems = []
    for hierarchy in hierarchies(contract):
        scope = ", ".join(f'"{column}"' for column in hierarchy.scope_columns)
        rows = connection.execute(
            f'select _row, [{scope}]::varchar[], "{hierarchy.id_column}", "{hierarchy.parent_column}" '
            f'from "{contract.name}" order by _row').fetchall()
        groups: dict[tuple, list[tuple]] = {}
        for row, scope_values, node, parent in rows:
            groups.setdefault(tuple(scope_values), []).append((row, node, parent))
        for scope_values, members in groups.items():
            problems += _problems_in(hierarchy, label, _scope_text(hierarchy, scope_values), members)
    return problems


def find_loops(parent_of: dict[str, str]) -> list[list[str]]:
    """Every loop of a parent mapping, each once, in the order its members are followed."""
    walk_of: dict[str, int] = {}
    loops = []
    for walk, start in enumerate(parent_of):
        node, path = start, []
        while node in parent_of and node not in walk_of:
            walk_of[node] = walk
            path.append(node)
            node = parent_of[node]
        if walk_of.get(node) == walk:  # this walk came back to one of its own nodes
            loops.append(path[path.index(node):])
    return loops


def _problems_in(hierarchy: Hierarchy, label: str, scope_text: str, members: list[tuple]) -> list[SeedProblem]:
    row_of, parent_of = {}, {}
    for row, node, parent in members:
        if node is not None and node not in row_of:  # a duplicate key is reported by the unique test
            row_of[node] = row
            if parent is not None:
                parent_of[node] = parent
    problems = []
    if not hierarchy.parent_known_by_contract:
        problems += [SeedProblem(label, row_of[node], hierarchy.parent_column,
                                 f"{parent!r} is not a known {hierarchy.id_column}{scope_text}")
                     for node, parent in parent_of.items() if parent not in row_of]
    for loop in find_loops(parent_of):
        first = min(loop, key=row_of.__getitem__)
        problems.append(SeedProblem(label, row_of[first], hierarchy.parent_column, _loop_text(loop, row_of, scope_text)))
    return problems


def _loop_text(loop: list[str], row_of: dict[str, int], scope_text: str) -> str:
    chain = " -> ".join(repr(node) for node in [*loop, loop[0]])
    rows = ", ".join(str(row_of[node]) for node in loop)
    what = f"{loop[0]!r} is its own parent" if len(loop) == 1 else f"the parents form a loop of {len(loop)}"
    return (f"{what}{scope_text}: {chain} (rows {rows}); a hierarchy must end at a top with no parent: "
            "empty the parent of the top")


def _scope_text(hierarchy: Hierarchy, scope_values: tuple) -> str:
    return "".join(f" within {column} {value!r}" for column, value in zip(hierarchy.scope_columns, scope_values,
                                                                            strict=True))
