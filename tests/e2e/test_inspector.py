"""The Inspector shows what is baked into badge images opened with the app."""

import subprocess
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import (
    ROOT,
    VECTORS,
    answer_dialog,
    drag_files_onto_app,
    screenshot,
    show_section,
    text_appears,
    xdotool,
)

OB3_PNG = VECTORS / "1edtech-validator" / "ob30" / "simple-json.png"
OB3_JWT_SVG = VECTORS / "1edtech-validator" / "ob30" / "simple-jwt.svg"
NO_BADGE = VECTORS / "legacy-baked" / "mozilla-openbadges-bakery" / "unbaked.png"


def body_text(driver) -> str:
    return driver.find_element(By.TAG_NAME, "body").text


def test_opening_a_baked_png_shows_the_decoded_credential(launch):
    driver = launch(OB3_PNG)
    text_appears(driver, "Teamwork Badge")
    text_appears(driver, "Open Badges 3.0")
    text_appears(driver, "openbadgecredential")
    # The decoded JSON is on screen, not just the summary.
    text_appears(driver, "OpenBadgeCredential")
    text_appears(driver, "Example Corp")
    shot = screenshot(driver, "inspector-ob3-png")
    assert shot.exists()


def test_several_files_and_a_jws(launch):
    driver = launch(OB3_PNG, OB3_JWT_SVG, NO_BADGE)
    text_appears(driver, "simple-jwt.svg").click()
    # The JWS header and payload are decoded.
    text_appears(driver, "RS256")
    text_appears(driver, "openbadges:credential")
    screenshot(driver, "inspector-ob3-jwt-svg")
    text_appears(driver, "unbaked.png").click()
    text_appears(driver, "No badge")


def test_the_window_is_reachable_by_keyboard(launch):
    driver = launch(OB3_PNG)
    text_appears(driver, "Teamwork Badge")
    focused = set()
    for _ in range(15):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        el = driver.switch_to.active_element
        focused.add(el.tag_name.lower())
    assert "button" in focused, f"Tab reaches buttons, reached {focused}"


def test_the_empty_window_explains_itself(launch):
    driver = launch()
    # Without files the app starts in the Designer.
    show_section(driver, "inspector")
    text_appears(driver, "Drop badge images here")
    text_appears(driver, "Open files…")
    screenshot(driver, "inspector-empty")


def test_a_damaged_image_gets_a_clear_message(launch, tmp_path):
    damaged = tmp_path / "damaged.png"
    damaged.write_bytes(OB3_PNG.read_bytes()[:5000])
    driver = launch(damaged)
    text_appears(driver, "damaged.png: truncated")
    screenshot(driver, "inspector-damaged")


def _clipboard(*args: str, data: bytes | None = None) -> bytes:
    """Reads or writes the X clipboard of the test display with xclip."""
    if data is None:
        out = subprocess.run(["xclip", "-o", "-selection", "clipboard", *args], capture_output=True, timeout=10)
        assert out.returncode == 0, out.stderr
        return out.stdout
    # xclip keeps serving the selection in the background until the display closes.
    proc = subprocess.Popen(["xclip", "-i", "-selection", "clipboard"], stdin=subprocess.PIPE)
    proc.communicate(data, timeout=10)
    return b""


def test_copy_puts_the_exact_text_on_the_clipboard(launch):
    driver = launch(OB3_PNG)
    text_appears(driver, "Teamwork Badge")
    driver.find_element(By.XPATH, "//button[normalize-space(.)='Copy']").click()
    expected = (OB3_PNG.parent / (OB3_PNG.name + ".expected")).read_bytes()
    deadline = time.monotonic() + 10
    while _clipboard() != expected and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _clipboard() == expected


def test_pasting_a_url_opens_it(launch):
    driver = launch()
    show_section(driver, "inspector")
    text_appears(driver, "Drop badge images here")
    _clipboard(data=b"https://example.org/assertions/42")
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("v").key_up(Keys.CONTROL).perform()
    text_appears(driver, "https://example.org/assertions/42")
    text_appears(driver, "Pasted text")


def test_baking_a_credential_through_the_native_dialogs(launch, tmp_path):
    credential = tmp_path / "teamwork.json"
    credential.write_bytes((OB3_PNG.parent / (OB3_PNG.name + ".expected")).read_bytes())
    baked = tmp_path / "club-badge.png"
    driver = launch(NO_BADGE)
    text_appears(driver, "No badge")
    driver.find_element(By.XPATH, "//button[contains(., 'Bake a credential into this image')]").click()
    answer_dialog("Choose the credential to bake", credential, lambda: xdotool("search", "--name", "Save the baked badge"))
    answer_dialog("Save the baked badge", baked, baked.exists)
    # The baked copy opens in the Inspector with the credential decoded.
    text_appears(driver, "club-badge.png")
    text_appears(driver, "Teamwork Badge")
    screenshot(driver, "inspector-baked")
    out = subprocess.run([str(ROOT / "target" / "debug" / "badgesmith"), "unbake", str(baked)], capture_output=True, timeout=30)
    assert out.returncode == 0, out.stderr
    assert out.stdout == credential.read_bytes()


def test_the_dark_theme_follows_the_desktop(launch_dark):
    driver = launch_dark(OB3_PNG, NO_BADGE)
    text_appears(driver, "Teamwork Badge")
    background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    channels = [int(c) for c in background[background.index("(") + 1 : background.index(")")].split(",")[:3]]
    assert max(channels) < 80, f"the page is dark in a dark desktop, got {background}"
    screenshot(driver, "inspector-dark")


def test_a_file_dragged_from_another_app_opens_in_the_inspector(launch):
    driver = launch()
    driver.set_window_size(1280, 900)
    show_section(driver, "inspector")
    drag_files_onto_app([OB3_JWT_SVG], lambda: "simple-jwt.svg" in body_text(driver))
    text_appears(driver, "simple-jwt.svg").click()
    text_appears(driver, "RS256")
