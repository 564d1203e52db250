#!/usr/bin/python3
"""Drives the web page of a running `storyline serve` (a store of the seeds and a little more) in a
headless Chromium and checks what a reader sees: the front page's story cards, its More paging, a story page
(overview bullets with publishers, who said what, articles by publisher, coverage: each publisher once), an article's
original link and stored text, search with highlighted terms, empty and error states, a phone-
sized front page and dark colours. Saves a screenshot of each view. Run by browser_test.sh.
"""
import argparse
import json
import os
import re
import sys
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webdriver import ENTER_KEY, TAB_KEY, Browser  # noqa: E402

# Chromium's headless flags of DEPENDENCIES.md; every host name but loopback resolves to nothing,
# so the page's remote images never leave the machine.
HEADLESS_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--window-size=1280,900",
]


class Checks:
    def __init__(self, browser, page_url, screenshots):
        self.browser = browser
        self.page_url = page_url.rstrip("/") + "/"
        self.screenshots = screenshots
        self.passed = 0
        self.viewport = (1280, 900)

    def ok(self, condition, message):
        if not condition:
            raise AssertionError(message)
        self.passed += 1
        print(f"ok - {message}")

    def api(self, path):
        with urllib.request.urlopen(self.page_url + path.lstrip("/"), timeout=10) as response:
            return json.load(response)

    def shot(self, name, whole_page=False):
        """Saves the viewport, or with `whole_page` the page from top to bottom (at most 6000 px)."""
        path = os.path.join(self.screenshots, name)
        if whole_page:
            width, height = self.browser.execute(
                "return [window.innerWidth, document.documentElement.scrollHeight]")
            self.emulate(width, min(height, 6000))
            time.sleep(0.1)
        self.browser.screenshot(path)
        if whole_page:
            self.emulate(*self.viewport)
        print(f"   screenshot {path}")

    def emulate(self, width, height):
        """The viewport is emulated (not the window resized): exact sizes, and a phone's pixel ratio."""
        phone = width < 600
        self.browser.devtools("Emulation.setDeviceMetricsOverride",
                              {"width": width, "height": height, "deviceScaleFactor": 2 if phone else 1, "mobile": phone})

    def resize(self, width, height):
        self.viewport = (width, height)
        self.emulate(width, height)

    def texts(self, css):
        return self.browser.execute(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim())", css)

    def open(self, hash_route):
        self.browser.execute("location.hash = arguments[0]", hash_route)

    def front_page(self):
        self.resize(*self.viewport)
        self.browser.get(self.page_url)
        cards = self.browser.wait_for(".story-card", "story cards on the front page", timeout=15)
        headlines = self.texts(".story-card h2 a, .story-card h3 a")
        self.ok(len(cards) >= 3, f"front page shows {len(cards)} story cards")
        self.ok(any("Taliban" in h for h in headlines), "a seed headline about the Taliban talks is shown")
        first = self.browser.execute("""
            const card = document.querySelector('.story-card');
            return {heat: card.querySelector('.heat')?.textContent.trim(),
                    publishers: card.querySelector('.publisher-count')?.textContent.trim(),
                    time: card.querySelector('time')?.textContent.trim(),
                    headline: card.querySelector('h2 a, h3 a').textContent.trim()}""")
        self.ok(re.search(r"\d+\.\d", first["heat"] or ""), f"the first card shows its heat ({first['heat']!r})")
        self.ok(re.fullmatch(r"\d+ publishers?", first["publishers"] or ""),
                f"the first card shows its publisher count ({first['publishers']!r})")
        self.ok(first["time"], f"the first card shows when it was published ({first['time']!r})")
        self.ok(self.texts("h1"), "the front page has a top-level heading")
        languages = [l["language"] for l in self.api("/api/languages")["languages"]]
        choice = self.browser.execute(
            "const s = document.querySelector('#language-choice'); return s && [s.value, [...s.options].map(o => o.value)]")
        self.ok(choice and choice[1] == ["all"] + languages and choice[0] in choice[1],
                f"the front page offers its stories' languages and all of them ({choice})")
        landmarks = self.browser.execute(
            "return ['header', 'nav', 'main', 'footer', '[role=search]'].filter(s => !document.querySelector(s))")
        self.ok(not landmarks, f"the page has its landmarks (missing: {landmarks})")
        self.ok(self.browser.execute("return document.querySelectorAll('img:not([alt])').length") == 0,
                "every image has alt text")
        # By default the page loads nothing from publishers' sites (serve --publisher-images does).
        elsewhere = self.browser.execute(
            "return [...document.querySelectorAll('img')].filter(i => new URL(i.src, location.href).origin !== location.origin).length")
        self.ok(elsewhere == 0, f"no image is loaded from a publisher's site ({elsewhere})")
        self.ok(self.browser.find_all("header nav a[aria-current=page]"), "the category navigation marks the current page")
        self.shot("front.png")
        return first["headline"]

    def category_paging(self):
        """A category with more stories than a page (20) shows a "More" button that adds the next
        ones (the API's offset) without repeating any, and goes away at the end."""
        counts = {}
        for story in self.api("/api/stories?limit=500&text=0&articles=1")["stories"]:
            counts[story["category"]] = counts.get(story["category"], 0) + 1
        category, total = max(counts.items(), key=lambda item: item[1])
        self.ok(total > 20, f"the test store has a category of more than one page ({category}: {total})")
        self.open(f"#/category/{category}")
        self.browser.wait_for("#more-stories", f"a More button on the {category} page", timeout=10)
        # The cards may still be rendering when the button is there (a slow server, as under ASan).
        self.browser.wait_for("#category-cards .story-card", f"the {category} page's first 20 stories", timeout=10, count=20)
        self.ok(len(self.browser.find_all("#category-cards .story-card")) == 20, "the first page holds 20 stories")
        for _ in range(20):  # at most 20 more pages
            buttons = self.browser.find_all("#more-stories")
            if not buttons:
                break
            shown = len(self.browser.find_all("#category-cards .story-card"))
            self.browser.click(buttons[0])
            for _ in range(100):
                if len(self.browser.find_all("#category-cards .story-card")) > shown or not self.browser.find_all("#more-stories"):
                    break
                time.sleep(0.05)
        links = self.browser.execute(
            "return [...document.querySelectorAll('#category-cards .story-card h2 a, #category-cards .story-card h3 a')]"
            ".map(a => a.getAttribute('href'))")
        self.ok(len(links) == total, f"More reaches every {category} story ({len(links)} of {total})")
        self.ok(len(set(links)) == len(links), "no story is shown twice across pages")
        self.shot("category-paged.png")
        self.open("#/")  # back to the front page, where the next checks start
        self.browser.wait_for(".story-card .lead, .story-card", "the front page again", timeout=10)
        time.sleep(0.3)

    def front_paging(self):
        """The front page's More adds the stories ranked after the top ones that no section shows
        (the API's offset), a page at a time, none twice, until every story of the page's
        language is on the page; the first press adds the next stories by rank."""
        self.browser.get(self.page_url)
        self.browser.wait_for("#more-stories", "a More button on the front page", timeout=15)
        language = self.browser.execute("return document.querySelector('#language-choice').value")
        expected = [s["id"] for s in self.api("/api/stories?limit=500&text=0&articles=1"
                                              + ("" if language == "all" else f"&language={language}"))["stories"]]
        card_ids = "return [...document.querySelectorAll('main .story-card')].map(c => c.dataset.storyId)"
        first = self.browser.execute(card_ids)
        self.ok(len(first) < len(expected), f"the front page shows {len(first)} of its {len(expected)} stories ({language})")
        self.ok(self.browser.execute("return document.querySelector('#more-section').hidden"),
                "the More section is empty and hidden until asked for")
        presses = 0
        for _ in range(20):  # at most 20 pages
            if not self.browser.find_all("#more-stories"):
                break
            shown = len(self.browser.execute(card_ids))
            self.browser.click(self.browser.find_all("#more-stories")[0])
            presses += 1
            self.browser.wait_until(f"""const b = document.querySelector('#more-stories');
                return !b || (!b.disabled && document.querySelectorAll('main .story-card').length > {shown})""",
                                    "the next stories on the front page")
            if presses == 1:
                added = self.browser.execute(card_ids)[len(first):]
                following = [i for i in expected[7:] if i not in first][:len(added)]
                self.ok(added and added == following,
                        f"the first More adds the next {len(added)} stories by rank that the page did not show")
        ids = self.browser.execute(card_ids)
        self.ok(len(ids) == len(set(ids)), f"no story is shown twice on the front page ({len(ids)} cards)")
        self.ok(set(ids) == set(expected),
                f"More ({presses} presses) reaches every {language} story ({len(ids)} of {len(expected)})")
        self.ok(self.browser.execute("return !document.querySelector('#more-section').hidden "
                                     "&& document.querySelectorAll('#more-cards .story-card .kicker').length > 0"),
                "the added stories show under 'More stories', each with its category")
        self.shot("front-paged.png")
        self.browser.get(self.page_url)  # a fresh front page for the next checks
        self.browser.wait_for(".story-card", "the front page again", timeout=10)

    def keyboard(self):
        """A keyboard reader: Tab first reaches the skip link, which leads past the header to the
        language choice and the stories, whose links show where the focus is."""
        self.browser.execute("document.activeElement?.blur(); window.scrollTo(0, 0)")
        self.browser.press(TAB_KEY)
        skip = self.browser.execute("""const e = document.activeElement;
            return {cls: e.className, top: e.getBoundingClientRect().top}""")
        self.ok(skip["cls"] == "skip-link" and skip["top"] >= 0, f"the first Tab shows the skip link ({skip})")
        self.browser.press(ENTER_KEY)
        self.ok(self.browser.execute("return document.activeElement.id") == "main", "the skip link moves the focus to the content")
        self.browser.press(TAB_KEY)
        self.ok(self.browser.execute("return document.activeElement.id") == "language-choice",
                "the next Tab reaches the language choice, beside the page's title")
        self.browser.press(TAB_KEY)
        focused = self.browser.execute("""const e = document.activeElement, card = e.closest('.story-card');
            return {inCard: !!card, outline: card ? getComputedStyle(card).outlineStyle : null}""")
        self.ok(focused["inCard"] and focused["outline"] not in (None, "none"),
                f"the Tab after it reaches the first story, outlined ({focused})")

    def story_page(self, headline):
        link = self.browser.find_all(".story-card h2 a, .story-card h3 a")[0]
        story_id = urllib.parse.unquote(self.browser.attribute(link, "href").split("#/story/", 1)[1])
        self.browser.click(link)
        self.browser.wait_for(".story-page .story-head h1", "the story page", timeout=10)
        self.ok(self.texts(".story-head h1") == [headline], f"the story page opens with its headline: {headline}")
        bullets = self.texts(".bullets li")
        cites = self.texts(".bullets li .cites")
        self.ok(len(bullets) >= 2, f"the overview has {len(bullets)} summary bullets")
        self.ok(cites and all(c.startswith("—") and len(c) > 2 for c in cites),
                f"each bullet cites its publishers ({cites[0] if cites else None!r})")
        speakers = self.texts(".speaker-name")
        quotes = self.texts(".speaker blockquote p")
        self.ok("Who said what" in self.texts("h2"), "the story page has a 'Who said what' section")
        self.ok(speakers and quotes, f"quotes are shown by speaker ({len(speakers)} speakers, e.g. {speakers[:1]})")
        story = self.api(f"/api/stories/{urllib.parse.quote(story_id)}")
        roles = {q["speaker_role"] for q in story.get("quotes", []) if q.get("speaker_role")}
        shown_roles = self.texts(".speaker .role")
        self.ok(not roles or set(shown_roles) & roles, f"speakers' roles are shown ({shown_roles[:1]})")
        groups = self.texts(".publisher-group h3")
        self.ok(len(groups) >= 2, f"articles are grouped by publisher: {groups}")
        shown_articles = len(self.browser.find_all(".publisher-group li"))
        self.ok(shown_articles == len(story["articles"]), f"every one of the story's {shown_articles} articles is listed")
        self.coverage_once(story)
        if len(story.get("timeline", [])) > 1:
            self.ok(len(self.texts(".timeline li")) == len(story["timeline"]),
                    f"the storyline's timeline lists its {len(story['timeline'])} stories")
        related = story.get("related", [])
        shown_related = self.texts(".related li a")
        self.ok(len(shown_related) == len(related) and all(r["title"] in shown_related for r in related if r.get("title")),
                f"related storylines link to their stories ({shown_related[:2]})")
        self.shot("story.png", whole_page=True)
        return story

    def coverage_once(self, story):
        """The story page's coverage by publisher names each publisher once: the API's coverage
        (one entry per publisher key), its unnamed publishers folded into one row."""
        names = self.texts(".coverage li .name")
        expected = {c.get("name") or "Unnamed publisher" for c in story.get("coverage", [])}
        repeated = sorted({n for n in names if names.count(n) > 1})
        self.ok(names and not repeated and set(names) == expected,
                f"coverage by publisher names each of the story's {len(names)} publishers once (repeated: {repeated})")

    def unnamed_publishers_once(self):
        """A story with articles of several publishers without a name shows them as one row."""
        stories = self.api("/api/stories?limit=500&text=0&articles=1&detail=full")["stories"]
        story = next((s for s in stories if sum(1 for c in s.get("coverage", []) if not c.get("name")) >= 2), None)
        if not story:
            self.ok(True, "no story of the store has two unnamed publishers: not checked")
            return
        self.open(f"#/story/{urllib.parse.quote(story['id'], safe='')}")
        self.browser.wait_for(f".story-page[data-story-id='{story['id']}'] .coverage li", "a story with unnamed publishers")
        self.coverage_once(self.api(f"/api/stories/{urllib.parse.quote(story['id'])}"))
        unnamed = self.texts(".coverage li .name").count("Unnamed publisher")
        self.ok(unnamed == 1, f"its unnamed publishers are one row ({unnamed}) in {story['id']}")

    def article_links(self, story):
        with_url = [a for a in story["articles"] if (a.get("url") or "").startswith("http")]
        self.ok(with_url, "the story has articles with an original URL")
        article = max(with_url, key=lambda a: len(a.get("text") or ""))  # the fullest reads best
        href = self.browser.execute(
            "return document.querySelector(`li[data-article-id='${arguments[0]}'] .article-link`).href", article["id"])
        self.ok(href == article["url"], f"an article's headline links to its original URL ({href})")
        target = self.browser.find_all(f"li[data-article-id='{article['id']}'] .stored-link")
        self.browser.click(target[0])
        self.browser.wait_for(".reader .body p", "the stored article text", timeout=10)
        words = lambda text: " ".join(text.split())
        body = words(" ".join(self.texts(".reader .body p")))
        expected = words(article.get("text") or article.get("excerpt") or "")[:60]
        self.ok(expected and expected in body, f"#/article/{article['id']} shows the stored text ({body[:50]!r}…)")
        back = self.browser.execute("const a = document.querySelector('.reader a.back'); return a ? a.getAttribute('href') : null")
        self.ok(back == f"#/story/{story['id']}", f"the article page links to its own story ({back})")
        self.shot("article.png")
        self.browser.back()
        self.browser.wait_for(f".story-page[data-story-id='{story['id']}']", "the story page again after going back")
        self.ok(True, "the browser's back button returns from the article to its story")

    def search(self):
        box = self.browser.find_all("#search")[0]
        self.browser.clear(box)
        self.browser.type(box, "Taliban" + ENTER_KEY)
        marks = self.browser.wait_for(".result mark, .story-card mark", "highlighted search results", timeout=10)
        words = {w.lower() for w in self.texts(".result mark, .story-card mark")}
        self.ok(self.browser.execute("return location.hash") == "#/search/Taliban", "the search box opens #/search/Taliban")
        self.ok(len(marks) >= 2 and words == {"taliban"}, f"search results highlight the term ({len(marks)} marks)")
        self.ok(self.texts(".result h3 a"), "search lists matching articles")
        self.shot("search.png")

    def empty_and_error_states(self):
        self.open("#/search/zzqxjvwk")
        self.browser.wait_until("return document.querySelector('.state h1')?.textContent.includes('Nothing found')",
                                "the empty state of a search without results")
        self.ok(True, "a search without results says so")
        self.open("#/story/no-such-story")
        self.browser.wait_until("return document.querySelector('.state h1')?.textContent.includes('Could not load')",
                                "the error state of an unknown story")
        self.ok("no story with id" in " ".join(self.texts(".state p")), "an unknown story shows the server's reason")

    def placeholder_fits(self):
        """The search box's placeholder is not cut: its text, measured in the placeholder's own
        font, fits the box's content width (an input's scrollWidth ignores its placeholder, and
        with the text as its value counts the search field's clear button)."""
        size = self.browser.execute("""const box = document.querySelector('#search'), style = getComputedStyle(box, '::placeholder');
            const context = document.createElement('canvas').getContext('2d');
            context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const own = getComputedStyle(box);
            return {text: box.placeholder, width: context.measureText(box.placeholder).width,
                    room: box.clientWidth - parseFloat(own.paddingLeft) - parseFloat(own.paddingRight)}""")
        self.ok(size["text"] and size["width"] <= size["room"],
                f"the search box's placeholder fits at {self.viewport[0]} px ({size['text']!r}: "
                f"{size['width']:.0f} px of text in {size['room']:.0f} px)")

    def phone(self):
        self.resize(375, 812)
        self.open("#/")
        self.browser.wait_for(".story-card", "story cards on the phone-sized front page")
        time.sleep(0.2)  # layout after the viewport change
        width = self.browser.execute("return [window.innerWidth, document.documentElement.scrollWidth]")
        self.ok(width[0] == 375 and width[1] <= 375, f"the front page fits 375 px without sideways scrolling ({width})")
        self.placeholder_fits()
        self.shot("front-phone.png")
        self.browser.click(self.browser.find_all(".story-card h2 a")[0])
        self.browser.wait_for(".story-page", "the phone-sized story page")
        self.ok(self.browser.execute("return window.scrollY") == 0, "a story opened from the front page starts at its top")
        time.sleep(0.2)
        width = self.browser.execute("return document.documentElement.scrollWidth")
        self.ok(width <= 375, f"the story page fits 375 px ({width})")
        self.shot("story-phone.png")
        self.resize(1280, 900)

    def dark(self):
        self.browser.devtools("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        self.open("#/search/x")  # leave and come back so the front page renders afresh
        self.open("#/")
        self.browser.wait_for(".story-card", "story cards in dark colours")
        background = self.browser.execute("return getComputedStyle(document.body).backgroundColor")
        self.ok(background != "rgb(245, 244, 240)", f"dark colours follow prefers-color-scheme ({background})")
        self.shot("front-dark.png")


    def no_script_errors(self):
        # Images from publishers cannot load here (loopback only): network errors are expected.
        # "security": what the page's Content-Security-Policy refused (an inline handler, say).
        errors = [e["message"] for e in self.browser.console()
                  if e.get("source") in ("javascript", "security")
                  or (e.get("source") == "console-api" and e.get("level") == "SEVERE")]
        self.ok(not errors, f"the page raised no script errors or policy violations ({errors[:2]})")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--page", required=True, help="the page's URL, http://127.0.0.1:PORT/")
    parser.add_argument("--driver", required=True, help="chromedriver's URL, http://127.0.0.1:PORT")
    parser.add_argument("--chromium", required=True)
    parser.add_argument("--profile", required=True, help="a fresh --user-data-dir")
    parser.add_argument("--screenshots", required=True)
    options = parser.parse_args()
    os.makedirs(options.screenshots, exist_ok=True)
    stale_failure = os.path.join(options.screenshots, "failure.png")
    if os.path.exists(stale_failure):
        os.remove(stale_failure)

    started = time.monotonic()
    browser = Browser(options.driver, options.chromium, HEADLESS_FLAGS + [f"--user-data-dir={options.profile}"])
    print(f"# Chromium {browser.browser_version}")
    checks = Checks(browser, options.page, options.screenshots)
    try:
        headline = checks.front_page()
        checks.keyboard()
        checks.category_paging()
        checks.front_paging()
        story = checks.story_page(headline)
        checks.article_links(story)
        checks.unnamed_publishers_once()
        checks.search()
        checks.empty_and_error_states()
        checks.phone()
        checks.dark()
        checks.no_script_errors()
    except Exception as error:  # noqa: BLE001 (any failure: keep a picture of what the page showed)
        try:
            checks.shot("failure.png")
        except Exception:  # noqa: BLE001
            pass
        print(f"not ok - {error}")
        return 1
    finally:
        browser.quit()
    print(f"# {checks.passed} checks passed in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
