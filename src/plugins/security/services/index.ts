import type { HallServices } from "../../../core";
import { EnlistmentService } from "./enlistment.service";

/** One service per hall, made on first use: it keeps no state of its own. */
const perHall = new WeakMap<HallServices, EnlistmentService>();

export function enlistmentService(services: HallServices): EnlistmentService {
  let found = perHall.get(services);
  if (!found) {
    found = new EnlistmentService(services);
    perHall.set(services, found);
  }
  return found;
}
