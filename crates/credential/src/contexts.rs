//! The JSON-LD contexts Badgesmith knows, embedded in the binary.
//!
//! A context is never fetched at run time: a credential whose `@context` names
//! a URL that is not in this table cannot be checked. `contexts/index.json`
//! lists the same URLs (a test keeps the two in step); `contexts/SOURCES.md`
//! says where each file comes from and under which licence.

/// Context URL and document text, for every bundled context.
const BUNDLED: &[(&str, &str)] = &[
    (
        "https://www.w3.org/ns/credentials/undefined-terms/v2",
        include_str!("../contexts/www.w3.org_ns_credentials_undefined_terms_v2.jsonld"),
    ),
    (
        "https://www.w3.org/2018/credentials/v1",
        include_str!("../contexts/www.w3.org_2018_credentials_v1.jsonld"),
    ),
    (
        "https://www.w3.org/ns/credentials/v2",
        include_str!("../contexts/www.w3.org_ns_credentials_v2.jsonld"),
    ),
    (
        "https://w3id.org/security/data-integrity/v1",
        include_str!("../contexts/w3id.org_security_data_integrity_v1.jsonld"),
    ),
    (
        "https://w3id.org/security/data-integrity/v2",
        include_str!("../contexts/w3id.org_security_data_integrity_v2.jsonld"),
    ),
    (
        "https://w3id.org/security/multikey/v1",
        include_str!("../contexts/w3id.org_security_multikey_v1.jsonld"),
    ),
    (
        "https://w3id.org/security/suites/ed25519-2020/v1",
        include_str!("../contexts/w3id.org_security_suites_ed25519_2020_v1.jsonld"),
    ),
    (
        "https://www.w3.org/ns/did/v1",
        include_str!("../contexts/www.w3.org_ns_did_v1.jsonld"),
    ),
    (
        "https://imsglobal.github.io/openbadges-specification/ob_v3p0.html",
        include_str!(
            "../contexts/imsglobal.github.io_openbadges_specification_ob_v3p0.html.jsonld"
        ),
    ),
    (
        "https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json",
        include_str!(
            "../contexts/w3c_ccg.github.io_vc_ed_plugfest_1_2022_jff_vc_edu_plugfest_1_context.json"
        ),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        include_str!("../contexts/purl.imsglobal.org_spec_ob_v3p0_context.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        include_str!("../contexts/purl.imsglobal.org_spec_ob_v3p0_context_3.0.1.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        include_str!("../contexts/purl.imsglobal.org_spec_ob_v3p0_context_3.0.2.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        include_str!("../contexts/purl.imsglobal.org_spec_ob_v3p0_context_3.0.3.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
        include_str!("../contexts/purl.imsglobal.org_spec_ob_v3p0_extensions.json"),
    ),
    (
        "https://w3id.org/openbadges/v2",
        include_str!("../contexts/w3id.org_openbadges_v2.jsonld"),
    ),
    (
        "https://www.w3.org/ns/credentials/examples/v2",
        include_str!("../contexts/www.w3.org_ns_credentials_examples_v2.jsonld"),
    ),
];

/// The text of the bundled context document for `url`, if Badgesmith has it.
pub fn bundled(url: &str) -> Option<&'static str> {
    BUNDLED
        .iter()
        .find(|(u, _)| *u == url)
        .map(|(_, text)| *text)
}

/// Every bundled context URL with its document text.
pub fn all() -> impl Iterator<Item = (&'static str, &'static str)> {
    BUNDLED.iter().copied()
}
