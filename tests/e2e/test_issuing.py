"""Issuing in the desktop app: create an issuer, define an achievement from a saved
design, issue one badge with the wizard, save it, and check it with the CLI."""

import json
import os
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, answer_dialog, answer_folder_dialog, screenshot, show_section, text_appears
from test_designer import by_testid, png_size, replace_text

CLI = ROOT / "target" / "debug" / "badgesmith"
TEMPLATE = ROOT / "crates" / "art" / "templates" / "science-fair.badgedesign.json"
PASSPHRASE = "maple syrup lantern"


def cli(home, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, BADGESMITH_HOME=str(home))
    return subprocess.run([str(CLI), *args], env=env, capture_output=True, text=True, timeout=120)


def field(driver, testid: str):
    """The input inside a labelled field with this test id (or the element itself)."""
    element = by_testid(driver, testid)
    if element.tag_name in ("input", "textarea", "select"):
        return element
    inner = element.find_elements(By.CSS_SELECTOR, "input, textarea, select")
    return inner[0] if inner else element


def click(driver, testid: str, timeout: float = 20.0):
    element = WebDriverWait(driver, timeout).until(
        EC.element_to_be_clickable((By.CSS_SELECTOR, f"[data-testid='{testid}']")),
        message=f"[data-testid={testid!r}] is not clickable",
    )
    element.click()
    return element


def press(driver, element) -> None:
    """Scrolls an element into the middle of its scroll area and clicks it."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    WebDriverWait(driver, 10).until(lambda d: element.is_displayed() and element.is_enabled())
    element.click()


def test_single_issue_wizard(launch, app_home, tmp_path):
    # A saved design to draw the badge from (the Designer is tested on its own).
    imported = cli(app_home, "design", "import", str(TEMPLATE))
    assert imported.returncode == 0, imported.stderr

    driver = launch()
    driver.set_window_size(1280, 900)

    # 1. An issuer with a fresh key, sealed under a passphrase.
    show_section(driver, "issuer")
    by_testid(driver, "issuer-screen")
    click(driver, "issuer-new")
    replace_text(field(driver, "issuer-name"), "Hillside Science Club")
    replace_text(field(driver, "issuer-url"), "https://science.example.org")
    replace_text(field(driver, "issuer-status-list-url"), "https://science.example.org/status.json")
    replace_text(field(driver, "issuer-passphrase"), PASSPHRASE)
    replace_text(field(driver, "issuer-passphrase-confirm"), PASSPHRASE)
    click(driver, "issuer-create")
    did = by_testid(driver, "issuer-did", timeout=30)
    WebDriverWait(driver, 10).until(lambda d: "did:key:z6Mk" in did.text, message="no did:key shown")
    screenshot(driver, "issuer")

    # 2. An achievement drawn from the saved design.
    show_section(driver, "achievements")
    click(driver, "achievement-new")
    replace_text(field(driver, "achievement-name"), "Young Scientist")
    replace_text(field(driver, "achievement-description"), "Planned and ran an experiment at the science fair.")
    replace_text(field(driver, "achievement-criteria"), "Present a poster with a hypothesis, a method and results.")
    design = by_testid(driver, "achievement-design")
    options = design.find_elements(By.CSS_SELECTOR, "label[data-design-id]")
    assert options, "the saved design is not offered"
    press(driver, options[0])
    press(driver, by_testid(driver, "achievement-save"))
    WebDriverWait(driver, 30).until(
        lambda d: any("Young Scientist" in c.text for c in d.find_elements(By.CSS_SELECTOR, "[data-testid='achievement-card']")),
        message="the achievement was not saved",
    )

    # 3. The wizard: choose it, one recipient, issue.
    show_section(driver, "issue")
    cards = WebDriverWait(driver, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "[data-testid='issue-achievement']"),
        message="no achievement to issue",
    )
    next(c for c in cards if "Young Scientist" in c.text).click()
    replace_text(field(driver, "recipient-identity"), "marie@example.org")
    replace_text(field(driver, "recipient-name"), "Marie Curie")
    replace_text(field(driver, "recipient-evidence-url"), "https://science.example.org/posters/marie")
    click(driver, "issue-submit")
    result = by_testid(driver, "issue-result", timeout=60)
    text_appears(driver, "Marie Curie")
    preview = by_testid(driver, "issue-preview")
    assert (preview.get_attribute("src") or "").startswith("data:image/png;base64,")
    # The checklist of the badge just made: nothing failed.
    WebDriverWait(driver, 20).until(
        lambda d: "signature" in result.text.lower() or "intact" in result.text.lower(),
        message="the verification checklist is not shown",
    )
    shot = screenshot(driver, "issue-wizard")
    assert shot.exists()

    # 4. Save it through the native dialog, then check the file with the CLI.
    out = tmp_path / "marie.png"
    click(driver, "issue-save")
    answer_dialog("Save the badge", out, lambda: out.exists() and out.stat().st_size > 0)
    assert png_size(out.read_bytes()) == (512, 512)
    checked = cli(app_home, "verify", str(out), "--json", "--recipient", "marie@example.org")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    report = json.loads(checked.stdout)
    assert report["valid"] is True
    statuses = {c["id"]: c["status"] for c in report["checks"]}
    assert statuses["proof"] == "pass" and statuses["recipient"] == "pass" and statuses["status"] == "pass", statuses
    assert report["achievement"]["name"] == "Young Scientist"

    # 5. The issued log lists it.
    show_section(driver, "issued")
    WebDriverWait(driver, 20).until(
        lambda d: any("marie@example.org" in r.text for r in d.find_elements(By.CSS_SELECTOR, "[data-testid='issued-row']")),
        message="the issued log does not list the badge",
    )
    screenshot(driver, "issued-log")


def test_csv_batch_shows_row_errors_then_issues(launch, app_home, tmp_path):
    """A CSV with a bad row blocks issuing and says why; a good one issues into a folder."""
    env_home = app_home
    os.environ["BADGESMITH_PASSPHRASE"] = PASSPHRASE
    try:
        made = cli(env_home, "issuer", "new", "--name", "Harbour Volunteers")
        assert made.returncode == 0, made.stderr
        issuer_id = made.stdout.strip().splitlines()[-1]
        made = cli(
            env_home, "achievement", "new", "--issuer", issuer_id, "--name", "Beach Clean-up",
            "--description", "Helped clean the harbour beach.", "--criteria", "Two hours of litter picking.",
            "--design", "template:tree-planter",
        )
        assert made.returncode == 0, made.stderr
    finally:
        del os.environ["BADGESMITH_PASSPHRASE"]
    bad = tmp_path / "bad.csv"
    bad.write_text("email,name,team\nsam@example.org,Sam Lee,blue\nnot-an-address,Kim,red\n")
    good = tmp_path / "volunteers.csv"
    good.write_text("email,name\nsam@example.org,Sam Lee\nkim@example.org,Kim Park\nalex@example.org,Alex Jones\n")
    out = tmp_path / "out"
    out.mkdir()

    driver = launch()
    driver.set_window_size(1280, 900)
    show_section(driver, "issue")
    cards = WebDriverWait(driver, 20).until(
        lambda d: [c for c in d.find_elements(By.CSS_SELECTOR, "[data-testid='issue-achievement']") if "Beach Clean-up" in c.text],
        message="the achievement is not offered",
    )
    press(driver, cards[0])
    press(driver, text_appears(driver, "Many, from a CSV file"))

    # The issuer's key is locked in this new session: unlock it here.
    replace_text(field(driver, "issuer-unlock-passphrase"), PASSPHRASE)
    click(driver, "issuer-unlock")

    click(driver, "csv-choose")
    answer_dialog("Choose the recipients", bad, lambda: bool(driver.find_elements(By.CSS_SELECTOR, "[data-testid='csv-table']")))
    errors = by_testid(driver, "csv-errors")
    assert "1" in errors.text
    bad_rows = driver.find_elements(By.CSS_SELECTOR, "[data-testid='csv-row'][data-has-errors='true']")
    assert [r.get_attribute("data-line") for r in bad_rows] == ["3"]
    assert "team" in by_testid(driver, "csv-warnings").text
    screenshot(driver, "issue-csv-errors")

    press(driver, by_testid(driver, "csv-choose"))
    answer_dialog(
        "Choose the recipients",
        good,
        lambda: not driver.find_elements(By.CSS_SELECTOR, "[data-testid='csv-errors']")
        and len(driver.find_elements(By.CSS_SELECTOR, "[data-testid='csv-row']")) == 3,
    )
    press(driver, by_testid(driver, "csv-folder"))
    answer_folder_dialog("Choose where the badges go", out, lambda: bool(driver.find_elements(By.CSS_SELECTOR, "[data-testid='csv-folder-path']")))
    press(driver, WebDriverWait(driver, 20).until(
        EC.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid='batch-start']")),
        message="issuing cannot start",
    ))
    outcome = by_testid(driver, "batch-outcome", timeout=60)
    assert by_testid(driver, "outcome-issued").text.strip() == "3"
    screenshot(driver, "issue-csv-done")
    assert outcome.is_displayed()

    files = sorted(p.name for p in out.iterdir())
    assert files == ["alex-jones.png", "kim-park.png", "manifest.csv", "sam-lee.png"], files
    for name in ("alex-jones.png", "kim-park.png", "sam-lee.png"):
        checked = cli(env_home, "verify", str(out / name))
        assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_issuing_screens_in_the_dark_theme(launch_dark, dark_app_home, tmp_path):
    os.environ["BADGESMITH_PASSPHRASE"] = PASSPHRASE
    try:
        for args in (
            ["issuer", "new", "--name", "Northside First Aid", "--status-list-url", "https://firstaid.example.org/status.json"],
            ["achievement", "new", "--name", "First Aid Basics", "--description", "Recovery position, CPR and bandaging.",
             "--criteria", "Six-hour course and a practical test.", "--design", "template:first-aid", "--tag", "first aid"],
            ["issue", "--achievement", "First Aid Basics", "--recipient", "jo@example.org", "--name", "Jo Smith", "-o", str(tmp_path)],
        ):
            made = cli(dark_app_home, *args)
            assert made.returncode == 0, made.stderr
    finally:
        del os.environ["BADGESMITH_PASSPHRASE"]
    driver = launch_dark()
    driver.set_window_size(1280, 900)
    show_section(driver, "achievements")
    WebDriverWait(driver, 20).until(
        lambda d: any("First Aid Basics" in c.text for c in d.find_elements(By.CSS_SELECTOR, "[data-testid='achievement-card']")),
        message="the achievement is not listed",
    )
    background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    channels = [int(c) for c in background[background.index("(") + 1 : background.index(")")].split(",")[:3]]
    assert max(channels) < 80, f"the page is dark in a dark desktop, got {background}"
    screenshot(driver, "achievements-dark")
    show_section(driver, "issued")
    WebDriverWait(driver, 20).until(
        lambda d: any("jo@example.org" in r.text for r in d.find_elements(By.CSS_SELECTOR, "[data-testid='issued-row']")),
        message="the issued log does not list the badge",
    )
    press(driver, by_testid(driver, "issued-revoke"))
    by_testid(driver, "revoke-dialog")
    screenshot(driver, "revoke-dark")
    replace_text(field(driver, "issuer-unlock-passphrase"), PASSPHRASE)
    click(driver, "issuer-unlock")
    replace_text(field(driver, "revoke-reason"), "Issued by mistake")
    click(driver, "revoke-confirm")
    done = by_testid(driver, "revoke-done", timeout=30)
    assert "https://firstaid.example.org/status.json" in done.text
    click(driver, "revoke-close")
    WebDriverWait(driver, 20).until(
        lambda d: any("Revoked" in r.text for r in d.find_elements(By.CSS_SELECTOR, "[data-testid='issued-row']")),
        message="the log does not show the badge as revoked",
    )
    badge = tmp_path / "jo-smith.png"
    checked = cli(dark_app_home, "verify", str(badge), "--json")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    statuses = {c["id"]: c["status"] for c in json.loads(checked.stdout)["checks"]}
    assert statuses["status"] == "fail", statuses
