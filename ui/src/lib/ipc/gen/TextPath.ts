// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { ArcSide } from "./ArcSide";

/**
 * Where text runs.
 */
export type TextPath = { "mode": "straight" } | { "mode": "arc", 
/**
 * The circle's radius at the middle of the letters.
 */
radius: number, 
/**
 * Which side of the circle the text is centred on.
 */
side: ArcSide, };
