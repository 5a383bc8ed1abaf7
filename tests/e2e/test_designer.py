"""The Designer: start from a template, change it, watch the preview follow, export a PNG."""

import struct

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, answer_dialog, screenshot, text_appears

GOLDENS = ROOT / "crates" / "art" / "tests" / "goldens" / "templates"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def by_testid(driver, testid: str, timeout: float = 20.0):
    """The visible element with this `data-testid`, once it is shown."""
    return WebDriverWait(driver, timeout).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, f"[data-testid='{testid}']")),
        message=f"[data-testid={testid!r}] did not appear",
    )


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13, f"the first chunk is {kind!r}, not IHDR"
    return struct.unpack(">II", data[16:24])


def preview_src(driver) -> str | None:
    images = driver.find_elements(By.CSS_SELECTOR, "[data-testid='canvas-image']")
    return images[0].get_attribute("src") if images else None


def wait_for_preview(driver, other_than: str | None, timeout: float = 30.0) -> str:
    """Waits until the canvas shows a finished (not draft) render other than `other_than`, and returns it."""

    def ready(d):
        stage = d.find_element(By.CSS_SELECTOR, "[data-testid='canvas-stage']")
        images = d.find_elements(By.CSS_SELECTOR, "[data-testid='canvas-image']")
        if stage.get_attribute("data-state") != "idle" or not images:
            return False
        image = images[0]
        src = image.get_attribute("src")
        return src if src != other_than and image.get_attribute("data-draft") == "false" else False

    return WebDriverWait(driver, timeout).until(ready, message="the preview did not update")


def open_first_school_template(driver) -> str:
    """Filters the gallery to school templates, opens the first one shown, and returns its id."""
    by_testid(driver, "gallery-filter-school").click()
    card = WebDriverWait(driver, 20).until(
        EC.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid='template-card'][data-audience='school']")),
        message="no school template is shown",
    )
    template_id = card.get_attribute("data-template-id")
    card.click()
    by_testid(driver, "designer-editor")
    return template_id


def select_title_layer(driver):
    """Selects the text layer called `title`, or else the first text layer (the top one)."""
    rows = driver.find_elements(By.CSS_SELECTOR, "[data-testid='layer-row'][data-layer-type='text']")
    assert rows, "the template has no text layer"
    row = next((r for r in rows if r.get_attribute("data-layer-id") == "title"), rows[0])
    row.click()
    WebDriverWait(driver, 10).until(lambda d: row.get_attribute("aria-selected") == "true")
    return row


def replace_text(field, text: str) -> None:
    """Selects all of a field and types over it, as a person would (input events for each key)."""
    field.click()
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(text)


def test_the_gallery_lists_the_bundled_templates(launch):
    driver = launch()
    by_testid(driver, "designer-gallery")
    by_testid(driver, "gallery-filter-all").click()
    WebDriverWait(driver, 20).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "[data-testid='template-card']")) >= 12,
        message="the gallery shows fewer than 12 templates",
    )
    cards = driver.find_elements(By.CSS_SELECTOR, "[data-testid='template-card']")
    # Each has a thumbnail drawn by the core, and the audiences cover the filters.
    for card in cards:
        src = card.find_element(By.TAG_NAME, "img").get_attribute("src")
        assert src.startswith("data:image/png;base64,"), f"{card.get_attribute('data-template-id')} has no thumbnail"
    audiences = {card.get_attribute("data-audience") for card in cards}
    assert {"school", "company", "community"} <= audiences, audiences
    screenshot(driver, "designer-gallery")


def test_a_template_changed_and_exported_as_png(launch, tmp_path):
    driver = launch()
    template_id = open_first_school_template(driver)
    first = wait_for_preview(driver, None)
    assert first.startswith("data:image/png;base64,")

    select_title_layer(driver)
    replace_text(by_testid(driver, "text-content"), "Robotics Club")
    # One colour: the title's fill, through its hex field (made solid first if it is a gradient).
    if not driver.find_elements(By.CSS_SELECTOR, "[data-testid='fill-hex']"):
        by_testid(driver, "fill-type-solid").click()
    hex_field = by_testid(driver, "fill-hex")
    replace_text(hex_field, "#ffeb3b")
    hex_field.send_keys(Keys.ENTER)

    changed = wait_for_preview(driver, first)
    assert changed != first
    row = driver.find_element(By.CSS_SELECTOR, "[data-testid='layer-row'][aria-selected='true']")
    assert "Robotics Club" in row.get_attribute("textContent"), row.get_attribute("outerHTML")
    assert by_testid(driver, "dirty-marker").get_attribute("data-dirty") == "true"
    status = by_testid(driver, "render-status").text
    assert status.endswith(" ms") and "px" in status, status
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-testid='render-error']")
    screenshot(driver, "designer")

    exported = tmp_path / "robotics-club.png"
    by_testid(driver, "export-button").click()
    by_testid(driver, "export-size-256").click()
    by_testid(driver, "export-png").click()
    answer_dialog("Export the design", exported, exported.exists)
    text_appears(driver, "Exported to")

    data = exported.read_bytes()
    assert png_size(data) == (256, 256)
    golden = GOLDENS / f"{template_id}-256.png"
    assert golden.exists(), f"no golden render for the template {template_id}"
    assert data != golden.read_bytes(), "the export is the untouched template"


def test_the_designer_in_the_dark_theme(launch_dark):
    driver = launch_dark()
    open_first_school_template(driver)
    wait_for_preview(driver, None)
    select_title_layer(driver)
    background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    channels = [int(c) for c in background[background.index("(") + 1 : background.index(")")].split(",")[:3]]
    assert max(channels) < 80, f"the page is dark in a dark desktop, got {background}"
    screenshot(driver, "designer-dark")


def test_a_blank_design_gets_a_glyph_from_the_library(launch):
    driver = launch()
    by_testid(driver, "designer-gallery")
    by_testid(driver, "blank-design").click()
    by_testid(driver, "designer-editor")
    first = wait_for_preview(driver, None)

    by_testid(driver, "add-layer").click()
    by_testid(driver, "add-glyph").click()
    search = by_testid(driver, "glyph-search")
    replace_text(search, "trophy")
    # The search runs in the core over the whole library; the best match comes first.
    trophy = WebDriverWait(driver, 20).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "[data-testid='glyph-results'] button[aria-label='trophy']"),
        message="the glyph search did not find a trophy",
    )
    trophy.click()
    WebDriverWait(driver, 20).until(
        lambda d: by_testid(d, "glyph-name").text == "trophy",
        message="the glyph layer did not take the trophy",
    )
    changed = wait_for_preview(driver, first)
    assert changed != first
    screenshot(driver, "designer-glyphs")
