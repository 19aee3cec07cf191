"""Signs in to a running Relance console with Chromium (WebDriver) and saves each page.

Usage: console_screenshots.py BASE_URL USER PASSWORD OUTPUT_FOLDER
"""
import base64
import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

base, user, password, out = sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4])

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=fr-FR"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def shoot(name: str) -> None:
    """The whole page, not only the window: Chrome's own capture beyond the viewport."""
    for width, label in ((1280, "desktop"), (390, "phone")):
        driver.set_window_size(width, 900)
        height = min(driver.execute_script("return document.documentElement.scrollHeight"), 8000)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        (out / f"{name}-{label}.png").write_bytes(base64.b64decode(shot["data"]))


try:
    driver.get(base + "/login")
    shoot("login")
    driver.find_element(By.NAME, "username").send_keys(user)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    shoot("today")
    driver.get(base + "/customers?q=a")
    shoot("customers")
    links = driver.find_elements(By.CSS_SELECTOR, ".list a")
    if links:
        links[0].click()
        shoot("customer")
    driver.get(base + "/aging")
    shoot("aging")
    driver.get(base + "/receipts")
    shoot("receipts")
    driver.get(base + "/imports")
    shoot("imports")
    driver.get(base + "/health")
    shoot("health")
    driver.get(base + "/mail")
    shoot("mail")
    links = driver.find_elements(By.CSS_SELECTOR, ".list a")
    if links:
        links[0].click()
        shoot("mail-message")
finally:
    driver.quit()
