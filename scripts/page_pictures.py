"""Pictures of HTML pages at an exact CSS width, as a phone or a mail client lays them out.

Usage: page_pictures.py [--no-sideways-scroll] WIDTH MIN_HEIGHT PAGE.html...
Writes PAGE-WIDTH.png beside each page (the whole page, at least MIN_HEIGHT tall) and prints its path.
With --no-sideways-scroll, exits non-zero when a page is wider than WIDTH (it would scroll
sideways, or a mail client would cut it), naming the page and its width.

Why not `chromium --headless --window-size=390,...`: headless Chromium does not make a window
narrower than 500 px, so it lays the page out 500 px wide and crops the picture to 390 px, which
hides what overflows a phone and cuts what would fit. Here the viewport is set through the
DevTools protocol (Emulation.setDeviceMetricsOverride), at device scale 1, not as a mobile
browser (which would lay out a page without a viewport tag at 980 px and zoom out): a mail app
shows a message at the screen's width.
"""
import base64
import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

args = sys.argv[1:]
check = args[:1] == ["--no-sideways-scroll"]
if check:
    args = args[1:]
width, min_height, pages = int(args[0]), int(args[1]), args[2:]

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
too_wide = []
try:
    for page in pages:
        path = Path(page).resolve()
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": min_height, "deviceScaleFactor": 1, "mobile": False})
        driver.get(path.as_uri())
        scroll_width, height = driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
        # The whole page in one picture: the viewport made as tall as the page.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": max(min_height, height), "deviceScaleFactor": 1, "mobile": False})
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
        picture = path.with_name(f"{path.stem}-{width}.png")
        picture.write_bytes(base64.b64decode(shot["data"]))
        print(f"  {picture}" + (f"  ({scroll_width} px wide)" if scroll_width > width else ""))
        if scroll_width > width:
            too_wide.append(f"{path.name}: {scroll_width} px wide at {width} px")
finally:
    driver.quit()
if check and too_wide:
    print("wider than the screen:\n  " + "\n  ".join(too_wide), file=sys.stderr)
    sys.exit(1)
