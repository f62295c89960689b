// The review console: lists, uploads and reviews call recordings through the public API, as any client would.
// The token lives in this module's memory only (never localStorage, cookies or the URL), and every view is
// cleared when it changes, so nothing one tenant owns stays on screen for another.
import WaveSurfer from "/console/wavesurfer.esm.js";

const API = "/api/v1";
const TERMINAL = new Set(["completed", "failed"]);
const POLL_MS = 1500;
const SPEAKER_COLOURS = ["#2f6fd6", "#c2572b", "#6a4bc2"];

const $ = (id) => document.getElementById(id);
const state = { token: null, msal: null, account: null, listQuery: { page: 1 }, timers: new Set(), player: null };

// --- small helpers ---------------------------------------------------------------------------------------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function svg(tag, attributes = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

function clock(ms) {
  const total = Math.max(0, ms) / 1000;
  const minutes = Math.floor(total / 60);
  return `${minutes}:${(total - minutes * 60).toFixed(1).padStart(4, "0")}`;
}

function showMessage(text) {
  $("message").textContent = text || "";
  $("message").hidden = !text;
}

function later(callback, ms) {
  const timer = setTimeout(() => { state.timers.delete(timer); callback(); }, ms);
  state.timers.add(timer);
  return timer;
}

function stopTimers() {
  for (const timer of state.timers) clearTimeout(timer);
  state.timers.clear();
}

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code;
  }
}

async function api(path, { method = "GET", body, accept = "application/json" } = {}) {
  const headers = { Authorization: `Bearer ${await currentToken()}`, Accept: accept };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) signOut("Your sign-in has expired or was refused; sign in again.");
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return null;
  return accept === "application/json" ? response.json() : response.blob();
}

// --- sign-in: a pasted token locally, MSAL.js in Azure -----------------------------------------------

async function currentToken() {
  if (state.msal && state.account) {
    const result = await state.msal.acquireTokenSilent({ account: state.account, scopes: state.config.scopes })
      .catch(() => state.msal.acquireTokenPopup({ scopes: state.config.scopes }));
    state.token = result.accessToken;
  }
  if (!state.token) throw new ApiError(401, { detail: "Sign in first." });
  return state.token;
}

function tokenClaims(token) {
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(payload));
  } catch {
    return {};
  }
}

function signIn(token) {
  resetViews();
  state.token = token;
  const claims = tokenClaims(token);
  $("account-name").textContent = claims.preferred_username || claims.name || claims.sub || "signed in";
  $("account").hidden = false;
  $("sign-in").hidden = true;
  $("signed-out").hidden = true;
  showMessage("");
  route();
}

function signOut(reason) {
  resetViews();
  state.token = null;
  state.account = null;
  $("token").value = "";
  $("account").hidden = true;
  $("sign-in").hidden = false;
  $("signed-out").hidden = false;
  $("list-view").hidden = true;
  $("call-view").hidden = true;
  showMessage(reason || "");
}

function resetViews() {
  stopTimers();
  destroyPlayer();
  $("calls").replaceChildren();
  $("pages").replaceChildren();
  $("uploads").replaceChildren();
  $("total").textContent = "";
  $("transcript").replaceChildren();
  $("criteria").replaceChildren();
  for (const id of ["score", "sentiment", "talk", "call-title", "call-status", "call-meta"]) $(id).replaceChildren();
}

async function setUpEntra(config) {
  await loadScript("/console/msal-browser.min.js");
  state.msal = new window.msal.PublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri: `${location.origin}/console` },
    cache: { cacheLocation: "memoryStorage" },
  });
  await state.msal.initialize();
  $("token").hidden = true;
  document.querySelector("label[for=token]").hidden = true;
  $("signed-out").querySelector("p").textContent = "Sign in with your organisation account to review your tenant's calls.";
  $("sign-in").addEventListener("submit", async () => {
    const result = await state.msal.loginPopup({ scopes: config.scopes });
    state.account = result.account;
    signIn(result.accessToken);
  });
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    document.head.append(el("script", { src, onload: resolve, onerror: () => reject(new Error(`${src} did not load`)) }));
  });
}

// --- the list --------------------------------------------------------------------------------------------

function listParameters() {
  const form = new FormData($("filters"));
  const parameters = new URLSearchParams();
  for (const [name, value] of form.entries()) if (value) parameters.set(name, value);
  parameters.set("page", String(state.listQuery.page));
  return parameters;
}

async function showList() {
  $("call-view").hidden = true;
  $("list-view").hidden = false;
  destroyPlayer();
  await refreshList();
}

async function refreshList() {
  clearTimeout(state.listTimer);
  state.timers.delete(state.listTimer);
  let body;
  try {
    body = await api(`/audio-files?${listParameters()}`);
  } catch (error) {
    showMessage(`Could not list recordings: ${error.message}`);
    return;
  }
  if (!state.token || $("list-view").hidden) return;
  $("calls").replaceChildren(...body.items.map(callRow));
  if (!body.items.length) $("calls").append(el("tr", {}, el("td", { colspan: 7, class: "muted" }, "No recordings match.")));
  renderPages(body);
  if (body.items.some((item) => !TERMINAL.has(item.status))) state.listTimer = later(refreshList, POLL_MS);
}

function callRow(item) {
  const open = () => { location.hash = `#/calls/${encodeURIComponent(item.id)}`; };
  return el("tr", { "data-id": item.id, onclick: open },
    el("td", {}, new Date(item.recordedAt).toLocaleString()),
    el("td", { class: "file", title: item.fileName }, el("a", { href: `#/calls/${encodeURIComponent(item.id)}` }, item.fileName)),
    el("td", {}, item.engagementId),
    el("td", {}, item.campaignId || "—"),
    el("td", {}, item.isAICall ? "AI agent" : "human"),
    el("td", {}, item.durationMs ? clock(item.durationMs) : "—"),
    el("td", {}, statusChip(item.status)));
}

function statusChip(status) {
  return el("span", { class: `chip ${status}`, "data-status": status }, status.replace("_", " "));
}

function renderPages(body) {
  const page = body.page;
  const totalPages = body.totalPages;
  $("total").textContent = body.totalCount !== undefined && body.totalCount !== null
    ? `${body.totalCount} recording${body.totalCount === 1 ? "" : "s"}${totalPages ? ` · page ${page} of ${totalPages}` : ""}`
    : `Page ${page}`;
  const go = (target) => () => { state.listQuery.page = target; refreshList(); };
  const buttons = [el("button", { type: "button", disabled: page <= 1, onclick: go(page - 1) }, "Previous")];
  if (totalPages) {
    // First, last and a window around the current page.
    const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, totalPages])]
      .filter((n) => n >= 1 && n <= totalPages).sort((a, b) => a - b);
    shown.forEach((n, index) => {
      if (index && n - shown[index - 1] > 1) buttons.push(el("span", { class: "muted" }, "…"));
      buttons.push(el("button", { type: "button", "aria-current": n === page ? "page" : null, onclick: go(n) }, String(n)));
    });
  }
  const hasNext = totalPages ? page < totalPages : body.hasMore;
  buttons.push(el("button", { type: "button", disabled: !hasNext, onclick: go(page + 1) }, "Next"));
  $("pages").replaceChildren(...buttons);
}

// --- upload: drag and drop, PUT to the SAS URL with a progress bar, then live status ----------------------

function setUpUploads() {
  const zone = $("drop-zone");
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    uploadAll(event.dataTransfer.files);
  });
  $("file-input").addEventListener("change", (event) => { uploadAll(event.target.files); event.target.value = ""; });
}

function uploadAll(files) {
  for (const file of files) uploadOne(file);
}

async function uploadOne(file) {
  const bar = el("progress", { max: 100, value: 0 });
  const status = el("span", { class: "chip" }, "requesting");
  $("uploads").append(el("li", { "data-file": file.name }, el("span", { title: file.name }, file.name), bar, status));
  const setStatus = (text, kind = "") => { status.textContent = text; status.className = `chip ${kind}`; status.dataset.status = kind; };
  try {
    const request = {
      fileName: file.name,
      engagementId: $("upload-engagement").value.trim() || "console",
      isAICall: $("upload-ai").checked,
      autoProcess: $("upload-auto").checked,
      sizeBytes: file.size,
    };
    const campaign = $("upload-campaign").value.trim();
    if (campaign) request.campaignId = campaign;
    if (file.type.startsWith("audio/")) request.contentType = file.type;
    const created = await api("/audio-files/upload-url", { method: "POST", body: request });
    setStatus("uploading", "processing");
    await putWithProgress(created.uploadUrl, file, created.requiredHeaders, (fraction) => { bar.value = fraction * 100; });
    bar.value = 100;
    setStatus("uploaded", "awaiting_upload");
    state.listQuery.page = 1;
    await refreshList();
    followUpload(created.audioFileId, setStatus);
  } catch (error) {
    setStatus(error.code || error.message, "failed");
  }
}

// The upload's own line follows the recording (checked, pending, processing...) until it is done.
function followUpload(id, setStatus) {
  later(async () => {
    const record = await api(`/audio-files/${encodeURIComponent(id)}`).catch(() => null);
    if (!record) return;
    setStatus(record.error?.code || record.status.replace("_", " "), record.status);
    if (!TERMINAL.has(record.status)) followUpload(id, setStatus);
  }, POLL_MS);
}

function putWithProgress(url, file, headers, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("PUT", url);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.upload.addEventListener("progress", (event) => { if (event.lengthComputable) onProgress(event.loaded / event.total); });
    request.addEventListener("load", () => (request.status < 300 ? resolve() : reject(new Error(`upload refused (${request.status})`))));
    request.addEventListener("error", () => reject(new Error("upload failed (network or CORS)")));
    request.send(file);
  });
}

// --- one call: waveform, transcript, evaluation ---------------------------------------------------------

function destroyPlayer() {
  if (state.player) state.player.destroy();
  state.player = null;
  $("waveform").replaceChildren();
  $("play").disabled = true;
  $("time").textContent = clock(0);
  delete $("time").dataset.ms;
}

async function showCall(id) {
  $("list-view").hidden = true;
  $("call-view").hidden = false;
  resetViews();
  let record;
  try {
    record = await api(`/audio-files/${encodeURIComponent(id)}`);
  } catch (error) {
    showMessage(error.status === 404 ? "No such recording." : `Could not open the recording: ${error.message}`);
    return;
  }
  $("call-title").textContent = record.fileName;
  $("call-meta").textContent = `${record.engagementId}${record.campaignId ? ` · ${record.campaignId}` : ""} · ${record.isAICall ? "AI agent" : "human"} call`;
  $("call-view").dataset.id = id;
  await followStatus(id, record.status);
  if (record.status !== "awaiting_upload") loadPlayer(id);
}

async function followStatus(id, status) {
  $("call-status").replaceChildren(statusChip(status));
  if (status === "completed") {
    await Promise.all([loadTranscript(id), loadAnalysis(id)]);
  } else if (!TERMINAL.has(status)) {
    later(async () => {
      if ($("call-view").dataset.id !== id) return;
      const body = await api(`/audio-files/${encodeURIComponent(id)}/processing-status`).catch(() => null);
      if (body) await followStatus(id, body.status);
    }, POLL_MS);
  }
}

async function loadPlayer(id) {
  const { downloadUrl } = await api(`/audio-files/${encodeURIComponent(id)}/download-url`);
  destroyPlayer();
  const player = WaveSurfer.create({
    container: $("waveform"), url: downloadUrl, height: 88, waveColor: "#b9c6dc", progressColor: "#2f6fd6",
    cursorColor: "#1d2330", barWidth: 2, barGap: 1, barRadius: 2,
  });
  state.player = player;
  player.on("ready", () => { $("play").disabled = false; });
  player.on("play", () => { $("play").textContent = "Pause"; });
  player.on("pause", () => { $("play").textContent = "Play"; });
  // The clock shows the player's own time (data-ms for tests and assistive tools), whoever moved it.
  player.on("timeupdate", (seconds) => {
    const ms = Math.round(seconds * 1000);
    $("time").textContent = clock(ms);
    $("time").dataset.ms = String(ms);
    highlightWord(ms);
  });
  player.on("error", (error) => showMessage(`The audio could not be loaded: ${error}`));
}

function seek(ms) {
  if (!state.player) return;
  state.player.setTime(ms / 1000);
}

let spokenWord = null;

function highlightWord(ms) {
  const words = $("transcript").querySelectorAll(".word");
  let found = null;
  for (const word of words) {
    if (Number(word.dataset.start) <= ms && ms < Number(word.dataset.end)) { found = word; break; }
  }
  if (found === spokenWord) return;
  spokenWord?.classList.remove("spoken");
  found?.classList.add("spoken");
  spokenWord = found;
}

async function loadTranscript(id) {
  const transcript = await api(`/audio-files/${encodeURIComponent(id)}/transcript`);
  const speakers = transcript.speakers;
  $("transcript").replaceChildren(...transcript.segments.map((segment) => {
    const colour = Math.max(0, speakers.indexOf(segment.speaker)) % SPEAKER_COLOURS.length;
    const words = segment.words.length
      ? segment.words.flatMap((word) => [el("span", {
          class: "word", "data-start": word.startMs, "data-end": word.endMs, onclick: () => seek(word.startMs),
        }, word.text), " "])
      : [segment.text];
    return el("p", { class: `segment speaker-${colour}`, "data-speaker": segment.speaker },
      el("span", { class: "at", onclick: () => seek(segment.startMs) }, clock(segment.startMs)),
      el("span", { class: "who" }, segment.speaker), el("span", { class: "text" }, ...words));
  }));
}

async function loadAnalysis(id) {
  let analysis;
  try {
    analysis = await api(`/audio-files/${encodeURIComponent(id)}/analysis`);
  } catch (error) {
    $("score").replaceChildren(el("p", { class: "muted" }, `No evaluation: ${error.message}`));
    return;
  }
  $("score").replaceChildren(
    el("div", { class: "score" }, `${Math.round(analysis.score)}`,
      el("span", { class: `chip ${analysis.passed ? "pass" : "fail"}` }, analysis.passed ? "passed" : "failed")),
    el("p", { class: "muted" }, `${analysis.scorecard.name} · passes at ${analysis.passThreshold}`));
  $("criteria").replaceChildren(...analysis.criteria.map((criterion) => el("li", { "data-criterion": criterion.id },
    el("span", { class: `chip ${criterion.passed ? "pass" : "fail"}` }, criterion.passed ? "pass" : "fail"),
    el("span", { class: "name" }, criterion.name),
    criterion.critical ? el("span", { class: "muted" }, " · critical") : null,
    criterion.reason ? el("p", { class: "reason" }, criterion.reason) : null,
    ...criterion.evidence.map((evidence) => el("button", {
      type: "button", class: "evidence", "data-start": evidence.startMs, onclick: () => seek(evidence.startMs),
    }, el("time", {}, clock(evidence.startMs)), `${evidence.speaker}: “${evidence.quote}”`)))));
  $("sentiment").replaceChildren(sentimentChart(analysis.sentiment, analysis.talk.durationMs));
  $("talk").replaceChildren(talkChart(analysis.talk));
}

function sentimentChart(sentiment, durationMs) {
  const width = 420, height = 90, mid = height / 2;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Sentiment over the call" });
  chart.append(svg("line", { x1: 0, x2: width, y1: mid, y2: mid, stroke: "#e3e6eb" }));
  const speakers = Object.keys(sentiment.bySpeaker);
  speakers.forEach((speaker, index) => {
    const points = sentiment.trend.filter((point) => point.speaker === speaker)
      .map((point) => `${(point.startMs / Math.max(durationMs, 1)) * width},${mid - point.compound * (mid - 4)}`);
    if (points.length) {
      chart.append(svg("polyline", { points: points.join(" "), fill: "none", stroke: SPEAKER_COLOURS[index % 3], "stroke-width": 2 }));
    }
  });
  const legend = el("p", { class: "legend" }, `Overall ${sentiment.overall.label} (${sentiment.overall.compound.toFixed(2)})`,
    ...speakers.map((speaker) => ` · ${speaker} ${sentiment.bySpeaker[speaker].label}`));
  return el("div", {}, chart, legend);
}

function talkChart(talk) {
  const width = 420, row = 20;
  const rows = [...talk.speakers.map((s) => [s.speaker, s.talkRatio, `${Math.round(s.wordsPerMinute)} wpm`]),
    ["silence", talk.silenceRatio, `longest ${clock(talk.longestSilenceMs)}`]];
  const chart = svg("svg", { viewBox: `0 0 ${width} ${rows.length * row}`, role: "img", "aria-label": "Talk time" });
  rows.forEach(([label, ratio, note], index) => {
    const y = index * row;
    const text = svg("text", { x: 0, y: y + 14, "font-size": 12, fill: "#1d2330" });
    text.textContent = label;
    const value = svg("text", { x: width, y: y + 14, "font-size": 12, fill: "#6b7385", "text-anchor": "end" });
    value.textContent = `${Math.round(ratio * 100)}% · ${note}`;
    chart.append(text, svg("rect", { x: 80, y: y + 4, width: Math.max(1, ratio * 200), height: 12, rx: 3,
      fill: label === "silence" ? "#b9c0cc" : SPEAKER_COLOURS[index % 3] }), value);
  });
  return chart;
}

async function reevaluate() {
  const id = $("call-view").dataset.id;
  try {
    await api(`/audio-files/${encodeURIComponent(id)}/process`, { method: "POST", body: { force: true, stages: ["evaluation"] } });
    await followStatus(id, "evaluating");
  } catch (error) {
    showMessage(`Could not re-evaluate: ${error.message}`);
  }
}

async function exportTranscript(format) {
  const id = $("call-view").dataset.id;
  try {
    const blob = await api(`/audio-files/${encodeURIComponent(id)}/transcript?format=${format}`, { accept: "*/*" });
    const link = el("a", { href: URL.createObjectURL(blob), download: `${id}.${format === "text" ? "txt" : format}` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  } catch (error) {
    showMessage(`Could not export: ${error.message}`);
  }
}

// --- wiring -----------------------------------------------------------------------------------------------

function route() {
  if (!state.token) return;
  const match = location.hash.match(/^#\/calls\/([^/]+)$/);
  if (match) showCall(decodeURIComponent(match[1]));
  else showList();
}

async function start() {
  // `make run` prints the console URL with #token=...: taken into memory, then removed from the address bar.
  const fragment = new URLSearchParams(location.hash.slice(1));
  const prefilled = fragment.get("token");
  if (prefilled) history.replaceState(null, "", location.pathname);
  const response = await fetch("/console/config.json");
  state.config = await response.json();
  if (state.config.signIn === "entra") {
    await setUpEntra(state.config);
  } else {
    $("sign-in").addEventListener("submit", (event) => {
      event.preventDefault();
      const token = $("token").value.trim();
      if (token) signIn(token);
    });
  }
  $("sign-in").addEventListener("submit", (event) => event.preventDefault());
  $("sign-out").addEventListener("click", () => signOut());
  $("filters").addEventListener("submit", (event) => { event.preventDefault(); state.listQuery.page = 1; refreshList(); });
  $("play").addEventListener("click", () => state.player?.playPause());
  $("reevaluate").addEventListener("click", reevaluate);
  for (const button of document.querySelectorAll(".exports button")) {
    button.addEventListener("click", () => exportTranscript(button.dataset.format));
  }
  setUpUploads();
  window.addEventListener("hashchange", route);
  if (prefilled) signIn(prefilled);
}

start();
