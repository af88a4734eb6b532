#!/usr/bin/env python3
"""A delegate in a real browser (Debian's headless Chromium through chromedriver and Selenium):
signs in, opens today's session, checks in, sees the count and the quorum change, sees another
delegate's check-in (OTHER_TOKEN, through the API) appear without reloading, and downloads the
signed pack into DOWNLOADS. On failure it saves a screenshot and the page source in ARTIFACTS.

usage: delegate_tour.py BASE_URL USERNAME PASSWORD DOWNLOADS ARTIFACTS OTHER_TOKEN SESSION_ID
"""
import os
import sys
import time
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from browser import accessible, chromium, step, tour

base, username, password, downloads, artifacts, other_token, session_id = sys.argv[1:8]
driver, wait = chromium(downloads)

with tour(driver, artifacts, "delegate-tour"):
    step("a page asked before signing in leads to the sign-in form")
    driver.get(base + "/sessions")
    wait.until(EC.url_contains("/sign-in"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi"
    accessible(driver, "sign-in")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.presence_of_element_located((By.XPATH, "//h1[text()='Phiên họp của tôi']")))
    accessible(driver, "sessions")

    step("today's session, opened from the list")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Phiên họp thứ").click()
    wait.until(EC.presence_of_element_located((By.ID, "check-in")))
    before = driver.find_element(By.ID, "quorum").text
    assert "chưa đủ túc số" in before, before
    accessible(driver, "session")

    step("checking in shows the result at once, and the quorum changes")
    driver.find_element(By.ID, "check-in").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "my-status"), "Có mặt"))
    after = driver.find_element(By.ID, "quorum").text
    assert after != before and "đủ túc số" in after and "chưa đủ" not in after, (before, after)
    assert not driver.find_elements(By.ID, "check-in")
    accessible(driver, "session after check-in")

    step("another delegate checks in elsewhere: the count changes on this page without reloading")
    marker = driver.execute_script("window.notReloaded = true; return document.getElementById('quorum').textContent")
    assert "Có mặt: 2" in marker, marker
    request = urllib.request.Request(
        base + "/api/v1/sessions/%s/check-in" % urllib.request.quote(session_id), method="POST",
        headers={"Authorization": "Bearer " + other_token})
    with urllib.request.urlopen(request) as response:
        assert response.status == 200, response.status
    wait.until(EC.text_to_be_present_in_element((By.ID, "quorum"), "Có mặt: 3"))
    assert driver.execute_script("return window.notReloaded === true"), "the page was reloaded"

    step("on a phone's screen the session page fits its width: nothing to scroll sideways")
    driver.set_window_size(390, 844)
    driver.refresh()
    wait.until(EC.presence_of_element_located((By.ID, "quorum")))
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, "the page is %d px wider than a phone" % overflow
    driver.set_window_size(1024, 768)

    step("the signed pack downloads")
    driver.find_element(By.ID, "pack").click()
    deadline = time.time() + 60
    while time.time() < deadline:
        done = [name for name in os.listdir(downloads) if name.endswith(".zip")]
        if done:
            break
        time.sleep(0.2)
    else:
        raise AssertionError("no .zip arrived in %s: %s" % (downloads, os.listdir(downloads)))
    print("OK", os.path.join(downloads, done[0]))
