// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * How the badge names its recipient.
 */
export type RecipientFacts = { 
/**
 * `email`, `did`, `url`, `telephone`, `name`… (as the badge says), or
 * `none` when the badge names no one.
 */
kind: string, 
/**
 * The identity as written, or `null` when it is hashed.
 */
value: string | null, 
/**
 * True when the identity is hashed: check it by typing it.
 */
hashed: boolean, 
/**
 * The recipient's name, when the badge gives one.
 */
name: string | null, };
