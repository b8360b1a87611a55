import { createHash } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";

/**
 * The network address behind each HTTP request, by request id, for limits kept per address
 * (the comment book). The HTTP handler sets the x-request-id header before it awaits anything,
 * so a listener registered after it finds the id on the response.
 *
 * TODO: behind a load balancer every request comes from the balancer's address; read a
 * trusted X-Forwarded-For once the deployment says which proxies to trust. The context could
 * also carry the address itself, which would make this side table unnecessary.
 */
export class RequestAddresses {
  private readonly byRequest = new Map<string, string>();

  attach(server: Server): void {
    server.on("request", (req: IncomingMessage, res: ServerResponse) => {
      const requestId = res.getHeader("x-request-id");
      if (typeof requestId !== "string") return;
      this.byRequest.set(requestId, req.socket.remoteAddress ?? "unknown");
      res.once("close", () => this.byRequest.delete(requestId));
    });
  }

  /** A hash of the address, so that the database never holds the address itself. */
  keyOf(requestId: string): string {
    const address = this.byRequest.get(requestId) ?? "unknown";
    return createHash("sha256").update(address).digest("hex");
  }
}
