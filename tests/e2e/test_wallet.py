"""The wallet in the desktop app: badges dragged onto the window from another app
are imported and verified; search finds one by name; its detail shows the
checklist and answers "is this mine?"; tags and the trash work; the CLI sees the
same wallet."""

import json
import os
import shutil
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, VECTORS, drag_files_onto_app, screenshot, show_section, text_appears
from test_designer import by_testid

CLI = ROOT / "target" / "debug" / "badgesmith"
OB3_PNG = VECTORS / "1edtech-validator" / "ob30" / "simple-json.png"
OB3_JWT_SVG = VECTORS / "1edtech-validator" / "ob30" / "simple-jwt.svg"
OB2_PNG = VECTORS / "1edtech-validator" / "ob20" / "simple-badge.png"
EXPIRED = VECTORS / "dcc-verifier-core" / "v2Expired.json"


def cli(home, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, BADGESMITH_HOME=str(home))
    return subprocess.run([str(CLI), *args], env=env, capture_output=True, text=True, timeout=120)


def cards(driver):
    return driver.find_elements(By.CSS_SELECTOR, "[data-testid='wallet-card']")


def open_card(driver, index: int) -> None:
    """Opens a badge from the grid or the list (a list row opens from its name)."""
    card = cards(driver)[index]
    buttons = card.find_elements(By.CSS_SELECTOR, "button.open")
    (buttons[0] if buttons else card).click()


def wait_for(driver, condition, message: str, timeout: float = 20.0):
    return WebDriverWait(driver, timeout).until(lambda d: condition(), message=message)


def test_dropped_badges_are_verified_found_and_checked(launch, app_home):
    driver = launch()
    driver.set_window_size(1280, 900)
    show_section(driver, "wallet")
    empty = by_testid(driver, "wallet-empty")
    assert "PNG" in empty.text and "JSON" in empty.text, empty.text
    screenshot(driver, "wallet-empty")

    # Three badges dragged from a file manager: an OB 3.0 PNG, an OB 3.0 SVG
    # with a VC-JWT and an OB 2.0 PNG.
    report_shown = lambda: driver.find_elements(By.CSS_SELECTOR, "[data-testid='wallet-import-report']")
    drag_files_onto_app([OB3_PNG, OB3_JWT_SVG, OB2_PNG], report_shown)
    report = by_testid(driver, "wallet-import-report")
    items = report.find_elements(By.CSS_SELECTOR, "[data-testid='wallet-import-item']")
    assert len(items) == 3, report.text
    assert "3 added" in report.text, report.text
    assert report.text.count("Teamwork") == 2 and "simple-badge" in report.text, report.text
    # The two Teamwork badges share an id with different signatures: flagged.
    assert "same id but a different signature" in report.text
    screenshot(driver, "wallet-import-report")
    by_testid(driver, "wallet-import-done").click()
    wait_for(driver, lambda: len(cards(driver)) == 3, "three badges in the grid")
    screenshot(driver, "wallet-grid")

    # The same files again: already there, nothing added.
    drag_files_onto_app([OB3_PNG], report_shown)
    assert "already" in by_testid(driver, "wallet-import-report").text.lower()
    by_testid(driver, "wallet-import-done").click()
    wait_for(driver, lambda: len(cards(driver)) == 3, "still three badges")

    # Search by name: the OB 2.0 badge's name comes from its file offline.
    search = by_testid(driver, "wallet-search")
    search = search if search.tag_name == "input" else search.find_element(By.TAG_NAME, "input")
    search.send_keys("teamw")
    wait_for(driver, lambda: len(cards(driver)) == 2, "two Teamwork badges found")
    open_card(driver, 0)
    detail = by_testid(driver, "wallet-detail")
    assert by_testid(driver, "wallet-detail-name").text == "Teamwork"
    checklist = by_testid(driver, "wallet-checklist")
    text_appears(driver, "Signature")
    assert "Example Corp" in detail.text
    screenshot(driver, "wallet-detail")

    # "Is this mine?" against the recipient the badge names.
    mine = by_testid(driver, "wallet-mine-input")
    mine = mine if mine.tag_name == "input" else mine.find_element(By.TAG_NAME, "input")
    mine.send_keys("someone-else@example.org")
    by_testid(driver, "wallet-mine-check").click()
    result = by_testid(driver, "wallet-mine-result")
    wait_for(driver, lambda: result.text.strip() != "", "an answer to is this mine")
    assert checklist.is_displayed()

    # The CLI reads the same wallet.
    listed = cli(app_home, "wallet", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout)["total"] == 3


def test_a_dropped_folder_the_list_view_and_the_trash_in_the_dark(launch_dark, dark_app_home, tmp_path):
    # A folder of badges, with a subfolder and a file that is no badge.
    folder = tmp_path / "My badges"
    (folder / "2010").mkdir(parents=True)
    shutil.copy(OB3_PNG, folder / "teamwork.png")
    shutil.copy(EXPIRED, folder / "2010" / "expired.json")
    (folder / "notes.txt").write_text("not a badge")
    driver = launch_dark()
    driver.set_window_size(1280, 900)
    show_section(driver, "wallet")
    by_testid(driver, "wallet-empty")
    report_shown = lambda: driver.find_elements(By.CSS_SELECTOR, "[data-testid='wallet-import-report']")
    drag_files_onto_app([folder], report_shown)
    report = by_testid(driver, "wallet-import-report")
    assert "2 added" in report.text and "notes.txt" in report.text, report.text
    by_testid(driver, "wallet-import-done").click()
    wait_for(driver, lambda: len(cards(driver)) == 2, "two badges in the grid")
    by_testid(driver, "wallet-view-list").click()
    wait_for(driver, lambda: "Expired" in by_testid(driver, "wallet-screen").text, "the expired badge is marked")
    screenshot(driver, "wallet-list-dark")

    open_card(driver, 0)
    by_testid(driver, "wallet-trash").click()
    wait_for(driver, lambda: len(cards(driver)) == 1, "one badge left after the trash")
    by_testid(driver, "wallet-trash-view").click()
    wait_for(driver, lambda: len(cards(driver)) == 1, "one badge in the trash")
    screenshot(driver, "wallet-trash-dark")
    trashed = cli(dark_app_home, "wallet", "list", "--trash", "--json")
    assert json.loads(trashed.stdout)["total"] == 1
