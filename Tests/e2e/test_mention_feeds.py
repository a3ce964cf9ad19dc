"""RSS and Atom feeds polled by the real binary: a local server serves a real-format RSS 2.0 document that gains
items; each item is ingested once — across polls, across a server that ignores the validators, and across a
restart — and Swell sends the feed's ETag back (conditional GET) so an unchanged feed costs a 304."""
import threading
import zlib
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

from swell_process import SwellProcess
from test_playbook_promises import eventually, get, post


class FeedServer:
    """A local RSS 2.0 feed whose items a test adds; answers 304 to a matching If-None-Match."""

    def __init__(self):
        self.items = []
        self.requests = []  # (path, If-None-Match)
        self.etags = []  # the ETag of each answer
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                with outer.lock:
                    outer.requests.append((self.path, self.headers.get("If-None-Match")))
                    body = outer.document().encode()
                    etag = f'"{zlib.crc32(body):08x}"'
                    outer.etags.append(etag)
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/feed.xml"

    def add(self, n, title, text):
        published = datetime.now(timezone.utc) - timedelta(minutes=30 - n)
        with self.lock:
            self.items.append((n, title, text, format_datetime(published)))

    def document(self):
        items = "".join(
            f"<item><title>{title}</title><link>http://news.test/a/{n}?utm_source=rss</link>"
            f"<description><![CDATA[<p>{text}</p>]]></description><pubDate>{date}</pubDate></item>"
            for n, title, text, date in reversed(self.items))
        return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>旅游快讯</title>'
                f"<link>http://news.test/</link>{items}</channel></rss>")

    def close(self):
        self.server.shutdown()


def mention_count(server):
    return len(get(server, "/v1/mentions?limit=500")["items"])


def test_a_feed_that_gains_items_is_ingested_once_across_polls_and_a_restart(tmp_path):
    feed = FeedServer()
    feed.add(1, "游客投诉酒店货不对板", "说好的四星酒店变成了汽车旅馆，游客非常失望")
    feed.add(2, "Coach breaks down", "Tourists stranded for six hours on the highway")
    server = SwellProcess(str(tmp_path / "swell.sqlite")).start()
    try:
        # An admin registers the feed; it is polled at once
        created = post(server, "/v1/mention-feeds", {"url": feed.url, "source": "news", "interval": "1m"})
        feed_id = created["id"]
        eventually(lambda: mention_count(server), lambda n: n == 2, what="the first two items")
        mentions = get(server, "/v1/mentions")["items"]
        assert {m["url"] for m in mentions} == {"http://news.test/a/1", "http://news.test/a/2"}
        assert all(m["outlet"] == "旅游快讯" and m["source"] == "news" for m in mentions)
        assert any(m["tone"] == "negative" for m in mentions)

        # The feed gains an item; a poll asked for now stores only the new one
        feed.add(3, "旅行社回应", "旅行社已向游客道歉并全额退款")
        asked = requests.post(server.url + f"/v1/mention-feeds/{feed_id}/poll", headers=server.headers(), timeout=10)
        assert asked.status_code == 202, asked.text
        eventually(lambda: mention_count(server), lambda n: n == 3, what="the third item")
        state = eventually(lambda: get(server, f"/v1/mention-feeds/{feed_id}"), lambda f: f["itemsStored"] == 3,
                           what="the feed's count")
        assert state["lastOutcome"] == "ok" and state["failures"] == 0

        # Unchanged: the ETag goes back and the answer is 304
        requests.post(server.url + f"/v1/mention-feeds/{feed_id}/poll", headers=server.headers(), timeout=10)
        eventually(lambda: get(server, f"/v1/mention-feeds/{feed_id}"), lambda f: f["lastOutcome"] == "not_modified",
                   what="a 304")
        assert feed.requests[-1][1] == feed.etags[-2], "the ETag of the last document went back"
    finally:
        assert server.terminate() == 0

    # After a restart the feed is polled again (its next time comes from the store): nothing is stored twice
    restarted = SwellProcess(server.db_path, token=server.token).start()
    try:
        before = len(feed.requests)
        requests.post(restarted.url + f"/v1/mention-feeds/{feed_id}/poll", headers=restarted.headers(), timeout=10)
        eventually(lambda: len(feed.requests), lambda n: n > before, what="a poll after the restart")
        feed.items.pop()  # a server that forgets its validators serves a changed document with old items
        feed.add(4, "后续报道", "监管部门已介入调查")
        requests.post(restarted.url + f"/v1/mention-feeds/{feed_id}/poll", headers=restarted.headers(), timeout=10)
        eventually(lambda: mention_count(restarted), lambda n: n == 4, what="the fourth item")
        final = eventually(lambda: get(restarted, f"/v1/mention-feeds/{feed_id}"), lambda f: f["itemsStored"] == 4,
                           what="the count after the restart")
        assert final["failures"] == 0
        urls = [m["url"] for m in get(restarted, "/v1/mentions?limit=500")["items"]]
        assert len(urls) == len(set(urls)) == 4

        # Deleting the feed stops the polling; its mentions stay
        gone = requests.delete(restarted.url + f"/v1/mention-feeds/{feed_id}", headers=restarted.headers(), timeout=10)
        assert gone.status_code == 204
        assert get(restarted, "/v1/mention-feeds")["items"] == []
        assert mention_count(restarted) == 4
    finally:
        assert restarted.terminate() == 0
        feed.close()
