import { randomBytes } from "node:crypto";

/** Letters and digits nobody misreads on paper (no 0, O, 1, I): 32, so byte % 32 is unbiased. */
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/** 12 characters of 5 bits: 60 random bits, beyond guessing through a public endpoint. */
const LENGTH = 12;

export function newVerificationCode(): string {
  return [...randomBytes(LENGTH)].map((byte) => ALPHABET[byte % ALPHABET.length]).join("");
}

/** As printed: three groups of four, e.g. `7KQ2-M9XD-4TPL`. */
export function printedCode(code: string): string {
  return code.match(/.{1,4}/g)!.join("-");
}

/** What someone typed, as stored, or null when it cannot be a code at all. */
export function normaliseCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, "").toUpperCase();
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}
