import { addService, addWindow, CALL, signOn, student, TAKE, volunteer } from "./front-line";
import type { TestHall } from "./test-hall";

/** Fixtures for the accountability tests: a window with a volunteer on duty, and served visits. */

export const RATE = `mutation($input: RateServiceInput!){ rateService(input:$input){
  id level reasons comment departmentCode windowNumber badgeNo ticketId caseId ratedAt } }`;

export const FILE = `mutation($input: FileComplaintInput!){ fileComplaint(input:$input){
  id status badgeNo windowNumber departmentCode text filedAt acknowledgeDueAt concludeDueAt ticketId caseId answer appealStatus } }`;

export interface Desk {
  windowId: string;
  windowNumber: string;
  serviceCode: string;
  volunteer: Awaited<ReturnType<typeof volunteer>>;
}

let desks = 0;

/** A new service and window of a department, with a new volunteer signed on there. */
export async function openDesk(hall: TestHall, department = "student-affairs", badgeNo?: string): Promise<Desk> {
  const n = ++desks;
  const serviceCode = `acc-${department}-${n}-${Math.random().toString(36).slice(2, 6)}`;
  const windowNumber = `AC${n}${Math.random().toString(36).slice(2, 5)}`.slice(0, 16);
  await addService(hall, serviceCode, department);
  const windowId = await addWindow(hall, windowNumber, department, [serviceCode]);
  const v = await volunteer(hall, badgeNo);
  await signOn(hall, v.token, windowId);
  return { windowId, windowNumber, serviceCode, volunteer: v };
}

/** A student takes a number at the desk and the volunteer serves it to completion; returns the ticket id. */
export async function servedTicket(hall: TestHall, desk: Desk, studentToken: string): Promise<string> {
  const taken = await hall.gql(TAKE, { s: desk.serviceCode }, studentToken);
  if (taken.errors) throw new Error(`takeTicket: ${JSON.stringify(taken.errors)}`);
  const called = await hall.gql(CALL, { w: desk.windowId }, desk.volunteer.token);
  if (!called.data?.callNext) throw new Error(`callNext: ${JSON.stringify(called.errors ?? called.data)}`);
  const id = called.data.callNext.id;
  await ok(hall.gql(`mutation($t: ID!){ startServing(ticketId:$t){ id } }`, { t: id }, desk.volunteer.token), "startServing");
  await ok(hall.gql(`mutation($t: ID!){ completeTicket(ticketId:$t, outcome: DONE){ id } }`, { t: id }, desk.volunteer.token), "completeTicket");
  return id;
}

/** A new student who has been served at the desk: their token and the ticket. */
export async function servedStudent(hall: TestHall, desk: Desk) {
  const s = await student(hall);
  return { ...s, ticketId: await servedTicket(hall, desk, s.token) };
}

export async function ok<T extends { errors?: unknown; data?: any }>(reply: Promise<T> | T, what: string): Promise<T> {
  const settled = await reply;
  if (settled.errors) throw new Error(`${what}: ${JSON.stringify(settled.errors)}`);
  return settled;
}

/** A supervisor account, signed in. */
export async function supervisor(hall: TestHall, name = `sup-${Math.random().toString(36).slice(2, 8)}`) {
  return hall.account({ account: name, role: "SUPERVISOR", name: `督导 ${name}` });
}

/** A staff account of a department, signed in. */
export async function staff(hall: TestHall, department: string) {
  const name = `staff-${department}-${Math.random().toString(36).slice(2, 8)}`;
  return hall.account({ account: name, role: "STAFF", name: `老师 ${name}`, department });
}
