// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { AlignmentFacts } from "./AlignmentFacts";
import type { EvidenceFacts } from "./EvidenceFacts";
import type { IssuerFacts } from "./IssuerFacts";
import type { RecipientFacts } from "./RecipientFacts";

/**
 * What the app read from a badge. Every field is a best-effort reading.
 */
export type BadgeFacts = { 
/**
 * The badge's own id.
 */
credentialId: string | null, 
/**
 * The achievement's or badge class's name.
 */
name: string, 
/**
 * Its description.
 */
description: string | null, 
/**
 * What it takes to earn it, in Markdown as written.
 */
criteria: string | null, 
/**
 * Where the criteria are published.
 */
criteriaUrl: string | null, 
/**
 * The achievement's type (OB 3.0), e.g. `Certificate`.
 */
achievementType: string | null, 
/**
 * The issuer.
 */
issuer: IssuerFacts, 
/**
 * The recipient.
 */
recipient: RecipientFacts, 
/**
 * When it was issued (OB 2.0 `issuedOn`, OB 3.0 `awardedDate` or `validFrom`).
 */
issuedOn: string | null, 
/**
 * When it becomes valid.
 */
validFrom: string | null, 
/**
 * When it stops being valid.
 */
validUntil: string | null, 
/**
 * Evidence.
 */
evidence: Array<EvidenceFacts>, 
/**
 * Alignments.
 */
alignments: Array<AlignmentFacts>, 
/**
 * Skills and results the badge records.
 */
skills: Array<string>, 
/**
 * The achievement's own tags (keywords).
 */
keywords: Array<string>, };
