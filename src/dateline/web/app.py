"""``dateline serve``: the HTTP API (FastAPI, OpenAPI at /docs) and the analyst's page.

Everything the page shows comes from these endpoints; nothing leaves the machine (the
JavaScript and the basemap are served from ``static/``). Write actions (split / merge
overrides) go through the same library calls as the CLI.
"""

from __future__ import annotations

import datetime as dt
import hmac
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from dateline.errors import OverrideRejected, UnknownEvent
from dateline.export import export
from dateline.export.formats import flat_row
from dateline.records import STATUSES, TAXONOMY
from dateline.store import Store
from dateline.store.filters import SORTABLE, EventFilter

if TYPE_CHECKING:
    from dateline.overrides import OverrideResult

STATIC = Path(__file__).parent / "static"
TOKEN_HEADER = "X-Dateline-Token"


class Override(BaseModel):
    mention_ids: list[str] = Field(min_length=1)
    note: str = ""


class MergeRequest(BaseModel):
    ids: list[str] = Field(min_length=2)
    note: str = ""


def event_filter(
    start: dt.date | None = None,
    end: dt.date | None = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{2}$")] = None,
    admin1: str | None = None,
    event_type: str | None = None,
    sub_event_type: str | None = None,
    actor: str | None = None,
    status: Literal[STATUSES] | None = None,  # type: ignore[valid-type]
    background: bool | None = None,
    min_sources: Annotated[int | None, Query(ge=1, le=1000)] = None,
    story: str | None = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> EventFilter:
    if event_type and event_type not in TAXONOMY:
        raise HTTPException(422, f"unknown event_type {event_type!r}")
    if start and end and start > end:
        raise HTTPException(422, "start is after end")
    return EventFilter(
        start,
        end,
        country,
        admin1,
        event_type,
        sub_event_type,
        actor,
        status,
        background,
        min_sources,
        story,
        q,
    )


def create_app(
    db: str | Path, *, token: str | None = None, token_for_reads: bool = False
) -> FastAPI:
    """The application over database ``db``.

    ``token``: when set, write actions need it (header ``X-Dateline-Token`` or
    ``Authorization: Bearer``); with ``token_for_reads`` (the server is exposed beyond
    localhost) every request needs it.
    """
    app = FastAPI(
        title="dateline",
        version="1",
        description="Evidence-backed political-violence events: query, inspect, "
        "export, and record analysts' split/merge overrides.",
    )
    lock = threading.Lock()
    store = Store(db)

    @contextmanager
    def opened() -> Iterator[Store]:
        with lock:  # one DuckDB connection, used by one request at a time
            yield store

    def authorised(request: Request) -> bool:
        if token is None:
            return True
        given = request.headers.get(TOKEN_HEADER) or request.query_params.get("token") or ""
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            given = auth[7:]
        return hmac.compare_digest(given.encode(), token.encode())

    @app.middleware("http")
    async def check_token(request: Request, call_next):  # type: ignore[no-untyped-def]
        writing = request.method not in ("GET", "HEAD", "OPTIONS")
        if (writing or token_for_reads) and not authorised(request):
            return JSONResponse({"detail": "a valid token is required"}, status_code=401)
        return await call_next(request)

    def actor_family(name: str) -> list[str]:
        """The actor and, from the knowledge base, the groups it is parent of."""
        try:
            from dateline.ground.actors import default_kb
        except ImportError:
            return [name]
        kb = default_kb()
        found = kb.resolve(name)
        if found is None:
            return [name]
        family = [found.name, name] + [c.name for c in kb.children_of(found.kb_id)]
        return sorted(set(family))

    def filtered(f: EventFilter) -> tuple[str, list[Any]]:
        return f.where(actor_family(f.actor) if f.actor else None)

    @app.get("/api/events", summary="Events matching a filter, one page at a time")
    def list_events(
        f: Annotated[EventFilter, Depends(event_filter)],
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
        sort: Literal[SORTABLE] = "date_start",  # type: ignore[valid-type]
        desc: bool = False,
    ) -> dict[str, Any]:
        where, params = filtered(f)
        order = f"{sort} {'DESC' if desc else 'ASC'} NULLS LAST, event_id"
        with opened() as s:
            total = s.sql(
                "SELECT count(*) FROM events" + (f" WHERE {where}" if where else ""), params
            )[0][0]
            events = s.events(where, params, limit=limit, offset=offset, order=order)
        return {
            "total": total,
            "limit": limit,
            "offset": offset,
            "filter": f.as_query(),
            "items": [flat_row(e) for e in events],
        }

    @app.get("/api/timeline", summary="Events per day and event type for a filter")
    def timeline(f: Annotated[EventFilter, Depends(event_filter)]) -> dict[str, Any]:
        where, params = filtered(f)
        with opened() as s:
            rows = s.sql(
                "SELECT date_start, event_type, count(*) FROM events WHERE "
                "date_precision = 'day'"
                + (f" AND {where}" if where else "")
                + " GROUP BY ALL ORDER BY 1",
                params,
            )
        return {
            "days": [{"date": r[0].isoformat(), "event_type": r[1], "events": r[2]} for r in rows]
        }

    @app.get("/api/events/{event_id}", summary="One event: sources, values, conflicts, merges")
    def get_event(event_id: str) -> dict[str, Any]:
        with opened() as s:
            try:
                event = s.event(event_id)
            except UnknownEvent as exc:
                raise HTTPException(404, str(exc)) from exc
            decisions = s.decisions_for(event.event_id)
            articles = s.articles(x.article_id for x in event.sources)
            members = dict(
                s.sql(
                    "SELECT mention_id, article_id FROM event_sources WHERE event_id = ?",
                    [event.event_id],
                )
            )
        record = event.to_dict()
        record["merge_decisions"] = decisions
        record["mentions"] = [{"mention_id": m, "article_id": a} for m, a in members.items()]
        record["articles"] = {
            a.article_id: {"title": a.title, "outlet": a.outlet, "url": a.url}
            for a in articles.values()
        }
        return record

    @app.get(
        "/api/events/{event_id}/against/{other_id}",
        summary="Why two events were not joined: each pair of their reports, the mean link, "
        "and any rule that forbids the join",
    )
    def why_not_joined(event_id: str, other_id: str) -> dict[str, Any]:
        from dateline.overrides import why_apart

        with opened() as s:
            try:
                _, _, result = why_apart(s, event_id, other_id)
            except UnknownEvent as exc:
                raise HTTPException(404, str(exc)) from exc
        return {
            "event_id": event_id,
            "other_id": other_id,
            "link": round(result.link, 4),
            "threshold": result.threshold,
            "refusal": result.refusal,
            "verdict": result.verdict,
            "pairs": [
                {
                    "mention_id": p.left,
                    "other_mention_id": p.right,
                    "compared": p.candidate,
                    "score": p.score,
                    "features": p.features,
                }
                for p in result.pairs
            ],
        }

    @app.get("/api/articles/{article_id}", summary="An article's text with its evidence spans")
    def get_article(article_id: str) -> dict[str, Any]:
        with opened() as s:
            found = s.articles([article_id])
            if not found:
                raise HTTPException(404, f"no article {article_id!r}")
            spans = s.sql(
                "SELECT DISTINCT event_id, field, start_char, end_char FROM evidence "
                "WHERE article_id = ? ORDER BY start_char, end_char",
                [article_id],
            )
        a = found[article_id]
        return {
            "article_id": a.article_id,
            "title": a.title,
            "outlet": a.outlet,
            "url": a.url,
            "published": a.published.to_dict(),
            "text": a.text,
            "evidence": [
                {"event_id": r[0], "field": r[1], "start": r[2], "end": r[3]} for r in spans
            ],
        }

    @app.get("/api/actors", summary="Actors with roles, event counts, aliases and relations")
    def actors(
        limit: Annotated[int, Query(ge=1, le=1000)] = 200, offset: Annotated[int, Query(ge=0)] = 0
    ) -> dict[str, Any]:
        with opened() as s:
            rows = s.sql(
                "SELECT name, role, any_value(kb_id), any_value(parent), "
                "count(DISTINCT event_id) FROM actors GROUP BY name, role"
            )
        by_name: dict[str, dict[str, Any]] = {}
        for name, role, kb_id, parent, n in rows:
            entry = by_name.setdefault(
                name, {"name": name, "kb_id": kb_id, "parent": parent, "roles": {}, "events": 0}
            )
            entry["roles"][role] = n
            entry["events"] += n
            entry["parent"] = entry["parent"] or parent
        items = sorted(by_name.values(), key=lambda e: (-e["events"], e["name"]))
        _add_aliases(items)
        edges = [
            {"from": e["name"], "to": e["parent"], "kind": "front_of"} for e in items if e["parent"]
        ]
        return {"total": len(items), "items": items[offset : offset + limit], "edges": edges}

    @app.get("/api/stories", summary="Story clusters: articles and events about one issue")
    def stories(
        limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Annotated[int, Query(ge=0)] = 0
    ) -> dict[str, Any]:
        with opened() as s:
            rows = s.sql(
                "SELECT story_id, count(*), min(date_start), max(date_end), "
                "list(sub_event_type) FROM events WHERE story_id IS NOT NULL "
                "GROUP BY story_id ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?",
                [limit, offset],
            )
        return {
            "items": [
                {
                    "story_id": r[0],
                    "events": r[1],
                    "start": r[2].isoformat() if r[2] else None,
                    "end": r[3].isoformat() if r[3] else None,
                    "types": dict(Counter(r[4]).most_common(3)),
                }
                for r in rows
            ]
        }

    @app.get("/api/export.{fmt}", summary="The current filter as CSV, ACLED CSV or GeoJSON")
    def export_view(
        fmt: Literal["csv", "acled", "geojson", "jsonl"],
        f: Annotated[EventFilter, Depends(event_filter)],
    ) -> Response:
        where, params = filtered(f)
        with opened() as s:
            events = s.events(where, params)
        media = {
            "csv": "text/csv",
            "acled": "text/csv",
            "geojson": "application/geo+json",
            "jsonl": "application/x-ndjson",
        }[fmt]
        suffix = "geojson" if fmt == "geojson" else "jsonl" if fmt == "jsonl" else "csv"
        return Response(
            export(events, fmt),
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="dateline-{fmt}.{suffix}"'},
        )

    @app.post("/api/events/{event_id}/split", summary="Take reports out of an event")
    def split(event_id: str, body: Override) -> dict[str, Any]:
        from dateline.overrides import split_event

        with opened() as s:
            return _override_response(lambda: split_event(s, event_id, body.mention_ids, body.note))

    @app.post("/api/merge", summary="Join events (or reports) into one event")
    def merge(body: MergeRequest) -> dict[str, Any]:
        from dateline.overrides import merge_events

        with opened() as s:
            return _override_response(lambda: merge_events(s, body.ids, body.note))

    @app.get("/api/meta", summary="Taxonomy, countries present and stored counts")
    def meta() -> dict[str, Any]:
        with opened() as s:
            countries = [
                r[0]
                for r in s.sql(
                    "SELECT DISTINCT country_code FROM events WHERE "
                    "country_code IS NOT NULL ORDER BY 1"
                )
            ]
            info = s.info()
        return {
            "taxonomy": TAXONOMY,
            "statuses": STATUSES,
            "countries": countries,
            "counts": info["counts"],
        }

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.state.store = store
    return app


def _override_response(apply: Callable[[], OverrideResult]) -> dict[str, Any]:
    """Run one override; unknown ids are 404, ids the override cannot take are 422."""
    try:
        result = apply()
    except UnknownEvent as exc:
        raise HTTPException(404, str(exc)) from exc
    except OverrideRejected as exc:
        raise HTTPException(422, str(exc)) from exc
    return {"override_id": result.override_id, "events": result.events, "placed": result.placed}


def _add_aliases(items: list[dict[str, Any]]) -> None:
    try:
        from dateline.ground.actors import default_kb
    except ImportError:
        return
    kb = default_kb()
    for item in items:
        found = kb.resolve(item["name"])
        if found is not None:
            item["aliases"] = list(found.aliases)[:8]
            item["kind"] = found.kind
            parent = kb.parent_of(found.kb_id)
            item["parent"] = item["parent"] or (parent.name if parent else None)
