// The web page's script: plain JavaScript over the JSON API, no framework and no build step.
// One view per hash route (#/, #/category/C, #/story/ID, #/article/ID, #/search/Q), each its own
// show…() function over one API call; shared pieces (story cards, times, heat, states) sit above
// the views so that a new view is one function and one line in route(). Only this file runs
// (the page's Content-Security-Policy says script-src 'self'): handlers are added here, never
// written into markup, where a story's text could smuggle in one of its own.
// Over 500 lines, as one file on purpose: the page is index.html, style.css and this script, each
// compiled into the binary and served as is (no build step, no module loader); its parts are the
// sections marked "----" below, each one concern (text and API, rendering, language, views).
"use strict";
// The categories are the server's (label/category.h), written into the page when it is served:
// the page keeps no copy of its own. "all" is the front page.
const CATEGORIES = ["all", ...document.getElementById("categories").dataset.categories.split(" ")];
const main = document.getElementById("main");
const FLAME = `<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M8 0c.5 3-3 4.5-3 8.5A3.9 3.9 0 0 0 8 16a4.6 4.6 0 0 0 4.5-4.7c0-2.1-1-3.3-1.8-4.5-.2 1.3-.8 2.1-1.7 2.6C9.6 6.3 10 2.6 8 0z"/></svg>`;

// ---- Text, times and API --------------------------------------------------------------------
const esc = s => String(s ?? "").replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
const plural = (n, word, words = word + "s") => `${n} ${n === 1 ? word : words}`;
const capitalized = s => s ? s[0].toUpperCase() + s.slice(1) : s;
// Only web addresses become links: a stored URL could be anything.
const safeUrl = url => /^https?:\/\//i.test(url || "") ? url : "";

function parseTime(iso) { if (!iso) return null; const d = new Date(iso); return isNaN(d) ? null : d; }
// A date without a time ("2021-08-30") is that day wherever the reader is: shown in UTC, where
// it was parsed, so that it does not slip to the day before.
const dayOnly = iso => iso.length <= 10 ? {timeZone: "UTC"} : {};
function fullDate(iso) {
  const d = parseTime(iso);
  return d ? d.toLocaleString(undefined, iso.length > 10 ? {dateStyle: "long", timeStyle: "short"} : {dateStyle: "long", ...dayOnly(iso)}) : "";
}
// "5 min ago", "3 h ago", "2 d ago" within a week; the date beyond (the year only when not this one).
function timeAgo(iso) {
  const d = parseTime(iso);
  if (!d) return "";
  const minutes = Math.round((Date.now() - d) / 60000);
  if (minutes >= 0 && minutes < 1) return "just now";
  if (minutes >= 0 && minutes < 60) return `${minutes} min ago`;
  if (minutes >= 0 && minutes < 24 * 60) return `${Math.round(minutes / 60)} h ago`;
  if (minutes >= 0 && minutes < 7 * 24 * 60) return `${Math.round(minutes / 1440)} d ago`;
  const sameYear = d.getFullYear() === new Date().getFullYear();
  return d.toLocaleDateString(undefined, {day: "numeric", month: "short", ...(sameYear ? {} : {year: "numeric"}), ...dayOnly(iso)});
}
const timeTag = iso => parseTime(iso) ? `<time datetime="${esc(iso)}" title="${esc(fullDate(iso))}">${esc(timeAgo(iso))}</time>` : "";
function dateRange(first, last) {
  if (!parseTime(first)) return "";
  if (!parseTime(last) || first.slice(0, 10) === last.slice(0, 10)) return timeTag(first);
  return `<span>${timeTag(first)} – ${timeTag(last)}</span>`;
}

function hostOf(url) { try { return new URL(url).hostname.replace(/^www\./, ""); } catch { return ""; } }
// A publisher as the server defines it (core/publisher.h: the registered domain, named by the
// site name); the document's own fields only for answers that carry no "publisher".
const publisherOf = article => (article.publisher ? article.publisher.name : article.site_name || article.domain || hostOf(article.url)) || "";
const publisherKeyOf = article => (article.publisher && article.publisher.key) || publisherOf(article);
const shortened = (text, most = 48) => text.length > most ? text.slice(0, most).replace(/\s+\S*$/, "") + "…" : text;
// How a citation names an article: its publisher, else its (shortened) headline, else its place
// in the story's list of articles.
const citedAs = article => publisherOf(article) || (article.title ? `“${shortened(article.title)}”` : `article ${article.position ?? ""}`.trim());
// Publishers' images only when the server allows them (serve --publisher-images): by default
// the page loads nothing from their sites.
const PUBLISHER_IMAGES = document.getElementById("main").dataset.publisherImages === "on";
function leadImage(articles) {
  if (!PUBLISHER_IMAGES) return null;
  for (const a of articles || []) for (const image of a.images || []) if (safeUrl(image.url)) return {url: image.url, article: a};
  return null;
}
// An image that cannot load (offline, moved) leaves no empty frame behind. Its error does not
// bubble: the document hears it on the way down (capture).
function dropImage(img) { img.closest(".has-image")?.classList.remove("has-image"); img.parentNode.remove(); }
document.addEventListener("error", e => { if (e.target instanceof HTMLImageElement && main.contains(e.target)) dropImage(e.target); }, true);
// A story or article in another language is marked so, for screen readers and hyphenation.
const langAttr = item => /^[a-z]{2,3}$/.test(item.language || "") ? ` lang="${item.language}"` : "";
// SQLite's snippet marks matches with <b>…</b>: everything else in it is text.
const highlighted = snippet => esc(snippet).replace(/&lt;b&gt;/g, "<mark>").replace(/&lt;\/b&gt;/g, "</mark>");

async function getJson(url) {
  let response;
  try { response = await fetch(url, {headers: {Accept: "application/json"}}); }
  catch { throw new Error("The server cannot be reached. Check that storyline serve is running."); }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    const error = new Error(body.error || `${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

// ---- Rendering ------------------------------------------------------------------------------
// Each view takes a token; an answer that arrives after the reader moved on is dropped.
let currentView = 0;
const scrollPositions = new Map();  // hash → how far down the reader was
let followedLink = false;  // a link or the search box, not Back or Forward, led to this view
document.addEventListener("click", e => { if (e.target.closest?.('a[href^="#"]')) followedLink = true; });
document.addEventListener("click", e => { if (e.target.closest?.("button.retry")) route(); });
// The skip link moves the focus past the header without changing the hash (which would route).
document.querySelector(".skip-link").addEventListener("click", e => { e.preventDefault(); main.focus(); });
function beginView(title, activeCategory = "", searched = "") {
  renderCategories(activeCategory);
  document.getElementById("sources-link").removeAttribute("aria-current");
  document.getElementById("search").value = searched;
  document.title = title ? `${title} — Storyline` : "Storyline";
  main.setAttribute("aria-busy", "true");
  const token = ++currentView;
  // The old view stays while a fast answer comes; a slow one says it is loading.
  setTimeout(() => { if (token === currentView && main.hasAttribute("aria-busy")) main.innerHTML = `<p class="state">Loading…</p>`; }, 400);
  return token;
}
function render(token, html, title) {
  if (token !== currentView) return false;
  main.innerHTML = html;
  main.removeAttribute("aria-busy");
  if (title) document.title = `${title} — Storyline`;
  // After a navigation (not the first load) the reader starts at the top of the new view, or
  // where they were when they come back to it.
  if (render.navigated) {
    main.focus({preventScroll: true});
    window.scrollTo(0, followedLink ? 0 : scrollPositions.get(location.hash || "#/") || 0);
  }
  render.navigated = true;
  followedLink = false;
  return true;
}
function stateMessage(heading, text, retry = false) {
  return `<div class="state"${retry ? ' role="alert"' : ""}><h1>${esc(heading)}</h1><p>${text}</p>
    ${retry ? `<button type="button" class="retry">Try again</button>` : `<p><a href="#/">Front page</a></p>`}</div>`;
}
// Asking again helps when the server was away or failed (5xx), not when the request was wrong (4xx).
const errorState = (heading, error) => stateMessage(heading, esc(error.message), !(error.status >= 400 && error.status < 500));

function renderCategories(active) {
  document.querySelector(".brand").setAttribute("href", withLanguage("#/"));
  document.getElementById("categories").innerHTML = CATEGORIES.map(c => {
    const href = withLanguage(c === "all" ? "#/" : `#/category/${c}`);
    return `<a href="${href}"${c === active ? ' aria-current="page"' : ""}>${c === "all" ? "Top stories" : c}</a>`;
  }).join("");
}

function heatBadge(heat) {
  const value = Number(heat || 0);
  return `<span class="heat${value < 1 ? " cold" : ""}" title="Heat ${value.toFixed(2)}: how many publishers report it, how fast and how recently">${FLAME}<span class="visually-hidden">Heat </span>${value.toFixed(1)}</span>`;
}
function storyMeta(story) {
  const publishers = story.publisher_count ?? new Set((story.articles || []).map(publisherOf).filter(Boolean)).size;
  const articles = story.article_count ?? (story.articles || []).length;
  return `<p class="meta">${heatBadge(story.heat)}<span class="publisher-count">${plural(publishers, "publisher")}</span>
    <span class="article-count">${plural(articles, "article")}</span>${timeTag(story.last_published || story.first_published)}</p>`;
}
// The publishers of the listed articles and of their copies ("also published by"), each once.
function publisherNames(story) {
  const byKey = new Map();
  for (const a of story.articles || []) {
    for (const p of [{key: publisherKeyOf(a), name: publisherOf(a)}, ...(a.also_published_by || [])])
      if (p.name && !byKey.has(p.key)) byKey.set(p.key, p.name);
  }
  const names = [...byKey.values()];
  if (!names.length) return "";
  const more = Math.max(0, (story.publisher_count || names.length) - names.length);
  return `<p class="publisher-names">${esc(names.join(" · "))}${more ? ` · +${more}` : ""}</p>`;
}
// A story on the front page, a category page or in search results; `snippet` replaces the
// summary in search results.
function storyCard(story, {lead = false, snippet = null, heading = "h2", kicker = true} = {}) {
  const image = leadImage(story.articles);
  const dek = snippet != null ? highlighted(snippet) : esc((story.summary || [])[0] || "");
  const figure = image ? `<div class="thumb"><img src="${esc(image.url)}" alt="${esc(image.article.title || story.title || "")}" loading="${lead ? "eager" : "lazy"}" decoding="async" referrerpolicy="no-referrer"></div>` : "";
  return `<article class="story-card${lead ? " lead" : ""}${image ? " has-image" : ""}" data-story-id="${esc(story.id)}"${langAttr(story)}>
    ${figure}${kicker && story.category ? `<p class="kicker">${esc(story.category)}</p>` : ""}
    <${heading}><a href="#/story/${encodeURIComponent(story.id)}">${esc(story.title || "Untitled story")}</a></${heading}>
    ${storyMeta(story)}${dek ? `<p class="dek">${dek}</p>` : ""}${publisherNames(story)}</article>`;
}

// ---- Language of the front page -------------------------------------------------------------
// The reader picks the language of the stories listed (front and category pages) from the
// languages the store's stories have (/api/languages). The choice goes into the page's address
// (#/?language=ru, #/category/world?language=ru), so that a link carries it, and is remembered
// (localStorage). An address without one lists the remembered choice; until there is one, the first
// of the browser's languages the store has stories in, else all of them. An address's language
// is not remembered (a link someone sent is not the reader's choice), but the lists' links carry
// it from view to view.
const LANGUAGE_KEY = "storyline.language", ALL_LANGUAGES = "all";
function storedLanguage() { try { return localStorage.getItem(LANGUAGE_KEY); } catch { return null; } }
function rememberLanguage(code) { try { localStorage.setItem(LANGUAGE_KEY, code); } catch { /* private mode: this visit only */ } }
let readerLanguage = null;  // the choice when storage is refused
let linkLanguage = null;  // the language the last list's address named, which its links carry
const LANGUAGE_PARAMETER = /^([a-z]{2,3}|all)$/;
const withLanguage = (href, language = linkLanguage) => language ? `${href}?language=${encodeURIComponent(language)}` : href;
function chosenLanguage(languages, asked) {
  const offered = new Set(languages.map(l => l.language));
  if (asked === ALL_LANGUAGES || offered.has(asked)) return asked;
  const stored = readerLanguage ?? storedLanguage();
  if (stored === ALL_LANGUAGES || offered.has(stored)) return stored;
  for (const tag of navigator.languages?.length ? navigator.languages : [navigator.language]) {
    const code = String(tag || "").toLowerCase().split("-")[0];
    if (offered.has(code)) return code;
  }
  return ALL_LANGUAGES;
}
const languageQuery = language => language === ALL_LANGUAGES ? "" : `&language=${encodeURIComponent(language)}`;
let languageNames;
// "English", "Deutsch"…, named in the reader's own language; the code when the browser cannot.
function languageName(code) {
  try {
    languageNames ??= new Intl.DisplayNames([navigator.language || "en"], {type: "language"});
    return capitalized(languageNames.of(code) || code);
  } catch { return code; }
}
function languageChoice(languages, chosen) {
  if (!languages.length) return "";
  const total = languages.reduce((sum, l) => sum + l.stories, 0);
  const option = (value, label) => `<option value="${esc(value)}"${value === chosen ? " selected" : ""}>${esc(label)}</option>`;
  return `<p class="language-choice"><label for="language-choice">Stories in</label>
    <select id="language-choice">${option(ALL_LANGUAGES, `All languages (${total})`)}${languages.map(l => option(l.language, `${languageName(l.language)} (${l.stories})`)).join("")}</select></p>`;
}
let listedLanguage = null;  // the language of the list shown
document.addEventListener("change", e => {
  if (e.target.id !== "language-choice") return;
  readerLanguage = linkLanguage = e.target.value;
  rememberLanguage(readerLanguage);
  // Into the address and the history, shown at once; the address left names the language it
  // listed, so that Back returns to it.
  const path = location.hash.split("?")[0] || "#/";
  if (listedLanguage) history.replaceState(null, "", withLanguage(path, listedLanguage));
  history.pushState(null, "", withLanguage(path));
  route();
});
// The feeds the page's <head> offers follow the choice: a feed reader gets what the page shows.
function pointFeedsAt(language) {
  for (const link of document.querySelectorAll('head link[rel="alternate"]')) {
    const url = new URL(link.getAttribute("href"), location.href);
    if (language === ALL_LANGUAGES) url.searchParams.delete("language");
    else url.searchParams.set("language", language);
    link.setAttribute("href", url.pathname + url.search);
  }
}

// ---- Views ----------------------------------------------------------------------------------
// Front page: the hottest stories, then each category's next hottest; a category page: all of one.
// A category page lists PAGE stories; on either page "More" asks the API for the next ones
// (offset) and adds those not shown yet (on the front page, the sections' stories are).
const TOP_STORIES = 7, PER_CATEGORY = 3, PAGE = 20, WELL_SOURCED = 3, FRONT_STORIES = 80;
function storiesUrl(category, offset, language, limit = PAGE) {
  return `/api/stories?limit=${limit}&offset=${offset}&articles=8&text=0${category ? `&category=${encodeURIComponent(category)}` : ""}${languageQuery(language)}`;
}
// The button names the list its stories join (cards: the id of its .cards).
function moreButton(category, offset, language, cards) {
  return `<p class="more"><button type="button" id="more-stories" data-category="${esc(category)}" data-language="${esc(language)}" data-offset="${offset}"
    data-cards="${cards}">More ${category ? `${esc(category)} ` : ""}stories</button></p>`;
}
document.addEventListener("click", async e => {
  const button = e.target.closest?.("#more-stories");
  if (!button) return;
  const {category, language, cards} = button.dataset;
  let offset = Number(button.dataset.offset), added = [], end = false;
  button.disabled = true;
  try {
    const shown = new Set([...main.querySelectorAll(".story-card")].map(card => card.dataset.storyId));
    // A page of stories all shown already (the front page's sections) is passed over.
    while (!added.length && !end) {
      const {stories} = await getJson(storiesUrl(category, offset, language));
      offset += stories.length;
      end = stories.length < PAGE;
      added = stories.filter(s => !shown.has(s.id));
    }
    const list = document.getElementById(cards);
    if (!list || !main.contains(button)) return;  // the reader moved on
    list.insertAdjacentHTML("beforeend", added.map(s => storyCard(s, {kicker: !category, heading: category ? "h2" : "h3"})).join(""));
    list.closest("[hidden]")?.removeAttribute("hidden");
    if (end) button.closest(".more").remove();
    else { button.dataset.offset = String(offset); button.disabled = false; }
  } catch (error) { button.disabled = false; button.textContent = "Could not load more: try again"; }
});
async function showFront(category, asked) {
  const token = beginView(category ? capitalized(category) : "", category || "all");
  try {
    const {languages} = await getJson("/api/languages");
    const language = chosenLanguage(languages, asked);
    if (token !== currentView) return;
    listedLanguage = language;
    // An address naming a language the store has no stories in is not carried on.
    if (asked && language !== asked) { linkLanguage = null; renderCategories(category || "all"); }
    pointFeedsAt(language);
    const choice = languageChoice(languages, language);
    const {stories} = await getJson(category ? storiesUrl(category, 0, language) : storiesUrl("", 0, language, FRONT_STORIES));
    if (!stories.length) {
      const inLanguage = language === ALL_LANGUAGES ? "" : ` in ${languageName(language)}`;
      return render(token, choice + (category ? stateMessage(`No ${category} stories${inLanguage}`, "Nothing in this category yet.")
        : languages.length ? stateMessage(`No stories${inLanguage}`, "Choose another language above.")
        : stateMessage("No stories yet", "Ingest some news and they will appear here: <code>storyline ingest --db storyline.db FOLDER</code>")));
    }
    if (category) {
      return render(token, `<div class="page-head"><h1 class="page-title">${esc(capitalized(category))}</h1>${choice}</div>
        <p class="page-feed"><a class="feed-link" type="application/atom+xml" href="/feeds/category/${encodeURIComponent(category)}.atom${language === ALL_LANGUAGES ? "" : `?language=${encodeURIComponent(language)}`}">Feed of ${esc(category)} stories</a></p>
        <div class="cards" id="category-cards">${stories.map((s, i) => storyCard(s, {lead: i === 0, kicker: false})).join("")}</div>
        ${stories.length === PAGE ? moreButton(category, PAGE, language, "category-cards") : ""}`);
    }
    const top = stories.slice(0, TOP_STORIES);
    // A section's stories are as well sourced as the top stories, up to WELL_SOURCED publishers:
    // on a real day of news, a story only one or two sites carry stays on its category's page.
    const fewestPublishers = Math.min(WELL_SOURCED, ...top.map(s => s.publisher_count ?? 0));
    let shown = top.length;
    const sections = CATEGORIES.slice(1).map(c => {
      const rest = stories.slice(TOP_STORIES).filter(s => s.category === c && (s.publisher_count ?? 0) >= fewestPublishers);
      if (!rest.length) return "";
      shown += Math.min(rest.length, PER_CATEGORY);
      return `<section aria-labelledby="section-${c}"><h2 class="section-title" id="section-${c}">${c}
        <a href="${withLanguage(`#/category/${c}`)}">More ${c}</a></h2>
        <div class="cards">${rest.slice(0, PER_CATEGORY).map(s => storyCard(s, {heading: "h3", kicker: false})).join("")}</div></section>`;
    }).join("");
    // More: the stories ranked after the top ones that no section shows, a page at a time.
    const more = shown < stories.length || stories.length === FRONT_STORIES ? `<section id="more-section" aria-labelledby="more-heading" hidden>
      <h2 class="section-title" id="more-heading">More stories</h2><div class="cards" id="more-cards"></div></section>
      ${moreButton("", TOP_STORIES, language, "more-cards")}` : "";
    render(token, `<div class="page-head"><h1 class="page-title">Top stories</h1>${choice}</div>
      <section aria-label="Top stories"><div class="cards">${top.map((s, i) => storyCard(s, {lead: i === 0})).join("")}</div></section>${sections}${more}`);
  } catch (e) { render(token, errorState("Could not load stories", e)); }
}

// Overview bullets cite the publishers that report them; an article without a named publisher
// is cited by its own title.
// A bullet reported by many cites the first few (one article per publisher) and counts the rest.
const CITES_SHOWN = 3;
function citations(bullet, articlesById) {
  const byPublisher = new Map();  // one citation per publisher (its key), named as its first article is
  for (const a of (bullet.documents || []).map(id => articlesById.get(id)).filter(Boolean)) {
    const key = publisherOf(a) ? publisherKeyOf(a) : citedAs(a);
    if (!byPublisher.has(key)) byPublisher.set(key, [citedAs(a), a]);
  }
  const byName = [...byPublisher.values()];
  if (!byName.length && (bullet.publishers || []).length) return `<span class="cites">— ${esc(bullet.publishers.join(", "))}</span>`;
  if (!byName.length) return "";
  const links = byName.slice(0, CITES_SHOWN).map(([name, a]) => `<a href="#/article/${encodeURIComponent(a.id)}">${esc(name)}</a>`);
  const more = byName.length - links.length;
  return `<span class="cites">— ${links.join(", ")}${more ? ` and ${more} more` : ""}</span>`;
}
function overviewSection(story, articlesById) {
  const bullets = story.bullets && story.bullets.length ? story.bullets : (story.summary || []).map(text => ({text}));
  if (!bullets.length) return "";
  return `<section aria-labelledby="overview-heading"><h2 id="overview-heading">Overview</h2>
    <ul class="bullets">${bullets.map(b => `<li>${esc(b.text)} ${citations(b, articlesById)}</li>`).join("")}</ul></section>`;
}
// Who said what: quotes grouped by speaker (most quoted first), reported speech set apart from
// direct quotation, each with the article it came from.
const QUOTES_SHOWN = 2, SPEAKERS_SHOWN = 6;
function quotesSection(story, articlesById) {
  const bySpeaker = new Map();
  for (const q of story.quotes || []) {
    const key = q.speaker || "Unnamed speaker";
    if (!bySpeaker.has(key)) bySpeaker.set(key, {role: q.speaker_role, quotes: []});
    const entry = bySpeaker.get(key);
    entry.role ||= q.speaker_role;
    entry.quotes.push(q);
  }
  if (!bySpeaker.size) return "";
  const quote = q => {
    const article = articlesById.get(q.document);
    const publisher = q.publisher || (article && publisherOf(article)) || "";
    const name = publisher || (article ? citedAs(article) : "");
    const source = article ? `<a href="#/article/${encodeURIComponent(article.id)}">${esc(name)}</a>` : esc(name);
    return `<blockquote class="${q.reported ? "reported" : "direct"}"><p>${q.reported ? esc(capitalized(q.text)) : `“${esc(q.text)}”`}</p>
      <footer>${q.reported ? "Reported" : "Quoted"}${source ? ` ${publisher ? "by" : "in"} ${source}` : ""}</footer></blockquote>`;
  };
  const speakers = [...bySpeaker.entries()].sort((a, b) => b[1].quotes.length - a[1].quotes.length).map(([name, {role, quotes}]) => {
    // Direct quotation first: the speaker's own words.
    quotes.sort((a, b) => Number(a.reported) - Number(b.reported));
    const shown = quotes.slice(0, QUOTES_SHOWN).map(quote).join("");
    const hidden = quotes.slice(QUOTES_SHOWN);
    return `<div class="speaker"><h3 class="speaker-name">${esc(capitalized(name))}${role ? `<span class="role">${esc(role)}</span>` : ""}</h3>${shown}
      ${hidden.length ? `<details class="more"><summary>${plural(hidden.length, "more quote")}</summary>${hidden.map(quote).join("")}</details>` : ""}</div>`;
  });
  const hiddenSpeakers = speakers.slice(SPEAKERS_SHOWN);
  return `<section aria-labelledby="quotes-heading"><h2 id="quotes-heading">Who said what</h2>${speakers.slice(0, SPEAKERS_SHOWN).join("")}
    ${hiddenSpeakers.length ? `<details class="more"><summary>${plural(hiddenSpeakers.length, "more speaker")}</summary>${hiddenSpeakers.join("")}</details>` : ""}</section>`;
}
const UNNAMED = "Unnamed publisher";
// Articles by publisher (its key: "BBC News" on www.bbc.co.uk and on news.bbc.co.uk is one),
// shown by the name of its first article that has one.
function groupByPublisher(articles) {
  const groups = new Map();
  for (const a of articles) {
    const name = publisherOf(a);
    const key = name ? publisherKeyOf(a) : UNNAMED;
    if (!groups.has(key)) groups.set(key, {name: name || UNNAMED, list: []});
    groups.get(key).list.push(a);
  }
  const newestFirst = (a, b) => String(b.published || "").localeCompare(String(a.published || ""));
  for (const {list} of groups.values()) list.sort(newestFirst);
  // Most articles first; articles without a named publisher last.
  return [...groups.values()].map(({name, list}) => [name, list]).sort((a, b) => (a[0] === UNNAMED) - (b[0] === UNNAMED) ||
    b[1].length - a[1].length || a[0].localeCompare(b[0]));
}
// "Also published by": the other publishers that printed the same article (its copies).
function alsoPublishedBy(a) {
  const others = (a.also_published_by || []).filter(p => p.name);
  if (!others.length) return "";
  const link = p => safeUrl(p.url) ? `<a href="${esc(safeUrl(p.url))}" target="_blank" rel="noopener noreferrer">${esc(p.name)}</a>` : esc(p.name);
  return `<p class="also">Also published by ${others.map(link).join(", ")}</p>`;
}
// A publisher's first few articles are listed, the rest one click away.
const ARTICLES_SHOWN = 8;
function articlesSection(groups) {
  if (!groups.length) return "";
  const item = a => {
    const url = safeUrl(a.url);
    const stored = `<a class="stored-link" href="#/article/${encodeURIComponent(a.id)}">Stored text</a>`;
    return `<li data-article-id="${esc(a.id)}">${url ? `<a class="article-link" href="${esc(url)}" target="_blank" rel="noopener noreferrer">${esc(a.title || url)}</a>`
        : `<a class="article-link" href="#/article/${encodeURIComponent(a.id)}">${esc(a.title || shortened(a.excerpt || a.text || "", 90) || "Untitled article")}</a>`}
      <p class="meta">${timeTag(a.published)}${url ? `<span>${esc(hostOf(url))}</span>${stored}` : ""}</p>
      ${a.excerpt ? `<p class="excerpt">${esc(a.excerpt)}</p>` : ""}${alsoPublishedBy(a)}</li>`;
  };
  return `<section aria-labelledby="articles-heading"><h2 id="articles-heading">All coverage</h2>
    ${groups.map(([name, list]) => `<section class="publisher-group" aria-label="${esc(name)}"><h3>${esc(name)} · ${list.length}</h3>
      <ul class="articles">${list.slice(0, ARTICLES_SHOWN).map(item).join("")}</ul>
      ${list.length > ARTICLES_SHOWN ? `<details class="more"><summary>${plural(list.length - ARTICLES_SHOWN, "more article")}</summary>
        <ul class="articles">${list.slice(ARTICLES_SHOWN).map(item).join("")}</ul></details>` : ""}</section>`).join("")}</section>`;
}
// Every publisher that carries the story, with its own articles and the copies it printed of
// others' (the server's "coverage"; the listed articles' groups for answers without one).
function coverageSection(story, groups) {
  let rows = (story.coverage || []).map(p => ({name: p.name || UNNAMED, articles: p.articles || 0, copies: p.copies || 0}));
  if (!story.coverage) rows = groups.map(([name, list]) => ({name, articles: list.length, copies: 0}));
  const unnamed = rows.filter(r => r.name === UNNAMED);
  rows = rows.filter(r => r.name !== UNNAMED);
  if (unnamed.length) rows.push(unnamed.reduce((all, r) => ({name: UNNAMED, articles: all.articles + r.articles, copies: all.copies + r.copies})));
  if (!rows.length) return "";
  const most = Math.max(...rows.map(r => r.articles + r.copies));
  const counted = r => [r.articles ? plural(r.articles, "article") : "", r.copies ? plural(r.copies, "copy", "copies") : ""].filter(Boolean).join(" · ");
  return `<section aria-labelledby="coverage-heading"><h2 id="coverage-heading">Coverage by publisher</h2>
    <ul class="coverage">${rows.map(r => `<li><span class="name">${esc(r.name)}</span><span class="count">${counted(r)}</span>
      <span class="bar-track" aria-hidden="true"><span class="bar-fill" style="display:block;width:${Math.max(6, 100 * (r.articles + r.copies) / most)}%"></span></span></li>`).join("")}</ul></section>`;
}
// Coverage over time, drawn by the server (an SVG image: no script, from this server only).
function coverageChart(story) {
  return `<section aria-labelledby="chart-heading"><h2 id="chart-heading">Coverage over time</h2>
    <img class="coverage-chart" src="/api/stories/${encodeURIComponent(story.id)}/coverage.svg" width="320"
      alt="Bar chart: how many articles each of its main publishers ran, over time"></section>`;
}
function timelineSection(story) {
  const timeline = story.timeline || [];
  if (timeline.length < 2) return "";
  return `<section aria-labelledby="timeline-heading"><h2 id="timeline-heading">Storyline</h2>
    <ol class="timeline">${timeline.map(t => {
      const current = t.id === story.id;
      const title = esc(t.title || "Untitled story");
      return `<li${current ? ' aria-current="true"' : ""}>${parseTime(t.first_published) ? `<time datetime="${esc(t.first_published)}">${esc(fullDate(t.first_published.slice(0, 10)))}</time>` : `<time>Undated</time>`}
        ${current ? `<span class="title">${title}</span>` : `<a href="#/story/${encodeURIComponent(t.id)}">${title}</a>`}
        <span class="count">${plural(t.article_count || 0, "article")} · ${plural(t.publisher_count || 0, "publisher")}</span></li>`;
    }).join("")}</ol></section>`;
}
function relatedSection(story) {
  const related = story.related || [];
  if (!related.length) return "";
  return `<section aria-labelledby="related-heading"><h2 id="related-heading">Related storylines</h2>
    <ul class="related">${related.map(r => `<li><a href="#/story/${encodeURIComponent(r.id)}">${esc(r.title || "Untitled story")}</a>
      <span class="count">${parseTime(r.last_published) ? `${esc(fullDate(r.last_published.slice(0, 10)))} · ` : ""}${plural(r.article_count || 0, "article")}</span></li>`).join("")}</ul></section>`;
}
async function showStory(id) {
  const token = beginView("Story");
  try {
    const story = await getJson(`/api/stories/${encodeURIComponent(id)}`);
    const articles = story.articles || [];
    articles.forEach((a, i) => { a.position = i + 1; });
    const articlesById = new Map(articles.map(a => [a.id, a]));
    const groups = groupByPublisher(articles);
    const image = leadImage(articles);
    const topics = (story.topics || []).map(t => `<li><a href="#/search/${encodeURIComponent(t)}">${esc(t)}</a></li>`).join("");
    render(token, `<article class="story-page" data-story-id="${esc(story.id)}"${langAttr(story)}>
      <header class="story-head">
        ${story.category ? `<p class="kicker"><a href="${withLanguage(`#/category/${encodeURIComponent(story.category)}`)}">${esc(story.category)}</a></p>` : ""}
        <h1>${esc(story.title || "Untitled story")}</h1>
        <p class="meta">${heatBadge(story.heat)}<span class="publisher-count">${plural(story.publisher_count ?? groups.length, "publisher")}</span>
          <span class="article-count">${plural(story.article_count ?? articles.length, "article")}</span>${dateRange(story.first_published, story.last_published)}
          <a class="feed-link" type="application/atom+xml" href="/feeds/story/${encodeURIComponent(story.id)}.atom">Follow this story (feed)</a></p>
        ${topics ? `<ul class="topics" aria-label="Topics">${topics}</ul>` : ""}
      </header>
      ${image ? `<figure class="lead-image"><img src="${esc(image.url)}" alt="${esc(image.article.title || story.title || "")}" referrerpolicy="no-referrer">
        <figcaption>Image: ${esc(publisherOf(image.article))}</figcaption></figure>` : ""}
      <div class="story-grid">
        <div class="story-main">${overviewSection(story, articlesById)}${quotesSection(story, articlesById)}${articlesSection(groups)}</div>
        <aside class="story-side" aria-label="Coverage and storyline">${coverageChart(story)}${coverageSection(story, groups)}${timelineSection(story)}${relatedSection(story)}</aside>
      </div></article>`, story.title);
  } catch (e) { render(token, errorState("Could not load this story", e)); }
}

async function showArticle(id) {
  const token = beginView("Article");
  try {
    const a = await getJson(`/api/articles/${encodeURIComponent(id)}`);
    const url = safeUrl(a.url);
    const image = leadImage([a]);
    // Its own story, whichever page led here (a search, a feed, another story's coverage).
    const back = a.story ? `<a class="back" href="#/story/${encodeURIComponent(a.story.id)}">← ${esc(a.story.title || "The story")}</a>`
      : `<a class="back" href="#/">← Front page</a>`;
    const paragraphs = (a.text || a.excerpt || "").split(/\n\n+/).filter(p => p.trim()).map(p => `<p>${esc(p)}</p>`).join("");
    render(token, `<article class="reader"${langAttr(a)}>${back}
      ${publisherOf(a) ? `<p class="kicker">${esc(publisherOf(a))}</p>` : ""}
      <h1>${esc(a.title || "Untitled article")}</h1>
      <p class="meta">${a.author ? `<span>${esc(a.author)}</span>` : ""}${a.published ? `<time datetime="${esc(a.published)}">${esc(fullDate(a.published))}</time>` : ""}
        ${url ? `<a href="${esc(url)}" target="_blank" rel="noopener noreferrer">Original at ${esc(hostOf(url))}</a>` : ""}</p>
      ${image ? `<figure class="lead-image"><img src="${esc(image.url)}" alt="${esc(a.title || "")}" referrerpolicy="no-referrer"></figure>` : ""}
      <div class="body">${paragraphs || `<p class="state">This article has no stored text.</p>`}</div></article>`, a.title);
  } catch (e) { render(token, errorState("Could not load this article", e)); }
}

async function showSearch(q) {
  const token = beginView(`Search: ${q}`, "", q);
  try {
    const data = await getJson(`/api/search?q=${encodeURIComponent(q)}&limit=30`);
    const stories = data.stories || [], articles = data.articles || [];
    if (!stories.length && !articles.length)
      return render(token, `<h1 class="page-title">Search</h1>` + stateMessage(`Nothing found for “${q}”`, "Try fewer or other words."));
    const storyResults = stories.length ? `<section aria-labelledby="story-results"><h2 class="section-title" id="story-results">${plural(stories.length, "story", "stories")}</h2>
      <div class="cards">${stories.map(s => storyCard(s, {snippet: s.snippet || "", heading: "h3"})).join("")}</div></section>` : "";
    const articleResults = articles.length ? `<section aria-labelledby="article-results"><h2 class="section-title" id="article-results">${plural(articles.length, "article")}</h2>
      <ol class="results">${articles.map(a => `<li class="result" data-article-id="${esc(a.id)}"><h3><a href="#/article/${encodeURIComponent(a.id)}">${esc(a.title || "Untitled article")}</a></h3>
        <p class="meta">${publisherOf(a) ? `<span>${esc(publisherOf(a))}</span>` : ""}${timeTag(a.published)}</p>
        <p class="snippet">${highlighted(a.snippet)}</p></li>`).join("")}</ol></section>` : "";
    render(token, `<h1 class="page-title">Results for “${esc(q)}”</h1>${storyResults}${articleResults}`);
  } catch (e) { render(token, `<h1 class="page-title">Search</h1>` + stateMessage(`Could not search for “${q}”`, esc(e.message))); }
}

// Live sources and their health: green when the last fetch worked, red when it failed,
// amber when it was skipped (robots.txt) or has not run yet.
function healthOf(s) {
  if (s.last_outcome === "ok" || s.last_outcome === "not modified") return "ok";
  if (s.last_outcome === "error") return "failing";
  return "waiting";
}

async function showSources() {
  const token = beginView("Sources");
  document.getElementById("sources-link").setAttribute("aria-current", "page");
  try {
    const data = await getJson("/api/sources");
    if (!data.sources.length)
      return render(token, `<h1 class="page-title">Sources</h1>` + stateMessage("No sources yet",
        "Add feeds with <code>storyline sources add URL</code> or <code>storyline sources import FILE.opml</code>, then run <code>storyline serve --poll</code>."));
    const rows = data.sources.map(s => `<tr><td><span class="health ${healthOf(s)}" title="${esc(s.last_outcome || "not fetched yet")}"></span>
      ${esc(s.name || s.url)}<div class="url">${esc(s.url)}</div></td>
      <td>${esc(s.category || "")}</td><td>${s.last_fetch ? timeTag(s.last_fetch) : "never"}</td>
      <td>${esc(s.last_status ?? "")} ${esc(s.last_outcome || "")}</td><td>${s.items_seen}</td>
      <td class="${s.consecutive_errors ? "error" : ""}">${s.consecutive_errors}${s.last_error ? " — " + esc(s.last_error) : ""}</td>
      <td>${s.next_due ? timeTag(s.next_due) : ""}</td></tr>`).join("");
    render(token, `<h1 class="page-title">Sources</h1><div class="table-wrap"><table class="source-table"><thead><tr><th scope="col">Source</th><th scope="col">Folder</th><th scope="col">Last fetch</th><th scope="col">Status</th><th scope="col">Items</th><th scope="col">Errors</th><th scope="col">Next</th></tr></thead><tbody>${rows}</tbody></table></div>`);
  } catch (e) { render(token, `<h1 class="page-title">Sources</h1>` + errorState("Could not load the sources", e)); }
}

function route() {
  // The address's parameters (?language=) follow its path; a search's "?" is encoded (%3F).
  const [path, query = ""] = (location.hash.slice(1) || "/").split(/\?(.*)/s);
  let hash;
  try { hash = decodeURIComponent(path || "/"); } catch { hash = "/"; }
  const [, kind, ...rest] = hash.split("/");
  const arg = rest.join("/");
  if (kind === "story") return showStory(arg);
  if (kind === "article") return showArticle(arg);
  if (kind === "search") return showSearch(arg);
  if (kind === "sources") return showSources();
  // A list: its address's language (else none), which its links then carry.
  const asked = new URLSearchParams(query).get("language");
  linkLanguage = asked && LANGUAGE_PARAMETER.test(asked) ? asked : null;
  return showFront(kind === "category" ? arg : "", linkLanguage);
}
document.getElementById("search-form").onsubmit = e => {
  e.preventDefault();
  const q = document.getElementById("search").value.trim();
  if (q) { followedLink = true; location.hash = "#/search/" + encodeURIComponent(q); }
};
window.onhashchange = e => { scrollPositions.set(new URL(e.oldURL).hash || "#/", window.scrollY); route(); };
route();
