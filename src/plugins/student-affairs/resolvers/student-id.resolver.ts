import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { type HallContext, type Page, PageArgs, PageOf, requestLoader, requireActor, Role } from "../../../core";
import type { StudentIdApplicationEntity } from "../entities/student-id-application.entity";
import type { StudentIdPhotoEntity } from "../entities/student-id-photo.entity";
import type { StudentIdRegistrationEntity } from "../entities/student-id-registration.entity";
import { DESK, ISSUE } from "../permissions";
import { studentAffairs } from "../services/student-affairs";
import {
  StudentIdApplication,
  StudentIdApplicationsArgs,
  StudentIdPhoto,
  StudentIdRegistration,
  StudentIdRegistrationsArgs,
  StudentIdReplacementInput,
} from "./student-id.types";

const StudentIdApplicationPage = PageOf(StudentIdApplication, "StudentIdApplication");
const StudentIdRegistrationPage = PageOf(StudentIdRegistration, "StudentIdRegistration");
export const READERS = [Role.STAFF, Role.SUPERVISOR, Role.ADMIN, Role.VOLUNTEER];
export const STUDENTS = [Role.STUDENT, Role.VOLUNTEER];

@Resolver(() => StudentIdApplication)
export class StudentIdResolver {
  @Authorized(DESK)
  @Mutation(() => StudentIdRegistration, {
    description: "Stamps a student ID booklet for a term (学生证注册); once per student and term.",
  })
  registerStudentId(
    @Arg("studentNo") studentNo: string,
    @Arg("term", { description: "Academic year and term, e.g. 2026-2027-1." }) term: string,
    @Ctx() context: HallContext,
  ) {
    return studentAffairs(context.services).studentIds.register(requireActor(context), studentNo, term);
  }

  @Authorized(DESK)
  @Mutation(() => StudentIdApplication, {
    description:
      "Takes in a student ID replacement with its 1-inch photo and records the fee (¥2 a booklet) in one go; " +
      "the student is told the pickup date.",
  })
  applyForStudentIdReplacement(@Arg("input") input: StudentIdReplacementInput, @Ctx() context: HallContext) {
    return studentAffairs(context.services).studentIds.applyForReplacement(requireActor(context), input);
  }

  @Authorized(ISSUE)
  @Mutation(() => StudentIdApplication, { description: "The department has made the booklet: SUBMITTED → READY." })
  markStudentIdReady(@Arg("applicationId", () => ID) applicationId: string, @Ctx() context: HallContext) {
    return studentAffairs(context.services).studentIds.markReady(requireActor(context), applicationId);
  }

  @Authorized(DESK)
  @Mutation(() => StudentIdApplication, { description: "The student picks the booklet up: READY → PICKED_UP." })
  handOverStudentId(@Arg("applicationId", () => ID) applicationId: string, @Ctx() context: HallContext) {
    return studentAffairs(context.services).studentIds.handOver(requireActor(context), applicationId);
  }

  @Authorized()
  @Query(() => StudentIdApplication, { description: "One application: its student's own, or for the department." })
  studentIdApplication(@Arg("id", () => ID) id: string, @Ctx() context: HallContext) {
    return studentAffairs(context.services).studentIds.visible(requireActor(context), id);
  }

  @Authorized(...STUDENTS)
  @Query(() => StudentIdApplicationPage, { description: "The signed-in student's applications, newest first." })
  myStudentIdApplications(@Args() args: PageArgs, @Ctx() context: HallContext): Promise<Page<StudentIdApplicationEntity>> {
    return studentAffairs(context.services).studentIds.mine(requireActor(context), args);
  }

  @Authorized(...READERS)
  @Query(() => StudentIdApplicationPage, {
    description: "Applications for the department's staff, its windows and supervisors, newest first.",
  })
  studentIdApplications(
    @Args() args: StudentIdApplicationsArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<StudentIdApplicationEntity>> {
    return studentAffairs(context.services).studentIds.list(requireActor(context), args, args);
  }

  @Authorized(...STUDENTS)
  @Query(() => StudentIdRegistrationPage, { description: "The signed-in student's term registrations, newest first." })
  myStudentIdRegistrations(@Args() args: PageArgs, @Ctx() context: HallContext): Promise<Page<StudentIdRegistrationEntity>> {
    return studentAffairs(context.services).studentIds.myRegistrations(requireActor(context), args);
  }

  @Authorized(...READERS)
  @Query(() => StudentIdRegistrationPage, { description: "Who was registered for a term, newest first." })
  studentIdRegistrations(
    @Args() args: StudentIdRegistrationsArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<StudentIdRegistrationEntity>> {
    return studentAffairs(context.services).studentIds.registrations(requireActor(context), args.term, args);
  }

  @FieldResolver(() => StudentIdPhoto, { description: "The photo as checked at upload." })
  photo(@Root() application: StudentIdApplicationEntity, @Ctx() context: HallContext): Promise<StudentIdPhotoEntity> {
    return requestLoader<string, StudentIdPhotoEntity>(context, "student-affairs.photo", async (ids) => {
      const photos = await studentAffairs(context.services).studentIds.photos(ids);
      return ids.map((id) => photos.get(id) ?? new Error(`photo ${id} is missing`));
    }).load(application.photoId);
  }
}

@Resolver(() => StudentIdPhoto)
export class StudentIdPhotoResolver {
  @FieldResolver(() => String, { description: "The photo's bytes as base64, for printing the booklet." })
  dataBase64(@Root() photo: StudentIdPhotoEntity, @Ctx() context: HallContext): Promise<string> {
    return requestLoader<string, string>(context, "student-affairs.photoBytes", async (ids) => {
      const bytes = await studentAffairs(context.services).studentIds.photoBytes(ids);
      return ids.map((id) => bytes.get(id)?.toString("base64") ?? new Error(`photo ${id} has no bytes`));
    }).load(photo.id);
  }
}
