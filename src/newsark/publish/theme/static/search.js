// The search page: Pagefind's JS API over every part of the index, with newsark's tokens.
// The query is folded to one script with the index's own table (fold.json) and cut into
// overlapping CJK bigrams, as the index was (newsark.search.tokens); results show the
// title, date and lead kept as Pagefind metadata. ?q=&year=&category= run a search.
"use strict";

const CJK_CHARS = "\\u2e80-\\u2fdf\\u3005-\\u3007\\u3021-\\u3029\\u3040-\\u30fa\\u30fc-\\u30ff\\u3100-\\u312f" +
  "\\u3190-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
// As newsark.search.tokens.TOKEN_RE: a CJK run, a run of digits, a run of other letters.
const TOKEN = new RegExp(`([${CJK_CHARS}]+)|([0-9]+)|((?:(?![${CJK_CHARS}])[\\p{L}\\p{M}])+)`, "gu");
const PAGE = 20;

function foldText(table, text) {
  return Array.from(text, (ch) => table[ch] || ch).join("");
}

// A query -> index tokens, as newsark.search.tokens.query_tokens: a CJK run gives its
// bigrams, and its last character alone when the run is one character or is followed
// by more of the term (that lone character is how the index ends every run).
function queryTokens(table, query) {
  const out = [];
  for (const term of foldText(table, query).split(/\s+/)) {
    const found = Array.from(term.replace(/[^\p{L}\p{N}\p{M}]+/gu, " ").matchAll(TOKEN));
    found.forEach((m, i) => {
      if (m[1] === undefined) { out.push(m[0]); return; }
      const run = Array.from(m[1]);
      for (let j = 0; j + 1 < run.length; j++) out.push(run[j] + run[j + 1]);
      if (run.length === 1 || i < found.length - 1) out.push(run[run.length - 1]);
    });
  }
  return out;
}

// As newsark.publish.search_index.encode_tokens: 跑道 -> k036305036947.
const CJK_RUN = new RegExp(`[${CJK_CHARS}]+`, "gu");
function encodeToken(token) {
  return token.replace(CJK_RUN, (run) => "k" + Array.from(run, (ch) => String(ch.codePointAt(0)).padStart(6, "0")).join(""));
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

// Mark the query's words in a lead: matched on folded text, which has the same length
// in characters, so the marks land on the original characters.
function highlight(table, lead, query) {
  const chars = Array.from(lead);
  const folded = chars.map((ch) => table[ch] || ch);
  const marks = new Array(chars.length).fill(false);
  for (const term of query.split(/\s+/)) {
    const t = Array.from(foldText(table, term));
    if (!t.length) continue;
    for (let i = 0; i + t.length <= folded.length; i++) {
      if (t.every((c, j) => folded[i + j] === c)) marks.fill(true, i, i + t.length);
    }
  }
  let html = "";
  chars.forEach((ch, i) => {
    if (marks[i] && !marks[i - 1]) html += "<mark>";
    html += escapeHtml(ch);
    if (marks[i] && !marks[i + 1]) html += "</mark>";
  });
  return html;
}

async function main() {
  const form = document.getElementById("search");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const more = document.getElementById("search-more");
  const bundles = JSON.parse(form.dataset.bundles);
  const [pagefind, table] = await Promise.all([
    import(bundles[0] + "pagefind.js"),
    fetch(form.dataset.fold).then((r) => r.json()),
  ]);
  await pagefind.options({ baseUrl: form.dataset.base });
  for (const bundle of bundles.slice(1)) await pagefind.mergeIndex(bundle);
  const filters = await pagefind.filters();
  for (const name of ["year", "category"]) {
    const select = form.elements[name];
    const values = Object.entries(filters[name] || {});
    values.sort(name === "year" ? (a, b) => b[0].localeCompare(a[0]) : (a, b) => b[1] - a[1]);
    for (const [value, n] of values) select.add(new Option(`${value} (${n})`, value));
  }
  let results = [];
  let shown = 0;
  let query = "";

  async function showMore() {
    const batch = await Promise.all(results.slice(shown, shown + PAGE).map((r) => r.data()));
    for (const d of batch) {
      const li = document.createElement("li");
      li.className = "card";
      const m = d.meta;
      li.innerHTML = `<a href="${escapeHtml(d.url)}">${escapeHtml(m.title || d.url)}</a>` +
        `<span class="meta">${escapeHtml(m.date || "")}</span>` +
        `<span class="lead">${highlight(table, m.lead || "", query)}</span>`;
      list.append(li);
    }
    shown += batch.length;
    more.hidden = shown >= results.length;
  }

  async function run() {
    const params = new URLSearchParams(new FormData(form));
    // (characters no reader sees are left out, as newsark.unseen does for the index)
    query = (params.get("q") || "").replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, "").trim();
    const chosen = {};
    for (const name of ["year", "category"]) if (params.get(name)) chosen[name] = params.get(name);
    status.textContent = "";
    history.replaceState(null, "", "?" + params.toString());
    list.replaceChildren();
    shown = 0;
    results = [];
    const tokens = queryTokens(table, query);
    if (!tokens.length && !Object.keys(chosen).length) { status.textContent = ""; more.hidden = true; return; }
    const found = await pagefind.search(tokens.length ? tokens.map(encodeToken).join(" ") : null,
      { filters: chosen, sort: tokens.length ? undefined : { date: "desc" } });
    results = found.results;
    await showMore();
    // last: the count says the results are on the page
    status.textContent = status.dataset.count
      ? status.dataset.count.replace("{n}", results.length) : String(results.length);
  }

  form.addEventListener("submit", (e) => { e.preventDefault(); run(); });
  more.addEventListener("click", showMore);
  const start = new URLSearchParams(location.search);
  for (const name of ["q", "year", "category"]) if (start.get(name)) form.elements[name].value = start.get(name);
  if (start.get("q") || start.get("year") || start.get("category")) run();
}

main().catch((e) => {
  document.getElementById("search-status").textContent = String(e);
});
