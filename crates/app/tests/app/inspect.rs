//! Inspecting the public vectors and driving the desktop session.

use std::path::{Path, PathBuf};

use badgesmith_app::dto::{BadgeVersion, FileFormat, OpenOutcome, PayloadKind, SvgSource};
use badgesmith_app::{ErrorCode, InspectorSession, inspect_bytes, inspect_text};

fn vector(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/vectors")
        .join(rel)
}

fn inspect(rel: &str) -> badgesmith_app::dto::Inspection {
    let bytes = std::fs::read(vector(rel)).unwrap();
    inspect_bytes(rel, &bytes).unwrap()
}

#[test]
fn ob3_json_png() {
    let i = inspect("1edtech-validator/ob30/simple-json.png");
    assert_eq!(i.format, FileFormat::Png);
    let b = i.badge.unwrap();
    assert_eq!(b.version, BadgeVersion::Ob3);
    assert_eq!(b.kind, PayloadKind::Json);
    assert_eq!(b.chunk_type.as_deref(), Some("iTXt"));
    assert_eq!(b.summary.name.as_deref(), Some("Teamwork Badge"));
    assert_eq!(b.summary.issuer.as_deref(), Some("Example Corp"));
    assert!(b.json.is_some());
}

#[test]
fn ob3_jwt_svg_is_decoded() {
    let i = inspect("1edtech-validator/ob30/simple-jwt.svg");
    let b = i.badge.unwrap();
    assert_eq!(b.kind, PayloadKind::Jws);
    assert_eq!(b.svg_source, Some(SvgSource::VerifyAttribute));
    let jws = b.jws.unwrap();
    assert_eq!(jws.header["alg"], "RS256");
    assert!(jws.payload.is_some());
    assert_eq!(b.version, BadgeVersion::Ob3);
    assert!(jws.signature_bytes >= 256);
}

#[test]
fn ob3_vcdm11_jwt_is_ob3() {
    let b = inspect("1edtech-validator/ob30/simple-jwt_v1.png")
        .badge
        .unwrap();
    assert_eq!(b.version, BadgeVersion::Ob3);
}

#[test]
fn ob2_and_ob1() {
    let b = inspect("1edtech-validator/ob20/simple-badge.png")
        .badge
        .unwrap();
    assert_eq!(b.version, BadgeVersion::Ob2);
    let b = inspect("legacy-baked/concentricsky-openbadges-bakery/baked_heart.png")
        .badge
        .unwrap();
    assert_eq!(b.version, BadgeVersion::Ob1);
    let b = inspect("legacy-baked/mozilla-openbadges-backpack/valid-baked.png")
        .badge
        .unwrap();
    assert_eq!(b.kind, PayloadKind::Url);
    assert_eq!(b.version, BadgeVersion::Ob1);
    assert!(b.version_label.contains("hosted"));
}

#[test]
fn svg_verify_url_with_a_json_body() {
    let b = inspect("legacy-baked/concentricsky-openbadges-bakery/baked_example.svg")
        .badge
        .unwrap();
    assert_eq!(b.kind, PayloadKind::Url);
    assert_eq!(b.text, "https://example.org/assertion.json");
    assert!(b.body.unwrap().contains("abcdef12345"));
    assert_eq!(b.version, BadgeVersion::Ob1);
}

#[test]
fn an_svg_body_that_is_not_json_is_refused() {
    let bytes = std::fs::read(vector(
        "legacy-baked/mozilla-openbadges-bakery/bad-json.svg",
    ))
    .unwrap();
    let e = inspect_bytes("bad-json.svg", &bytes).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidCredential);
    assert!(e.to_string().starts_with("bad-json.svg: "), "{e}");
}

#[test]
fn text_on_its_own() {
    let i = inspect_text("pasted", "  https://example.org/assertions/1 \n").unwrap();
    assert_eq!(i.format, FileFormat::Url);
    let i = inspect_text(
        "pasted",
        r#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion"}"#,
    )
    .unwrap();
    assert_eq!(i.badge.unwrap().version, BadgeVersion::Ob2);
    let e = inspect_text("pasted", "hello there").unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotABadge);
}

fn opened(outcome: &OpenOutcome) -> &badgesmith_app::dto::OpenedFile {
    match outcome {
        OpenOutcome::Opened { file } => file,
        OpenOutcome::Failed { error, .. } => panic!("{}", error.message),
    }
}

#[test]
fn session_opens_bakes_saves_and_closes() {
    let dir = tempfile::tempdir().unwrap();
    let session = InspectorSession::new();
    let outcomes = session.open_paths(&[
        vector("legacy-baked/mozilla-openbadges-bakery/unbaked.png"),
        dir.path().join("missing.png"),
    ]);
    assert_eq!(outcomes.len(), 2);
    let plain = opened(&outcomes[0]);
    assert!(plain.inspection.badge.is_none());
    assert!(
        plain
            .preview_url
            .as_deref()
            .unwrap()
            .starts_with("data:image/png;base64,")
    );
    match &outcomes[1] {
        OpenOutcome::Failed { name, error } => {
            assert_eq!(name, "missing.png");
            assert_eq!(error.code, ErrorCode::Io);
        }
        OpenOutcome::Opened { .. } => panic!("a missing file cannot open"),
    }

    let credential = dir.path().join("credential.json");
    let text = std::fs::read(vector("1edtech-validator/ob30/simple-json.png.expected")).unwrap();
    std::fs::write(&credential, &text).unwrap();
    let out = dir.path().join("baked.png");
    let saved = session.bake_into(plain.id, &credential, &out).unwrap();
    assert_eq!(saved.placed_as, "iTXt `openbadgecredential`");
    let baked = saved.file.inspection.badge.unwrap();
    assert_eq!(baked.text.as_bytes(), text.as_slice());
    assert_eq!(
        std::fs::read(&out).unwrap().len() as u64,
        saved.file.inspection.byte_size
    );

    let json_out = dir.path().join("credential-copy.json");
    assert_eq!(session.badge_text(saved.file.id).unwrap().1, "json");
    session.save_badge_text(saved.file.id, &json_out).unwrap();
    assert_eq!(std::fs::read(&json_out).unwrap(), text);

    let e = session.save_badge_text(plain.id, &json_out).unwrap_err();
    assert_eq!(e.code(), ErrorCode::NoBadge);
    session.close(plain.id);
    assert!(session.file_name(plain.id).is_none());
}

#[test]
fn session_queues_files_until_collected() {
    let session = InspectorSession::new();
    session.queue_paths(&[vector("1edtech-validator/ob30/simple-json.svg")]);
    let first = session.take_pending();
    assert_eq!(first.len(), 1);
    assert!(session.take_pending().is_empty());
    let pasted = session.open_text("eyJhbGciOiJub25lIn0.eyJ2YyI6e319.c2ln");
    assert_eq!(opened(&pasted).inspection.format, FileFormat::Jwt);
}
