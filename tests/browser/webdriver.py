"""A small W3C WebDriver client over chromedriver's HTTP API (Python standard library only).

Only what the browser test needs: a session, navigation, finding elements by CSS, clicks, typing,
scripts, window size, device emulation and screenshots. Every call and every wait is bounded.
"""
import base64
import json
import time
import urllib.error
import urllib.request

# The W3C name of an element reference in WebDriver answers.
ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf"
ENTER_KEY = "\ue007"
TAB_KEY = "\ue004"


class WebDriverError(Exception):
    pass


class Browser:
    """One chromedriver session with a headless Chromium."""

    def __init__(self, driver_url, chromium, arguments, call_timeout=20):
        self.driver_url = driver_url.rstrip("/")
        self.call_timeout = call_timeout
        capabilities = {
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "pageLoadStrategy": "normal",
                    "timeouts": {"pageLoad": call_timeout * 1000, "script": 10000},
                    "goog:chromeOptions": {"binary": chromium, "args": arguments},
                    "goog:loggingPrefs": {"browser": "ALL"},
                }
            }
        }
        answer = self._call("POST", "/session", capabilities)
        self.session = answer["sessionId"]
        self.browser_version = answer.get("capabilities", {}).get("browserVersion", "?")

    def _call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.driver_url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json; charset=utf-8"})
        try:
            with urllib.request.urlopen(request, timeout=self.call_timeout) as response:
                return json.load(response).get("value")
        except urllib.error.HTTPError as error:
            detail = error.read().decode(errors="replace")
            try:
                detail = json.loads(detail)["value"].get("message", detail)
            except (ValueError, KeyError, AttributeError):
                pass
            raise WebDriverError(f"{method} {path}: {detail.splitlines()[0] if detail else error}") from None

    def _session_call(self, method, path, body=None):
        return self._call(method, f"/session/{self.session}{path}", body)

    def quit(self):
        try:
            self._session_call("DELETE", "")
        except (WebDriverError, OSError):
            pass

    def get(self, url):
        self._session_call("POST", "/url", {"url": url})

    def back(self):
        self._session_call("POST", "/back", {})

    def execute(self, script, *arguments):
        return self._session_call("POST", "/execute/sync", {"script": script, "args": list(arguments)})

    def find_all(self, css):
        found = self._session_call("POST", "/elements", {"using": "css selector", "value": css})
        return [element[ELEMENT_KEY] for element in found]

    def click(self, element):
        self._session_call("POST", f"/element/{element}/click", {})

    def clear(self, element):
        self._session_call("POST", f"/element/{element}/clear", {})

    def type(self, element, text):
        self._session_call("POST", f"/element/{element}/value", {"text": text})

    def text(self, element):
        return self._session_call("GET", f"/element/{element}/text")

    def attribute(self, element, name):
        return self._session_call("GET", f"/element/{element}/attribute/{name}")

    def console(self):
        """The page's console messages since the last call (chromedriver's log extension)."""
        return self._session_call("POST", "/se/log", {"type": "browser"})

    def press(self, key):
        """Presses and releases one key wherever the focus is (the W3C Actions API)."""
        self._session_call("POST", "/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}]})

    def set_window_size(self, width, height):
        self._session_call("POST", "/window/rect", {"width": width, "height": height})

    def devtools(self, command, parameters):
        """A Chrome DevTools command through chromedriver (for device and colour-scheme emulation)."""
        return self._session_call("POST", "/goog/cdp/execute", {"cmd": command, "params": parameters})

    def screenshot(self, path):
        with open(path, "wb") as out:
            out.write(base64.b64decode(self._session_call("GET", "/screenshot")))

    def wait_for(self, css, what, timeout=10, count=1):
        """Waits until at least `count` elements match `css`; returns them."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.find_all(css)
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {what} ({css})")
            time.sleep(0.05)

    def wait_until(self, script, what, timeout=10):
        """Waits until a script returns something truthy; returns it."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.execute(script)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {what}")
            time.sleep(0.05)
