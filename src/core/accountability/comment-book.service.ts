import type { EntityManager } from "typeorm";
import type { Actor } from "../auth/role";
import type { Clock } from "../common/clock";
import type { HallConfig } from "../config/config";
import type { HallDatabase } from "../database/hall-database";
import { sqlTime } from "../database/time";
import { BadInputError, ConflictError, NotFoundError, TooManyRequestsError } from "../errors/hall-error";
import { CommentBookEntryEntity } from "./comment-book-entry.entity";

export interface EntryFields {
  text: string;
  signature?: string | null;
}

/**
 * The comment book (意见簿). Anyone writes; a supervisor publishes or hides each entry and may
 * answer it; only published entries and their answers are public.
 */
export class CommentBookService {
  constructor(
    private readonly database: HallDatabase,
    private readonly config: HallConfig,
    private readonly clock: Clock,
  ) {}

  async write(actor: Actor | null, addressKey: string, fields: EntryFields): Promise<CommentBookEntryEntity> {
    const text = fields.text.trim();
    if (!text) throw new BadInputError("text", "Write something in the comment book.");
    if (text.length > 2000) throw new BadInputError("text", "An entry is at most 2000 characters.");
    const signature = fields.signature?.trim() || null;
    if (signature && signature.length > 64) {
      throw new BadInputError("signature", "A signature is at most 64 characters.");
    }
    return this.database.transaction(async (tx) => {
      const now = this.clock.now();
      await this.assertWithinLimit(tx, addressKey, now);
      const entry = tx.create(CommentBookEntryEntity, {
        text,
        signature,
        authorAccountId: actor?.accountId ?? null,
        addressKey,
        status: "PENDING",
        writtenAt: now,
        moderatedAt: null,
        moderatedByAccountId: null,
        hiddenReason: null,
        answer: null,
        answeredAt: null,
        answeredByAccountId: null,
      });
      await tx.insert(CommentBookEntryEntity, entry);
      return entry;
    });
  }

  /** Publishes an entry, or hides it with a reason; a supervisor may change their mind later. */
  async moderate(actor: Actor, id: string, publish: boolean, reason: string | null) {
    const why = reason?.trim() || null;
    if (!publish && !why) throw new BadInputError("reason", "Say why the entry is hidden.");
    if (why && why.length > 500) throw new BadInputError("reason", "A reason is at most 500 characters.");
    return this.change(id, (entry) => {
      Object.assign(entry, {
        status: publish ? "PUBLISHED" : "HIDDEN",
        hiddenReason: publish ? null : why,
        moderatedAt: this.clock.now(),
        moderatedByAccountId: actor.accountId,
      });
    });
  }

  async answer(actor: Actor, id: string, answer: string): Promise<CommentBookEntryEntity> {
    const text = answer.trim();
    if (!text) throw new BadInputError("answer", "Write the answer.");
    if (text.length > 2000) throw new BadInputError("answer", "An answer is at most 2000 characters.");
    return this.change(id, (entry) => {
      if (entry.status === "HIDDEN") {
        throw new ConflictError("The entry is hidden; publish it before answering.");
      }
      Object.assign(entry, { answer: text, answeredAt: this.clock.now(), answeredByAccountId: actor.accountId });
    });
  }

  /**
   * Counted in the database, so every server process sees the same count. On MySQL the locking
   * read takes next-key locks on the address's range of the index: two entries racing from one
   * address then deadlock, and the retried one counts the other.
   */
  private async assertWithinLimit(tx: EntityManager, addressKey: string, now: Date): Promise<void> {
    const hourAgo = new Date(now.getTime() - 3600_000);
    const query = tx
      .createQueryBuilder(CommentBookEntryEntity, "e")
      .where("e.addressKey = :addressKey AND e.writtenAt > :since", { addressKey, since: sqlTime(hourAgo) });
    if (this.database.dialect === "mysql") query.setLock("pessimistic_write");
    const written = await query.getCount();
    if (written < this.config.commentBookPerHour) return;
    throw new TooManyRequestsError(
      `At most ${this.config.commentBookPerHour} comment-book entries an hour from one address; try again later.`,
      3600,
    );
  }

  private change(id: string, apply: (entry: CommentBookEntryEntity) => void) {
    return this.database.transaction(async (tx) => {
      const query = tx.createQueryBuilder(CommentBookEntryEntity, "e").where("e.id = :id", { id });
      if (this.database.dialect === "mysql") query.setLock("pessimistic_write");
      const entry = await query.getOne();
      if (!entry) throw new NotFoundError("Comment-book entry");
      apply(entry);
      await tx.save(entry);
      return entry;
    });
  }
}
