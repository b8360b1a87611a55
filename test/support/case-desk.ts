import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { GraphQLReply, TestHall } from "./test-hall";

/** Queries and fixtures for tests of cases: the desk's mutations and the lists people read. */

export interface Material {
  name: string;
  count: number;
}

export const CASE_FIELDS = `id origin status subject serviceCode departmentCode studentNo ticketId
  dueAt materialsCompleteAt createdAt closedAt answer referredTo handoverToDepartment handoverReason
  extensionDays extensionReason extensionStatus
  missingMaterials { name count } receivedMaterials { name count }
  firstResponder { badgeNo role department } owner { badgeNo role department }`;

export const HISTORY_FIELDS = `history { at kind actorBadgeNo actor { badgeNo role department } note
  materials { name count } fromDepartment toDepartment }`;

export const OPEN = `mutation($input: OpenCaseInput!){ openCase(input:$input){ ${CASE_FIELDS} } }`;
export const READ = `query($id: ID!){ case(id:$id){ ${CASE_FIELDS} ${HISTORY_FIELDS} } }`;
export const RECEIVE = `mutation($c: ID!, $m: [MaterialCountInput!]!){ receiveMaterials(caseId:$c, materials:$m){
  ${CASE_FIELDS} } }`;
export const HAND_OVER = `mutation($c: ID!, $to: String!, $reason: String!, $m: [MaterialCountInput!]){
  handOver(caseId:$c, toDepartment:$to, reason:$reason, materialsReceived:$m){ ${CASE_FIELDS} } }`;
export const ACCEPT = `mutation($c: ID!){ acceptCase(caseId:$c){ ${CASE_FIELDS} } }`;
export const DECLINE = `mutation($c: ID!, $reason: String!){ declineCase(caseId:$c, reason:$reason){ ${CASE_FIELDS} } }`;
export const CLOSE = `mutation($c: ID!, $answer: String!, $to: String){ closeCase(caseId:$c, answer:$answer, referredTo:$to){
  ${CASE_FIELDS} } }`;
export const ASK_EXTENSION = `mutation($c: ID!, $days: Int!, $reason: String!){
  requestExtension(caseId:$c, workingDays:$days, reason:$reason){ ${CASE_FIELDS} } }`;
export const DECIDE_EXTENSION = `mutation($c: ID!, $approve: Boolean){ approveExtension(caseId:$c, approve:$approve){
  ${CASE_FIELDS} } }`;

const PAGE = `nodes { id status dueAt departmentCode } pageInfo { endCursor hasNextPage }`;
export const MY_CASES = `query($first: Int, $after: String){ myCases(first:$first, after:$after){ ${PAGE} } }`;
export const MY_OWNED = `query($first: Int, $after: String){ myOwnedCases(first:$first, after:$after){ ${PAGE} } }`;
export const CASES = `query($d: String, $status: CaseStatus, $first: Int, $after: String){
  cases(department:$d, status:$status, first:$first, after:$after){ ${PAGE} } }`;
export const OVERDUE = `query($d: String, $first: Int, $after: String){
  overdueCases(department:$d, first:$first, after:$after){ ${PAGE} } }`;
export const DUE_SOON = `query($h: Int!, $d: String, $first: Int, $after: String){
  dueSoon(withinHours:$h, department:$d, first:$first, after:$after){ ${PAGE} } }`;

let serial = 0;

/** A staff member of one department, signed in. */
export async function staffOf(hall: TestHall, department: string) {
  const n = ++serial;
  const account = await hall.account({ account: `staff-${department}-${n}`, role: "STAFF", name: `老师${n}`, department });
  return { ...account, department };
}

export async function supervisor(hall: TestHall) {
  const n = ++serial;
  return hall.account({ account: `supervisor-${n}`, role: "SUPERVISOR", name: `督导${n}` });
}

/** The reply's data, or a failure that shows the errors. */
export function ok<T = any>(reply: GraphQLReply, field: string): T {
  if (reply.errors?.length || !reply.data?.[field]) {
    throw new Error(`${field} failed: ${JSON.stringify(reply.errors ?? reply.data)}`);
  }
  return reply.data[field] as T;
}

/** The first error's code and field, for a compact expectation. */
export function refusal(reply: GraphQLReply): { code?: string; field?: string } {
  const extensions = reply.errors?.[0]?.extensions ?? {};
  return extensions.field ? { code: extensions.code, field: extensions.field } : { code: extensions.code };
}

/** Reads every page of a list query, `size` at a time (at most 50 pages). */
export async function allPages(
  hall: TestHall,
  query: string,
  field: string,
  token: string,
  variables: Record<string, unknown> = {},
  size = 3,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 1; pages <= 50; pages++) {
    const page: { nodes: Array<{ id: string }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } } =
      ok(await hall.gql(query, { ...variables, first: size, after }, token), field);
    ids.push(...page.nodes.map((n) => n.id));
    if (!page.pageInfo.hasNextPage) return { ids, pages };
    after = page.pageInfo.endCursor;
  }
  throw new Error(`${field} did not end within 50 pages`);
}

/** A local wall time in the hall's zone (Asia/Shanghai, UTC+8 all year), as an instant. */
export function shanghai(local: string): Date {
  return new Date(`${local}+08:00`);
}

export interface AlertFeed {
  alerts: Array<{ kind: string; caseId: string; department: string }>;
  errors: Array<{ message: string; extensions?: Record<string, any> }>;
  failure: unknown;
  done: boolean;
  close(): Promise<void>;
}

/**
 * A `caseAlerts` subscription over graphql-ws, as a dashboard opens it: the token in
 * connectionParams.authorization, no retries, so a refusal shows up at once.
 */
export function alertFeed(hall: TestHall, token: string, department?: string): AlertFeed & { ready: Promise<void> } {
  let connected!: () => void;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const client: Client = createClient({
    url: `ws://127.0.0.1:${hall.port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: token },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    on: { connected: () => connected() },
  });
  const feed: AlertFeed = {
    alerts: [],
    errors: [],
    failure: undefined,
    done: false,
    close: async () => {
      stop();
      await client.dispose();
    },
  };
  const stop = client.subscribe(
    {
      query: `subscription($d: String){ caseAlerts(department:$d){ kind caseId department dueAt at } }`,
      variables: { d: department ?? null },
    },
    {
      next: (result) => {
        if (result.data?.caseAlerts) feed.alerts.push(result.data.caseAlerts as AlertFeed["alerts"][number]);
        if (result.errors) feed.errors.push(...(result.errors as AlertFeed["errors"]));
      },
      error: (error) => void (feed.failure = error),
      complete: () => void (feed.done = true),
    },
  );
  return Object.assign(feed, { ready });
}

/** Waits for a condition, checking every 20 ms, for at most `ms`. */
export async function waitFor(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
