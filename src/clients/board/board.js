// The hall board: numbers being called, at which window, and how many wait, per department.
// It follows queueUpdated and, on every (re)connection, catches up by querying `queue`.
import { gql, live, onConnectionChange, el } from "/shared/hall-client.js";
import { applyLabels, languageSwitch, lang, t } from "/shared/i18n.js";

const QUEUE = `query($d: String!) { queue(department: $d) { waiting serving { number window } } }`;
const UPDATES = `subscription($d: String!) { queueUpdated(department: $d) { kind number window waiting } }`;

const panels = new Map();

function panel(department) {
  const waiting = el("div", { class: "waiting" });
  const calls = el("ul", { class: "plain calls", "data-department": department.code });
  const title = el("h2");
  const node = el("section", { "data-department": department.code }, title, waiting, calls);
  const view = { department, node, title, waiting, calls, serving: [] };
  view.render = (fresh) => {
    title.textContent = lang() === "en" ? department.nameEn : department.name;
    waiting.textContent = `${t("board.waiting")}: ${view.count ?? 0}`;
    waiting.dataset.count = String(view.count ?? 0);
    calls.replaceChildren(
      ...view.serving.map((s) =>
        el("li", { class: s.number === fresh ? "fresh" : "", "data-number": s.number },
          el("span", {}, s.number), el("span", {}, `${t("board.window")} ${s.window}`)),
      ),
    );
  };
  return view;
}

async function catchUp(view) {
  const data = await gql(QUEUE, { d: view.department.code });
  view.count = data.queue.waiting;
  view.serving = data.queue.serving;
  view.render();
}

function apply(view, event) {
  view.count = event.waiting;
  if (event.kind === "CALLED" || event.kind === "RECALLED") {
    view.serving = [{ number: event.number, window: event.window }, ...view.serving.filter((s) => s.number !== event.number)];
  } else if (["COMPLETED", "NO_SHOW", "CANCELLED", "RETURNED"].includes(event.kind)) {
    view.serving = view.serving.filter((s) => s.number !== event.number);
  }
  view.serving = view.serving.slice(0, 8);
  view.render(event.kind === "CALLED" || event.kind === "RECALLED" ? event.number : undefined);
}

async function start() {
  document.getElementById("tools").append(languageSwitch(() => panels.forEach((p) => p.render())));
  applyLabels();
  const wanted = new URLSearchParams(location.search).get("departments")?.split(",");
  const { departments } = await gql(`{ departments { code name nameEn } }`);
  const root = document.getElementById("departments");
  for (const department of departments.filter((d) => !wanted || wanted.includes(d.code))) {
    const view = panel(department);
    panels.set(department.code, view);
    root.append(view.node);
    view.render();
    live(UPDATES, { d: department.code }, (data) => apply(view, data.queueUpdated), {
      onConnected: () => catchUp(view).catch(() => {}),
    });
  }
  onConnectionChange((up) => document.getElementById("offline").classList.toggle("shown", !up));
}

start().catch(() => setTimeout(() => location.reload(), 3000));
