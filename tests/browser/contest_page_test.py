#!/usr/bin/python3
"""Drives the web page of a running `storyline serve` over the Telegram contest's stream (a real
day of news from ~900 publishers in many languages) in a headless Chromium, and checks what a
reader of the front page would trust: the first 20 stories are news, each from at least 3
publishers, each with a category; the language choice (and in the page's address); front ->
story -> article -> its story; the coverage chart; coverage by publisher, each publisher once; a
category section and its paging; search; the feed links; on a phone, the search placeholder
whole. Saves screenshots of the front page and a story page at desktop (1280 px) and phone
(390 px) widths (the story page also whole, and on a phone scrolled to its chart).
Run by contest_browser_test.sh.
"""
import argparse
import json
import os
import sys
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webdriver import ENTER_KEY, Browser  # noqa: E402
from web_page_test import HEADLESS_FLAGS, Checks  # noqa: E402

FRONT_STORIES_CHECKED = 20
LEAST_PUBLISHERS = 3
PHONE_WIDTH = 390
COVERAGE_STORIES_CHECKED = 5


class ContestChecks(Checks):
    def get(self, path):
        with urllib.request.urlopen(self.page_url + path.lstrip("/"), timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()

    def cards(self):
        """The story cards as shown, in page order: id, headline, category (the card's kicker or
        its section's title), the publisher count it shows and its language."""
        return self.browser.execute("""
            return [...document.querySelectorAll('main .story-card')].map(card => {
              const section = card.closest('section[aria-labelledby]');
              const sectionTitle = section ? document.getElementById(section.getAttribute('aria-labelledby')) : null;
              return {id: card.dataset.storyId,
                      headline: card.querySelector('h2 a, h3 a').textContent.trim(),
                      category: card.querySelector('.kicker')?.textContent.trim()
                                || sectionTitle?.firstChild.textContent.trim() || '',
                      publishers: parseInt(card.querySelector('.publisher-count')?.textContent || '0', 10),
                      lang: card.getAttribute('lang')};
            })""")

    def wait_for_front(self, what):
        self.browser.wait_until("return !document.querySelector('main').hasAttribute('aria-busy') "
                                "&& document.querySelector('#language-choice')", what, timeout=20)
        time.sleep(0.2)

    def front_page_default_language(self):
        self.resize(1280, 900)
        self.browser.get(self.page_url)
        self.wait_for_front("the front page with its language choice")
        languages = self.api("/api/languages")["languages"]
        offered = [l["language"] for l in languages]
        self.ok(len(offered) >= 5, f"the store's stories are in {len(offered)} languages ({offered[:8]}…)")
        shown = self.browser.execute(
            "return [...document.querySelectorAll('#language-choice option')].map(o => o.value)")
        self.ok(shown == ["all"] + offered, "the language choice offers every language of the store, and all of them")
        browser_languages = self.browser.execute("return navigator.languages")
        expected = next((tag.lower().split("-")[0] for tag in browser_languages
                         if tag.lower().split("-")[0] in offered), "all")
        chosen = self.browser.execute("return document.querySelector('#language-choice').value")
        self.ok(chosen == expected, f"the choice defaults to the browser's language ({browser_languages} -> {chosen})")
        self.default_language = chosen
        self.front_stories_are_news(chosen)
        self.feed_links(chosen)
        self.shot("front-desktop.png")

    def front_stories_are_news(self, language):
        cards = self.cards()[:FRONT_STORIES_CHECKED]
        self.ok(len(cards) == FRONT_STORIES_CHECKED, f"the front page ({language}) shows at least {FRONT_STORIES_CHECKED} stories")
        for position, card in enumerate(cards, 1):
            story = self.api(f"/api/stories/{urllib.parse.quote(card['id'])}")
            not_news = [a["id"] for a in story["articles"] if a.get("is_news") is False]
            if not_news or story["publisher_count"] < LEAST_PUBLISHERS or not story.get("category") \
                    or card["publishers"] < LEAST_PUBLISHERS or not card["category"]:
                raise AssertionError(f"story {position} on the front page ({card['headline']!r}): "
                                     f"{story['publisher_count']} publishers, category {story.get('category')!r} "
                                     f"(card: {card['publishers']}, {card['category']!r}), articles not news: {not_news}")
            if language != "all" and story["language"] != language:
                raise AssertionError(f"story {position} ({card['headline']!r}) is in {story['language']}, not {language}")
        self.ok(True, f"the first {FRONT_STORIES_CHECKED} stories ({language}) are news, each from at least "
                      f"{LEAST_PUBLISHERS} publishers, each with a category "
                      f"({min(c['publishers'] for c in cards)}-{max(c['publishers'] for c in cards)} publishers)")

    def feed_links(self, language):
        links = self.browser.execute(
            "return [...document.querySelectorAll('head link[rel=alternate]')].map(l => [l.type, l.getAttribute('href')])")
        self.ok(any(t == "application/atom+xml" for t, _ in links), f"the page links its feed in <head> ({links})")
        for kind, href in links:
            if language != "all":
                self.ok(f"language={language}" in href, f"the feed link follows the language choice ({href})")
            status, content_type, body = self.get(href)
            self.ok(status == 200 and content_type.startswith(kind) and len(body) > 200,
                    f"{href} answers {status} {content_type} ({len(body)} bytes)")

    def choose_language(self, code):
        self.browser.execute("""const select = document.querySelector('#language-choice');
            select.value = arguments[0]; select.dispatchEvent(new Event('change', {bubbles: true}))""", code)
        self.browser.wait_until(
            f"return document.querySelector('#language-choice')?.value === {json.dumps(code)}",
            f"the front page in {code}")
        self.wait_for_front(f"the front page in {code}")
        address = self.browser.execute("return location.hash")
        self.ok(address == f"#/?language={code}", f"choosing {code} puts it in the page's address ({address})")

    def stored_language(self):
        return self.browser.execute("return localStorage.getItem('storyline.language')")

    def language_in_address(self, remembered, default):
        """An address naming a language lists only that language's stories (front and category
        page), its links carry it, and it is not remembered: an address without one lists the
        reader's remembered choice."""
        languages = [l["language"] for l in self.api("/api/languages")["languages"]]
        linked = next(code for code in languages if code not in (remembered, default))
        self.browser.get(self.page_url + f"#/?language={linked}")  # a link someone sent
        self.wait_for_front(f"the front page at #/?language={linked}")
        chosen = self.browser.execute("return document.querySelector('#language-choice').value")
        langs = {c["lang"] for c in self.cards()}
        self.ok(chosen == linked and langs == {linked},
                f"#/?language={linked} shows only {linked} stories ({len(self.cards())} cards, lang {langs}, choice {chosen})")
        links = self.browser.execute(
            "return [...document.querySelectorAll('header nav a, .section-title a')].map(a => a.getAttribute('href'))")
        self.ok(links and all(link.endswith(f"?language={linked}") for link in links),
                f"the categories' and sections' links carry it ({links[1]})")
        category = links[1].split("?")[0].split("/")[-1]
        self.browser.click(self.browser.find_all("header nav a")[1])
        self.wait_for_front(f"the {category} page in {linked}")
        langs = {c["lang"] for c in self.cards()}
        self.ok(self.browser.execute("return location.hash") == f"#/category/{category}?language={linked}" and langs <= {linked},
                f"its {category} page lists only {linked} stories ({len(self.cards())} cards)")
        self.ok(self.stored_language() == remembered, f"the address's language is not remembered ({self.stored_language()})")
        self.browser.get(self.page_url + "#/")
        self.wait_for_front("the front page without a language in its address")
        chosen = self.browser.execute("return document.querySelector('#language-choice').value")
        self.ok(chosen == remembered, f"an address without a language lists the remembered one ({chosen})")
        self.shot("front-language-address.png")

    def language_choice(self):
        languages = [l["language"] for l in self.api("/api/languages")["languages"]]
        other = next(code for code in languages if code != self.default_language)
        self.choose_language(other)
        langs = {c["lang"] for c in self.cards()}
        self.ok(langs == {other}, f"choosing {other} shows only {other} stories ({len(self.cards())} cards, lang {langs})")
        self.browser.back()
        self.browser.wait_until(f"return document.querySelector('#language-choice')?.value === {json.dumps(self.default_language)}",
                                "the language before after Back")
        self.wait_for_front("the front page after Back")
        langs = {c["lang"] for c in self.cards()}
        address = self.browser.execute("return location.hash")
        self.ok(address == f"#/?language={self.default_language}" and langs <= {self.default_language, None},
                f"Back returns to the language before ({address}, lang {langs})")
        self.browser.get(self.page_url)  # a new visit
        self.wait_for_front("the front page after a reload")
        kept = self.browser.execute("return document.querySelector('#language-choice').value")
        self.ok(kept == other, f"the choice is remembered across visits ({kept})")
        self.language_in_address(other, self.default_language)
        self.choose_language("all")
        langs = {c["lang"] for c in self.cards()}
        self.ok(len(langs) >= 2, f"all languages mixes them on the front page ({sorted(l or '?' for l in langs)})")
        self.front_stories_are_news("all")
        self.choose_language(self.default_language)

    def story_article_story(self):
        front = self.cards()
        card = front[0]
        self.browser.click(self.browser.find_all(".story-card h2 a, .story-card h3 a")[0])
        self.browser.wait_for(".story-page .story-head h1", "the story page", timeout=10)
        self.ok(self.texts(".story-head h1") == [card["headline"]], f"front -> story: {card['headline']}")
        story = self.api(f"/api/stories/{urllib.parse.quote(card['id'])}")
        chart = self.browser.wait_until("""const img = document.querySelector('img.coverage-chart');
            return img && img.complete && img.naturalWidth > 0 ? [img.getAttribute('src'), img.naturalWidth, img.naturalHeight] : null""",
                                        "the coverage chart to load")
        self.ok(chart[0] == f"/api/stories/{urllib.parse.quote(card['id'], safe='')}/coverage.svg",
                f"the story page shows its coverage chart ({chart[0]}, {chart[1]}x{chart[2]})")
        status, content_type, svg = self.get(chart[0])
        bars = svg.count(b'class="bar"')
        self.ok(status == 200 and content_type.startswith("image/svg+xml") and bars >= 1,
                f"the chart is an SVG image of {bars} bars ({len(svg)} bytes)")
        self.ok(self.browser.find_all("a.feed-link[href^='/feeds/story/']"), "the story page links its own feed")
        self.coverage_once(story)
        self.shot("story-desktop.png")
        self.shot("story-desktop-full.png", whole_page=True)
        # story -> article (its stored text; the first listed, not one folded away) -> back to its
        # own story by the article's link
        self.browser.click(self.browser.find_all(".publisher-group > ul.articles > li a[href^='#/article/']")[0])
        self.browser.wait_for(".reader h1", "the article page", timeout=10)
        back = self.browser.find_all(".reader a.back")
        self.ok(back and self.browser.attribute(back[0], "href").endswith(f"#/story/{urllib.parse.quote(story['id'], safe='')}"),
                "story -> article: the article page links to its own story")
        self.browser.click(back[0])
        self.browser.wait_for(f".story-page[data-story-id='{story['id']}']", "the story again from its article")
        self.ok(True, "article -> story: the link leads back to the same story")
        # The next top stories' coverage lists too: real publishers' names, each once.
        for other in front[1:COVERAGE_STORIES_CHECKED]:
            self.open(f"#/story/{urllib.parse.quote(other['id'], safe='')}")
            self.browser.wait_for(f".story-page[data-story-id='{other['id']}'] .coverage li", f"the story {other['headline']!r}")
            self.coverage_once(self.api(f"/api/stories/{urllib.parse.quote(other['id'])}"))
        return story

    def category_and_paging(self):
        self.open("#/")
        self.wait_for_front("the front page")
        sections = self.browser.execute(
            "return [...document.querySelectorAll('.section-title a')].map(a => a.getAttribute('href'))")
        self.ok(len(sections) >= 3, f"the front page has category sections ({sections})")
        language = self.browser.execute("return document.querySelector('#language-choice').value")
        counts = {}
        for story in self.api(f"/api/stories?limit=500&text=0&articles=1"
                              + ("" if language == "all" else f"&language={language}"))["stories"]:
            counts[story["category"]] = counts.get(story["category"], 0) + 1
        paged = [c for c, n in sorted(counts.items(), key=lambda item: -item[1]) if n > 20 and f"#/category/{c}" in sections]
        category = paged[0] if paged else sections[0].split("/")[-1]
        link = self.browser.find_all(f".section-title a[href='#/category/{category}']")[0]
        self.browser.click(link)
        self.browser.wait_for("#category-cards .story-card", f"the {category} page", timeout=10)
        self.ok(self.texts("h1.page-title") == [category.capitalize()], f"a front-page section leads to the {category} page")
        first_page = self.browser.execute(
            "return [...document.querySelectorAll('#category-cards .story-card')].map(c => c.dataset.storyId)")
        categories = {self.api(f"/api/stories/{urllib.parse.quote(story_id)}")["category"] for story_id in first_page[:5]}
        self.ok(categories == {category}, f"the {category} page lists {category} stories ({categories})")
        if not paged:
            self.ok(True, f"no section has more than a page of stories in {language}: paging not checked")
            return
        self.ok(len(first_page) == 20, f"the {category} page shows its first 20 stories")
        self.browser.click(self.browser.find_all("#more-stories")[0])
        self.browser.wait_until("return document.querySelectorAll('#category-cards .story-card').length > 20",
                                "the next page of stories")
        shown = self.browser.execute(
            "return [...document.querySelectorAll('#category-cards .story-card')].map(c => c.dataset.storyId)")
        self.ok(len(shown) > 20 and len(set(shown)) == len(shown) and shown[:20] == first_page,
                f"More adds the next {len(shown) - 20} {category} stories (offset), none twice")

    def search(self, story):
        # The headline's longest plain word: a search any reader might type.
        word = max((w for w in (story.get("title") or "").split() if w.isalpha()), key=len)
        box = self.browser.find_all("#search")[0]
        self.browser.clear(box)
        self.browser.type(box, word + ENTER_KEY)
        self.browser.wait_until("return document.querySelector('.result, .story-card mark, .state h1')",
                                f"results for {word}", timeout=15)
        results = self.texts(".result h3 a") + self.texts(".story-card h3 a")
        self.ok(results, f"searching '{word}' finds {len(results)} articles and stories")

    def phone(self):
        self.resize(PHONE_WIDTH, 844)
        self.open("#/search/x")
        self.open("#/")
        self.wait_for_front("the phone-sized front page")
        width = self.browser.execute("return document.documentElement.scrollWidth")
        self.ok(width <= PHONE_WIDTH, f"the front page fits {PHONE_WIDTH} px ({width})")
        self.placeholder_fits()
        self.browser.execute("window.scrollTo(0, 0)")  # coming back to #/ restores where the reader was
        self.ok(self.browser.execute("return document.querySelector('#language-choice').getBoundingClientRect().right")
                <= PHONE_WIDTH, "the language choice fits a phone's width")
        self.shot("front-phone.png")
        self.browser.click(self.browser.find_all(".story-card h2 a")[0])
        self.browser.wait_for(".story-page", "the phone-sized story page")
        self.browser.wait_until("const i = document.querySelector('img.coverage-chart'); return i && i.complete && i.naturalWidth > 0",
                                "the chart on a phone")
        width = self.browser.execute("return document.documentElement.scrollWidth")
        self.ok(width <= PHONE_WIDTH, f"the story page fits {PHONE_WIDTH} px ({width})")
        self.shot("story-phone.png")
        chart = self.browser.execute("""const img = document.querySelector('img.coverage-chart');
            img.scrollIntoView({block: 'center'}); const box = img.getBoundingClientRect();
            return [box.left, box.right]""")
        self.ok(chart[0] >= 0 and chart[1] <= PHONE_WIDTH, f"the coverage chart fits a phone's width ({chart})")
        time.sleep(0.2)
        self.shot("story-phone-chart.png")
        # The chart follows the reader's colours (its own prefers-color-scheme rule), as the page does.
        self.browser.devtools("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        time.sleep(0.3)
        self.shot("story-phone-chart-dark.png")
        self.browser.devtools("Emulation.setEmulatedMedia", {"features": []})
        self.resize(1280, 900)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--page", required=True)
    parser.add_argument("--driver", required=True)
    parser.add_argument("--chromium", required=True)
    parser.add_argument("--profile", required=True)
    parser.add_argument("--screenshots", required=True)
    options = parser.parse_args()
    os.makedirs(options.screenshots, exist_ok=True)
    started = time.monotonic()
    browser = Browser(options.driver, options.chromium, HEADLESS_FLAGS + [f"--user-data-dir={options.profile}"])
    print(f"# Chromium {browser.browser_version}")
    checks = ContestChecks(browser, options.page, options.screenshots)
    try:
        checks.front_page_default_language()
        checks.language_choice()
        story = checks.story_article_story()
        checks.category_and_paging()
        checks.search(story)
        checks.phone()
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
