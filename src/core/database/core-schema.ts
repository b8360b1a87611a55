import { AccountEntity } from "../auth/account.entity";
import { AuditEntryEntity } from "../audit/audit-entry.entity";
import { CalendarDayEntity } from "../calendar/calendar-day.entity";
import { DepartmentEntity } from "../catalogue/department.entity";
import { ServiceItemEntity } from "../catalogue/service-item.entity";
import { HallSettingEntity } from "./hall-setting.entity";
import { CaseEventEntity } from "../cases/case-event.entity";
import { CaseEntity } from "../cases/case.entity";
import { TicketCounterEntity } from "../queue/ticket-counter.entity";
import { TicketEntity } from "../queue/ticket.entity";
import { WindowShiftEntity } from "../windows/window-shift.entity";
import { WindowEntity } from "../windows/window.entity";
import { FeeRecordEntity } from "../fees/fee-record.entity";
import { ReceiptCounterEntity } from "../fees/receipt-counter.entity";
import { AnnouncementEntity } from "../announcements/announcement.entity";
import { ACCOUNTABILITY_ENTITIES } from "../accountability";
import { migrations as mysql } from "./migrations/mysql";
import { migrations as sqlite } from "./migrations/sqlite";

/** The core's own tables. */
export const CORE_ENTITIES: Function[] = [
  AccountEntity,
  AuditEntryEntity,
  CalendarDayEntity,
  DepartmentEntity,
  ServiceItemEntity,
  HallSettingEntity,
  WindowEntity,
  WindowShiftEntity,
  TicketEntity,
  TicketCounterEntity,
  CaseEntity,
  CaseEventEntity,
  ...ACCOUNTABILITY_ENTITIES,
  FeeRecordEntity,
  ReceiptCounterEntity,
  AnnouncementEntity,
];

export const CORE_MIGRATIONS = { sqlite, mysql };
