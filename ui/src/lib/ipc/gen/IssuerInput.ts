// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * What the user types for an issuer profile.
 */
export type IssuerInput = { 
/**
 * The organization's name (required).
 */
name: string, 
/**
 * Its website (`https://…`).
 */
url: string | null, 
/**
 * Its contact e-mail.
 */
email: string | null, 
/**
 * A sentence or two about it.
 */
description: string | null, 
/**
 * The logo as a `data:` URL (PNG, JPEG or SVG), e.g. from `chooseImage`.
 */
image: string | null, 
/**
 * A saved design to use as the logo (wins over `image`).
 */
imageDesignId: string | null, 
/**
 * The `https://` URL where the status list will be published.
 */
statusListUrl: string | null, };
