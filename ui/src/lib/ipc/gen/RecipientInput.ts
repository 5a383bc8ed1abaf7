// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * One recipient, as typed in the wizard or read from a CSV row.
 */
export type RecipientInput = { 
/**
 * An e-mail address (stored as a salted hash in the credential) or a DID.
 */
identity: string, 
/**
 * The recipient's display name.
 */
name: string | null, 
/**
 * A link to evidence of the achievement.
 */
evidenceUrl: string | null, 
/**
 * Evidence in words.
 */
evidenceNarrative: string | null, 
/**
 * When the credential starts to be valid (RFC 3339; now when empty).
 */
validFrom: string | null, 
/**
 * When it expires (RFC 3339), if ever.
 */
validUntil: string | null, };
