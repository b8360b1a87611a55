import type { TestHall } from "./test-hall";

/** Test fixtures for the front line: services, windows and the people who use them. */

export async function addService(
  hall: TestHall,
  code: string,
  department = "student-affairs",
  extra: Record<string, unknown> = {},
): Promise<void> {
  const reply = await hall.gql(
    `mutation($input: CreateServiceInput!){ createService(input:$input){ code } }`,
    {
      input: {
        code,
        department,
        name: `测试服务 ${code}`,
        nameEn: `Test service ${code}`,
        mode: "ON_THE_SPOT",
        materials: [{ name: "一寸照", nameEn: "1-inch photo", count: 1 }],
        steps: ["到窗口办理"],
        ...extra,
      },
    },
    hall.adminToken,
  );
  if (reply.errors) throw new Error(`createService: ${JSON.stringify(reply.errors)}`);
}

export async function addWindow(
  hall: TestHall,
  number: string,
  department: string,
  serviceCodes: string[],
): Promise<string> {
  const reply = await hall.gql(
    `mutation($input: CreateWindowInput!){ createWindow(input:$input){ id } }`,
    { input: { number, department, serviceCodes } },
    hall.adminToken,
  );
  if (reply.errors) throw new Error(`createWindow: ${JSON.stringify(reply.errors)}`);
  return reply.data.createWindow.id;
}

let serial = 0;

export async function volunteer(hall: TestHall, badgeNo?: string) {
  const n = ++serial;
  const badge = badgeNo ?? `V${String(n).padStart(3, "0")}`;
  return { ...(await hall.account({ account: `volunteer-${badge}`, role: "VOLUNTEER", name: `志愿者${n}`, badgeNo: badge })), badgeNo: badge };
}

export async function student(hall: TestHall, studentNo?: string) {
  const n = ++serial;
  const number = studentNo ?? `2026${String(n).padStart(5, "0")}`;
  return { ...(await hall.account({ account: `student-${number}`, role: "STUDENT", name: `学生${n}`, studentNo: number })), studentNo: number };
}

export async function signOn(hall: TestHall, token: string, windowId: string): Promise<void> {
  const reply = await hall.gql(`mutation($w: ID!){ signOnWindow(windowId:$w){ id } }`, { w: windowId }, token);
  if (reply.errors) throw new Error(`signOnWindow: ${JSON.stringify(reply.errors)}`);
}

export const TAKE = `mutation($s: String!, $n: String){ takeTicket(serviceCode:$s, studentNo:$n){
  id number status position estimatedWaitMinutes materials { name count } } }`;
export const CALL = `mutation($w: ID!){ callNext(windowId:$w){ id number status windowNumber badgeNo } }`;

export function codeOf(reply: { errors?: Array<{ extensions?: Record<string, any> }> }): string | undefined {
  return reply.errors?.[0]?.extensions?.code;
}
