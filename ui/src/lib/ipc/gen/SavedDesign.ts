// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { BadgeDesign } from "./BadgeDesign";
import type { DesignSummary } from "./DesignSummary";

/**
 * A design saved in the app, with its content.
 */
export type SavedDesign = { 
/**
 * Id, name and dates.
 */
summary: DesignSummary, 
/**
 * The design.
 */
design: BadgeDesign, };
