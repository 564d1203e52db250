#include "storyline/serve/web_page.h"

namespace storyline::serve {

std::string_view web_page_html() {
  static constexpr std::string_view kPage = R"html(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Storyline</title>
<style>
  :root { --ink: #1d1d1f; --muted: #6e6e73; --line: #e5e5ea; --accent: #b3261e; --bg: #fafafa; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
  header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: .6rem 1rem; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; z-index: 1; }
  header h1 { font-size: 1.25rem; margin: 0; letter-spacing: -.01em; }
  header h1 a { color: inherit; text-decoration: none; }
  nav { display: flex; gap: .25rem; flex-wrap: wrap; }
  nav button { border: 0; background: none; padding: .3rem .6rem; border-radius: 1rem; cursor: pointer; color: var(--muted); font: inherit; }
  nav button.active { background: var(--ink); color: #fff; }
  form { margin-left: auto; display: flex; }
  input[type=search] { border: 1px solid var(--line); border-radius: 1rem; padding: .35rem .8rem; font: inherit; width: 14rem; max-width: 60vw; }
  main { max-width: 56rem; margin: 0 auto; padding: 1rem; }
  .card { background: #fff; border: 1px solid var(--line); border-radius: .75rem; padding: 1rem 1.1rem; margin-bottom: .8rem; }
  .card h2 { font-size: 1.1rem; margin: 0 0 .3rem; line-height: 1.3; }
  .card h2 a { color: inherit; text-decoration: none; }
  .card h2 a:hover { text-decoration: underline; }
  .meta { color: var(--muted); font-size: .85rem; display: flex; gap: .8rem; flex-wrap: wrap; }
  .heat { color: var(--accent); font-weight: 600; }
  ul.summary { margin: .5rem 0 0; padding-left: 1.1rem; }
  ul.summary li { margin: .2rem 0; }
  .sources { color: var(--muted); font-size: .8rem; }
  .publisher { margin-top: .8rem; }
  .publisher h3 { font-size: .9rem; margin: 0 0 .2rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
  blockquote { margin: .4rem 0; padding-left: .8rem; border-left: 3px solid var(--line); }
  .timeline li { margin: .3rem 0; }
  .empty { color: var(--muted); text-align: center; padding: 3rem 1rem; }
  mark, b.hit { background: #fff3b0; }
  header a.sources-link { color: var(--muted); text-decoration: none; font-size: .9rem; }
  header a.sources-link.active { color: var(--ink); font-weight: 600; }
  table.source-table { width: 100%; border-collapse: collapse; font-size: .85rem; background: #fff; }
  table.source-table th, table.source-table td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
  table.source-table td.error { color: var(--accent); }
  .health { display: inline-block; width: .6rem; height: .6rem; border-radius: 50%; margin-right: .3rem; background: var(--muted); }
  .health.ok { background: #2e7d32; } .health.failing { background: var(--accent); } .health.waiting { background: #f9a825; }
  @media (max-width: 600px) { form { margin-left: 0; width: 100%; } input[type=search] { width: 100%; max-width: none; } }
</style>
</head>
<body>
<header>
  <h1><a href="#/">Storyline</a></h1>
  <nav id="categories"></nav>
  <a id="sources-link" class="sources-link" href="#/sources">Sources</a>
  <form id="search-form" role="search"><input id="search" type="search" placeholder="Search news" aria-label="Search"></form>
</header>
<main id="main"><p class="empty">Loading…</p></main>
<script>
const CATEGORIES = ["all", "society", "economy", "technology", "science", "sports", "entertainment", "other"];
const main = document.getElementById("main");
const esc = s => String(s ?? "").replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
const when = iso => { if (!iso) return ""; const d = new Date(iso); return isNaN(d) ? esc(iso) : d.toLocaleString(undefined, {dateStyle: "medium", timeStyle: iso.length > 10 ? "short" : undefined}); };
const publishers = story => new Set((story.articles || []).map(a => a.site_name || a.domain).filter(Boolean));
async function getJson(url) { const r = await fetch(url); if (!r.ok) throw new Error((await r.json().catch(() => ({}))).error || r.statusText); return r.json(); }

function renderCategories(active) {
  document.getElementById("categories").innerHTML = CATEGORIES.map(c =>
    `<button class="${c === active ? "active" : ""}" data-category="${c}">${c}</button>`).join("");
  document.querySelectorAll("#categories button").forEach(b => b.onclick = () => { location.hash = b.dataset.category === "all" ? "#/" : "#/category/" + b.dataset.category; });
}

function storyCard(story) {
  const summary = (story.summary || []).slice(0, 3).map(s => `<li>${esc(typeof s === "string" ? s : s.text)}</li>`).join("");
  return `<article class="card story"><h2><a href="#/story/${encodeURIComponent(story.id)}">${esc(story.title)}</a></h2>
    <div class="meta"><span class="heat" title="heat">&#9679; ${Number(story.heat || 0).toFixed(1)}</span>
    <span>${publishers(story).size} publishers</span><span>${(story.articles || []).length} articles</span>
    <span>${when(story.last_published)}</span><span>${esc(story.category || "")}</span></div>
    ${summary ? `<ul class="summary">${summary}</ul>` : ""}</article>`;
}

async function showFront(category) {
  renderCategories(category || "all");
  const query = category ? `&category=${encodeURIComponent(category)}` : "";
  try {
    const data = await getJson(`/api/stories?limit=50${query}`);
    main.innerHTML = data.stories.length ? data.stories.map(storyCard).join("") : `<p class="empty">No stories yet. Ingest some news: <code>storyline ingest FOLDER</code>.</p>`;
  } catch (e) { main.innerHTML = `<p class="empty">Could not load stories: ${esc(e.message)}</p>`; }
}

async function showStory(id) {
  renderCategories("");
  try {
    const story = await getJson(`/api/stories/${encodeURIComponent(id)}`);
    const byPublisher = {};
    for (const a of story.articles || []) (byPublisher[a.site_name || a.domain || "unknown"] ||= []).push(a);
    const bullets = (story.summary || []).map(s => typeof s === "string" ? `<li>${esc(s)}</li>` :
      `<li>${esc(s.text)} <span class="sources">— ${esc((s.sources || []).join(", "))}</span></li>`).join("");
    const quotes = (story.quotes || []).map(q => `<blockquote>“${esc(q.text)}” <span class="sources">— ${esc(q.speaker)}${q.source ? ", via " + esc(q.source) : ""}</span></blockquote>`).join("");
    const timeline = (story.timeline || []).map(t => `<li>${when(t.first_published)} — <a href="#/story/${encodeURIComponent(t.id)}">${esc(t.title)}</a></li>`).join("");
    main.innerHTML = `<article class="card"><h2>${esc(story.title)}</h2>
      <div class="meta"><span class="heat">&#9679; ${Number(story.heat || 0).toFixed(1)}</span><span>${publishers(story).size} publishers</span>
      <span>${when(story.first_published)} – ${when(story.last_published)}</span></div>
      ${bullets ? `<ul class="summary">${bullets}</ul>` : ""}
      ${quotes ? `<h3>Who said what</h3>${quotes}` : ""}
      ${Object.entries(byPublisher).map(([p, list]) => `<div class="publisher"><h3>${esc(p)}</h3>${list.map(a =>
        `<div><a class="article-link" href="${esc(a.url || "#/article/" + encodeURIComponent(a.id))}">${esc(a.title || a.id)}</a> <span class="sources">${when(a.published)}</span></div>`).join("")}</div>`).join("")}
      ${timeline ? `<h3>Storyline</h3><ul class="timeline">${timeline}</ul>` : ""}</article>`;
  } catch (e) { main.innerHTML = `<p class="empty">${esc(e.message)}</p>`; }
}

async function showArticle(id) {
  try {
    const a = await getJson(`/api/articles/${encodeURIComponent(id)}`);
    main.innerHTML = `<article class="card"><h2>${esc(a.title)}</h2><div class="meta"><span>${esc(a.site_name || a.domain || "")}</span><span>${when(a.published)}</span><span>${esc(a.author || "")}</span></div>
      ${(a.text || "").split("\n\n").map(p => `<p>${esc(p)}</p>`).join("")}</article>`;
  } catch (e) { main.innerHTML = `<p class="empty">${esc(e.message)}</p>`; }
}

async function showSearch(q) {
  renderCategories("");
  document.getElementById("search").value = q;
  try {
    const data = await getJson(`/api/search?q=${encodeURIComponent(q)}&limit=30`);
    const stories = (data.stories || []).map(storyCard).join("");
    const articles = data.articles.map(a => `<article class="card result"><h2><a href="#/article/${encodeURIComponent(a.id)}">${esc(a.title || a.id)}</a></h2>
      <div class="meta"><span>${esc(a.site_name || a.domain || "")}</span><span>${when(a.published)}</span></div>
      <p>${esc(a.snippet).replace(/&lt;b&gt;/g, "<mark>").replace(/&lt;\/b&gt;/g, "</mark>")}</p></article>`).join("");
    main.innerHTML = (stories + articles) || `<p class="empty">Nothing found for “${esc(q)}”.</p>`;
  } catch (e) { main.innerHTML = `<p class="empty">${esc(e.message)}</p>`; }
}

// Live sources and their health: green when the last fetch worked, red when it failed,
// amber when it was skipped (robots.txt) or has not run yet.
function healthOf(s) {
  if (s.last_outcome === "ok" || s.last_outcome === "not modified") return "ok";
  if (s.last_outcome === "error") return "failing";
  return "waiting";
}

async function showSources() {
  renderCategories("");
  document.getElementById("sources-link").classList.add("active");
  try {
    const data = await getJson("/api/sources");
    if (!data.sources.length) { main.innerHTML = `<p class="empty">No sources yet. Add feeds: <code>storyline sources add URL</code> or <code>storyline sources import FILE.opml</code>, then run <code>storyline serve --poll</code>.</p>`; return; }
    const rows = data.sources.map(s => `<tr><td><span class="health ${healthOf(s)}" title="${esc(s.last_outcome || "not fetched yet")}"></span>
      ${esc(s.name || s.url)}<div class="sources">${esc(s.url)}</div></td>
      <td>${esc(s.category || "")}</td><td>${s.last_fetch ? when(s.last_fetch) : "never"}</td>
      <td>${esc(s.last_status ?? "")} ${esc(s.last_outcome || "")}</td><td>${s.items_seen}</td>
      <td class="${s.consecutive_errors ? "error" : ""}">${s.consecutive_errors}${s.last_error ? " — " + esc(s.last_error) : ""}</td>
      <td>${when(s.next_due)}</td></tr>`).join("");
    main.innerHTML = `<table class="source-table"><thead><tr><th>Source</th><th>Folder</th><th>Last fetch</th><th>Status</th><th>Items</th><th>Errors</th><th>Next</th></tr></thead><tbody>${rows}</tbody></table>`;
  } catch (e) { main.innerHTML = `<p class="empty">Could not load sources: ${esc(e.message)}</p>`; }
}

function route() {
  document.getElementById("sources-link").classList.remove("active");
  const hash = decodeURIComponent(location.hash.slice(1) || "/");
  const [, kind, ...rest] = hash.split("/");
  const arg = rest.join("/");
  if (kind === "story") return showStory(arg);
  if (kind === "article") return showArticle(arg);
  if (kind === "search") return showSearch(arg);
  if (kind === "category") return showFront(arg);
  if (kind === "sources") return showSources();
  return showFront("");
}
document.getElementById("search-form").onsubmit = e => { e.preventDefault(); const q = document.getElementById("search").value.trim(); if (q) location.hash = "#/search/" + encodeURIComponent(q); };
window.onhashchange = route;
route();
</script>
</body>
</html>
)html";
  return kPage;
}

}  // namespace storyline::serve
