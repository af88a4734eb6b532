"""What the browser tours share: Debian's headless Chromium through its chromedriver, an
accessibility check of each page by axe-core, and a screenshot with the page source when a tour
fails."""
import contextlib
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait


def chromium(downloads=None):
    """A headless Chromium (as root it needs --no-sandbox), downloading into `downloads`."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1024,768", "--lang=vi"):
        options.add_argument(argument)
    if downloads:
        options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    # axe-core 3.1 (axe-selenium-python's copy) compiles templates with `new Function`, which the
    # pages' Content-Security-Policy forbids; the tours' browser ignores the policy so the check
    # can run, and the HTTP tests check that every page sends it.
    driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
    if downloads:
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver, WebDriverWait(driver, 30)


def accessible(driver, page):
    """axe-core (axe-selenium-python's copy) finds nothing against WCAG 2 A and AA on the page:
    labels, contrast, names of buttons and links, language, landmarks."""
    from axe_selenium_python import Axe

    axe = Axe(driver)
    axe.inject()
    results = axe.run(options='{"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}}')
    if results["violations"]:
        raise AssertionError(page + ": " + axe.report(results["violations"]))
    step("axe-core: %s passes %d checks" % (page, len(results["passes"])))


def step(what):
    print("·", what, flush=True)


@contextlib.contextmanager
def tour(driver, artifacts, name):
    """Runs a tour; on any failure saves NAME.png and NAME.html in `artifacts`; always quits."""
    try:
        yield
    except BaseException:
        driver.save_screenshot(os.path.join(artifacts, name + ".png"))
        with open(os.path.join(artifacts, name + ".html"), "w", encoding="utf-8") as page:
            page.write(driver.page_source)
        print("saved a screenshot and the page source in", artifacts, file=sys.stderr)
        raise
    finally:
        driver.quit()
