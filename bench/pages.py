"""The pages the benchmark visits: (label, address). Addresses that depend on
the built database (an opportunity, a partner) come from build_database.py."""


def benchmark_pages(built):
    return [
        ("home", "/"),
        ("listing", "/opportunities/"),
        ("listing, two filters", "/opportunities/?format=online&area=bench-area-3"),
        ("listing, page 20", "/opportunities/?page=20"),
        ("an opportunity", built["opportunity"]),
        ("directory", "/partners/"),
        ("a partner", built["partner"]),
        ("ladder", "/ladder/"),
        ("self-assessment start", "/ladder/self-assessment/"),
    ]
