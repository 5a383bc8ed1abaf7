// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * An issuer profile as the user sees it.
 */
export type IssuerProfile = { 
/**
 * The profile's id in the app.
 */
id: string, 
/**
 * The issuer's `did:key`, which every credential it signs names.
 */
did: string, 
/**
 * The organization's name.
 */
name: string, 
/**
 * Its website, if given.
 */
url: string | null, 
/**
 * Its contact e-mail, if given.
 */
email: string | null, 
/**
 * A sentence or two about it, if given.
 */
description: string | null, 
/**
 * The logo as a `data:` URL, if the profile has one.
 */
image: string | null, 
/**
 * Where the issuer will publish its status list; credentials issued while
 * it is set can be revoked.
 */
statusListUrl: string | null, 
/**
 * Whether the key is unlocked in this session (the desktop app only).
 */
unlocked: boolean, 
/**
 * How many credentials it has issued.
 */
issuedCount: number, 
/**
 * When it was created (RFC 3339).
 */
createdAt: string, 
/**
 * When its profile last changed (RFC 3339).
 */
updatedAt: string, };
