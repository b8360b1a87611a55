import { median, percentile } from "./percentiles";

export interface TicketTimes {
  waitSeconds: number | null;
  serviceSeconds: number | null;
}

/** What the six queries give for one department, before it is turned into figures. */
export interface Tally {
  tickets: Map<string, number>;
  times: TicketTimes[];
  cases: { opened: number; closed: number; closedWithDue: number; closedOnTime: number; overdue: number };
  ratings: Map<string, number>;
  complaints: Map<string, number>;
  followUps: { opened: number; done: number; doneOnTime: number; overdue: number };
}

export const RATING_LEVELS = [
  "VERY_SATISFIED",
  "SATISFIED",
  "BASIC",
  "DISSATISFIED",
  "VERY_DISSATISFIED",
] as const;
export const COMPLAINT_STATES = ["FILED", "ACKNOWLEDGED", "INVESTIGATING", "UPHELD", "DISMISSED"] as const;

export function emptyTally(): Tally {
  return {
    tickets: new Map(),
    times: [],
    cases: { opened: 0, closed: 0, closedWithDue: 0, closedOnTime: 0, overdue: 0 },
    ratings: new Map(),
    complaints: new Map(),
    followUps: { opened: 0, done: 0, doneOnTime: 0, overdue: 0 },
  };
}

/** Several departments' tallies as one: the hall's. */
export function combine(tallies: Iterable<Tally>): Tally {
  const total = emptyTally();
  for (const tally of tallies) {
    addCounts(total.tickets, tally.tickets);
    addCounts(total.ratings, tally.ratings);
    addCounts(total.complaints, tally.complaints);
    total.times.push(...tally.times);
    addFields(total.cases, tally.cases);
    addFields(total.followUps, tally.followUps);
  }
  return total;
}

/** The numbers a dashboard shows; durations in whole seconds, rates from 0 to 1. */
export function figuresOf(tally: Tally) {
  const waits = tally.times.map((t) => t.waitSeconds).filter((s): s is number => s !== null);
  const services = tally.times.map((t) => t.serviceSeconds).filter((s): s is number => s !== null);
  const ratingCount = sum(tally.ratings.values());
  const bad = (tally.ratings.get("DISSATISFIED") ?? 0) + (tally.ratings.get("VERY_DISSATISFIED") ?? 0);
  return {
    ticketsTaken: sum(tally.tickets.values()),
    ticketsServed: tally.tickets.get("COMPLETED") ?? 0,
    noShows: tally.tickets.get("NO_SHOW") ?? 0,
    ticketsCancelled: tally.tickets.get("CANCELLED") ?? 0,
    waitMedianSeconds: whole(median(waits)),
    waitP90Seconds: whole(percentile(waits, 90)),
    serviceMedianSeconds: whole(median(services)),
    casesOpened: tally.cases.opened,
    casesClosed: tally.cases.closed,
    casesOverdue: tally.cases.overdue,
    caseOnTimeRate: rate(tally.cases.closedOnTime, tally.cases.closedWithDue),
    ratingCount,
    ratings: RATING_LEVELS.map((level) => ({ level, count: tally.ratings.get(level) ?? 0 })),
    badRatingRate: rate(bad, ratingCount),
    complaintsFiled: sum(tally.complaints.values()),
    complaintsByState: COMPLAINT_STATES.map((status) => ({
      status,
      count: tally.complaints.get(status) ?? 0,
    })),
    followUpsOpened: tally.followUps.opened,
    followUpsDone: tally.followUps.done,
    followUpsDoneOnTime: tally.followUps.doneOnTime,
    followUpsOverdue: tally.followUps.overdue,
    followUpOnTimeRate: rate(tally.followUps.doneOnTime, tally.followUps.done),
  };
}

function addCounts(into: Map<string, number>, from: Map<string, number>): void {
  for (const [key, n] of from) into.set(key, (into.get(key) ?? 0) + n);
}

function addFields<T extends Record<string, number>>(into: T, from: T): void {
  for (const key of Object.keys(from) as Array<keyof T>) (into[key] as number) += from[key];
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function whole(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds);
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
