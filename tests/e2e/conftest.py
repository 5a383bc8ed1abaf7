"""Drives the real Badgesmith desktop app through WebKitWebDriver.

The app's window is a WebKitGTK webview, so WebKitWebDriver (Debian package
webkit2gtk-driver) can start it and drive it directly: the capability
`webkitgtk:browserOptions` names the binary and its arguments, which is what
tauri-driver would forward. Talking to it directly avoids tauri-driver's HTTP
proxy, which was seen to drop about one request in eight.

Needs a display (the test script runs pytest under xvfb-run) and a debug build
of `badgesmith-desktop`.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "target" / "debug" / "badgesmith-desktop"
SHOTS = ROOT / "target" / "e2e"
VECTORS = ROOT / "tests" / "fixtures" / "vectors"


# The throw-away home of each WebDriver server's apps, by its URL.
HOMES: dict[str, Path] = {}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"WebKitWebDriver exited early with code {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"WebKitWebDriver did not listen on port {port} within {timeout} s")


def _start_webdriver(extra_env: dict[str, str]):
    if not APP.exists():
        pytest.fail(f"{APP} is missing: build it with `cargo build -p badgesmith-desktop`")
    if not os.environ.get("DISPLAY"):
        pytest.fail("no DISPLAY: run the end-to-end tests under xvfb-run")
    native = shutil.which("WebKitWebDriver")
    if not native:
        pytest.fail("WebKitWebDriver is needed: install the Debian package webkit2gtk-driver")
    port = _free_port()
    # The app lets WebDriver automate its webview only when this is set; its
    # data (saved designs) goes to a throw-away home, never the user's.
    home = tempfile.mkdtemp(prefix="badgesmith-e2e-home-")
    env = dict(os.environ, TAURI_WEBVIEW_AUTOMATION="true", BADGESMITH_HOME=home, **extra_env)
    proc = subprocess.Popen(
        [native, f"--port={port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _wait_for_port(port, proc)
    HOMES[f"http://127.0.0.1:{port}"] = Path(home)
    return proc, f"http://127.0.0.1:{port}"


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def webdriver_url():
    proc, url = _start_webdriver({})
    try:
        yield url
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def dark_webdriver_url():
    """A WebDriver server whose apps start with GTK's dark theme, as on a desktop set to dark."""
    proc, url = _start_webdriver({"GTK_THEME": "Adwaita:dark"})
    try:
        yield url
    finally:
        _stop(proc)


def _launcher(url: str, sessions: list):
    def start(*files: Path):
        options = ArgOptions()
        options.set_capability(
            "webkitgtk:browserOptions",
            {"binary": str(APP), "args": [str(f) for f in files]},
        )
        driver = webdriver.Remote(command_executor=url, options=options)
        driver.implicitly_wait(0)
        sessions.append(driver)
        return driver

    return start


@pytest.fixture
def launch(webdriver_url):
    """Starts the app with the given files on its command line; yields the WebDriver session."""
    sessions: list = []
    yield _launcher(webdriver_url, sessions)
    for driver in sessions:
        driver.quit()


@pytest.fixture
def app_home(webdriver_url) -> Path:
    """The home folder the apps started by `launch` keep their data in."""
    return HOMES[webdriver_url]


@pytest.fixture
def dark_app_home(dark_webdriver_url) -> Path:
    """The home folder the apps started by `launch_dark` keep their data in."""
    return HOMES[dark_webdriver_url]


@pytest.fixture
def launch_dark(dark_webdriver_url):
    """Like `launch`, with the desktop set to a dark theme."""
    sessions: list = []
    yield _launcher(dark_webdriver_url, sessions)
    for driver in sessions:
        driver.quit()


def screenshot(driver, name: str) -> Path:
    """A full-window screenshot after two animation frames, under target/e2e/."""
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));"
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert driver.get_screenshot_as_file(str(path)), f"screenshot {path} failed"
    assert path.stat().st_size > 10_000, f"{path} looks empty"
    return path


def text_appears(driver, text: str, timeout: float = 20.0):
    """The innermost visible element whose text contains `text`, once it is shown."""
    xpath = f"//*[contains(normalize-space(.), {text!r}) and not(*[contains(normalize-space(.), {text!r})])]"
    return WebDriverWait(driver, timeout).until(
        EC.visibility_of_element_located((By.XPATH, xpath)),
        message=f"{text!r} did not appear",
    )


def show_section(driver, section: str) -> None:
    """Shows a section of the app (`designer`, `inspector`) from the sidebar."""
    WebDriverWait(driver, 20).until(
        EC.element_to_be_clickable((By.CSS_SELECTOR, f"[data-testid='section-{section}']")),
        message=f"the sidebar has no {section!r} section",
    ).click()


def xdotool(*args: str) -> str:
    out = subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=20)
    return out.stdout.strip() if out.returncode == 0 else ""


def native_dialog(title: str, timeout: float = 15.0) -> str:
    """The X window id of the GTK file dialog with this title, once it is shown."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = xdotool("search", "--onlyvisible", "--name", title)
        if found:
            return found.split()[0]
        time.sleep(0.2)
    raise AssertionError(f"the dialog {title!r} did not open")


def answer_dialog(title: str, path: Path, done) -> None:
    """Types `path` into the native dialog's location field and confirms it, until `done()`."""
    window = native_dialog(title)
    xdotool("windowfocus", "--sync", window)
    xdotool("key", "ctrl+l")  # the location field (in a save dialog: the name field)
    xdotool("key", "ctrl+a")
    xdotool("type", "--delay", "10", str(path))
    time.sleep(0.5)
    # The first Return may only accept the location's completion.
    for _ in range(4):
        xdotool("key", "--window", window, "Return")
        time.sleep(0.8)
        if done():
            return
    raise AssertionError(f"the dialog {title!r} did not accept {path}")


def answer_folder_dialog(title: str, path: Path, done) -> None:
    """Opens `path` in the native folder dialog and chooses it (Open), until `done()`."""
    window = native_dialog(title)
    xdotool("windowfocus", "--sync", window)
    xdotool("key", "ctrl+l")
    xdotool("key", "ctrl+a")
    xdotool("type", "--delay", "10", f"{path}/")
    time.sleep(0.5)
    for _ in range(4):
        # Return enters the folder; the dialog's Open button (Alt+O) then chooses it.
        xdotool("key", "--window", window, "Return")
        time.sleep(0.8)
        if done():
            return
        xdotool("key", "--window", window, "alt+o")
        time.sleep(0.8)
        if done():
            return
    raise AssertionError(f"the folder dialog {title!r} did not accept {path}")


DRAG_SOURCE = ROOT / "target" / "debug" / "examples" / "drag-source"


def _window_box(window: str) -> tuple[int, int, int, int]:
    """(x, y, width, height) of an X window."""
    shell = dict(
        line.split("=", 1) for line in xdotool("getwindowgeometry", "--shell", window).splitlines() if "=" in line
    )
    return int(shell["X"]), int(shell["Y"]), int(shell["WIDTH"]), int(shell["HEIGHT"])


def drag_files_onto_app(files, done, timeout: float = 20.0) -> None:
    """Drags `files` onto the app's window from another app, with the X pointer, as a
    user does from a file manager: a small GTK window (`examples/drag-source.rs`)
    offers them as a `text/uri-list`; the pointer presses on it, moves onto the app
    and lets go. Retries until `done()`."""
    if not DRAG_SOURCE.exists():
        pytest.fail(f"{DRAG_SOURCE} is missing: build it with `cargo build -p badgesmith-desktop --example drag-source`")
    width, _ = (int(v) for v in xdotool("getdisplaygeometry").split())
    apps = [w for w in xdotool("search", "--onlyvisible", "--name", "^Badgesmith$").split() if w]
    assert apps, "the app's window is not shown"
    ax, ay, aw, ah = _window_box(apps[0])
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        proc = subprocess.Popen([str(DRAG_SOURCE), str(width - 220), "20", *map(str, files)])
        try:
            source = native_dialog("Badgesmith drag source")
            sx, sy, sw, sh = _window_box(source)
            x, y = sx + sw // 2, sy + sh // 2
            xdotool("mousemove", "--sync", str(x), str(y))
            time.sleep(0.3)
            xdotool("mousedown", "1")
            # Past GTK's drag threshold, then across to the middle of the app.
            tx, ty = ax + aw // 3, ay + ah // 2
            for i in range(1, 31):
                xdotool("mousemove", str(x + (tx - x) * i // 30), str(y + (ty - y) * i // 30))
                time.sleep(0.03)
            time.sleep(0.5)
            xdotool("mouseup", "1")
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            for _ in range(20):
                if done():
                    return
                time.sleep(0.5)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    raise AssertionError(f"dragging {[str(f) for f in files]} onto the app did not take")
