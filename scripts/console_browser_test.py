"""The web console tested like a user, in headless Chromium through WebDriver.

Usage: console_browser_test.py BASE_URL USER PASSWORD STORE
Run by scripts/console-browser-test.sh against the example walked to 15/01/2027, whose reminders
leave through the loopback Postfix to the test user t49's mailbox; STORE is the example's SQLite
store, read only for the Message-ID of the reminder approved (to find it in Dovecot).
Each check prints one line; the first failure stops with a non-zero exit and the page's text.
"""
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

base, user, password, store = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
started = time.monotonic()

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=fr-FR"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_page_load_timeout(20)


def check(condition: bool, what: str) -> None:
    if not condition:
        print(f"FAILED: {what}\n--- {driver.current_url}\n{driver.find_element(By.TAG_NAME, 'body').text[:3000]}", file=sys.stderr)
        raise SystemExit(1)
    print(f"ok: {what}")


def gone(button):
    """True once the button's page has been replaced. Mid-navigation, chromedriver may answer
    "Node with given id does not belong to the document" (a plain WebDriverException) instead of
    a stale reference: that, too, means the old page is gone."""
    def predicate(_driver) -> bool:
        try:
            button.is_enabled()
            return False
        except WebDriverException:
            return True
    return predicate


def submit(button) -> None:
    """Clicks a form's button and waits for the next page (the old one's elements go stale)."""
    button.click()
    WebDriverWait(driver, 20).until(gone(button))


def outcome_form(task, outcome: str, iso_date: str):
    """Opens a task's outcome form on Today, picks the outcome and sets its date."""
    task.find_element(By.TAG_NAME, "summary").click()
    form = task.find_element(By.CSS_SELECTOR, "form.outcome")
    Select(form.find_element(By.NAME, "outcome")).select_by_value(outcome)
    # A date field's typing depends on the browser's locale: its value is set as the browser would.
    driver.execute_script("arguments[0].value = arguments[1]", form.find_element(By.NAME, "date"), iso_date)
    return form


def heading() -> str:
    """The page's h1, once there is one: a click's navigation may not have replaced the page yet."""
    return WebDriverWait(driver, 20).until(lambda d: d.find_element(By.TAG_NAME, "h1")).text


try:
    driver.get(base + "/")
    check(driver.current_url.startswith(base + "/login"), "a signed-out visit lands on the login form")
    driver.find_element(By.NAME, "username").send_keys(user)
    driver.find_element(By.NAME, "password").send_keys(password)
    submit(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    check(heading() == "Aujourd’hui", "signed in, Today is shown in French")

    calls = [task for task in driver.find_elements(By.CSS_SELECTOR, "article.task") if task.find_elements(By.CSS_SELECTOR, "a.tel")]
    check(len(calls) > 0, "Today lists a call with its tel: link")
    call = calls[0]
    task_id = call.get_attribute("id")
    customer_url = call.find_element(By.CSS_SELECTOR, "h3 a").get_attribute("href")
    form = outcome_form(call, "promised", "2027-01-29")
    form.find_element(By.NAME, "amount").send_keys("500,00")
    submit(form.find_element(By.CSS_SELECTOR, "button.primary"))
    check(driver.current_url.rstrip("/") == base and not driver.find_elements(By.ID, task_id),
          f"the call ({task_id}) closed with a promise for 29/01/2027 leaves Today")

    driver.get(customer_url)
    page = driver.find_element(By.TAG_NAME, "main").text
    check("29/01/2027" in page and "paiement promis" in page and user in page,
          "the customer's page shows the pause until the promised day, with the user's name")

    pause_form = driver.find_element(By.CSS_SELECTOR, "form[action$='/pause']")
    driver.execute_script("arguments[0].value = 'forged-token'", pause_form.find_element(By.NAME, "csrf"))
    submit(pause_form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check(heading() == "403" and "Ce formulaire a expiré" in driver.find_element(By.TAG_NAME, "body").text,
          "a form sent with a forged token is refused (403)")
    driver.get(customer_url)
    check("29/01/2027" in driver.find_element(By.TAG_NAME, "main").text, "…and changed nothing")

    driver.get(base + "/customers/another-creditor/C0001")
    check(heading() == "404", "another creditor's customer URL is a 404")

    # Searches typed as people type them: the form sends a space as `+`, which was searched as a plus.
    driver.get(base + "/customers")
    driver.find_element(By.CSS_SELECTOR, "form.search input[name=q]").send_keys("Boulangerie Martin")
    submit(driver.find_element(By.CSS_SELECTOR, "form.search button"))
    check("C0001" in driver.find_element(By.TAG_NAME, "main").text, "a customer search with a space finds Boulangerie Martin")
    driver.get(base + "/mail")
    driver.find_element(By.CSS_SELECTOR, "form.search input[name=q]").send_keys("première relance")
    submit(driver.find_element(By.CSS_SELECTOR, "form.search button"))
    found = driver.find_element(By.TAG_NAME, "main").text
    check("première relance" in found and "rappel de courtoisie" not in found,
          "a mail search in the page's words (« première relance ») finds the reminders of that step only")

    # Review mode (RELANCE_EXAMPLE_REVIEW=1): the last day's reminders wait on Today for approval.
    driver.get(base + "/")
    waiting = driver.find_elements(By.CSS_SELECTOR, "article.message")
    check(len(waiting) > 0 and "à approuver" in waiting[0].text, "Today lists the reminders awaiting approval, as text")
    message = waiting[0]
    message_id = message.get_attribute("id").removeprefix("message-")
    message_customer = message.find_element(By.CSS_SELECTOR, "h3 a").get_attribute("href")
    submit(message.find_element(By.CSS_SELECTOR, "button.primary"))
    check(not driver.find_elements(By.ID, f"message-{message_id}"), f"approved, reminder #{message_id} leaves Today")
    sent = False
    for _ in range(90):
        driver.get(message_customer)
        page = driver.find_element(By.TAG_NAME, "main").text
        if f"Message n° {message_id}" in page and "envoyé à" in page:
            sent = True
            break
        time.sleep(1)
    check(sent and f"Message n° {message_id} approuvé par {user}" in page,
          "the approval is journaled with the user's name, and the sender sends it though the creditor was in review mode")
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
        rfc_message_id = db.execute("SELECT rfc_message_id FROM message WHERE id = ?", (int(message_id),)).fetchone()[0]
    arrived = subprocess.run([sys.executable, "scripts/test_mailbox.py", "wait", "t49", rfc_message_id, "60"]).returncode == 0
    check(arrived, f"reminder #{message_id} ({rfc_message_id}) arrived in t49's mailbox in Dovecot through the real Postfix")

    # A registered letter to post (the example's Garage des Lilas reached the formal letter by hand):
    # recorded posted with its tracking number through the task's form.
    driver.get(base + "/?kind=registered-letter")
    letters = driver.find_elements(By.CSS_SELECTOR, "article.task")
    check(len(letters) > 0 and "lettre recommandée" in letters[0].text.lower(), "Today lists a registered letter to post")
    letter = letters[0]
    letter_id = letter.get_attribute("id")
    letter_customer = letter.find_element(By.CSS_SELECTOR, "h3 a").get_attribute("href")
    check(bool(letter.find_elements(By.CSS_SELECTOR, "a[href$='/document']")), "the letter's document is linked from its task")
    form = outcome_form(letter, "letter-posted", "2027-01-15")
    form.find_element(By.NAME, "tracking").send_keys("1A23456789012")
    submit(form.find_element(By.CSS_SELECTOR, "button.primary"))
    driver.get(base + "/?kind=registered-letter")
    check(not driver.find_elements(By.ID, letter_id), f"the letter ({letter_id}) recorded posted leaves Today")
    driver.get(letter_customer)
    page = driver.find_element(By.TAG_NAME, "main").text
    check("lettre postée le 15/01/2027" in page and "1A23456789012" in page and user in page,
          "the customer's timeline shows the letter posted on 15/01/2027 with its tracking number, by the user")

    # An upload: a newer export, read by the drop folder's intake like any other file.
    upload = Path(tempfile.mkdtemp()) / "balance-agee-au-2027-01-14.csv"
    export = Path("examples/exports/balance-agee-au-2026-11-27.csv").read_text(encoding="utf-8")
    upload.write_text(export.replace("27/11/2026", "14/01/2027"), encoding="utf-8")
    driver.get(base + "/imports")
    driver.find_element(By.NAME, "file").send_keys(str(upload))
    submit(driver.find_element(By.CSS_SELECTOR, "form[action='/imports/upload'] button[type=submit]"))
    check(upload.name in driver.find_element(By.TAG_NAME, "main").text, "the upload is acknowledged in words")
    processed = False
    for _ in range(90):
        driver.get(base + "/imports")
        rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "tr") if upload.name in row.text]
        if rows and "appliqué" in rows[0]:
            processed = True
            break
        time.sleep(1)
    check(processed, "the uploaded export is processed by the intake and listed as applied")

finally:
    driver.quit()
print(f"console browser tests passed in {time.monotonic() - started:.1f} s")
