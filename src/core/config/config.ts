import { IANAZone } from "luxon";
import { OpeningHoursFormatError, parseOpeningHours, type WeeklyHours } from "../calendar/opening-hours";

export type DatabaseConfig =
  | { type: "sqlite"; path: string; url: string }
  | { type: "mysql"; url: string; database: string };

/** Everything the hall reads from its environment, checked once at start. */
export interface HallConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Plugin codes to load, in order; null means every plugin the build offers. */
  plugins: string[] | null;
  timeZone: string;
  openingHoursText: string;
  openingHours: WeeklyHours;
  adminPassword: string | null;
  jwtSecret: string | null;
  /** Where generated secrets live (the embedded database is wherever DATABASE_URL says). */
  dataDir: string;
  redisUrl: string | null;
  logLevel: string;
  production: boolean;
  graphiql: boolean;
  /** How long a signed-in token lasts. */
  tokenTtlSeconds: number;
  /** Recalls after which a volunteer may mark a called ticket a no-show. */
  noShowAfterRecalls: number;
  /** Minutes a handed-over case waits for the receiving department before it returns. */
  handoverAcceptMinutes: number;
  /** How far ahead a case counts as due soon, for alerts. */
  dueSoonHours: number;
  /** How often the hall looks for overdue cases and expired handovers. */
  sweepSeconds: number;
  /** Memory argon2 may use per password hash; lowered only to keep test suites quick. */
  passwordHashMemoryKib: number;
  /** Working days a department has to follow up a dissatisfied rating. */
  followUpWorkingDays: number;
  /** Working days to acknowledge a complaint. */
  complaintAckWorkingDays: number;
  /** Working days to conclude a complaint (and to decide its appeal). */
  complaintConcludeWorkingDays: number;
  /** The ladder: this many bad ratings among a volunteer's last `ladderWindow` flag them. */
  ladderBadRatings: number;
  ladderWindow: number;
  /** The ladder: this many upheld complaints within `ladderUpheldDays` days flag a volunteer. */
  ladderUpheldComplaints: number;
  ladderUpheldDays: number;
  /** Comment-book entries one network address may write per hour. */
  commentBookPerHour: number;
}

/** A wrong environment value; its message is the one line the operator sees. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    accepts: string,
    got?: string,
  ) {
    super(`${variable}${got === undefined ? "" : `=${JSON.stringify(got)}`} is not valid: ${accepts}`);
    this.name = "ConfigError";
  }
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HallConfig {
  const production = env.NODE_ENV === "production";
  const openingHoursText = text(env.HALL_OPENING_HOURS) ?? "Mon-Fri 09:00-19:30";

  return {
    port: port(env.PORT),
    host: text(env.HOST) ?? "127.0.0.1",
    database: parseDatabaseUrl("DATABASE_URL", text(env.DATABASE_URL) ?? "sqlite:data/onestop.sqlite"),
    plugins: pluginList(env.PLUGINS),
    timeZone: timeZone(env.HALL_TIME_ZONE),
    openingHoursText,
    openingHours: openingHours(openingHoursText),
    adminPassword: adminPassword(env.ONESTOP_ADMIN_PASSWORD),
    jwtSecret: jwtSecret(env.ONESTOP_JWT_SECRET),
    dataDir: text(env.ONESTOP_DATA_DIR) ?? "data",
    redisUrl: redisUrl(env.REDIS_URL),
    logLevel: logLevel(env.LOG_LEVEL),
    production,
    graphiql: flag("ONESTOP_GRAPHIQL", env.ONESTOP_GRAPHIQL, !production),
    tokenTtlSeconds: positiveInt("ONESTOP_TOKEN_TTL_SECONDS", env.ONESTOP_TOKEN_TTL_SECONDS, 12 * 3600),
    noShowAfterRecalls: wholeNumber("NO_SHOW_AFTER_RECALLS", env.NO_SHOW_AFTER_RECALLS, 2),
    handoverAcceptMinutes: positiveInt("HANDOVER_ACCEPT_MINUTES", env.HANDOVER_ACCEPT_MINUTES, 60),
    dueSoonHours: positiveInt("DUE_SOON_HOURS", env.DUE_SOON_HOURS, 24),
    sweepSeconds: positiveInt("SWEEP_SECONDS", env.SWEEP_SECONDS, 60),
    passwordHashMemoryKib: positiveInt("ONESTOP_PASSWORD_HASH_MEMORY_KIB", env.ONESTOP_PASSWORD_HASH_MEMORY_KIB, 65536),
    followUpWorkingDays: wholeNumber("FOLLOW_UP_WORKING_DAYS", env.FOLLOW_UP_WORKING_DAYS, 2),
    ...complaintDeadlines(env),
    ...ladderRules(env),
    commentBookPerHour: positiveInt("COMMENT_BOOK_PER_HOUR", env.COMMENT_BOOK_PER_HOUR, 5),
  };
}

/** Concluding cannot be due before acknowledging, or the second deadline would always be missed first. */
function complaintDeadlines(env: NodeJS.ProcessEnv) {
  const ack = wholeNumber("COMPLAINT_ACK_WORKING_DAYS", env.COMPLAINT_ACK_WORKING_DAYS, 1);
  const conclude = positiveInt("COMPLAINT_CONCLUDE_WORKING_DAYS", env.COMPLAINT_CONCLUDE_WORKING_DAYS, 5);
  if (conclude < ack) {
    throw new ConfigError(
      "COMPLAINT_CONCLUDE_WORKING_DAYS",
      `accepts a number of working days no smaller than COMPLAINT_ACK_WORKING_DAYS (${ack})`,
      env.COMPLAINT_CONCLUDE_WORKING_DAYS,
    );
  }
  return { complaintAckWorkingDays: ack, complaintConcludeWorkingDays: conclude };
}

/** A rule that needs more bad ratings than the window holds could never flag anybody. */
function ladderRules(env: NodeJS.ProcessEnv) {
  const window = positiveInt("LADDER_WINDOW", env.LADDER_WINDOW, 20);
  const bad = positiveInt("LADDER_BAD_RATINGS", env.LADDER_BAD_RATINGS, 3);
  if (bad > window) {
    throw new ConfigError("LADDER_BAD_RATINGS", `accepts a whole number from 1 to LADDER_WINDOW (${window})`, env.LADDER_BAD_RATINGS);
  }
  return {
    ladderBadRatings: bad,
    ladderWindow: window,
    ladderUpheldComplaints: positiveInt("LADDER_UPHELD_COMPLAINTS", env.LADDER_UPHELD_COMPLAINTS, 2),
    ladderUpheldDays: positiveInt("LADDER_UPHELD_DAYS", env.LADDER_UPHELD_DAYS, 30),
  };
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A decimal whole number, or NaN: Number() alone also takes "1e3", "0x50" and "1.0". */
function decimal(value: string): number {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
}

function port(value: string | undefined): number {
  if (text(value) === undefined) return 4000;
  const n = decimal(value!);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new ConfigError("PORT", "accepts a whole number from 0 to 65535", value);
  }
  return n;
}

/** `sqlite:PATH`, `sqlite::memory:` or `mysql://user:pass@host:port/db`. */
export function parseDatabaseUrl(variable: string, url: string): DatabaseConfig {
  const accepts = "accepts sqlite:PATH, sqlite::memory: or mysql://user:pass@host:port/db";
  if (url.startsWith("sqlite:")) {
    const path = url.slice("sqlite:".length).replace(/^\/\//, "");
    if (!path) throw new ConfigError(variable, accepts, url);
    return { type: "sqlite", path, url };
  }
  if (/^(mysql|mariadb):\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError(variable, accepts, redact(url));
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
    if (!parsed.hostname || !/^[A-Za-z0-9_$-]+$/.test(database)) {
      throw new ConfigError(variable, `${accepts} (with a database name)`, redact(url));
    }
    return { type: "mysql", url: url.replace(/^mariadb:/, "mysql:"), database };
  }
  throw new ConfigError(variable, accepts, redact(url));
}

/**
 * A database URL may hold a password: never echo it back. Everything up to the last `@` goes,
 * since an operator's password may hold an unescaped `@` or `/`.
 */
function redact(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*):.*@/i, "$1:***@");
}

function pluginList(value: string | undefined): string[] | null {
  if (text(value) === undefined) return null;
  const codes = value!.split(",").map((code) => code.trim());
  if (codes.some((code) => !/^[a-z][a-z0-9-]*$/.test(code))) {
    throw new ConfigError("PLUGINS", "accepts a comma list of plugin codes such as security,logistics", value);
  }
  return [...new Set(codes)];
}

function timeZone(value: string | undefined): string {
  const zone = text(value) ?? "Asia/Shanghai";
  if (!IANAZone.isValidZone(zone)) {
    throw new ConfigError("HALL_TIME_ZONE", "accepts an IANA time zone such as Asia/Shanghai", value);
  }
  return zone;
}

function openingHours(value: string): WeeklyHours {
  try {
    return parseOpeningHours(value);
  } catch (error) {
    if (error instanceof OpeningHoursFormatError) {
      throw new ConfigError(
        "HALL_OPENING_HOURS",
        "accepts day ranges with hours, such as Mon-Fri 09:00-19:30 or Mon-Sun 00:00-24:00 " +
          `(segments separated by ';'): ${error.message}`,
        value,
      );
    }
    throw error;
  }
}

function adminPassword(value: string | undefined): string | null {
  if (value === undefined || value === "") return null;
  if (value.length < 8) {
    throw new ConfigError("ONESTOP_ADMIN_PASSWORD", "accepts a password of at least 8 characters");
  }
  return value;
}

function jwtSecret(value: string | undefined): string | null {
  if (value === undefined || value === "") return null;
  if (value.length < 32) {
    throw new ConfigError("ONESTOP_JWT_SECRET", "accepts a secret of at least 32 characters");
  }
  return value;
}

function redisUrl(value: string | undefined): string | null {
  const url = text(value);
  if (url === undefined) return null;
  if (!/^rediss?:\/\/[^/]+/.test(url)) {
    throw new ConfigError("REDIS_URL", "accepts redis://host:port or rediss://host:port", redact(url));
  }
  return url;
}

function logLevel(value: string | undefined): string {
  const level = text(value) ?? "info";
  if (!LOG_LEVELS.includes(level)) {
    throw new ConfigError("LOG_LEVEL", `accepts one of ${LOG_LEVELS.join(", ")}`, value);
  }
  return level;
}

function flag(variable: string, value: string | undefined, fallback: boolean): boolean {
  const v = text(value)?.toLowerCase();
  if (v === undefined) return fallback;
  if (["1", "true", "yes", "on"].includes(v)) return true;
  if (["0", "false", "no", "off"].includes(v)) return false;
  throw new ConfigError(variable, "accepts true or false", value);
}

function positiveInt(variable: string, value: string | undefined, fallback: number): number {
  if (text(value) === undefined) return fallback;
  const n = decimal(value!);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(variable, "accepts a positive whole number", value);
  return n;
}

function wholeNumber(variable: string, value: string | undefined, fallback: number): number {
  if (text(value) === undefined) return fallback;
  const n = decimal(value!);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(variable, "accepts a whole number, 0 or more", value);
  return n;
}
