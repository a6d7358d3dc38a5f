"""A small client for Chromium's DevTools protocol (CDP) over websocket-client: start headless Chromium, call methods,
wait for events, evaluate JavaScript, type and press keys as a user would, take screenshots, and serve some requests
from local files (a page that loads plotly.js from its CDN gets the copy in node_modules/, since tests run offline)."""
import base64, itertools, json, os, subprocess, tempfile, time, urllib.request

import websocket

CHROMIUM = "/usr/bin/chromium"


class Browser:
    def __init__(self, port, width=1400, height=1000):
        self.profile = tempfile.mkdtemp(prefix="ck-cdp-")
        self.process = subprocess.Popen([
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            f"--user-data-dir={self.profile}", f"--remote-debugging-port={port}", "--remote-allow-origins=*",
            f"--window-size={width},{height}", "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.port = port
        page = self._wait_for_page()
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True)
        self.ids = itertools.count(1)
        self.events = []
        self.local_files = {}

    def _wait_for_page(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json", timeout=5) as r:
                    pages = [t for t in json.load(r) if t["type"] == "page"]
                if pages:
                    return pages[0]
            except OSError:
                pass
            time.sleep(0.3)
        raise TimeoutError("chromium did not open its DevTools port")

    def call(self, method, **params):
        message_id = next(self.ids)
        self.ws.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = self._receive()
            if message.get("id") == message_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def _receive(self):
        message = json.loads(self.ws.recv())
        if message.get("method") == "Fetch.requestPaused":
            self._fulfill(message["params"])
        elif "method" in message:
            self.events.append(message)
        return message

    def serve_locally(self, url_pattern, path, content_type):
        """Answers requests whose URL matches url_pattern (CDP wildcards) with the file at path."""
        self.local_files[url_pattern.strip("*")] = (path, content_type)
        self.call("Fetch.enable", patterns=[{"urlPattern": p} for p in (f"*{k}*" for k in self.local_files)])

    def _fulfill(self, params):
        url = params["request"]["url"]
        match = next((v for k, v in self.local_files.items() if k in url), None)
        if match is None:
            self.ws.send(json.dumps({"id": next(self.ids), "method": "Fetch.continueRequest", "params": {"requestId": params["requestId"]}}))
            return
        with open(match[0], "rb") as f:
            body = base64.b64encode(f.read()).decode()
        self.ws.send(json.dumps({"id": next(self.ids), "method": "Fetch.fulfillRequest", "params": {
            "requestId": params["requestId"], "responseCode": 200, "body": body,
            "responseHeaders": [{"name": "Content-Type", "value": match[1]}, {"name": "Access-Control-Allow-Origin", "value": "*"}]}}))

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_until(self, expression, timeout, what):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.evaluate(expression):
                return
            self.pump(0.25)
        raise TimeoutError(f"waited {timeout} s for {what}")

    def pump(self, seconds):
        """Lets the page work for a while, answering intercepted requests meanwhile."""
        deadline = time.monotonic() + seconds
        self.ws.settimeout(0.05)
        try:
            while time.monotonic() < deadline:
                try:
                    self._receive()
                except websocket.WebSocketTimeoutException:
                    pass
        finally:
            self.ws.settimeout(60)

    def type_text(self, text):
        self.call("Input.insertText", text=text)

    def press(self, key, code, key_code, modifiers=0):
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, code=code, windowsVirtualKeyCode=key_code, modifiers=modifiers)

    def click(self, selector):
        box = self.evaluate(f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
                            " return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def screenshot(self, path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.ws.close()
        finally:
            self.process.kill()
            self.process.wait()
