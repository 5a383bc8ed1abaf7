//! Baking a credential into an image, choosing the Open Badges 3.0 or 2.0 form
//! from the credential's content.

use badgesmith_bake as bake;

use crate::dto::BadgeVersion;
use crate::inspect::MAX_INPUT_BYTES;
use crate::{Error, jws, version};

/// A baked image and how the credential was placed in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BakeOutcome {
    /// The new image's bytes.
    pub bytes: Vec<u8>,
    /// `openbadgecredential` (OB 3.0) or `openbadges` (OB 1.x/2.0) for PNG;
    /// the element name for SVG.
    pub placed_as: String,
    /// The version the credential was recognised as.
    pub version: BadgeVersion,
}

/// Bakes `credential` (JSON, or a compact JWS) into `image` (PNG or SVG).
///
/// An OB 3.0 credential goes into the `openbadgecredential` keyword or the
/// `<openbadges:credential>` element, an OB 1.x/2.0 assertion into `openbadges`
/// or `<openbadges:assertion>`; any badge already in the image is replaced.
/// JSON is baked byte for byte as given; a JWS is baked without surrounding
/// white space.
pub fn bake_credential(
    image_name: &str,
    image: &[u8],
    credential_name: &str,
    credential: &[u8],
) -> Result<BakeOutcome, Error> {
    let invalid = |reason: String| Error::InvalidCredential {
        name: credential_name.into(),
        reason,
    };
    if credential.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            name: credential_name.into(),
            size: credential.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    let text = std::str::from_utf8(credential)
        .map_err(|_| invalid("the credential is not UTF-8 text".into()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (text, decoded) = match bake::PayloadKind::of(text.trim()) {
        bake::PayloadKind::Json => {
            let value: serde_json::Value = serde_json::from_str(text)
                .map_err(|e| invalid(format!("the credential is not valid JSON ({e})")))?;
            (text, value)
        }
        bake::PayloadKind::Jws => {
            let text = text.trim();
            let decoded = jws::decode(text).map_err(invalid)?;
            let payload = decoded
                .payload
                .ok_or_else(|| invalid("the JWT's payload is not JSON".into()))?;
            (text, payload)
        }
        _ => {
            return Err(invalid(
                "the credential is neither JSON nor a compact JWS (a signed JWT)".into(),
            ));
        }
    };
    let version = version::guess(&decoded);
    let slot = match version {
        BadgeVersion::Ob3 => bake::Slot::Credential,
        BadgeVersion::Ob2 | BadgeVersion::Ob1 => bake::Slot::Assertion,
        BadgeVersion::Unknown => {
            return Err(invalid(
                "it is neither an Open Badges 3.0 credential (no Verifiable Credentials context or type) \
                 nor an Open Badges 2.0 assertion (no https://w3id.org/openbadges/v2 context)"
                    .into(),
            ));
        }
    };
    let bytes = bake::bake(image, slot, text).map_err(|source| Error::Image {
        name: image_name.into(),
        source,
    })?;
    let placed_as = match bake::sniff(image) {
        Some(bake::ImageFormat::Svg) => format!("<openbadges:{}>", slot.svg_local_name()),
        _ => format!("iTXt `{}`", slot.png_keyword()),
    };
    Ok(BakeOutcome {
        bytes,
        placed_as,
        version,
    })
}

/// A file name for the baked copy of `image_name`: `badge.png` → `badge-baked.png`.
pub fn default_baked_file_name(image_name: &str) -> String {
    match image_name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => format!("{stem}-baked.{ext}"),
        _ => format!("{image_name}-baked"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baked_file_names() {
        assert_eq!(default_baked_file_name("badge.png"), "badge-baked.png");
        assert_eq!(default_baked_file_name("a.b.svg"), "a.b-baked.svg");
        assert_eq!(default_baked_file_name("noext"), "noext-baked");
        assert_eq!(default_baked_file_name(".hidden"), ".hidden-baked");
    }
}
