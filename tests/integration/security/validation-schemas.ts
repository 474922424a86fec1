import { ZProfileUpdate, ZSignin, ZSignup } from "@/lib/validation/member";
import { ZPolicyUpdate } from "@/lib/validation/policy";
import { ZPostCreate } from "@/lib/validation/post";
import { ZCommentCreate } from "@/lib/validation/comment";
import { ZReactionSet } from "@/lib/validation/reaction";
import { ZKudosCreate } from "@/lib/validation/kudos";
import { ZLoggedDecision, ZLoggedInteractionCreate } from "@/lib/validation/logged-interaction";
import { ZDeclineRequest, ZSendRequest } from "@/lib/validation/request";
import { ZBlockMember } from "@/lib/validation/block";
import { ZConnectionsQuery, ZRemoveConnection } from "@/lib/validation/connection";
import { ZIntroductionCreate } from "@/lib/validation/introduction";
import { ZReportCreate } from "@/lib/validation/report";
import { ZMemberSearch, ZReportDecision, ZSuspendMember, ZUnsuspendMember } from "@/lib/validation/admin";
import { ZAppSettings } from "@/lib/validation/app-settings";
import { ZTokenCreate } from "@/lib/validation/api/token";
import { ZRelationshipsPageQuery } from "@/lib/validation/relationships";
import { ZAuthenticationResponse, ZPasskeyRegister, ZRemoveFactor, ZSecondStep } from "@/lib/validation/factors";

/** The input schemas the web forms and services validate with (the API's are in the route registry). */
export const schemas = {
  ZSignup, ZSignin, ZProfileUpdate, ZPolicyUpdate, ZPostCreate, ZCommentCreate, ZReactionSet, ZKudosCreate,
  ZLoggedInteractionCreate, ZLoggedDecision, ZSendRequest, ZDeclineRequest, ZBlockMember, ZRemoveConnection,
  ZConnectionsQuery, ZIntroductionCreate, ZReportCreate, ZSuspendMember, ZUnsuspendMember, ZReportDecision,
  ZMemberSearch, ZAppSettings, ZTokenCreate, ZRelationshipsPageQuery, ZPasskeyRegister, ZAuthenticationResponse, ZSecondStep, ZRemoveFactor,
};
