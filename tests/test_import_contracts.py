"""The custom import-linter contract (config/import_contracts.py): the agreed
shape passes, a real cycle fails, on small import graphs built by hand."""

from grimp import ImportGraph

from config.import_contracts import AcyclicModulesContract


def graph_of(*imports):
    graph = ImportGraph()
    for importer, imported in imports:
        for module in (importer, imported):
            parts = module.split(".")
            for depth in range(1, len(parts) + 1):
                graph.add_module(".".join(parts[:depth]))
        graph.add_import(importer=importer, imported=imported, line_number=1, line_contents="")
    return graph


def check(graph):
    contract = AcyclicModulesContract(
        name="No import cycle inside app",
        session_options={},
        contract_options={"containers": ["app"]},
    )
    return contract.check(graph, verbose=False)


def test_models_to_routes_to_views_to_a_model_submodule_is_not_a_cycle():
    graph = graph_of(
        ("app.models", "app.models.pages"),
        ("app.models.pages", "app.journey.routes"),
        ("app.journey.routes", "app.journey.views"),
        ("app.journey.views", "app.models.assessments"),
    )
    assert check(graph).kept


def test_a_view_importing_the_models_package_closes_a_cycle():
    graph = graph_of(
        ("app.models", "app.models.pages"),
        ("app.models.pages", "app.journey.routes"),
        ("app.journey.routes", "app.journey.views"),
        ("app.journey.views", "app.models"),
    )
    result = check(graph)
    assert not result.kept
    [tangle] = result.metadata["cycles_by_container"]["app"]
    assert tangle["modules"] == [
        "app.journey.routes",
        "app.journey.views",
        "app.models",
        "app.models.pages",
    ]
    [cycle] = tangle["cycles"]
    assert [step["importer"] for step in cycle] == [
        "app.journey.routes",
        "app.journey.views",
        "app.models",
        "app.models.pages",
    ]


def test_cycles_through_other_packages_are_not_this_contracts_business():
    # A loop that leaves the app is the layers contract's to report.
    graph = graph_of(("app.a", "other.b"), ("other.b", "app.a"))
    assert check(graph).kept
