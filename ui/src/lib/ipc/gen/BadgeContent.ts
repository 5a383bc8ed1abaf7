// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { BadgeSlot } from "./BadgeSlot";
import type { BadgeSummary } from "./BadgeSummary";
import type { BadgeVersion } from "./BadgeVersion";
import type { DecodedJws } from "./DecodedJws";
import type { PayloadKind } from "./PayloadKind";
import type { SvgSource } from "./SvgSource";

/**
 * The badge text found in a file, with what could be decoded from it.
 */
export type BadgeContent = { 
/**
 * The image slot (absent for a credential file on its own).
 */
slot: BadgeSlot | null, 
/**
 * PNG: the chunk's keyword.
 */
keyword: string | null, 
/**
 * PNG: the chunk type, `tEXt`, `zTXt` or `iTXt`.
 */
chunkType: string | null, 
/**
 * PNG: the chunk's position among all chunks (IHDR is 0).
 */
chunkIndex: number | null, 
/**
 * PNG: whether the text was stored compressed.
 */
compressed: boolean, 
/**
 * SVG: the element's qualified name as written, e.g. `openbadges:credential`.
 */
element: string | null, 
/**
 * SVG: which part of the element held the text.
 */
svgSource: SvgSource | null, 
/**
 * What the text is.
 */
kind: PayloadKind, 
/**
 * The Open Badges version guessed from slot and content.
 */
version: BadgeVersion, 
/**
 * The version in words, e.g. `Open Badges 3.0`.
 */
versionLabel: string, 
/**
 * The size of the text in bytes (UTF-8).
 */
byteSize: number, 
/**
 * The embedded text, exactly.
 */
text: string, 
/**
 * SVG: the element's body when the text came from its `verify` attribute.
 */
body: string | null, 
/**
 * The text parsed as JSON, when it is JSON.
 */
json: unknown, 
/**
 * The decoded parts, when the text is a JWS.
 */
jws: DecodedJws | null, 
/**
 * A few facts for a heading, when they could be found.
 */
summary: BadgeSummary, };
