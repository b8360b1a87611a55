import { IsOptional } from "class-validator";
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { type HallContext, type Page, PageArgs, Public, requireActor, Role } from "../../../core";
import type { AcademicDocumentEntity } from "../entities/academic-document.entity";
import { academicDocumentService } from "../services/academic-document.service";
import { printedCode } from "../services/verification-code";
import {
  AcademicDocument,
  AcademicDocumentPage,
  AcademicDocumentStatusValue,
  AcademicDocumentVerification,
  IssueAcademicDocumentInput,
  RequestAcademicDocumentInput,
} from "./academic-document.types";

/** Where requests are received: volunteers at windows and the office's staff. */
export const REQUEST_DOCUMENT = "academic-affairs.documents.request";
/** The office issues documents. */
export const ISSUE_DOCUMENT = "academic-affairs.documents.issue";

@ArgsType()
class DocumentsArgs extends PageArgs {
  @Field(() => AcademicDocumentStatusValue, { nullable: true, description: "Only documents in this state." })
  @IsOptional()
  status?: AcademicDocumentStatusValue;
}

@Resolver(() => AcademicDocument)
export class AcademicDocumentResolver {
  @Authorized(REQUEST_DOCUMENT)
  @Mutation(() => AcademicDocument, {
    description:
      "Receives a request for an enrolment certificate or transcript: opens a PROMISED case owned " +
      "by the caller, as first responder, and records the request.",
  })
  requestAcademicDocument(@Arg("input") input: RequestAcademicDocumentInput, @Ctx() context: HallContext) {
    return academicDocumentService(context.services).request(requireActor(context), input);
  }

  @Authorized(ISSUE_DOCUMENT)
  @Mutation(() => AcademicDocument, {
    description:
      "Issues a requested document with the office's reference and a new verification code, and " +
      "closes its case. The case's owner, once the materials are complete.",
  })
  issueAcademicDocument(@Arg("input") input: IssueAcademicDocumentInput, @Ctx() context: HallContext) {
    return academicDocumentService(context.services).issue(requireActor(context), input);
  }

  @Public()
  @Query(() => AcademicDocumentVerification, {
    nullable: true,
    description:
      "Checks a verification code printed on a document: what the document states, or null for an unknown code.",
  })
  verifyDocument(
    @Arg("code", { description: "The code as printed, e.g. 7KQ2-M9XD-4TPL; case and dashes do not matter." })
    code: string,
    @Ctx() context: HallContext,
  ) {
    return academicDocumentService(context.services).verify(code);
  }

  @Authorized()
  @Query(() => AcademicDocument, {
    description: "One document: a student's own, or any for the office; NOT_FOUND otherwise.",
  })
  academicDocument(
    @Arg("id", () => ID, { description: "The document's id." }) id: string,
    @Ctx() context: HallContext,
  ) {
    return academicDocumentService(context.services).visible(requireActor(context), id);
  }

  @Authorized(Role.STUDENT)
  @Query(() => AcademicDocumentPage, { description: "The signed-in student's documents, newest first." })
  myAcademicDocuments(@Args() page: PageArgs, @Ctx() context: HallContext): Promise<Page<AcademicDocumentEntity>> {
    return academicDocumentService(context.services).mine(requireActor(context), page.first, page.after);
  }

  @Authorized(Role.STAFF, Role.SUPERVISOR, Role.ADMIN)
  @Query(() => AcademicDocumentPage, { description: "The office's documents, newest first. Academic Affairs staff." })
  academicDocuments(@Args() args: DocumentsArgs, @Ctx() context: HallContext): Promise<Page<AcademicDocumentEntity>> {
    const documents = academicDocumentService(context.services);
    return documents.list(requireActor(context), args.status ?? null, args.first, args.after);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The verification code as printed, once issued: for the student and the office only.",
  })
  verificationCode(@Root() document: AcademicDocumentEntity): string | null {
    return document.verificationCode ? printedCode(document.verificationCode) : null;
  }
}
