// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * The issuer as the badge describes it.
 */
export type IssuerFacts = { 
/**
 * Its id: a DID, or a URL (OB 2.0).
 */
id: string | null, 
/**
 * Its name.
 */
name: string | null, 
/**
 * Its website.
 */
url: string | null, 
/**
 * Its e-mail.
 */
email: string | null, 
/**
 * A few words about it.
 */
description: string | null, 
/**
 * Its image as a `data:` URL, or a URL as given.
 */
image: string | null, };
