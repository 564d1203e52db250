#include "storyline/serve/web_page.h"

namespace storyline::serve {

// One view per hash route (#/, #/category/C, #/story/ID, #/article/ID, #/search/Q), each its own
// show…() function over one API call; shared pieces (story cards, times, heat, states) sit above
// the views so that a new view is one function and one line in route().
std::string_view web_page_html() {
  static constexpr std::string_view kPage = R"html(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Storyline</title>
<link rel="alternate" type="application/atom+xml" title="Storyline: top stories (Atom)" href="/feeds/top.atom">
<link rel="alternate" type="application/feed+json" title="Storyline: top stories (JSON Feed)" href="/feeds/top.json">
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%23b4390f'/%3E%3Cpath d='M4 11h8M4 8h8M4 5h5' stroke='%23fff' stroke-width='1.6'/%3E%3C/svg%3E">
<style>
  :root {
    --bg: #f5f4f0; --surface: #fff; --ink: #17171a; --muted: #5d6068; --line: #e2e0da;
    --accent: #b4390f; --accent-soft: #fbe9e1; --link: #1d4ed8; --mark: #ffe58a; --chip: #efede7;
    --focus: #2563eb; --serif: Georgia, "Times New Roman", "DejaVu Serif", serif;
    --sans: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  }
  @media (prefers-color-scheme: dark) {
    :root {
      --bg: #111214; --surface: #1b1c20; --ink: #ececee; --muted: #a3a6ae; --line: #2e3036;
      --accent: #ff8a5c; --accent-soft: #3a2219; --link: #8cb4ff; --mark: #6b5300; --chip: #26282d;
      --focus: #8cb4ff;
    }
  }
  * { box-sizing: border-box; }
  /* What the focus or a jump scrolls to stays clear of the sticky header. */
  html { -webkit-text-size-adjust: 100%; scroll-padding-top: 7rem; }
  body { margin: 0; font: 16px/1.55 var(--sans); color: var(--ink); background: var(--bg); min-height: 100vh; display: flex; flex-direction: column; }
  a { color: var(--link); }
  :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .skip-link { position: absolute; left: .5rem; top: -3rem; background: var(--surface); padding: .5rem .8rem; z-index: 10; }
  .skip-link:focus { top: .5rem; }

  /* Header: brand and search on one row, categories scroll sideways below on a phone. */
  .site-header { position: sticky; top: 0; z-index: 5; background: var(--surface); border-bottom: 1px solid var(--line); }
  .bar { max-width: 72rem; margin: 0 auto; padding: .55rem 1rem; display: flex; gap: .75rem 1.25rem; align-items: center; flex-wrap: wrap; }
  .brand { font: 700 1.35rem/1 var(--serif); color: var(--ink); text-decoration: none; letter-spacing: -.01em; }
  .brand span { color: var(--accent); }
  #categories { order: 3; flex-basis: 100%; display: flex; gap: .25rem; overflow-x: auto; scrollbar-width: none; margin: 0 -.25rem; }
  #categories a { flex: none; padding: .25rem .7rem; border-radius: 1rem; color: var(--muted); text-decoration: none; font-size: .92rem; text-transform: capitalize; }
  #categories a:hover { color: var(--ink); background: var(--chip); }
  #categories a[aria-current="page"] { background: var(--ink); color: var(--surface); }
  #search-form { margin-left: auto; display: flex; flex: 1 1 12rem; max-width: 22rem; }
  #search { flex: 1; min-width: 0; border: 1px solid var(--line); border-right: 0; border-radius: 1.2rem 0 0 1.2rem; padding: .4rem .9rem; font: inherit; color: inherit; background: var(--bg); }
  #search-form button { display: flex; align-items: center; gap: .3rem; border: 1px solid var(--line); border-radius: 0 1.2rem 1.2rem 0; padding: .4rem .8rem; font: inherit; background: var(--chip); color: var(--ink); cursor: pointer; }
  #search-form svg { width: 1.05rem; height: 1.05rem; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; }

  main { flex: 1; width: 100%; max-width: 72rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
  main:focus { outline: none; }
  h1, h2, h3 { line-height: 1.25; }
  .page-title { font: 700 1.6rem/1.2 var(--serif); margin: .4rem 0 1rem; }
  .feed-link { font-size: .85rem; }
  .page-feed { margin: -.6rem 0 1rem; }
  .more { text-align: center; margin: 1.5rem 0; }
  .more button { font: inherit; padding: .45rem 1.2rem; border-radius: 1.2rem; border: 1px solid var(--line); background: var(--surface); color: var(--ink); cursor: pointer; }
  .more button:disabled { opacity: .6; cursor: wait; }
  .section-title { display: flex; align-items: baseline; justify-content: space-between; gap: 1rem; font: 700 1.15rem/1.3 var(--sans); margin: 2rem 0 .7rem; padding-top: .6rem; border-top: 2px solid var(--ink); text-transform: capitalize; }
  .section-title a { font-size: .9rem; font-weight: 500; text-transform: none; }

  /* Story cards: the whole card is the link's target (headline ::after), so a thumb hits it. */
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); gap: .9rem; }
  .story-card { position: relative; background: var(--surface); border: 1px solid var(--line); border-radius: .8rem; padding: 1rem 1.1rem; display: flex; flex-direction: column; gap: .45rem; min-width: 0; }
  .story-card:hover { border-color: var(--muted); }
  .story-card h2, .story-card h3 { font: 700 1.13rem/1.3 var(--serif); margin: 0; overflow-wrap: anywhere; }
  .story-card h2 a, .story-card h3 a { color: inherit; text-decoration: none; }
  .story-card h2 a::after, .story-card h3 a::after { content: ""; position: absolute; inset: 0; border-radius: .8rem; }
  .story-card a:focus-visible { outline: none; }
  .story-card:focus-within { outline: 3px solid var(--focus); outline-offset: 2px; }
  .story-card .dek { margin: 0; color: var(--muted); font-size: .95rem; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
  .story-card .thumb { margin: -1rem -1.1rem .2rem; aspect-ratio: 16 / 9; overflow: hidden; border-radius: .8rem .8rem 0 0; background: var(--chip); }
  .story-card .thumb img { width: 100%; height: 100%; object-fit: cover; display: block; }
  .story-card.lead { grid-column: 1 / -1; }
  .story-card.lead h2 { font-size: 1.6rem; }
  @media (min-width: 48rem) {
    .story-card.lead.has-image { display: grid; grid-template-columns: 1fr 1.1fr; column-gap: 1.4rem; align-content: start; }
    .story-card.lead.has-image .thumb { grid-column: 2; grid-row: 1 / span 6; margin: -1rem -1.1rem -1rem 0; border-radius: 0 .8rem .8rem 0; aspect-ratio: auto; min-height: 16rem; }
    .story-card.lead > :not(.thumb) { grid-column: 1; }
  }
  .kicker { margin: 0; font-size: .75rem; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; color: var(--accent); }
  .kicker a { color: inherit; text-decoration: none; }
  .publisher-names { margin: 0; font-size: .85rem; color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }

  .meta { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .9rem; color: var(--muted); font-size: .85rem; margin: 0; }
  .heat { display: inline-flex; align-items: center; gap: .25rem; color: var(--accent); background: var(--accent-soft); font-weight: 700; border-radius: 1rem; padding: 0 .5rem 0 .35rem; font-variant-numeric: tabular-nums; }
  .heat svg { width: .85em; height: .85em; fill: currentColor; }
  .heat.cold { color: var(--muted); background: var(--chip); }

  /* Story page: reading column and a side column of coverage and timeline on a desktop. */
  .story-head { max-width: 48rem; }
  .story-head h1 { font: 700 clamp(1.6rem, 4.5vw, 2.4rem)/1.15 var(--serif); margin: .3rem 0 .6rem; overflow-wrap: anywhere; }
  .lead-image { margin: 1rem 0 0; max-width: 48rem; }
  .lead-image img { width: 100%; max-height: 26rem; object-fit: cover; display: block; border-radius: .8rem; background: var(--chip); }
  .lead-image figcaption { font-size: .8rem; color: var(--muted); padding: .3rem .6rem; }
  .topics { list-style: none; padding: 0; margin: .7rem 0 0; display: flex; flex-wrap: wrap; gap: .35rem; }
  .topics a { display: inline-block; padding: .1rem .65rem; border-radius: 1rem; background: var(--chip); color: var(--ink); text-decoration: none; font-size: .85rem; }
  .story-grid { display: grid; gap: 0 2.5rem; grid-template-columns: minmax(0, 1fr); }
  @media (min-width: 60rem) { .story-grid { grid-template-columns: minmax(0, 1fr) 19rem; } .story-side { grid-column: 2; grid-row: 1 / span 3; } }
  .story-grid h2 { font: 700 1.1rem/1.3 var(--sans); margin: 1.8rem 0 .7rem; padding-top: .5rem; border-top: 2px solid var(--ink); }
  .bullets { margin: 0; padding-left: 1.2rem; }
  .bullets li { margin: 0 0 .75rem; font-family: var(--serif); font-size: 1.07rem; }
  .cites { font-family: var(--sans); font-size: .8rem; color: var(--muted); }
  .cites a { color: var(--muted); }
  .speaker { margin: 0 0 1.2rem; }
  .speaker h3 { font-size: 1rem; margin: 0 0 .3rem; }
  .role { display: block; font-weight: 400; font-size: .85rem; color: var(--muted); }
  blockquote { margin: 0 0 .6rem; padding: .1rem 0 .1rem .9rem; border-left: 3px solid var(--accent); font-family: var(--serif); }
  blockquote p { margin: 0; }
  blockquote.reported { border-left-color: var(--line); font-style: italic; }
  blockquote footer { font: .8rem var(--sans); color: var(--muted); margin-top: .15rem; }
  blockquote footer a { color: var(--muted); }
  details.more summary { cursor: pointer; color: var(--link); font-size: .9rem; margin-bottom: .6rem; }
  .publisher-group { margin: 0 0 1.2rem; }
  .publisher-group h3 { font-size: .82rem; letter-spacing: .05em; text-transform: uppercase; color: var(--muted); margin: 0 0 .4rem; }
  .articles { list-style: none; margin: 0; padding: 0; }
  .articles li { padding: .5rem 0; border-bottom: 1px solid var(--line); }
  .articles li:last-child { border-bottom: 0; }
  .article-link { font-weight: 600; overflow-wrap: anywhere; }
  .articles .meta { margin-top: .15rem; }
  .also { margin: .2rem 0 0; font-size: .85rem; color: var(--muted); }
  .also a { color: var(--muted); }
  .excerpt { margin: .25rem 0 0; color: var(--muted); font-size: .92rem; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
  .coverage { list-style: none; margin: 0; padding: 0; font-size: .9rem; }
  .coverage li { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: .1rem .6rem; margin-bottom: .55rem; }
  .coverage .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .coverage .bar-track { grid-column: 1 / -1; height: .4rem; background: var(--chip); border-radius: .2rem; }
  .coverage .bar-fill { height: 100%; background: var(--accent); border-radius: .2rem; }
  .timeline { list-style: none; margin: 0; padding: 0 0 0 1rem; border-left: 2px solid var(--line); }
  .timeline li { position: relative; margin: 0 0 .9rem; font-size: .92rem; }
  .timeline li::before { content: ""; position: absolute; left: calc(-1rem - 6px); top: .45rem; width: 10px; height: 10px; border-radius: 50%; background: var(--line); }
  .timeline li[aria-current]::before { background: var(--accent); }
  .timeline li[aria-current] > span.title { font-weight: 700; }
  .timeline time, .timeline .count { display: block; color: var(--muted); font-size: .8rem; }
  .related { list-style: none; margin: 0; padding: 0; }
  .related li { margin: 0 0 .8rem; font-size: .92rem; }
  .related .count { display: block; color: var(--muted); font-size: .8rem; }

  /* Article reader and search results. */
  .reader { max-width: 42rem; margin: 0 auto; }
  .reader h1 { font: 700 clamp(1.5rem, 4vw, 2.1rem)/1.2 var(--serif); margin: .3rem 0 .6rem; overflow-wrap: anywhere; }
  .reader > .meta { margin-bottom: 1.4rem; }
  .reader .lead-image { margin: 0 0 1.4rem; }
  .reader .body p { font: 1.1rem/1.65 var(--serif); margin: 0 0 1.1rem; overflow-wrap: anywhere; }
  .back { display: inline-block; margin: .2rem 0 .8rem; font-size: .9rem; }
  .results { list-style: none; margin: 0; padding: 0; }
  .result { background: var(--surface); border: 1px solid var(--line); border-radius: .8rem; padding: .8rem 1rem; margin-bottom: .7rem; }
  .result h3 { font: 700 1.05rem/1.3 var(--serif); margin: 0 0 .2rem; overflow-wrap: anywhere; }
  .snippet { margin: .35rem 0 0; font-size: .95rem; overflow-wrap: anywhere; }
  mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: .15em; }
  .state { text-align: center; padding: 3rem 1rem; color: var(--muted); }
  .state h1 { color: var(--ink); font: 700 1.4rem var(--serif); }
  .state button { font: inherit; padding: .45rem 1rem; border-radius: 1.2rem; border: 1px solid var(--line); background: var(--surface); color: var(--ink); cursor: pointer; }
  code { font-size: .9em; background: var(--chip); padding: .1em .35em; border-radius: .3em; overflow-wrap: anywhere; }
  .site-footer { width: 100%; max-width: 72rem; margin: 0 auto; padding: 1rem; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); }
  @media (max-width: 40rem) {
    .bar { padding: .5rem .75rem; }
    main { padding: .75rem .75rem 2rem; }
    .bar { flex-wrap: wrap; }
    /* The categories scroll sideways: their fading edge says there is more. */
    #categories { -webkit-mask-image: linear-gradient(to right, #000 85%, transparent); mask-image: linear-gradient(to right, #000 85%, transparent); padding-right: 2rem; }
    #search-form { max-width: none; flex-basis: 0; min-width: 0; }
    #search { width: 100%; }
    #search-form .label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    .brand { font-size: 1.2rem; }
    .story-card.lead h2 { font-size: 1.35rem; }
    /* More headlines to a screen: smaller cards below the lead. */
    .cards { gap: .6rem; }
    .story-card { padding: .8rem .9rem; gap: .35rem; }
    .story-card .thumb { margin: -.8rem -.9rem .2rem; }
    .story-card:not(.lead) h2, .story-card:not(.lead) h3 { font-size: 1.05rem; }
    .story-card:not(.lead) .dek { -webkit-line-clamp: 2; font-size: .9rem; }
    .bullets li { font-size: 1rem; }
    /* A phone shows a small picture beside the headline, as news apps do. */
    .story-card.has-image:not(.lead) { display: grid; grid-template-columns: minmax(0, 1fr) 5.5rem; column-gap: .8rem; align-content: start; }
    .story-card.has-image:not(.lead) > * { grid-column: 1; }
    .story-card.has-image:not(.lead) .thumb { grid-column: 2; grid-row: 1 / span 3; margin: 0; aspect-ratio: 1; border-radius: .5rem; }
  }
  /* Sources view: live feeds and their health. */
  .sources-link { color: var(--muted); text-decoration: none; font-size: .9rem; white-space: nowrap; }
  .sources-link[aria-current="page"] { color: var(--ink); font-weight: 600; }
  .table-wrap { overflow-x: auto; }
  table.source-table { width: 100%; border-collapse: collapse; font-size: .85rem; background: var(--surface); }
  table.source-table th, table.source-table td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
  table.source-table td.error { color: var(--accent); }
  table.source-table .url { color: var(--muted); font-size: .8rem; word-break: break-all; }
  .health { display: inline-block; width: .6rem; height: .6rem; border-radius: 50%; margin-right: .3rem; background: var(--muted); }
  .health.ok { background: #2e7d32; } .health.failing { background: var(--accent); } .health.waiting { background: #f9a825; }
</style>
</head>
<body>
<a class="skip-link" href="#main" onclick="event.preventDefault(); document.getElementById('main').focus()">Skip to content</a>
<header class="site-header">
  <div class="bar">
    <a class="brand" href="#/" aria-label="Storyline, front page">Story<span>line</span></a>
    <nav id="categories" aria-label="Categories"></nav>
    <a id="sources-link" class="sources-link" href="#/sources">Sources</a>
    <form id="search-form" role="search">
      <label class="visually-hidden" for="search">Search news</label>
      <input id="search" type="search" name="q" placeholder="Search news" autocomplete="off" enterkeyhint="search">
      <button type="submit"><svg viewBox="0 0 20 20" aria-hidden="true"><circle cx="8.5" cy="8.5" r="5.5"/><path d="M13 13l4.5 4.5"/></svg><span class="label">Search</span></button>
    </form>
  </div>
</header>
<main id="main" tabindex="-1"><p class="state">Loading…</p></main>
<footer class="site-footer">Storyline: stories ranked by heat (how many publishers, how fast and how recently they report).</footer>
<script>
"use strict";
const CATEGORIES = ["all", "society", "economy", "technology", "science", "sports", "entertainment", "other"];
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
function leadImage(articles) {
  for (const a of articles || []) for (const image of a.images || []) if (safeUrl(image.url)) return {url: image.url, article: a};
  return null;
}
// An image that cannot load (offline, moved) leaves no empty frame behind.
function dropImage(img) { img.closest(".has-image")?.classList.remove("has-image"); img.parentNode.remove(); }
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
let lastStory = null;  // {id, title}: where "back to story" from an article goes
const scrollPositions = new Map();  // hash → how far down the reader was
let followedLink = false;  // a link or the search box, not Back or Forward, led to this view
document.addEventListener("click", e => { if (e.target.closest?.('a[href^="#"]')) followedLink = true; });
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
    ${retry ? `<button type="button" onclick="route()">Try again</button>` : `<p><a href="#/">Front page</a></p>`}</div>`;
}
// Asking again helps when the server was away or failed (5xx), not when the request was wrong (4xx).
const errorState = (heading, error) => stateMessage(heading, esc(error.message), !(error.status >= 400 && error.status < 500));

function renderCategories(active) {
  document.getElementById("categories").innerHTML = CATEGORIES.map(c => {
    const href = c === "all" ? "#/" : `#/category/${c}`;
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
  const figure = image ? `<div class="thumb"><img src="${esc(image.url)}" alt="${esc(image.article.title || story.title || "")}" loading="${lead ? "eager" : "lazy"}" decoding="async" referrerpolicy="no-referrer" onerror="dropImage(this)"></div>` : "";
  return `<article class="story-card${lead ? " lead" : ""}${image ? " has-image" : ""}" data-story-id="${esc(story.id)}"${langAttr(story)}>
    ${figure}${kicker && story.category ? `<p class="kicker">${esc(story.category)}</p>` : ""}
    <${heading}><a href="#/story/${encodeURIComponent(story.id)}">${esc(story.title || "Untitled story")}</a></${heading}>
    ${storyMeta(story)}${dek ? `<p class="dek">${dek}</p>` : ""}${publisherNames(story)}</article>`;
}

// ---- Views ----------------------------------------------------------------------------------
// Front page: the hottest stories, then each category's next hottest; a category page: all of one.
// A category page lists CATEGORY_PAGE stories, and "More" asks the API for the next ones (offset).
const TOP_STORIES = 7, PER_CATEGORY = 3, CATEGORY_PAGE = 20;
function categoryStoriesUrl(category, offset) {
  return `/api/stories?limit=${CATEGORY_PAGE}&offset=${offset}&articles=8&text=0&category=${encodeURIComponent(category)}`;
}
function moreButton(category, offset) {
  return `<p class="more"><button type="button" id="more-stories" data-category="${esc(category)}" data-offset="${offset}">More ${esc(category)} stories</button></p>`;
}
document.addEventListener("click", async e => {
  const button = e.target.closest?.("#more-stories");
  if (!button) return;
  const {category} = button.dataset, offset = Number(button.dataset.offset);
  button.disabled = true;
  try {
    const {stories} = await getJson(categoryStoriesUrl(category, offset));
    document.getElementById("category-cards")?.insertAdjacentHTML("beforeend",
      stories.map(s => storyCard(s, {kicker: false})).join(""));
    if (stories.length < CATEGORY_PAGE) button.closest(".more").remove();
    else { button.dataset.offset = String(offset + stories.length); button.disabled = false; }
  } catch (error) { button.disabled = false; button.textContent = "Could not load more: try again"; }
});
async function showFront(category) {
  const token = beginView(category ? capitalized(category) : "", category || "all");
  try {
    const {stories} = await getJson(category ? categoryStoriesUrl(category, 0) : `/api/stories?limit=80&articles=8&text=0`);
    if (!stories.length) {
      return render(token, category ? stateMessage(`No ${category} stories`, "Nothing in this category yet.")
        : stateMessage("No stories yet", "Ingest some news and they will appear here: <code>storyline ingest --db storyline.db FOLDER</code>"));
    }
    if (category) {
      return render(token, `<h1 class="page-title">${esc(capitalized(category))}</h1>
        <p class="page-feed"><a class="feed-link" type="application/atom+xml" href="/feeds/category/${encodeURIComponent(category)}.atom">Feed of ${esc(category)} stories</a></p>
        <div class="cards" id="category-cards">${stories.map((s, i) => storyCard(s, {lead: i === 0, kicker: false})).join("")}</div>
        ${stories.length === CATEGORY_PAGE ? moreButton(category, CATEGORY_PAGE) : ""}`);
    }
    const top = stories.slice(0, TOP_STORIES);
    const sections = CATEGORIES.slice(1).map(c => {
      const rest = stories.slice(TOP_STORIES).filter(s => s.category === c);
      if (!rest.length) return "";
      return `<section aria-labelledby="section-${c}"><h2 class="section-title" id="section-${c}">${c}
        <a href="#/category/${c}">More ${c}</a></h2>
        <div class="cards">${rest.slice(0, PER_CATEGORY).map(s => storyCard(s, {heading: "h3", kicker: false})).join("")}</div></section>`;
    }).join("");
    render(token, `<h1 class="visually-hidden">Top stories</h1>
      <section aria-label="Top stories"><div class="cards">${top.map((s, i) => storyCard(s, {lead: i === 0})).join("")}</div></section>${sections}`);
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
    lastStory = {id: story.id, title: story.title};
    const articles = story.articles || [];
    articles.forEach((a, i) => { a.position = i + 1; });
    const articlesById = new Map(articles.map(a => [a.id, a]));
    const groups = groupByPublisher(articles);
    const image = leadImage(articles);
    const topics = (story.topics || []).map(t => `<li><a href="#/search/${encodeURIComponent(t)}">${esc(t)}</a></li>`).join("");
    render(token, `<article class="story-page" data-story-id="${esc(story.id)}"${langAttr(story)}>
      <header class="story-head">
        ${story.category ? `<p class="kicker"><a href="#/category/${encodeURIComponent(story.category)}">${esc(story.category)}</a></p>` : ""}
        <h1>${esc(story.title || "Untitled story")}</h1>
        <p class="meta">${heatBadge(story.heat)}<span class="publisher-count">${plural(story.publisher_count ?? groups.length, "publisher")}</span>
          <span class="article-count">${plural(story.article_count ?? articles.length, "article")}</span>${dateRange(story.first_published, story.last_published)}
          <a class="feed-link" type="application/atom+xml" href="/feeds/story/${encodeURIComponent(story.id)}.atom">Follow this story (feed)</a></p>
        ${topics ? `<ul class="topics" aria-label="Topics">${topics}</ul>` : ""}
      </header>
      ${image ? `<figure class="lead-image"><img src="${esc(image.url)}" alt="${esc(image.article.title || story.title || "")}" referrerpolicy="no-referrer" onerror="dropImage(this)">
        <figcaption>Image: ${esc(publisherOf(image.article))}</figcaption></figure>` : ""}
      <div class="story-grid">
        <div class="story-main">${overviewSection(story, articlesById)}${quotesSection(story, articlesById)}${articlesSection(groups)}</div>
        <aside class="story-side" aria-label="Coverage and storyline">${coverageSection(story, groups)}${timelineSection(story)}${relatedSection(story)}</aside>
      </div></article>`, story.title);
  } catch (e) { render(token, errorState("Could not load this story", e)); }
}

async function showArticle(id) {
  const token = beginView("Article");
  try {
    const a = await getJson(`/api/articles/${encodeURIComponent(id)}`);
    const url = safeUrl(a.url);
    const image = leadImage([a]);
    const back = lastStory ? `<a class="back" href="#/story/${encodeURIComponent(lastStory.id)}">← ${esc(lastStory.title || "Back to the story")}</a>`
      : `<a class="back" href="#/">← Front page</a>`;
    const paragraphs = (a.text || a.excerpt || "").split(/\n\n+/).filter(p => p.trim()).map(p => `<p>${esc(p)}</p>`).join("");
    render(token, `<article class="reader"${langAttr(a)}>${back}
      ${publisherOf(a) ? `<p class="kicker">${esc(publisherOf(a))}</p>` : ""}
      <h1>${esc(a.title || "Untitled article")}</h1>
      <p class="meta">${a.author ? `<span>${esc(a.author)}</span>` : ""}${a.published ? `<time datetime="${esc(a.published)}">${esc(fullDate(a.published))}</time>` : ""}
        ${url ? `<a href="${esc(url)}" target="_blank" rel="noopener noreferrer">Original at ${esc(hostOf(url))}</a>` : ""}</p>
      ${image ? `<figure class="lead-image"><img src="${esc(image.url)}" alt="${esc(a.title || "")}" referrerpolicy="no-referrer" onerror="dropImage(this)"></figure>` : ""}
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
  let hash;
  try { hash = decodeURIComponent(location.hash.slice(1) || "/"); } catch { hash = "/"; }
  const [, kind, ...rest] = hash.split("/");
  const arg = rest.join("/");
  if (kind === "story") return showStory(arg);
  if (kind === "article") return showArticle(arg);
  if (kind === "search") return showSearch(arg);
  if (kind === "category") return showFront(arg);
  if (kind === "sources") return showSources();
  return showFront("");
}
document.getElementById("search-form").onsubmit = e => {
  e.preventDefault();
  const q = document.getElementById("search").value.trim();
  if (q) { followedLink = true; location.hash = "#/search/" + encodeURIComponent(q); }
};
window.onhashchange = e => { scrollPositions.set(new URL(e.oldURL).hash || "#/", window.scrollY); route(); };
route();
</script>
</body>
</html>
)html";
  return kPage;
}

}  // namespace storyline::serve
