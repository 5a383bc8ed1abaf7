// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { BadgeImageFormat } from "./BadgeImageFormat";
import type { ProofFormat } from "./ProofFormat";

/**
 * A credential in the issued log.
 */
export type IssuedBadge = { 
/**
 * The credential's id (`urn:uuid:…`).
 */
id: string, 
/**
 * The recipient's e-mail address or DID.
 */
recipient: string, 
/**
 * The recipient's name, if given.
 */
recipientName: string | null, 
/**
 * The achievement's id.
 */
achievementId: string, 
/**
 * The achievement's name as it was issued.
 */
achievementName: string, 
/**
 * The issuer's name as it was issued.
 */
issuerName: string, 
/**
 * When it was issued (RFC 3339).
 */
issuedAt: string, 
/**
 * Its `validFrom`.
 */
validFrom: string, 
/**
 * Its `validUntil`, if any.
 */
validUntil: string | null, 
/**
 * The baked image's file name.
 */
fileName: string, 
/**
 * PNG or SVG.
 */
format: BadgeImageFormat, 
/**
 * How it is signed.
 */
proof: ProofFormat, 
/**
 * SHA-256 of the baked image, in hex.
 */
sha256: string, 
/**
 * Whether it carries a status-list entry (and so can be revoked).
 */
revocable: boolean, 
/**
 * When it was revoked, if it was.
 */
revokedAt: string | null, 
/**
 * Why, if a reason was given.
 */
revokedReason: string | null, };
