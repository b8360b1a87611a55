import { EventSubscriber, type EntitySubscriberInterface, type InsertEvent, type UpdateEvent } from "typeorm";

/**
 * Fills created/updated times from the application clock, to the millisecond, on every
 * insert and update (query builder included). SQLite's column default, datetime('now'),
 * keeps only whole seconds, and keyset pagination by creation time then skips or repeats
 * rows; MySQL's default would be fine, but one rule for both keeps the two databases alike.
 */
@EventSubscriber()
export class TimestampsSubscriber implements EntitySubscriberInterface {
  beforeInsert(event: InsertEvent<Record<string, unknown>>): void {
    const now = new Date();
    for (const column of event.metadata.columns) {
      if (!column.isCreateDate && !column.isUpdateDate) continue;
      if (event.entity && event.entity[column.propertyName] == null) event.entity[column.propertyName] = now;
    }
  }

  beforeUpdate(event: UpdateEvent<Record<string, unknown>>): void {
    if (!event.entity) return;
    for (const column of event.metadata.columns) {
      if (column.isUpdateDate) (event.entity as Record<string, unknown>)[column.propertyName] = new Date();
    }
  }
}
