import { Authorized, Resolver, Root, Subscription } from "type-graphql";
import { requireActor } from "../auth/access";
import { ForbiddenError } from "../errors/hall-error";
import type { HallContext } from "../server/hall-context";
import type { FeedPayload } from "./feed-topics";
import { FeedEventView } from "./feed.types";
import { SUPERVISING } from "./roles";

@Resolver()
export class FeedResolver {
  @Authorized(...SUPERVISING)
  @Subscription(() => FeedEventView, {
    description:
      "The supervisors' live feed: new complaints and their steps, bad ratings, flagged volunteers, missed deadlines and overdue cases, after commit. Supervisors and admins only; catch up after a reconnect with `complaints(since:)`.",
    // A custom subscribe skips type-graphql's auth check, so the caller is checked here.
    subscribe: ({ context }) => {
      const ctx = context as HallContext;
      const actor = requireActor(ctx);
      if (!SUPERVISING.includes(actor.role)) {
        throw new ForbiddenError("Only supervisors and admins watch the complaint feed.");
      }
      return ctx.services.feed.subscribe();
    },
  })
  complaintFeed(@Root() event: FeedPayload): FeedEventView {
    return { ...event, at: new Date(event.at) } as FeedEventView;
  }
}
