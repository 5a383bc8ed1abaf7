// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { AchievementInput } from "./AchievementInput";

/**
 * An achievement as the user sees it.
 */
export type Achievement = { 
/**
 * Its id in the app.
 */
id: string, 
/**
 * The issuer's profile id.
 */
issuerId: string, 
/**
 * The issuer's name.
 */
issuerName: string, 
/**
 * Everything the user typed.
 */
input: AchievementInput, 
/**
 * The badge image as a small PNG `data:` URL, when it has a design.
 */
thumbnail: string | null, 
/**
 * How many credentials have been issued for it.
 */
issuedCount: number, 
/**
 * When it was created (RFC 3339).
 */
createdAt: string, 
/**
 * When it last changed (RFC 3339).
 */
updatedAt: string, };
