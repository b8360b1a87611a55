/** League staff (and admins) publish activities, check students in, record hours, keep the stock. */
export const MANAGE = "youth-league.manage";
/** At the League's window: its staff, the volunteer on duty there, admins. */
export const DESK = "youth-league.desk";
