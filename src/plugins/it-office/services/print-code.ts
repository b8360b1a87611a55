import { randomBytes } from "node:crypto";

/** Letters and digits nobody misreads at a terminal (no 0, O, 1, I): 32 of them, so byte % 32 is unbiased. */
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** 8 characters: 40 random bits, plenty for a code that lives one day and is used once. */
export const PRINT_CODE_LENGTH = 8;

export function newPrintCode(): string {
  return [...randomBytes(PRINT_CODE_LENGTH)].map((byte) => ALPHABET[byte % ALPHABET.length]).join("");
}

/** What a person typed, as stored: upper case, without spaces or dashes. */
export function normalisePrintCode(typed: string): string {
  return typed.replace(/[\s-]/g, "").toUpperCase();
}
