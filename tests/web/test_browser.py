"""The analyst's page in a real browser (Debian's Chromium driven by Playwright).

One demo database is built per session with the real pipeline and served by uvicorn in a
thread; each test opens the page as a user would. The split test gets its own copy of the
database so that its override does not change what the other tests see. Screenshots of
the main views go to ``$DATELINE_SCREENSHOTS`` when it is set (``DATELINE_SCREENSHOTS=
docs/screenshots`` refreshes the README's), so a test run leaves the tree as it found it.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "examples" / "demo"
SHOTS = Path(os.environ["DATELINE_SCREENSHOTS"]) if os.environ.get("DATELINE_SCREENSHOTS") else None
# Chromium otherwise phones home (updates, sync, QUIC probes), which this test forbids.
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 900}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]
sync_api = pytest.importorskip("playwright.sync_api")


class Served:
    """A uvicorn server for one database, running in a daemon thread."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        from dateline.web import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(db), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/api/meta", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError(f"the server on {self.url} did not answer")

    def api(self, path: str, **params: object) -> dict:
        return httpx.get(self.url + path, params=params, timeout=30).json()

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def demo_dbs(tmp_path_factory) -> tuple[Path, Path]:
    """The demo corpus through the real pipeline, plus a copy for tests that write."""
    from dateline.pipeline import run
    from dateline.store import Store

    folder = tmp_path_factory.mktemp("web-demo")
    db = folder / "demo.duckdb"
    with Store(db) as store:
        run([DEMO], store)
    copy = folder / "split.duckdb"
    shutil.copyfile(db, copy)
    return db, copy


@pytest.fixture(scope="session")
def served(demo_dbs) -> Iterator[Served]:
    server = Served(demo_dbs[0])
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, served):
    """A fresh tab that records every URL it asks for: none may leave the machine."""
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    tab.requested = []
    tab.on("request", lambda request: tab.requested.append(request.url))
    tab.on("dialog", lambda dialog: dialog.dismiss())
    yield tab
    context.close()
    assert not strays(tab, served), "the page made requests beyond the local server"


def ready(page, url: str) -> None:
    """Open ``url`` and wait until the page has drawn its table and timeline."""
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)


def total(page) -> int:
    return int(page.locator("#count").get_attribute("data-total"))


def shot(page, name: str) -> None:
    """Write a README screenshot when asked to; the page is drawn either way."""
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_the_map_shows_event_markers_and_nothing_leaves_the_machine(page, served):
    ready(page, served.url + "/")
    page.wait_for_selector(".event-marker, .marker-cluster", timeout=15_000)
    markers = page.locator(".event-marker, .marker-cluster")
    assert markers.count() > 0
    assert total(page) == served.api("/api/events", limit=1)["total"]
    assert page.locator("#legend .legend-item").count() >= 6
    shot(page, "events")
    assert page.requested and not strays(page, served)


def strays(page, served) -> list[str]:
    """The URLs the page asked for anywhere but the local server."""
    local = (served.url + "/", "data:", "blob:")
    return [u for u in page.requested if not u.startswith(local)]


def test_brushing_the_timeline_narrows_the_table_and_the_url(page, served):
    ready(page, served.url + "/")
    before = total(page)
    box = page.locator("#timeline").bounding_box()
    # The demo's news sits at the right end of the time line: brush its last fifth.
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.80, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.90, y, steps=5)
    page.mouse.up()
    page.wait_for_function(f"document.querySelector('#count').dataset.total != '{before}'")
    after = total(page)
    assert after < before
    state = parse_qs(urlsplit(page.url).fragment)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", state["start"][0])
    assert state["start"][0] <= state["end"][0]
    assert page.locator("#filters [name=start]").input_value() == state["start"][0]
    rows = page.locator("#events tbody tr[data-event]").count()
    assert rows == min(after, 50)


def test_a_row_opens_the_event_with_its_evidence_highlighted(page, served):
    multi = served.api("/api/events", min_sources=2, limit=1)["items"][0]
    ready(page, served.url + "/#min_sources=2")
    page.locator(f"#events tbody tr[data-event='{multi['event_id']}']").click()
    page.wait_for_selector("#event-panel:not([hidden]) mark.selected", timeout=15_000)
    assert multi["event_id"] in page.url
    event = served.api(f"/api/events/{multi['event_id']}")
    article = served.api(f"/api/articles/{event['sources'][0]['article_id']}")
    marks = page.locator("#event-detail .article mark.selected")
    texts = [t for t in marks.all_inner_texts() if t.strip()]
    assert texts and any(t in article["text"] for t in texts)
    assert page.locator("#event-detail .sources li").count() == len(event["sources"])
    if event["conflicts"]:
        assert page.locator("#event-detail .sides .side").count() >= 2
    shot(page, "event")
    page.locator("#event-detail .article mark.selected").first.evaluate(
        "m => m.scrollIntoView({block: 'center'})"
    )
    shot(page, "evidence")


def test_the_url_keeps_the_filter_state(page, served):
    iraq = served.api("/api/events", country="IQ", limit=1)["total"]
    ready(page, served.url + "/#country=IQ")
    assert page.locator("#filters [name=country]").input_value() == "IQ"
    assert total(page) == iraq
    places = page.locator("#events tbody tr td.where").all_inner_texts()
    assert places and all(p.endswith("IQ") for p in places)


def test_no_match_says_so(page, served):
    ready(page, served.url + "/#q=zzzz-no-such-words")
    assert total(page) == 0
    assert page.locator("#events tbody .empty").is_visible()


def test_article_markup_is_shown_as_text(page, served):
    event = served.api("/api/events", limit=1)["items"][0]
    detail = served.api(f"/api/events/{event['event_id']}")
    article_id = detail["sources"][0]["article_id"]
    ready(page, served.url + "/")
    hostile = "<script>window.pwned = 1</script><img src=x onerror='window.pwned=2'>"
    page.evaluate(
        """([id, hostile]) => {
        const real = window.fetch;
        window.fetch = async (url, opts) => {
            const r = await real(url, opts);
            if (!String(url).includes('/api/articles/' + id)) return r;
            const body = await r.json();
            body.text = hostile + body.text; body.title = hostile;
            body.evidence = body.evidence.map((s) => ({...s, start: s.start + hostile.length,
                                                       end: s.end + hostile.length}));
            return new Response(JSON.stringify(body),
                                {headers: {'Content-Type': 'application/json'}});
        };
    }""",
        [article_id, hostile],
    )
    page.locator(f"#events tbody tr[data-event='{event['event_id']}']").click()
    page.wait_for_selector("#event-panel:not([hidden]) .article")
    assert hostile in page.locator("#event-detail .article").first.inner_text()
    assert page.evaluate("window.pwned") is None
    assert page.locator("#event-detail script, #event-detail img").count() == 0


def test_the_actor_graph_is_drawn(page, served):
    ready(page, served.url + "/#view=actors")
    page.wait_for_selector("#actor-graph .node", timeout=15_000)
    assert page.locator("#actor-graph .node").count() >= 5
    assert page.locator("#actor-graph .edge").count() >= 1
    shot(page, "actors")
    page.locator("#actors tbody tr").first.click()
    page.wait_for_selector("#events-view:not([hidden])")
    assert "actor=" in page.url


def test_split_out_a_report_survives_a_reload(browser, demo_dbs):
    server = Served(demo_dbs[1])
    context = browser.new_context(viewport=VIEWPORT)
    try:
        multi = server.api("/api/events", min_sources=2, sort="n_sources", desc=True, limit=1)[
            "items"
        ][0]
        before = server.api(f"/api/events/{multi['event_id']}")
        page = context.new_page()
        page.requested = []
        page.on("request", lambda request: page.requested.append(request.url))
        ready(page, server.url + f"/#event={multi['event_id']}")
        page.wait_for_selector("#event-panel:not([hidden]) button.split")
        buttons = page.locator("#event-detail button.split")
        assert buttons.count() == len(before["mentions"])
        leaving = buttons.last.get_attribute("data-mention")
        buttons.last.click()
        page.wait_for_selector("#event-detail .notice", timeout=60_000)
        assert server.api("/api/meta")["counts"]["overrides"] == 1
        # The rebuilt events may carry new ids: the page follows the reports and says where.
        out_id = page.locator("#event-detail .notice a.split-event").get_attribute("data-event")
        assert server.api(f"/api/events/{out_id}")["mention_ids"] == [leaving]

        page.reload()
        page.wait_for_selector("#event-panel:not([hidden]) #event-detail h2", timeout=30_000)
        kept_id = parse_qs(urlsplit(page.url).fragment)["event"][0]
        after = server.api(f"/api/events/{kept_id}")
        kept = set(after["mention_ids"])
        assert leaving not in kept  # (re-merging may bring other reports in: not asserted)
        assert kept & ({m["mention_id"] for m in before["mentions"]} - {leaving})
        assert page.locator("#event-detail .reports li").count() == len(after["mentions"])
        assert page.locator("#event-detail button.split").count() in (0, len(after["mentions"]))
        assert not strays(page, server)
    finally:
        context.close()
        server.stop()
