import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");

/** `npm start` as a child process, with its output collected line by line. */
export interface HallProcess {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** Resolves with the exit code (or the signal's name), at most `ms` after asking. */
  exited(ms: number): Promise<number | string>;
  /** The first stdout line that matches, waiting at most `ms`. */
  line(match: (line: string) => boolean, ms: number): Promise<string>;
  /** Kills the child if it is still running; for afterEach. */
  kill(): void;
}

/**
 * Starts src/main.ts with exactly the given environment (plus PATH), so that nothing from
 * the test run's own environment leaks into the hall's configuration.
 */
export function startHallProcess(env: Record<string, string>): HallProcess {
  const child = spawn(join(ROOT, "node_modules/.bin/ts-node"), ["--transpile-only", "src/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const listeners = new Set<() => void>();
  const split = (into: string[]) => {
    let rest = "";
    return (chunk: Buffer) => {
      const lines = (rest + chunk.toString("utf8")).split("\n");
      rest = lines.pop()!;
      into.push(...lines);
      for (const listener of listeners) listener();
    };
  };
  child.stdout!.on("data", split(stdout));
  child.stderr!.on("data", split(stderr));
  let closed = false;
  // "close" rather than "exit": it comes after the last output has been read.
  const exit = new Promise<number | string>((resolve) =>
    child.once("close", (code, signal) => {
      closed = true;
      for (const listener of listeners) listener();
      resolve(code ?? signal ?? "unknown");
    }),
  );

  const within = <T>(promise: Promise<T>, ms: number, what: string) => {
    let timer: NodeJS.Timeout;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms; stderr: ${stderr.join("\n")}`)), ms);
    });
    return Promise.race([promise, late]).finally(() => clearTimeout(timer));
  };
  const running = () => child.exitCode === null && child.signalCode === null;

  return {
    child,
    stdout,
    stderr,
    exited: (ms) => within(exit, ms, "the hall did not exit"),
    line: (match, ms) => {
      let check!: () => void;
      const found = new Promise<string>((resolve, reject) => {
        check = () => {
          const line = stdout.find(match);
          if (line !== undefined) resolve(line);
          else if (closed) reject(new Error(`the hall exited first; stderr: ${stderr.join("\n")}`));
        };
        listeners.add(check);
        check();
      });
      return within(found, ms, "the line did not appear").finally(() => listeners.delete(check));
    },
    kill: () => {
      if (running()) child.kill("SIGKILL");
    },
  };
}
