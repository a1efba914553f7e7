"""Drive Debian's headless Chromium over the DevTools protocol, for the docs tests.

Chromium is started with ``--remote-debugging-pipe``: commands and events
travel as NUL-terminated JSON over two pipes (its fds 3 and 4), so no port is
opened and no websocket library is needed. :class:`Browser` loads pages and
collects what a person would notice: console errors, uncaught exceptions,
failed or outgoing network requests, and the page's links and ids.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from tests.debian_packages import ensure_program, find_program

_CHROMIUM_NAMES = ("chromium", "chromium-browser")

#: The flags the machine's documentation asks for: no sandbox as root, no GPU,
#: and none of Chromium's own network traffic (this machine has no network).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def find_chromium() -> str | None:
    return find_program(_CHROMIUM_NAMES)


def ensure_chromium() -> tuple[str | None, str]:
    """Chromium's path, installing Debian's package when it is missing.

    Returns ``(path, "")`` or ``(None, why it could not be had)``.
    """
    return ensure_program("chromium", _CHROMIUM_NAMES)


class BrowserError(RuntimeError):
    pass


@dataclass
class PageReport:
    """What loading one page showed."""

    url: str
    title: str = ""
    links: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    scripts: int = 0
    #: The ``src`` of each script element; "" for an inline one.
    script_sources: list[str] = field(default_factory=list)
    handler_attributes: list[str] = field(default_factory=list)
    text: str = ""


_COLLECT = """(() => {
  const all = Array.from(document.querySelectorAll('*'));
  const handlers = [];
  for (const el of all) {
    for (const attr of el.getAttributeNames()) {
      if (attr.toLowerCase().startsWith('on')) handlers.push(el.tagName + ' ' + attr);
    }
  }
  return JSON.stringify({
    title: document.title,
    links: Array.from(document.querySelectorAll('a[href]'), a => a.href),
    ids: Array.from(document.querySelectorAll('[id]'), e => e.id),
    scripts: document.scripts.length,
    sources: Array.from(document.scripts, s => s.src),
    handlers: handlers,
    text: document.body ? document.body.innerText : '',
  });
})()"""


class Browser:
    """One headless Chromium with one tab, driven over the DevTools pipe."""

    def __init__(self, executable: str, profile: Path) -> None:
        cmd_read, self._cmd_write = os.pipe()
        self._out_read, out_write = os.pipe()

        def plumb() -> None:  # in the child: its fd 3 reads commands, fd 4 writes replies
            a, b = os.dup(cmd_read), os.dup(out_write)
            os.dup2(a, 3)
            os.dup2(b, 4)
            os.set_inheritable(3, True)  # a dup2 onto itself keeps close-on-exec
            os.set_inheritable(4, True)

        self.proc = subprocess.Popen(
            [
                executable,
                *FLAGS,
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                "--window-size=1280,900",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            preexec_fn=plumb,
            pass_fds=(3, 4),
        )
        os.close(cmd_read)
        os.close(out_write)
        self._next_id = 0
        self._replies: dict[int, dict[str, Any]] = {}
        self._events: list[dict[str, Any]] = []
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=self.session)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False},
            session=self.session,
        )

    # --- protocol ---------------------------------------------------------------

    def _read(self) -> None:
        buffer = b""
        while True:
            chunk = os.read(self._out_read, 1 << 16)
            if not chunk:
                with self._cond:
                    self._cond.notify_all()
                return
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            with self._cond:
                for raw in messages:
                    message = json.loads(raw)
                    if "id" in message:
                        self._replies[message["id"]] = message
                    else:
                        self._events.append(message)
                self._cond.notify_all()

    def call(
        self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None
    ) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._cmd_write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 30
        with self._cond:
            while self._next_id not in self._replies:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise BrowserError(f"no reply to {method} (chromium exited or hung)")
                self._cond.wait(0.5)
            reply = self._replies.pop(self._next_id)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error']}")
        return dict(reply.get("result", {}))

    def _wait_event(self, method: str, start: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not any(e.get("method") == method for e in self._events[start:]):
                if time.monotonic() > deadline:
                    raise BrowserError(f"timed out waiting for {method}")
                self._cond.wait(0.5)

    # --- pages ------------------------------------------------------------------

    def load(self, url: str) -> PageReport:
        """Navigate to ``url``, wait for it to load, and report what happened."""
        with self._cond:
            start = len(self._events)
        result = self.call("Page.navigate", {"url": url}, session=self.session)
        if result.get("errorText"):
            raise BrowserError(f"{url}: {result['errorText']}")
        self._wait_event("Page.loadEventFired", start)
        # Let messages logged during load (CSP reports, late errors) arrive.
        time.sleep(0.2)
        report = PageReport(url)
        data = json.loads(self.evaluate(_COLLECT))
        report.title = data["title"]
        report.links = data["links"]
        report.ids = data["ids"]
        report.scripts = data["scripts"]
        report.script_sources = data["sources"]
        report.handler_attributes = data["handlers"]
        report.text = data["text"]
        with self._cond:
            events = self._events[start:]
        for event in events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                args = [str(a.get("value", a.get("description", ""))) for a in params["args"]]
                report.console_errors.append("console." + params["type"] + ": " + " ".join(args))
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                thrown = details.get("exception", {}).get("description") or details.get("text")
                report.console_errors.append(f"uncaught: {thrown}")
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                report.console_errors.append(
                    f"{params['entry'].get('source')}: {params['entry'].get('text')}"
                )
            elif method == "Network.requestWillBeSent":
                report.requests.append(params["request"]["url"])
            elif method == "Network.loadingFailed":
                report.failed_requests.append(
                    f"{params.get('errorText')} ({params.get('blockedReason', '')})"
                )
        return report

    def viewport(self, width: int, height: int) -> None:
        """Lay pages out in a window of this size (a phone's below 500 px wide)."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500},
            session=self.session,
        )

    def color_scheme(self, scheme: str) -> None:
        """Emulate the system's ``prefers-color-scheme`` (``light`` or ``dark``)."""
        self.call(
            "Emulation.setEmulatedMedia",
            {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
            session=self.session,
        )

    def scripts_enabled(self, enabled: bool) -> None:
        self.call(
            "Emulation.setScriptExecutionDisabled", {"value": not enabled}, session=self.session
        )

    def allow_clipboard(self) -> None:
        """Let pages write and read the clipboard, as a focused page may when clicked."""
        self.call(
            "Browser.grantPermissions",
            {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
        )
        self.call("Emulation.setFocusEmulationEnabled", {"enabled": True}, session=self.session)

    def press(self, key: str, code: str, *, ctrl: bool = False) -> None:
        """A key pressed and released, as a person types it."""
        base: dict[str, Any] = {"key": key, "code": code, "modifiers": 2 if ctrl else 0}
        text = {} if ctrl else {"text": key}
        self.call(
            "Input.dispatchKeyEvent", {"type": "keyDown", **base, **text}, session=self.session
        )
        self.call("Input.dispatchKeyEvent", {"type": "keyUp", **base}, session=self.session)

    def type_text(self, text: str) -> None:
        self.call("Input.insertText", {"text": text}, session=self.session)

    def click_and_wait(self, expression: str) -> None:
        """Click the element ``expression`` finds and wait for the page it leads to."""
        with self._cond:
            start = len(self._events)
        self.evaluate(f"({expression}).click()")
        self._wait_event("Page.loadEventFired", start)
        time.sleep(0.2)

    def wait_for(self, expression: str, timeout: float = 10) -> Any:
        """Poll until ``expression`` (a value or a promise of one) is truthy; its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate_async(expression)
            if value or time.monotonic() > deadline:
                return value
            time.sleep(0.05)

    def evaluate_async(self, expression: str) -> Any:
        """The value a promise-returning JavaScript expression resolves to."""
        result = self.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session=self.session,
        )
        if "exceptionDetails" in result:
            raise BrowserError(str(result["exceptionDetails"]))
        return result["result"].get("value")

    def axe(self, source: str) -> list[dict[str, Any]]:
        """The serious and critical violations axe-core finds on the current page."""
        self.evaluate(source)
        found = self.evaluate_async(
            "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
            "v => ({id: v.id, impact: v.impact, help: v.help,"
            " nodes: v.nodes.map(n => n.html.slice(0, 200))})))"
        )
        return [v for v in found if v["impact"] in ("serious", "critical")]

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the current page."""
        result = self.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True},
            session=self.session,
        )["result"]
        return result.get("value")

    def screenshot(self, path: Path) -> tuple[int, int]:
        """Save the whole current page as a PNG; returns its CSS size."""
        metrics = self.call("Page.getLayoutMetrics", session=self.session)
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        width, height = int(size["width"]), min(int(size["height"]), 6000)
        data = self.call(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
            },
            session=self.session,
        )["data"]
        path.write_bytes(base64.b64decode(data))
        return width, height

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except BrowserError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        os.close(self._cmd_write)
        self._reader.join(timeout=5)
        os.close(self._out_read)


def open_browser(executable: str) -> tuple[Browser, tempfile.TemporaryDirectory[str]]:
    """A browser with a fresh, throw-away profile folder."""
    profile = tempfile.TemporaryDirectory(prefix="docs-chromium-")
    return Browser(executable, Path(profile.name)), profile


def check_site(browser: Browser, folder: Path) -> tuple[dict[Path, PageReport], list[str]]:
    """Load every HTML page under ``folder``; return the reports and every problem found:
    console errors, network requests, scripts, and internal links that lead nowhere."""
    reports: dict[Path, PageReport] = {}
    problems: list[str] = []
    root_uri = folder.resolve().as_uri() + "/"
    for path in sorted(folder.rglob("*.html")):
        report = browser.load(path.resolve().as_uri())
        reports[path.resolve()] = report
        name = path.relative_to(folder).as_posix()
        problems += [f"{name}: console error: {e}" for e in report.console_errors]
        problems += [f"{name}: failed request: {e}" for e in report.failed_requests]
        problems += [
            f"{name}: request outside the site: {u}"
            for u in report.requests
            if not u.startswith("file://")
        ]
        # Scripts only from the site's own files: none inline, none from elsewhere.
        foreign = [s for s in report.script_sources if not s.startswith(root_uri)]
        if foreign or report.handler_attributes:
            problems.append(f"{name}: scripts {foreign}, handlers {report.handler_attributes}")
        if not report.title:
            problems.append(f"{name}: no title")
    for path, report in reports.items():
        name = path.relative_to(folder.resolve()).as_posix()
        for link in report.links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https", "mailto"):
                continue  # written in a spec description; not part of the site
            if parts.scheme != "file":
                problems.append(f"{name}: link with scheme {parts.scheme!r}: {link}")
                continue
            target = Path(unquote(parts.path)).resolve()
            if target.suffix in (".md", ".txt") and target.is_file():
                continue  # a page's Markdown twin, llms.txt: text, not part of the HTML site
            if target not in reports:
                problems.append(f"{name}: broken link {link}")
            elif parts.fragment and unquote(parts.fragment) not in reports[target].ids:
                problems.append(f"{name}: broken link {link} (no such id)")
    return reports, problems
