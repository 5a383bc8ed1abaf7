"""The Inspector verifies each badge as it opens, offline, and shows the checklist."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import VECTORS, screenshot, text_appears

OB3_PNG = VECTORS / "1edtech-validator" / "ob30" / "simple-json.png"
OB3_BAD_ISSUER = VECTORS / "1edtech-validator" / "ob30" / "simple-err-issuer-type.json"
OB2_HOSTED_PNG = VECTORS / "1edtech-validator" / "ob20" / "simple-badge.png"

SIGNATURE_INTACT = "The signature (eddsa-rdfc-2022) is intact: nothing was changed since it was signed."
OFFLINE = "Checked offline — some checks need the network"


def verdict_is(driver, title: str, timeout: float = 20.0):
    """The verdict heading of the verification panel, once it says `title`."""
    return WebDriverWait(driver, timeout).until(
        EC.visibility_of_element_located(
            (By.XPATH, f"//section[@aria-label='Verification']//h3[normalize-space(.)={title!r}]")
        ),
        message=f"the verdict {title!r} did not appear",
    )


def check_row(driver, label: str):
    """The row of the checklist for the check called `label`."""
    return driver.find_element(
        By.XPATH,
        f"//ul[@aria-label='Checks']/li[.//*[normalize-space(.)={label!r}]]",
    )


def test_a_signed_badge_is_verified(launch):
    driver = launch(OB3_PNG)
    verdict_is(driver, "Verified")
    text_appears(driver, SIGNATURE_INTACT)
    signature = check_row(driver, "Signature")
    assert "PASSED" in signature.text.upper(), signature.text
    # Nothing needs the network, so nothing offers it.
    assert not driver.find_elements(By.XPATH, "//button[normalize-space(.)='Verify online']")
    screenshot(driver, "verification-verified")


def test_a_badge_that_fails_a_check_is_not_valid(launch):
    driver = launch(OB3_BAD_ISSUER)
    verdict_is(driver, "Not valid")
    # The issuer's type is wrong: the schema says so, and safe mode refuses
    # the undefined type, so the signature cannot be trusted either.
    text_appears(driver, "Don’t rely on this badge: the Complete and Signature checks failed.")
    text_appears(driver, 'issuer.type does not include "Profile"')
    text_appears(driver, 'the term "InvalidProfile" is not defined')
    for label in ("Complete", "Signature"):
        row = check_row(driver, label)
        assert "FAILED" in row.text.upper(), row.text
    # Going online could not make it valid, so it is not offered.
    assert not driver.find_elements(By.XPATH, "//button[normalize-space(.)='Verify online']")
    screenshot(driver, "verification-not-valid")


def test_a_hosted_badge_offers_to_verify_online(launch):
    driver = launch(OB2_HOSTED_PNG)
    verdict_is(driver, OFFLINE)
    text_appears(driver, "This contacts the issuer’s website")
    button = driver.find_element(By.XPATH, "//button[normalize-space(.)='Verify online']")
    assert button.is_displayed() and button.is_enabled()
    # Not clicked: the tests run without a network.
    revocation = check_row(driver, "Revocation")
    assert "NOT CHECKED" in revocation.text.upper(), revocation.text
    screenshot(driver, "verification-offline")


def test_the_checklist_in_the_dark_theme(launch_dark):
    driver = launch_dark(OB3_PNG, OB3_BAD_ISSUER, OB2_HOSTED_PNG)
    # The last file opened is not selected: the first one is.
    verdict_is(driver, "Verified")
    screenshot(driver, "verification-dark-verified")
    text_appears(driver, "simple-err-issuer-type.json").click()
    verdict_is(driver, "Not valid")
    screenshot(driver, "verification-dark-not-valid")
    text_appears(driver, "simple-badge.png").click()
    verdict_is(driver, OFFLINE)
    screenshot(driver, "verification-dark-offline")
