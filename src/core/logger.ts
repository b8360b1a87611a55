import pino, { type Logger } from "pino";

export type { Logger };

/**
 * The hall's one logger. JSON lines in production; readable lines in development when
 * pino-pretty is installed. Paths that could carry a secret are redacted as a safety net:
 * the code itself never logs passwords, tokens or a student's personal details.
 */
export function createLogger(level: string, production: boolean): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "onestop" },
    redact: {
      paths: ["password", "*.password", "token", "*.token", "authorization", "*.authorization"],
      censor: "[redacted]",
    },
  };
  if (!production && process.stdout.isTTY && canPrettyPrint()) {
    return pino({ ...options, transport: { target: "pino-pretty", options: { colorize: true } } });
  }
  return pino(options);
}

function canPrettyPrint(): boolean {
  try {
    require.resolve("pino-pretty");
    return true;
  } catch {
    return false;
  }
}
