import type { HallServices } from "../../../core";
import { DormitoryService } from "./dormitory.service";
import { RoomBookingService } from "./room-booking.service";

/** One set of this plugin's services per hall, made on first use: they keep no state of their own. */
const perHall = new WeakMap<HallServices, { rooms: RoomBookingService; dormitory: DormitoryService }>();

export function logisticsServices(services: HallServices) {
  let found = perHall.get(services);
  if (!found) {
    found = { rooms: new RoomBookingService(services), dormitory: new DormitoryService(services) };
    perHall.set(services, found);
  }
  return found;
}
