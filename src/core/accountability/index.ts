import { CoachingTalkEntity } from "./coaching-talk.entity";
import { CoachingTalkResolver } from "./coaching-talk.resolver";
import { CommentBookEntryEntity } from "./comment-book-entry.entity";
import { CommentBookResolver } from "./comment-book.resolver";
import { ComplaintRecordResolver } from "./complaint-record.resolver";
import { ComplaintStepEntity } from "./complaint-step.entity";
import { ComplaintEntity } from "./complaint.entity";
import { ComplaintResolver } from "./complaint.resolver";
import { DutyRemovalEntity } from "./duty-removal.entity";
import { FeedResolver } from "./feed.resolver";
import { FollowUpEntity } from "./follow-up.entity";
import { FollowUpResolver } from "./follow-up.resolver";
import { LadderResolver } from "./ladder.resolver";
import { RatingEntity } from "./rating.entity";
import { RatingResolver } from "./rating.resolver";
import { VolunteerFlagEntity } from "./volunteer-flag.entity";

/** The accountability module's tables (ratings, follow-ups, comment book, complaints, ladder). */
export const ACCOUNTABILITY_ENTITIES: Function[] = [
  RatingEntity,
  FollowUpEntity,
  CommentBookEntryEntity,
  ComplaintEntity,
  ComplaintStepEntity,
  CoachingTalkEntity,
  VolunteerFlagEntity,
  DutyRemovalEntity,
];

export const ACCOUNTABILITY_RESOLVERS: Function[] = [
  RatingResolver,
  FollowUpResolver,
  CommentBookResolver,
  ComplaintResolver,
  ComplaintRecordResolver,
  CoachingTalkResolver,
  LadderResolver,
  FeedResolver,
];

export { ACCOUNTABILITY_FEED_TOPIC, type FeedPayload, type FeedEventKind } from "./feed-topics";
