import { createPubSub } from "@graphql-yoga/subscription";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import Redis from "ioredis";
import type { Logger } from "../logger";

/** A message for subscribers. Payloads are plain JSON, so they cross Redis unchanged. */
export interface HallEvent {
  topic: string;
  payload: Record<string, unknown>;
}

type AnyPubSub = {
  publish(topic: string, payload: unknown): void;
  subscribe(topic: string): AsyncIterable<unknown>;
};

/**
 * The hall's pub/sub. In-process by default; with REDIS_URL every server process behind a
 * load balancer hears every event. Only committed work is published: see HallDatabase.
 */
export class EventBus {
  private readonly pubSub: AnyPubSub;
  private readonly clients: Redis[] = [];

  constructor(redisUrl: string | null, logger: Logger) {
    if (!redisUrl) {
      this.pubSub = createPubSub() as unknown as AnyPubSub;
      return;
    }
    const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
    const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
    for (const client of [publishClient, subscribeClient]) {
      client.on("error", (error) => logger.error({ err: error.message }, "redis connection error"));
      this.clients.push(client);
    }
    const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
    this.pubSub = createPubSub({ eventTarget }) as unknown as AnyPubSub;
  }

  publish(event: HallEvent): void {
    this.pubSub.publish(event.topic, event.payload);
  }

  subscribe<T = Record<string, unknown>>(topic: string): AsyncIterable<T> {
    return this.pubSub.subscribe(topic) as AsyncIterable<T>;
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.quit().catch(() => undefined)));
  }
}
