// The supervisors' live feed: complaints, bad ratings and missed deadlines as they are
// committed, complaints moved along their steps, flagged volunteers and their coaching talks.
// After a reconnect it catches up with complaints(since:), as any dashboard would.
import { gql, live, session, onConnectionChange, HallClientError, el, when, loadHallZone } from "/shared/hall-client.js";
import { applyLabels, languageSwitch, t } from "/shared/i18n.js";

const $ = (id) => document.getElementById(id);
const complaints = new Map();
let lastSeen = null;

const COMPLAINT = `id status text badgeNo windowNumber departmentCode filedAt lastChangedAt
  complainant { name studentNo }`;
const FEED = `subscription { complaintFeed { kind at summary complaintId complaintStatus badgeNo department } }`;

function say(text, ok = false) {
  $("message").textContent = text;
  $("message").classList.toggle("ok", ok);
}

async function act(work, done) {
  try {
    const result = await work();
    if (done) say(done, true);
    return result;
  } catch (error) {
    say(error instanceof HallClientError ? error.describe() : String(error));
    return undefined;
  }
}

async function signIn(event) {
  event.preventDefault();
  const data = await act(() =>
    gql(`mutation($a: String!, $p: String!) { login(account: $a, password: $p) { token } }`, {
      a: $("account").value,
      p: $("password").value,
    }),
  );
  if (!data) return;
  session.set(data.login.token);
  $("password").value = "";
  await enter();
}

async function enter() {
  const me = await act(() => gql(`{ me { name role } }`));
  if (!me) return;
  if (!["SUPERVISOR", "ADMIN"].includes(me.me.role)) {
    say(`${t("err.FORBIDDEN")}: ${me.me.role}`);
    return;
  }
  $("signin").hidden = true;
  for (const id of ["feed-section", "complaints-section", "detail-section", "flagged-section"]) $(id).hidden = false;
  live(FEED, {}, (data) => onFeed(data.complaintFeed), {
    onConnected: () => catchUp().catch(() => {}),
    onError: (error) => say(error.describe()),
  });
  onConnectionChange((up) => $("offline").classList.toggle("shown", !up));
  await loadFlags();
}

function onFeed(event) {
  $("feed").prepend(
    el("li", { "data-kind": event.kind, "data-complaint": event.complaintId ?? "" },
      el("strong", {}, event.kind), " ", event.summary, " ",
      el("span", { class: "muted" }, when(event.at))),
  );
  if (event.complaintId) refreshComplaint(event.complaintId);
  if (event.kind === "VOLUNTEER_FLAGGED") loadFlags();
}

/** Everything changed since the last event seen: how a reconnecting page catches up. */
async function catchUp() {
  let after = null;
  do {
    const data = await gql(
      `query($since: DateTimeISO, $after: String) { complaints(since: $since, first: 50, after: $after) {
        nodes { ${COMPLAINT} } pageInfo { endCursor hasNextPage } } }`,
      { since: lastSeen, after },
    );
    for (const c of data.complaints.nodes) remember(c);
    after = data.complaints.pageInfo.hasNextPage ? data.complaints.pageInfo.endCursor : null;
  } while (after);
  render();
}

async function refreshComplaint(id) {
  const data = await gql(`query($id: ID!) { complaint(id: $id) { ${COMPLAINT} } }`, { id }).catch(() => null);
  if (data) {
    remember(data.complaint);
    render();
  }
}

function remember(c) {
  complaints.set(c.id, c);
  if (!lastSeen || c.lastChangedAt > lastSeen) lastSeen = c.lastChangedAt;
}

const NEXT = {
  FILED: [["acknowledge", "acknowledgeComplaint"]],
  ACKNOWLEDGED: [["investigate", "investigateComplaint"]],
  INVESTIGATING: [["uphold", "uphold"], ["dismiss", "dismiss"]],
};

function render() {
  const open = [...complaints.values()].sort((a, b) => (a.filedAt < b.filedAt ? 1 : -1));
  $("complaints").replaceChildren(...open.map(complaintItem));
}

function complaintItem(c) {
  const note = el("input", { placeholder: t("note") });
  const buttons = (NEXT[c.status] ?? []).map(([label, step]) =>
    el("button", { "data-step": step, onclick: () => advance(c, step, note.value) }, t(label)));
  return el("li", { "data-complaint": c.id, "data-status": c.status },
    el("strong", {}, c.status), " ",
    `${c.badgeNo ? `#${c.badgeNo} ` : ""}${c.windowNumber ? `${t("window")} ${c.windowNumber} ` : ""}${c.departmentCode}`,
    el("div", {}, c.text),
    el("div", { class: "muted" }, `${c.complainant.name}${c.complainant.studentNo ? ` · ${c.complainant.studentNo}` : ""} · ${when(c.filedAt)}`),
    el("div", { class: "row" }, note, ...buttons,
      el("button", { onclick: () => showHistory(c.id) }, t("history"))),
  );
}

async function advance(c, step, note) {
  const text = note || t(step === "uphold" ? "uphold" : step === "dismiss" ? "dismiss" : "ok");
  await act(async () => {
    if (step === "uphold" || step === "dismiss") {
      await gql(`mutation($id: ID!, $u: Boolean!, $a: String!) { concludeComplaint(id: $id, upheld: $u, answer: $a) { id } }`,
        { id: c.id, u: step === "uphold", a: text });
    } else {
      await gql(`mutation($id: ID!, $n: String!) { ${step}(id: $id, note: $n) { id } }`, { id: c.id, n: text });
    }
    await refreshComplaint(c.id);
  }, t("ok"));
}

async function showHistory(id) {
  const data = await act(() => gql(`query($id: ID!) { complaint(id: $id) { id history { at kind note } } }`, { id }));
  if (!data) return;
  $("detail").replaceChildren(
    el("ul", { class: "plain", "data-history": id },
      ...data.complaint.history.map((s) => el("li", {}, el("strong", {}, s.kind), " ", s.note ?? "", " ",
        el("span", { class: "muted" }, when(s.at))))),
  );
}

async function loadFlags() {
  const data = await gql(`{ flaggedVolunteers(first: 20) { nodes { badgeNo rule detail raisedAt } } }`).catch(() => null);
  if (!data) return;
  $("flagged").replaceChildren(...data.flaggedVolunteers.nodes.map((f) =>
    el("li", { "data-badge": f.badgeNo ?? "" }, el("strong", {}, `#${f.badgeNo}`), " ", f.detail, " ",
      el("button", { onclick: () => showTalks(f.badgeNo) }, t("talks")))));
}

async function showTalks(badgeNo) {
  const data = await act(() => gql(`query($b: String!) { coachingTalks(badgeNo: $b) { nodes { heldAt outcome notes } } }`, { b: badgeNo }));
  if (!data) return;
  $("detail").replaceChildren(
    el("ul", { class: "plain" }, ...data.coachingTalks.nodes.map((talk) =>
      el("li", {}, el("strong", {}, talk.outcome), " ", talk.notes, " ",
        el("span", { class: "muted" }, when(talk.heldAt))))),
  );
}

function start() {
  loadHallZone();
  $("tools").append(languageSwitch(render));
  applyLabels();
  $("login-form").addEventListener("submit", signIn);
  if (session.token) enter();
}

start();
