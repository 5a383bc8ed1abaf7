//! Inspecting a file: what it is, and what is baked into it.

use badgesmith_bake as bake;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::dto::{
    BadgeContent, BadgeSlot, BadgeSummary, BadgeVersion, FileFormat, Inspection, PayloadKind,
    SvgSource,
};
use crate::{Error, jws, version};

/// The largest file the use cases accept: 100 MiB.
pub const MAX_INPUT_BYTES: u64 = bake::MAX_INPUT_BYTES as u64;

/// Inspects a file's bytes: an image with or without a baked badge, or a
/// credential on its own (JSON, a JWT, or a text file holding a URL).
///
/// `name` is the file name shown in messages.
pub fn inspect_bytes(name: &str, bytes: &[u8]) -> Result<Inspection, Error> {
    check_size(name, bytes.len())?;
    match bake::sniff(bytes) {
        Some(_) => inspect_image(name, bytes),
        None => {
            let text = std::str::from_utf8(bytes).map_err(|_| Error::NotABadge {
                name: name.into(),
                reason: "not a PNG or SVG image, and not a text file holding a credential".into(),
            })?;
            inspect_text(name, text)
        }
    }
}

/// Inspects a credential given as text: JSON, a compact JWS, or a URL.
pub fn inspect_text(name: &str, text: &str) -> Result<Inspection, Error> {
    check_size(name, text.len())?;
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    let kind = bake::PayloadKind::of(trimmed);
    let format = match kind {
        bake::PayloadKind::Json => FileFormat::Json,
        bake::PayloadKind::Jws => FileFormat::Jwt,
        bake::PayloadKind::Url => FileFormat::Url,
        _ => {
            return Err(Error::NotABadge {
                name: name.into(),
                reason: "not a PNG or SVG image, a JSON credential, a JWT or a URL".into(),
            });
        }
    };
    let mut warnings = Vec::new();
    let content = content(name, None, kind, trimmed.to_owned(), None, &mut warnings)?;
    Ok(Inspection {
        file_name: name.into(),
        format,
        byte_size: text.len() as u64,
        width: None,
        height: None,
        badge: Some(content),
        warnings,
    })
}

/// The embedded text of a baked image, exactly as `badgesmith unbake` prints it.
///
/// An image without a badge is [`Error::NoBadge`]. An SVG element whose body
/// is meant to be JSON but is not gets [`Error::InvalidCredential`], as the
/// reference bakeries do.
pub fn unbake_text(name: &str, bytes: &[u8]) -> Result<String, Error> {
    check_size(name, bytes.len())?;
    let unbaked = bake::unbake(bytes)
        .map_err(|source| Error::Image {
            name: name.into(),
            source,
        })?
        .ok_or_else(|| Error::NoBadge { name: name.into() })?;
    check_body(name, &unbaked)?;
    Ok(unbaked.text)
}

/// A `data:` URL of the image for display, or `None` for a file that is not an image.
///
/// Images are shown through `<img>`, where an SVG runs no script and loads
/// nothing, so a hostile SVG cannot reach the application.
pub fn preview_data_url(bytes: &[u8]) -> Option<String> {
    let mime = match bake::sniff(bytes)? {
        bake::ImageFormat::Png => "image/png",
        bake::ImageFormat::Svg => "image/svg+xml",
    };
    Some(format!("data:{mime};base64,{}", STANDARD.encode(bytes)))
}

pub(crate) fn check_size(name: &str, len: usize) -> Result<(), Error> {
    let size = len as u64;
    if size > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            name: name.into(),
            size,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(())
}

fn inspect_image(name: &str, bytes: &[u8]) -> Result<Inspection, Error> {
    let image_err = |source| Error::Image {
        name: name.into(),
        source,
    };
    let info = bake::image_info(bytes).map_err(image_err)?;
    let unbaked = bake::unbake(bytes).map_err(image_err)?;
    let format = match info.format {
        bake::ImageFormat::Png => FileFormat::Png,
        bake::ImageFormat::Svg => FileFormat::Svg,
    };
    let mut warnings = Vec::new();
    let badge = match unbaked {
        None => None,
        Some(u) => {
            check_body(name, &u)?;
            warnings.extend(u.warnings.iter().cloned());
            Some(content(
                name,
                Some(&u),
                u.kind,
                u.text.clone(),
                u.body.clone(),
                &mut warnings,
            )?)
        }
    };
    Ok(Inspection {
        file_name: name.into(),
        format,
        byte_size: bytes.len() as u64,
        width: info.width,
        height: info.height,
        badge,
        warnings,
    })
}

/// An SVG element with a `verify` URL may also carry the assertion JSON in its
/// body; a body that starts like JSON but does not parse is an error.
fn check_body(name: &str, unbaked: &bake::Unbaked) -> Result<(), Error> {
    let candidates = [Some(&unbaked.text), unbaked.body.as_ref()];
    for text in candidates.into_iter().flatten() {
        if bake::PayloadKind::of(text) == bake::PayloadKind::Json
            && let Err(e) = serde_json::from_str::<serde_json::Value>(text)
        {
            return Err(Error::InvalidCredential {
                name: name.into(),
                reason: format!("the baked assertion is not valid JSON ({e})"),
            });
        }
    }
    Ok(())
}

fn content(
    name: &str,
    unbaked: Option<&bake::Unbaked>,
    kind: bake::PayloadKind,
    text: String,
    body: Option<String>,
    warnings: &mut Vec<String>,
) -> Result<BadgeContent, Error> {
    let slot = unbaked.map(|u| match u.slot {
        bake::Slot::Credential => BadgeSlot::Credential,
        bake::Slot::Assertion => BadgeSlot::Assertion,
    });
    let (mut json, mut jws) = (None, None);
    let kind = match kind {
        bake::PayloadKind::Json => {
            let value = serde_json::from_str::<serde_json::Value>(&text).map_err(|e| {
                Error::InvalidCredential {
                    name: name.into(),
                    reason: format!("the credential is not valid JSON ({e})"),
                }
            })?;
            json = Some(value);
            PayloadKind::Json
        }
        bake::PayloadKind::Jws => {
            match jws::decode(&text) {
                Ok(d) => jws = Some(d),
                Err(reason) => warnings.push(reason),
            }
            PayloadKind::Jws
        }
        bake::PayloadKind::Url => PayloadKind::Url,
        _ => PayloadKind::Text,
    };
    // For a verify URL with the assertion in the body, the body tells the version.
    let body_json = body
        .as_deref()
        .filter(|b| bake::PayloadKind::of(b) == bake::PayloadKind::Json)
        .and_then(|b| serde_json::from_str::<serde_json::Value>(b).ok());
    let decoded = json
        .as_ref()
        .or(jws.as_ref().and_then(|j| j.payload.as_ref()))
        .or(body_json.as_ref());
    let mut version = decoded.map_or(BadgeVersion::Unknown, version::guess);
    let hosted_url = kind == PayloadKind::Url && decoded.is_none();
    match (slot, version) {
        (Some(BadgeSlot::Credential), BadgeVersion::Unknown) => version = BadgeVersion::Ob3,
        (Some(BadgeSlot::Assertion), BadgeVersion::Unknown) if hosted_url => {
            version = BadgeVersion::Ob1
        }
        (Some(BadgeSlot::Credential), BadgeVersion::Ob1 | BadgeVersion::Ob2) => warnings.push(
            "an Open Badges 1.x/2.0 assertion is baked under the Open Badges 3.0 name".into(),
        ),
        (Some(BadgeSlot::Assertion), BadgeVersion::Ob3) => warnings
            .push("an Open Badges 3.0 credential is baked under the Open Badges 2.0 name".into()),
        _ => {}
    }
    let summary = decoded
        .map(version::summary)
        .unwrap_or_else(BadgeSummary::default);
    let (mut keyword, mut chunk_type, mut chunk_index, mut compressed) = (None, None, None, false);
    let (mut element, mut svg_source) = (None, None);
    match unbaked.map(|u| &u.carrier) {
        Some(bake::Carrier::PngChunk {
            chunk,
            compressed: c,
            chunk_index: i,
        }) => {
            keyword = unbaked.map(|u| u.slot.png_keyword().to_owned());
            chunk_type = Some(chunk.as_str().to_owned());
            chunk_index = u32::try_from(*i).ok();
            compressed = *c;
        }
        Some(bake::Carrier::SvgElement {
            qualified_name,
            source,
        }) => {
            element = Some(qualified_name.clone());
            svg_source = Some(match source {
                bake::SvgSource::VerifyAttribute => SvgSource::VerifyAttribute,
                bake::SvgSource::Cdata => SvgSource::Cdata,
                bake::SvgSource::Text => SvgSource::Text,
                _ => SvgSource::Empty,
            });
        }
        _ => {}
    }
    Ok(BadgeContent {
        slot,
        keyword,
        chunk_type,
        chunk_index,
        compressed,
        element,
        svg_source,
        kind,
        version,
        version_label: version::label(version, hosted_url),
        byte_size: text.len() as u64,
        text,
        body,
        json,
        jws,
        summary,
    })
}
