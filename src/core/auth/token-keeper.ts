import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import { UnauthenticatedError } from "../errors/hall-error";

export interface TokenClaims {
  accountId: string;
  expiresAt: Date;
}

/**
 * Signs and checks the hall's bearer tokens (HS256). The secret comes from
 * ONESTOP_JWT_SECRET, or is made once and kept in the data folder, readable by the owner only.
 */
export class TokenKeeper {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  static secretFrom(configured: string | null, dataDir: string): string {
    if (configured) return configured;
    const file = join(dataDir, "jwt-secret");
    if (existsSync(file)) return readFileSync(file, "utf8").trim();
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(48).toString("base64url");
    writeFileSync(file, secret + "\n", { mode: 0o600 });
    chmodSync(file, 0o600);
    return secret;
  }

  async issue(accountId: string): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.ttlSeconds * 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(accountId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .setIssuer("onestop")
      .sign(this.key);
    return { token, expiresAt };
  }

  /** Checks a token; anything malformed, forged or expired is UNAUTHENTICATED. */
  async verify(token: string): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ["HS256"], issuer: "onestop" });
      if (typeof payload.sub !== "string" || typeof payload.exp !== "number") throw new Error("claims");
      return { accountId: payload.sub, expiresAt: new Date(payload.exp * 1000) };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw new UnauthenticatedError("Your sign-in has expired; sign in again.");
      }
      throw new UnauthenticatedError("The sign-in token is not valid.");
    }
  }
}

/** Reads `Bearer <token>`; a header of another shape is UNAUTHENTICATED, not ignored. */
export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new UnauthenticatedError("The Authorization header must be `Bearer <token>`.");
  return match[1];
}
