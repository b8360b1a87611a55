import type { HallPlugin } from "../../core";
import { catalogue } from "./catalogue";
import { CommunityRoomEntity } from "./entities/community-room.entity";
import { DormitoryRequestEntity } from "./entities/dormitory-request.entity";
import { RoomBookingEntity } from "./entities/room-booking.entity";
import { RoomSlotEntity } from "./entities/room-slot.entity";
import { migrations as mysql } from "./migrations/mysql";
import { migrations as sqlite } from "./migrations/sqlite";
import { permissions } from "./permissions";
import { CommunityRoomResolver, RoomBookingResolver } from "./resolvers/community-room.resolver";
import { DormitoryRequestResolver } from "./resolvers/dormitory-request.resolver";

/** Logistics Office (后勤保障处): community activity rooms and dormitory requests. */
export const logisticsPlugin: HallPlugin = {
  code: "logistics",
  department: { code: "logistics", name: "后勤保障处", nameEn: "Logistics Office", ticketPrefix: "D" },
  catalogue,
  entities: [CommunityRoomEntity, RoomBookingEntity, RoomSlotEntity, DormitoryRequestEntity],
  resolvers: [CommunityRoomResolver, RoomBookingResolver, DormitoryRequestResolver],
  permissions,
  migrations: { sqlite, mysql },
};
