"""Build the PostgreSQL search index for the benchmark fast, with the rows the
search backend's own bulk path would write, and check that it does.

The backend's bulk path (``add_bulk``, what ``update_index`` runs) took 425 s
for 10,000 opportunities. Profiled at 2,000 (cProfile, 49 s), the time was in
Python, not in PostgreSQL (1 s): the backend walks every object's search fields
five times (once for each column it writes), builds each text's tsvector as a
Django expression and compiles it (about a third of the time), and the
opportunity's ``benefits_named`` asks the database for the benefit rules in
force for every object (about a tenth). So here:

- each object's search fields are read once, through the backend's own
  ``ObjectIndexer.prepare_field`` (so the texts and weights are the backend's);
- the tsvectors are written as the SQL that Django compiles them to
  (``setweight(to_tsvector(config, text), weight)`` joined with ``||``, in the
  same order), as plain strings, one INSERT per chunk;
- ``benefits_named`` is worked out once for each pay and start date (it
  depends on nothing else) and shared with the objects that have the same;
- the title norms are set once at the end, as the backend's refresh does.

:func:`check_sample` then indexes a random sample again through the backend's
own path and compares every column of every sampled row (the tsvectors as
text, so positions and weights too).
"""

import random
from collections.abc import Iterable

from django.db import connection
from django.db.models import Avg, F
from django.db.models.functions import Length
from django.utils.encoding import force_str

CHUNK = 2_000


def indexed_models():
    """(model, select_related, prefetch_related): what each entry reads."""
    from opportunities.models import OpportunityPage
    from partners.models import PartnerPage

    return [
        (PartnerPage, ["sector"], ["areas"]),
        (OpportunityPage, ["partner", "area"], ["topics", "access_support", "sessions"]),
    ]


def fetch(model, related, prefetched, ids):
    return list(
        model.objects.filter(pk__in=ids).select_related(*related).prefetch_related(*prefetched)
    )


def share_benefits_named(objects):
    """Work ``benefits_named`` out once for each (pay figures, start date): it
    asks the database for the rules in force on every call, and depends only on
    those two (and today)."""
    known: dict[tuple[str, object], str] = {}
    for obj in objects:
        if not hasattr(obj, "benefits_named"):
            return
        key = (repr(obj.pay_figures), obj.start_date)
        if key not in known:
            known[key] = obj.benefits_named()
        names = known[key]
        obj.benefits_named = lambda names=names: names


def entry_texts(indexer):
    """The (text, weight) pairs of each column of one object's entry, in the
    order the backend reads them, from one pass over its search fields."""
    from wagtail.search.index import AutocompleteField, SearchField

    columns: dict[str, list[tuple[str, str]]] = {"title": [], "autocomplete": [], "body": []}
    for field in indexer.search_fields:
        for current, weight, value in indexer.prepare_field(indexer.obj, field):
            if isinstance(current, SearchField):
                column = "title" if current.field_name == "title" else "body"
            elif isinstance(current, AutocompleteField):
                column = "autocomplete"
            else:
                continue
            text = value.strip()
            if text:
                columns[column].append((text, weight))
    return columns


def vector_sql(texts: Iterable[tuple[str, str]], config: str | None):
    """The SQL (and its parameters) that the backend's ``as_vector`` compiles to."""
    parts, params = [], []
    for text, weight in texts:
        if config:
            parts.append("setweight(to_tsvector(%s::regconfig, COALESCE(%s, '')), %s)")
            params.extend([config, text, weight])
        else:
            parts.append("setweight(to_tsvector(COALESCE(%s, '')), %s)")
            params.extend([text, weight])
    if not parts:
        return "to_tsvector(COALESCE('', ''))", []
    return "(" + " || ".join(parts) + ")", params


def insert_entries(model, objects, backend):
    from modelsearch.backends.database.postgres.postgres import ObjectIndexer
    from modelsearch.utils import get_content_type_pk
    from wagtail.search.models import IndexEntry

    content_type = get_content_type_pk(model)
    rows, params = [], []
    for obj in objects:
        indexer = ObjectIndexer(obj, backend)
        columns = entry_texts(indexer)
        title, title_params = vector_sql(columns["title"], backend.config)
        autocomplete, autocomplete_params = vector_sql(
            columns["autocomplete"], backend.autocomplete_config
        )
        body, body_params = vector_sql(columns["body"], backend.config)
        rows.append(f"(%s, %s, {title}, {autocomplete}, {body}, 1.0, %s, %s)")
        params += [content_type, force_str(obj.pk), *title_params, *autocomplete_params]
        params += [*body_params, " ".join(text for text, _ in columns["title"])]
        params.append(" ".join(text for text, _ in columns["body"]))
    if not rows:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm,
                 title_text, body_text)
            VALUES {", ".join(rows)}
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                          autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                          title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
            """,
            params,
        )


def refresh_title_norms():
    """What the backend does after each bulk add: each new entry's title norm
    is the average title length over its own title's length."""
    from wagtail.search.models import IndexEntry

    entries = IndexEntry.objects.annotate(title_length=Length("title")).filter(title_length__gt=0)
    average = entries.aggregate(Avg("title_length"))["title_length__avg"]
    entries.filter(title_norm=1.0).update(title_norm=average / F("title_length"))


def build_index():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    for model, related, prefetched in indexed_models():
        ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), CHUNK):
            objects = fetch(model, related, prefetched, ids[start : start + CHUNK])
            share_benefits_named(objects)
            insert_entries(model, objects, backend)
    refresh_title_norms()


def entry_rows(model, ids):
    from modelsearch.utils import get_content_type_pk
    from wagtail.search.models import IndexEntry

    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT object_id, title::text, autocomplete::text, body::text, title_norm,
                   title_text, body_text
            FROM {IndexEntry._meta.db_table}
            WHERE content_type_id = %s AND object_id = ANY(%s)
            ORDER BY object_id
            """,
            [get_content_type_pk(model), [str(pk) for pk in ids]],
        )
        return cursor.fetchall()


def check_sample(size=200, seed=16):
    """Index ``size`` random objects of each model again through the backend's
    own bulk path and compare their rows with the ones built here. Returns the
    differences (an empty list when every column of every row is the same)."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    rng = random.Random(seed)
    differences = []
    for model, related, prefetched in indexed_models():
        ids = list(model.objects.values_list("pk", flat=True))
        sample = rng.sample(ids, min(size, len(ids)))
        ours = entry_rows(model, sample)
        backend.add_bulk(model, fetch(model, related, prefetched, sample))
        theirs = entry_rows(model, sample)
        if len(ours) != len(sample) or len(theirs) != len(sample):
            differences.append(f"{model.__name__}: {len(ours)} and {len(theirs)} rows")
        for mine, backends in zip(ours, theirs, strict=False):
            if mine != backends:
                differences.append(f"{model.__name__} {mine[0]}: {mine} != {backends}")
    return differences
