// The volunteer's window: sign in, go on duty, call and serve numbers, and own cases under
// the first-inquiry rule. Every refusal the API gives is shown as it comes.
import { gql, live, session, HallClientError, el, when, loadHallZone } from "/shared/hall-client.js";
import { applyLabels, languageSwitch, t } from "/shared/i18n.js";

const $ = (id) => document.getElementById(id);
const state = { me: null, windows: [], window: null, ticket: null, stopQueue: null };

const CASE_FIELDS = `id status subject departmentCode dueAt owner { badgeNo } handoverToDepartment`;

function say(text, ok = false) {
  const message = $("message");
  message.textContent = text;
  message.classList.toggle("ok", ok);
}

/** Runs an action and shows its refusal, if any, in the volunteer's language. */
async function act(work, done) {
  try {
    const result = await work();
    if (done) say(typeof done === "function" ? done(result) : done, true);
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
  const data = await act(() => gql(`{ me { name role badgeNo department } windows { id number departmentCode onDutyBadgeNo } }`));
  if (!data) return;
  state.me = data.me;
  state.windows = data.windows;
  $("who").textContent = `${data.me.name}${data.me.badgeNo ? ` · ${data.me.badgeNo}` : ""}`;
  $("window-select").replaceChildren(
    ...data.windows.map((w) => el("option", { value: w.id }, `${t("window")} ${w.number} · ${w.departmentCode}`)),
  );
  const mine = data.windows.find((w) => w.onDutyBadgeNo && w.onDutyBadgeNo === data.me.badgeNo);
  if (mine) {
    $("window-select").value = mine.id;
    onDuty(mine);
  }
  for (const id of ["duty", "serve", "case-open", "cases"]) $(id).hidden = false;
  $("signin").hidden = true;
  await refreshCases();
}

function onDuty(window) {
  state.window = window;
  state.stopQueue?.();
  state.stopQueue = live(
    `subscription($d: String!) { queueUpdated(department: $d) { waiting } }`,
    { d: window.departmentCode },
    (data) => ($("waiting").textContent = String(data.queueUpdated.waiting)),
    {
      onConnected: () =>
        gql(`query($d: String!) { queue(department: $d) { waiting } }`, { d: window.departmentCode })
          .then((data) => ($("waiting").textContent = String(data.queue.waiting)))
          .catch(() => {}),
    },
  );
}

function selectedWindow() {
  return state.windows.find((w) => w.id === $("window-select").value);
}

function showTicket(ticket) {
  state.ticket = ticket;
  $("current-number").textContent = ticket ? ticket.number : "–";
  $("current-detail").textContent = ticket ? `${ticket.status} · ${ticket.serviceCode}` : t("none");
}

const TICKET = `id number status serviceCode`;

const actions = {
  "sign-on": () =>
    act(async () => {
      const window = selectedWindow();
      await gql(`mutation($w: ID!) { signOnWindow(windowId: $w) { id } }`, { w: window.id });
      onDuty(window);
    }, t("ok")),
  "sign-off": () =>
    act(async () => {
      await gql(`mutation($w: ID!) { signOffWindow(windowId: $w) { id } }`, { w: selectedWindow().id });
      state.stopQueue?.();
      state.window = null;
    }, t("ok")),
  "sign-out": () => {
    session.clear();
    location.reload();
  },
  "call-next": () =>
    act(async () => {
      const data = await gql(`mutation($w: ID!) { callNext(windowId: $w) { ${TICKET} } }`, { w: state.window?.id ?? selectedWindow().id });
      showTicket(data.callNext);
      return data.callNext;
    }, (ticket) => (ticket ? `${t("call.next")}: ${ticket.number}` : `${t("waiting")}: 0`)),
  recall: () => ticketAction("recall"),
  start: () => ticketAction("startServing"),
  "no-show": () => ticketAction("markNoShow"),
  complete: () =>
    act(async () => {
      const data = await gql(
        `mutation($t: ID!, $o: TicketOutcome!) { completeTicket(ticketId: $t, outcome: $o) { ${TICKET} } }`,
        { t: requireTicket(), o: $("outcome").value },
      );
      showTicket(data.completeTicket);
    }, t("ok")),
  "open-case": () =>
    act(async () => {
      const origin = $("case-origin").value;
      const input = {
        origin,
        subject: $("case-subject").value,
        serviceCode: $("case-service").value || null,
        ticketId: origin === "TICKET" ? requireTicket() : null,
        materialsReceived: parseMaterials($("case-materials").value),
      };
      await gql(`mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input });
      await refreshCases();
    }, t("ok")),
};

function requireTicket() {
  if (!state.ticket) throw new HallClientError("CONFLICT", t("none"));
  return state.ticket.id;
}

function ticketAction(mutation) {
  return act(async () => {
    const data = await gql(`mutation($t: ID!) { ${mutation}(ticketId: $t) { ${TICKET} } }`, { t: requireTicket() });
    showTicket(data[mutation]);
  }, t("ok"));
}

/** "一寸照×2" per line, as a volunteer would write it; a bare name counts one. */
function parseMaterials(text) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, count] = line.split(/[×x*]/);
      return { name: name.trim(), count: Number(count ?? 1) };
    });
}

async function refreshCases() {
  const me = state.me;
  const owned = me.role === "VOLUNTEER"
    ? await gql(`{ myOwnedCases(first: 20) { nodes { ${CASE_FIELDS} } } }`).then((d) => d.myOwnedCases.nodes)
    : me.department
      ? await gql(`query($d: String!) { cases(department: $d, first: 20) { nodes { ${CASE_FIELDS} } } }`, { d: me.department }).then((d) => d.cases.nodes)
      : [];
  $("my-cases").replaceChildren(...owned.filter((c) => c.status !== "CLOSED").map(caseItem));
  const incoming = me.role === "STAFF"
    ? owned.filter((c) => c.status === "HANDOVER_PENDING" && c.handoverToDepartment === me.department)
    : [];
  $("incoming-cases").replaceChildren(...incoming.map(incomingItem));
}

function caseItem(c) {
  const to = el("input", { placeholder: t("case.to") });
  const reason = el("input", { placeholder: t("case.reason") });
  const answer = el("input", { placeholder: t("case.answer") });
  const referred = el("input", { placeholder: t("case.referred") });
  return el("li", { "data-case": c.id },
    el("strong", {}, c.subject), " ", el("span", { class: "muted" }, `${c.status}${c.dueAt ? ` · ${t("case.due")} ${when(c.dueAt)}` : ""}`),
    el("div", { class: "row" }, to, reason, el("button", { onclick: () => act(async () => {
      await gql(`mutation($c: ID!, $d: String!, $r: String!) { handOver(caseId: $c, toDepartment: $d, reason: $r) { id } }`, { c: c.id, d: to.value, r: reason.value });
      await refreshCases();
    }, t("ok")) }, t("case.handover"))),
    el("div", { class: "row" }, answer, referred, el("button", { onclick: () => act(async () => {
      await gql(`mutation($c: ID!, $a: String!, $r: String) { closeCase(caseId: $c, answer: $a, referredTo: $r) { id } }`, { c: c.id, a: answer.value, r: referred.value || null });
      await refreshCases();
    }, t("ok")) }, t("case.close"))),
  );
}

function incomingItem(c) {
  return el("li", { "data-case": c.id }, el("strong", {}, c.subject), " ",
    el("button", { onclick: () => act(async () => {
      await gql(`mutation($c: ID!) { acceptCase(caseId: $c) { id } }`, { c: c.id });
      await refreshCases();
    }, t("ok")) }, t("case.accept")));
}

function start() {
  loadHallZone();
  $("tools").append(languageSwitch());
  applyLabels();
  $("login-form").addEventListener("submit", signIn);
  for (const [id, handler] of Object.entries(actions)) $(id).addEventListener("click", handler);
  if (session.token) enter();
}

start();
