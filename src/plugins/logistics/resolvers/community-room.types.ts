import { IsInt, IsOptional, Length, Max, MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

export enum RoomBookingStatusValue {
  BOOKED = "BOOKED",
  CANCELLED = "CANCELLED",
}
registerEnumType(RoomBookingStatusValue, {
  name: "RoomBookingStatus",
  description: "Whether a room booking still holds its half hours.",
  valuesConfig: {
    BOOKED: { description: "The room is held for the booker." },
    CANCELLED: { description: "Cancelled by the booker or by logistics staff; the half hours are free again." },
  },
});

/** The most people any one room is set up for; beyond it the number is surely a typo. */
export const MAX_ROOM_CAPACITY = 500;

@ObjectType("CommunityRoom", { description: "An activity room of the student community, booked by the half hour." })
export class CommunityRoomView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "The room's name, unique in the community, e.g. 东区活动室 A." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Where it is, e.g. the building and floor." })
  location!: string | null;

  @Field(() => Int, { description: "The most people it holds." })
  capacity!: number;

  @Field({ description: "False once taken out of use: it takes no new bookings." })
  active!: boolean;

  @Field({ description: "When the room was added (UTC)." })
  createdAt!: Date;
}

@InputType({ description: "A new community activity room." })
export class CreateCommunityRoomInput {
  @Field({ description: "Unique name, 1 to 100 characters." })
  @Length(1, 100)
  name!: string;

  @Field(() => String, { nullable: true, description: "Where it is, up to 200 characters." })
  @IsOptional()
  @MaxLength(200)
  location?: string | null;

  @Field(() => Int, { description: `How many people it holds: 1 to ${MAX_ROOM_CAPACITY}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_ROOM_CAPACITY)
  capacity!: number;
}

@InputType({ description: "Changes to a room; absent fields stay as they are." })
export class UpdateCommunityRoomInput {
  @Field(() => String, { nullable: true, description: "New unique name, 1 to 100 characters." })
  @IsOptional()
  @Length(1, 100)
  name?: string | null;

  @Field(() => String, { nullable: true, description: "Where it is, up to 200 characters." })
  @IsOptional()
  @MaxLength(200)
  location?: string | null;

  @Field(() => Int, { nullable: true, description: `How many people it holds: 1 to ${MAX_ROOM_CAPACITY}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ROOM_CAPACITY)
  capacity?: number | null;

  @Field(() => Boolean, { nullable: true, description: "False takes the room out of use; true brings it back." })
  @IsOptional()
  active?: boolean | null;
}

@ObjectType("RoomBooking", { description: "A community room held for a stretch of half hours on one day." })
export class RoomBookingView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "The day, YYYY-MM-DD in the hall's time zone." })
  date!: string;

  @Field(() => RoomBookingStatusValue, { description: "Booked or cancelled." })
  status!: RoomBookingStatusValue;

  @Field({ description: "The first moment the room is held (UTC)." })
  startsAt!: Date;

  @Field({ description: "When the room is free again (UTC)." })
  endsAt!: Date;

  @Field({ description: "What the room is for: the meeting, study group or activity." })
  purpose!: string;

  @Field(() => Int, { description: "How many people are expected; never more than the room holds." })
  attendees!: number;

  @Field(() => String, { nullable: true, description: "The student number of the student answerable for the room." })
  studentNo!: string | null;

  @Field(() => Date, { nullable: true, description: "When it was cancelled (UTC), if it was." })
  cancelledAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Why it was cancelled, when a reason was given." })
  cancelReason!: string | null;

  @Field({ description: "When it was booked (UTC)." })
  createdAt!: Date;
}

@InputType({ description: "A room booking: a room, a day and a stretch of half hours inside the day's hours." })
export class BookCommunityRoomInput {
  @Field(() => ID, { description: "The room." })
  @Length(1, 36)
  roomId!: string;

  @Field({ description: "The day, YYYY-MM-DD in the hall's time zone; today up to 60 days ahead." })
  date!: string;

  @Field({ description: "Start, HH:MM on the half hour, not yet passed." })
  startTime!: string;

  @Field({ description: "End, HH:MM on the half hour, after the start; at most 4 hours later." })
  endTime!: string;

  @Field({ description: "What the room is for, 1 to 200 characters." })
  @Length(1, 200)
  purpose!: string;

  @Field(() => Int, { description: "How many people are expected: 1 up to the room's capacity." })
  @IsInt()
  @Min(1)
  @Max(MAX_ROOM_CAPACITY)
  attendees!: number;

  @Field(() => String, {
    nullable: true,
    description: "Staff booking at the window give the answerable student's number; a student leaves it out.",
  })
  @IsOptional()
  @Length(1, 32)
  studentNo?: string | null;
}

@ObjectType("RoomSlot", { description: "One bookable half hour of a room on a day." })
export class RoomSlotView {
  @Field({ description: "Start, HH:MM local time." })
  startTime!: string;

  @Field({ description: "End, HH:MM local time." })
  endTime!: string;

  @Field({ description: "The start as an instant (UTC)." })
  startsAt!: Date;

  @Field({ description: "True when nobody holds it and it has not begun: it can be booked now." })
  available!: boolean;

  @Field({ description: "True when a booking holds it." })
  booked!: boolean;
}

@ObjectType("RoomAvailability", { description: "A room's half hours on one day, free or taken." })
export class RoomAvailabilityView {
  @Field(() => CommunityRoomView, { description: "The room." })
  room!: CommunityRoomView;

  @Field({ description: "The day, YYYY-MM-DD in the hall's time zone." })
  date!: string;

  @Field(() => [String], { description: "The day's bookable hours, e.g. [\"09:00-19:30\"]; empty on a closed day." })
  hours!: string[];

  @Field(() => [RoomSlotView], { description: "Each half hour inside the day's hours, in order." })
  slots!: RoomSlotView[];
}
