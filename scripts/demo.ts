/**
 * A scripted hall morning, played against a running server through its public GraphQL API:
 * three windows with a volunteer each, forty students taking numbers, the numbers called in
 * order, a case handed from student affairs to logistics, and a promised case whose due date
 * crosses a holiday.
 *
 *   ONESTOP_ADMIN_PASSWORD=... npm run demo
 *
 * ONESTOP_URL defaults to http://127.0.0.1:4000/graphql. Every account and window carries a
 * short random tag of its run, so the demo may be played again against the same server.
 */
import { randomBytes } from "node:crypto";

const URL = process.env.ONESTOP_URL ?? "http://127.0.0.1:4000/graphql";
const STUDENTS = 40;
const PASSWORD = "demo-password-123";
const OPEN_ALL_DAY = `HALL_OPENING_HOURS="Mon-Sun 00:00-24:00"`;

/** Ends the demo with a message for the person running it. */
class DemoStop extends Error {}

/** An error the hall answered with. */
class HallRefusal extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

interface Window {
  id: string;
  number: string;
  department: string;
  serviceCodes: string[];
  volunteer: Person & { badgeNo: string };
}

interface Person {
  account: string;
  token: string;
}

interface Hall {
  timeZone: string;
  openingHours: string;
  today: string;
  openNow: boolean;
}

const say = (line = "") => process.stdout.write(`${line}\n`);

async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(URL, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new DemoStop(`The hall is not answering at ${URL} (${cause}). Start the server first, or set ONESTOP_URL.`);
  }
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: any[] } | null;
  if (!body) throw new DemoStop(`${URL} answered HTTP ${response.status} without GraphQL. Is ONESTOP_URL right?`);
  if (body.errors?.length) throw new HallRefusal(body.errors[0].message, body.errors[0].extensions?.code);
  return body.data as T;
}

/** Runs `work` over `items`, `width` at a time, keeping the order of the results. */
async function inBatches<T, R>(items: T[], width: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += width) {
    const batch = items.slice(start, start + width);
    results.push(...(await Promise.all(batch.map((item, j) => work(item, start + j)))));
  }
  return results;
}

async function account(admin: string, input: Record<string, unknown>): Promise<Person> {
  await gql(`mutation($input: CreateAccountInput!){ createAccount(input:$input){ id } }`, {
    input: { password: PASSWORD, ...input },
  }, admin);
  return { account: input.account as string, token: await login(input.account as string, PASSWORD) };
}

async function login(name: string, password: string): Promise<string> {
  const data = await gql(`mutation($a: String!, $p: String!){ login(account:$a, password:$p){ token } }`, {
    a: name,
    p: password,
  });
  return data.login.token;
}

function localTime(at: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

/** The department plugins this demo needs, and the services each window serves. */
async function chooseDepartments(): Promise<Array<{ code: string; prefix: string; services: string[] }>> {
  const { departments } = await gql<{ departments: Array<{ code: string; ticketPrefix: string }> }>(
    `{ departments { code ticketPrefix } }`,
  );
  const has = (code: string) => departments.find((d) => d.code === code);
  const third = has("it-office") ? "it-office" : "academic-affairs";
  const wanted: Record<string, string[]> = {
    "student-affairs": ["student-id-registration", "student-id-replacement", "evaluation-booklet-replacement"],
    logistics: ["dormitory-room-change", "community-room-booking", "short-off-campus-stay"],
    "it-office": ["yiban-printing", "yiban-account-support"],
    "academic-affairs": ["enrolment-certificate", "academic-transcript"],
  };
  for (const code of ["student-affairs", "logistics", third]) {
    if (!has(code)) throw new DemoStop(`The server runs without the ${code} plugin; start it with PLUGINS unset.`);
  }
  return ["student-affairs", "logistics", third].map((code) => ({
    code,
    prefix: has(code)!.ticketPrefix,
    services: wanted[code],
  }));
}

async function openWindows(admin: string, tag: string, hall: Hall): Promise<Window[]> {
  say("1. Three windows open, a volunteer on duty at each");
  const windows: Window[] = [];
  for (const [i, department] of (await chooseDepartments()).entries()) {
    const number = `${department.prefix}-${tag}`;
    const created = await gql(
      `mutation($input: CreateWindowInput!){ createWindow(input:$input){ id number } }`,
      { input: { number, department: department.code, serviceCodes: department.services } },
      admin,
    );
    const badgeNo = `V${tag}${i + 1}`;
    const volunteer = await account(admin, {
      account: `demo-${tag}-volunteer-${i + 1}`,
      role: "VOLUNTEER",
      name: `志愿者${i + 1}`,
      badgeNo,
    });
    const id = created.createWindow.id as string;
    await gql(`mutation($w: ID!){ signOnWindow(windowId:$w){ onDutyBadgeNo } }`, { w: id }, volunteer.token);
    windows.push({ id, number, department: department.code, serviceCodes: department.services, volunteer: { ...volunteer, badgeNo } });
    say(`   window ${number} (${department.code}) serves ${department.services.join(", ")}; badge ${badgeNo} on duty`);
  }
  return windows;
}

async function takeNumbers(admin: string, tag: string, windows: Window[]) {
  say();
  say(`2. ${STUDENTS} students sign in and take numbers`);
  const students = await inBatches([...Array(STUDENTS).keys()], 5, (i) => {
    const studentNo = `26${tag}${String(i + 1).padStart(2, "0")}`;
    return account(admin, { account: `demo-${tag}-s${i + 1}`, role: "STUDENT", name: `学生${i + 1}`, studentNo }).then(
      (person) => ({ ...person, studentNo }),
    );
  });
  // Students arrive a few at a time; each number is drawn atomically by the server.
  const tickets = await inBatches(students, 4, async (s, i) => {
    const window = windows[i % windows.length];
    const serviceCode = window.serviceCodes[Math.floor(i / windows.length) % window.serviceCodes.length];
    try {
      const data = await gql(
        `mutation($s: String!){ takeTicket(serviceCode:$s){ id number position estimatedWaitMinutes service { name } } }`,
        { s: serviceCode },
        s.token,
      );
      return { ...data.takeTicket, studentNo: s.studentNo, department: window.department };
    } catch (error) {
      if (error instanceof HallRefusal && error.code === "OUTSIDE_SERVICE_HOURS") {
        throw new DemoStop(
          `takeTicket answered OUTSIDE_SERVICE_HOURS: ${error.message}\n` +
            `Start the server with ${OPEN_ALL_DAY} to play the demo at any hour.`,
        );
      }
      throw error;
    }
  });
  for (const t of tickets) {
    say(`   ${t.number}  student ${t.studentNo} for ${t.service.name}: position ${t.position}, about ${t.estimatedWaitMinutes} min`);
  }
  for (const window of windows) {
    const numbers = tickets.filter((t) => t.department === window.department).map((t) => t.number);
    say(`   ${window.department}: ${numbers.length} numbers, ${numbers[0]}..${numbers.at(-1)}`);
  }
  return { students, tickets };
}

/** Each window calls, serves and completes until its queue is empty (at most 100 calls). */
async function callAll(windows: Window[]): Promise<boolean> {
  say();
  say("3. The volunteers call the numbers, serve and complete them");
  const orders = await Promise.all(
    windows.map(async (window) => {
      const called: string[] = [];
      for (let i = 0; i < 100; i++) {
        const data = await gql(`mutation($w: ID!){ callNext(windowId:$w){ id number } }`, { w: window.id }, window.volunteer.token);
        if (!data.callNext) break;
        const ticket = data.callNext as { id: string; number: string };
        called.push(ticket.number);
        say(`   window ${window.number} calls ${ticket.number} (badge ${window.volunteer.badgeNo})`);
        await gql(`mutation($t: ID!){ startServing(ticketId:$t){ id } }`, { t: ticket.id }, window.volunteer.token);
        await gql(`mutation($t: ID!){ completeTicket(ticketId:$t, outcome: DONE){ id } }`, { t: ticket.id }, window.volunteer.token);
      }
      return { window, called };
    }),
  );
  let inOrder = true;
  for (const { window, called } of orders) {
    const seqs = called.map((n) => Number(n.replace(/^\D+/, "")));
    const ascending = seqs.every((seq, i) => i === 0 || seq > seqs[i - 1]);
    inOrder &&= ascending;
    say(`   call order at ${window.department}: ${called.join(" ")} ${ascending ? "(ascending)" : "(NOT ascending!)"}`);
  }
  return inOrder;
}

function who(actor: { badgeNo: string | null; role: string | null; department: string | null } | null): string {
  if (!actor) return "the hall";
  if (actor.badgeNo) return `badge ${actor.badgeNo}`;
  return actor.department ? `${actor.department} staff` : (actor.role ?? "someone").toLowerCase();
}

async function handOverToLogistics(admin: string, tag: string, windows: Window[], studentNo: string, hall: Hall) {
  say();
  say("4. A walk-in at student affairs turns out to be a dormitory matter for logistics");
  const desk = windows.find((w) => w.department === "student-affairs")!.volunteer;
  const staff = await account(admin, { account: `demo-${tag}-logistics`, role: "STAFF", name: "后勤老师", department: "logistics" });
  const input = {
    origin: "WALK_IN",
    department: "student-affairs",
    studentNo,
    subject: "因病需调换寝室，先到学生工作部窗口咨询",
    materialsReceived: [{ name: "医院证明", count: 1 }],
  };
  const opened = (await gql(`mutation($input: OpenCaseInput!){ openCase(input:$input){ id owner { badgeNo } } }`, { input }, desk.token)).openCase;
  say(`   badge ${desk.badgeNo} opens a case for student ${studentNo}; owner: badge ${opened.owner.badgeNo}`);
  const handed = (
    await gql(
      `mutation($c: ID!, $m: [MaterialCountInput!]){ handOver(caseId:$c, toDepartment:"logistics",
        reason:"寝室调换由后勤保障处学生社区办理", materialsReceived:$m){ status owner { badgeNo } } }`,
      { c: opened.id, m: [{ name: "寝室更换申请表", count: 1 }] },
      desk.token,
    )
  ).handOver;
  say(`   handed to logistics: ${handed.status}, still owned by badge ${handed.owner.badgeNo} until accepted`);
  const pending = (
    await gql(`{ cases(status: HANDOVER_PENDING, first: 100){ nodes { id } } }`, {}, staff.token)
  ).cases.nodes as Array<{ id: string }>;
  say(`   logistics staff see ${pending.length} handover(s) waiting, this one ${pending.some((c) => c.id === opened.id) ? "among them" : "MISSING"}`);
  const accepted = (
    await gql(`mutation($c: ID!){ acceptCase(caseId:$c){ status departmentCode owner { badgeNo role department } } }`, { c: opened.id }, staff.token)
  ).acceptCase;
  say(`   logistics accepts: ${accepted.status}, department ${accepted.departmentCode}, owner ${who(accepted.owner)}`);
  const history = (
    await gql(
      `query($id: ID!){ case(id:$id){ history { at kind actor { badgeNo role department } materials { name count } } } }`,
      { id: opened.id },
      staff.token,
    )
  ).case.history as Array<{ at: string; kind: string; actor: any; materials: Array<{ name: string; count: number }> | null }>;
  for (const event of history) {
    const materials = event.materials?.map((m) => `${m.name} ×${m.count}`).join(", ");
    say(`     ${localTime(event.at, hall.timeZone)}  ${event.kind.padEnd(19)} by ${who(event.actor)}${materials ? `  [${materials}]` : ""}`);
  }
}

async function promisedAcrossHoliday(windows: Window[], student: Person & { studentNo: string }, hall: Hall) {
  say();
  say("5. A promised item: student ID replacement, 3 working days");
  const desk = windows.find((w) => w.department === "student-affairs")!.volunteer;
  const service = (await gql(`{ service(code: "student-id-replacement"){ name promisedWorkingDays materials { name count } } }`)).service;
  const input = {
    origin: "PHONE",
    serviceCode: "student-id-replacement",
    studentNo: student.studentNo,
    subject: "学生证遗失补办",
    materialsReceived: service.materials.map((m: { name: string; count: number }) => ({ name: m.name, count: m.count })),
  };
  const opened = (await gql(`mutation($input: OpenCaseInput!){ openCase(input:$input){ id dueAt } }`, { input }, desk.token)).openCase;
  const mine = (await gql(`{ myCases(first: 20){ nodes { id dueAt } } }`, {}, student.token)).myCases.nodes;
  const seen = mine.find((c: { id: string }) => c.id === opened.id);
  // A due time is a closing time: the day it closes is the date just before that instant.
  const dueDay = localTime(new Date(new Date(opened.dueAt).getTime() - 1), hall.timeZone).slice(0, 10);
  say(`   materials complete today (${hall.today}); due ${localTime(opened.dueAt, hall.timeZone)} ${hall.timeZone}, the closing of ${dueDay}`);
  say(`   the student reads the same date in myCases: ${seen ? localTime(seen.dueAt, hall.timeZone) : "NOT SHOWN"}`);

  const crossed = await holidaysBetween(hall.today, dueDay);
  if (crossed.closed.length) {
    say(`   it crosses ${crossed.closed.join(", ")}${crossed.workdays.length ? `; make-up days worked: ${crossed.workdays.join(", ")}` : ""}`);
    return;
  }
  const eve = "2026-09-30";
  const due = (await gql(`query($d: String!, $n: Int!){ workingDayAfter(date:$d, days:$n) }`, { d: eve, n: service.promisedWorkingDays }))
    .workingDayAfter as string;
  const then = await holidaysBetween(eve, due);
  say(`   no holiday lies between today and ${dueDay}. Asked the hall (workingDayAfter) about the eve of National Day:`);
  say(`   opened on ${eve}, the same case would be due at closing on ${due}:`);
  say(`   it skips ${then.closed.join(", ") || "no holiday"}${then.workdays.length ? ` and counts the make-up day ${then.workdays.join(", ")}` : ""}`);
}

/** Holidays (grouped into spans) and make-up days strictly after `from`, up to `to`. */
async function holidaysBetween(from: string, to: string): Promise<{ closed: string[]; workdays: string[] }> {
  const days = (await gql(`query($f: String!, $t: String!){ calendarDays(from:$f, to:$t){ date kind name } }`, { f: from, t: to }))
    .calendarDays as Array<{ date: string; kind: string; name: string }>;
  const after = days.filter((d) => d.date > from);
  const spans = new Map<string, string[]>();
  for (const day of after.filter((d) => d.kind === "CLOSED")) spans.set(day.name, [...(spans.get(day.name) ?? []), day.date]);
  return {
    closed: [...spans].map(([name, dates]) => `${name} (${dates[0]}..${dates.at(-1)})`),
    workdays: after.filter((d) => d.kind === "WORKDAY").map((d) => `${d.date} (for ${d.name})`),
  };
}

async function main(): Promise<void> {
  const adminPassword = process.env.ONESTOP_ADMIN_PASSWORD;
  if (!adminPassword) {
    throw new DemoStop("Set ONESTOP_ADMIN_PASSWORD to the admin password the server was started with.");
  }
  const tag = randomBytes(2).toString("hex");
  const hall = (await gql<{ hall: Hall }>(`{ hall { timeZone openingHours today openNow } }`)).hall;
  say(`onestop demo, run ${tag}, against ${URL}`);
  const clock = `${localTime(new Date(), hall.timeZone)} ${hall.timeZone}`;
  say(`the hall: hours ${hall.openingHours}, now ${clock}, ${hall.openNow ? "open" : "closed"}`);
  say();
  if (!hall.openNow) {
    throw new DemoStop(
      `The hall is closed now (hours ${hall.openingHours}), so takeTicket would answer OUTSIDE_SERVICE_HOURS.\n` +
        `Start the server with ${OPEN_ALL_DAY} to play the demo at any hour.`,
    );
  }
  let admin: string;
  try {
    admin = await login("admin", adminPassword);
  } catch (error) {
    if (error instanceof HallRefusal) throw new DemoStop(`The admin sign-in was refused: ${error.message}`);
    throw error;
  }

  const windows = await openWindows(admin, tag, hall);
  const { students } = await takeNumbers(admin, tag, windows);
  const inOrder = await callAll(windows);
  await handOverToLogistics(admin, tag, windows, students[0].studentNo, hall);
  await promisedAcrossHoliday(windows, students[1], hall);

  say();
  for (const window of windows) {
    await gql(`mutation($w: ID!){ signOffWindow(windowId:$w){ id } }`, { w: window.id }, window.volunteer.token);
  }
  say(`6. The volunteers sign off. ${inOrder ? "Every department was called in order." : "A department was called out of order!"}`);
  if (!inOrder) process.exitCode = 1;
}

main().catch((error) => {
  if (error instanceof DemoStop) {
    process.stderr.write(`demo: ${error.message}\n`);
  } else if (error instanceof HallRefusal) {
    process.stderr.write(`demo: the hall refused a step (${error.code}): ${error.message}\n`);
  } else {
    process.stderr.write(`demo: ${(error as Error).stack ?? error}\n`);
  }
  process.exit(1);
});
