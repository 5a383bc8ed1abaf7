// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { VerificationCheck } from "./VerificationCheck";

/**
 * The verification report of one badge, as the Inspector's checklist shows it
 * (the same content as `badgesmith verify --json`).
 */
export type Verification = { 
/**
 * True only if no check failed.
 */
valid: boolean, 
/**
 * `ob3-json`, `ob3-jwt`, `ob2-json`, `ob2-jws`, `ob2-hosted` or `ob1`.
 */
format: string, 
/**
 * The checks, in the order they ran.
 */
checks: Array<VerificationCheck>, 
/**
 * True when, offline, some check was skipped and none failed, so a
 * "verify online" action could settle what is left.
 */
needsNetwork: boolean, 
/**
 * True when the network was allowed for this report.
 */
online: boolean, 
/**
 * The issuer's name, when the badge gives one.
 */
issuerName: string | null, 
/**
 * The issuer's id (URL or DID).
 */
issuerId: string | null, 
/**
 * The achievement's name.
 */
achievementName: string | null, 
/**
 * When it becomes valid, as written in the badge.
 */
validFrom: string | null, 
/**
 * When it stops being valid, as written in the badge.
 */
validUntil: string | null, };
