#!/usr/bin/env python3
"""A clerk and an auditor in a real browser (headless Chromium, chromedriver, Selenium): the clerk
registers an arrived document with its file and finds it by a diacritic-free search; the auditor
verifies that document's signature and the audit log. On failure: a screenshot and the page
source in ARTIFACTS.

usage: clerk_auditor_tour.py BASE_URL CLERK CLERK_PASSWORD AUDITOR AUDITOR_PASSWORD FILE ARTIFACTS
"""
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from browser import accessible, chromium, step, tour

base, clerk, clerk_password, auditor, auditor_password, original, artifacts = sys.argv[1:8]
driver, wait = chromium()


def sign_in(username, password):
    driver.get(base + "/sign-in")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.presence_of_element_located((By.XPATH, "//h1[text()='Phiên họp của tôi']")))


def sign_out():
    driver.find_element(By.CSS_SELECTOR, "nav form button").click()
    wait.until(EC.url_contains("/sign-in"))


with tour(driver, artifacts, "clerk-auditor-tour"):
    step("the clerk registers an arrived document with its file")
    sign_in(clerk, clerk_password)
    driver.find_element(By.LINK_TEXT, "Vào sổ văn bản đến").click()
    wait.until(EC.presence_of_element_located((By.ID, "register-incoming")))
    accessible(driver, "register incoming")
    driver.find_element(By.ID, "sender").send_keys("Tỉnh ủy Hà Giang")
    driver.find_element(By.ID, "senderSymbol").send_keys("12-CV/TU")
    driver.find_element(By.ID, "summary").send_keys("Về việc chuyển đổi số")
    driver.find_element(By.ID, "deadline").send_keys("20/03/2030")
    driver.find_element(By.ID, "file").send_keys(original)
    driver.find_element(By.ID, "register-incoming").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "entry-title"), "Văn bản đến số 1/"))
    assert "Đã vào sổ." in driver.page_source
    accessible(driver, "entry")

    step("and finds it without diacritics")
    driver.find_element(By.LINK_TEXT, "Tìm kiếm").click()
    box = wait.until(EC.presence_of_element_located((By.ID, "q")))
    box.send_keys("chuyen doi so")
    box.submit()
    wait.until(EC.text_to_be_present_in_element((By.ID, "result-count"), "1 kết quả"))
    assert driver.find_elements(By.TAG_NAME, "mark"), "the words found are marked"
    accessible(driver, "search")
    driver.find_element(By.PARTIAL_LINK_TEXT, "12-CV/TU").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "entry-title"), "Văn bản đến số 1/"))
    verify_link = driver.find_element(By.LINK_TEXT, "Xác minh chữ ký").get_attribute("href")
    assert driver.find_elements(By.ID, "form-submit"), "the clerk is offered the next processing step"

    step("the dossiers and the queue pages")
    driver.find_element(By.LINK_TEXT, "Hồ sơ").click()
    wait.until(EC.presence_of_element_located((By.XPATH, "//h1[text()='Hồ sơ']")))
    accessible(driver, "dossiers")
    driver.find_element(By.LINK_TEXT, "Văn bản cần xử lý").click()
    wait.until(EC.presence_of_element_located((By.XPATH, "//h1[text()='Văn bản cần xử lý']")))
    accessible(driver, "queue")
    sign_out()

    step("the auditor verifies the document and the audit log")
    sign_in(auditor, auditor_password)
    driver.get(verify_link)
    verdict = wait.until(EC.presence_of_element_located((By.ID, "verdict"))).text
    assert "Nội dung nguyên vẹn" in driver.page_source, driver.page_source
    print("document:", verdict)
    accessible(driver, "verify document")
    driver.find_element(By.LINK_TEXT, "Xác minh nhật ký kiểm toán").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "verdict"), "Nhật ký kiểm toán: hợp lệ"))
    accessible(driver, "verify audit log")
    print("OK")
