//! Verify a badge file: unbake it if it is an image, then run the pipeline.

use std::collections::HashMap;
use std::time::Duration;

use badgesmith_credential::{Fetcher, Report, VerifyOptions};
use time::OffsetDateTime;

use crate::error::Error;
use crate::inspect::check_size;

/// How the user asked to verify.
#[derive(Debug, Clone, Default)]
pub struct VerifyRequest {
    /// Allow network lookups (did:web keys, hosted badges, status lists).
    pub online: bool,
    /// Check the dates against this RFC 3339 moment instead of now.
    pub at: Option<String>,
    /// An e-mail address or DID to check "is this badge mine?" against.
    pub recipient: Option<String>,
    /// Status lists on this machine (given by the user, or published by
    /// this app), by the URL they are published at: used before the
    /// network, and offline.
    pub local_status: HashMap<String, Vec<u8>>,
}

/// Serves status lists kept on this machine.
#[derive(Debug)]
struct LocalLists<'a>(&'a HashMap<String, Vec<u8>>);

impl Fetcher for LocalLists<'_> {
    fn fetch(&self, url: &str) -> Result<Vec<u8>, String> {
        self.0
            .get(url)
            .cloned()
            .ok_or_else(|| format!("{url} is not saved on this computer"))
    }
}

/// Reads a status list file the user gave: the URL it is published at (its
/// `id`) and its bytes.
pub fn read_status_list(name: &str, bytes: &[u8]) -> Result<(String, Vec<u8>), Error> {
    let url = crate::issuing::list_id(bytes).ok_or_else(|| Error::InvalidCredential {
        name: name.to_owned(),
        reason: "this is not a status list credential (it has no id)".into(),
    })?;
    Ok((url, bytes.to_vec()))
}

/// The largest response body fetched while verifying online.
const MAX_FETCH_BYTES: u64 = 4 * 1024 * 1024;

/// Fetches over HTTPS (and HTTP for old hosted badges), with a time limit and
/// a size cap. Only ever created when the user allowed the network.
#[derive(Debug)]
pub(crate) struct HttpFetcher {
    agent: ureq::Agent,
}

impl HttpFetcher {
    pub(crate) fn new() -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(15)))
            .max_redirects(5)
            .user_agent("Badgesmith")
            .build();
        Self {
            agent: config.into(),
        }
    }
}

impl Fetcher for HttpFetcher {
    fn fetch(&self, url: &str) -> Result<Vec<u8>, String> {
        let mut response = self
            .agent
            .get(url)
            .header(
                "Accept",
                "application/ld+json, application/json;q=0.9, */*;q=0.1",
            )
            .call()
            .map_err(|e| format!("{url} could not be fetched ({e})"))?;
        response
            .body_mut()
            .with_config()
            .limit(MAX_FETCH_BYTES)
            .read_to_vec()
            .map_err(|e| format!("{url} could not be read ({e})"))
    }
}

/// Parses the `--at` moment.
pub fn parse_at(text: &str) -> Result<OffsetDateTime, Error> {
    OffsetDateTime::parse(text.trim(), &time::format_description::well_known::Rfc3339).map_err(
        |_| {
            Error::Usage(format!(
                "--at: \"{text}\" is not an RFC 3339 date-time such as 2026-01-31T12:00:00Z"
            ))
        },
    )
}

/// The badge text of a file: the baked text of an image, else the file's text.
pub fn badge_text(name: &str, bytes: &[u8]) -> Result<String, Error> {
    check_size(name, bytes.len())?;
    if badgesmith_bake::sniff(bytes).is_some() {
        return crate::inspect::unbake_text(name, bytes);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| Error::NotABadge {
        name: name.into(),
        reason: "this is neither a PNG or SVG image nor a text credential".into(),
    })?;
    if text.trim().is_empty() {
        return Err(Error::NotABadge {
            name: name.into(),
            reason: "the file is empty".into(),
        });
    }
    Ok(text.to_owned())
}

/// Verifies the badge in `bytes` (a baked image, a JSON credential, a JWT/JWS
/// or a file holding a hosted badge's URL).
pub fn verify_bytes(name: &str, bytes: &[u8], request: &VerifyRequest) -> Result<Report, Error> {
    let text = badge_text(name, bytes)?;
    verify_badge_text(&text, request)
}

/// Verifies badge text that is already unbaked.
pub fn verify_badge_text(text: &str, request: &VerifyRequest) -> Result<Report, Error> {
    let at = match &request.at {
        Some(at) => parse_at(at)?,
        None => now(),
    };
    let fetcher = request.online.then(HttpFetcher::new);
    let local = LocalLists(&request.local_status);
    let options = VerifyOptions {
        at,
        fetcher: fetcher.as_ref().map(|f| f as &dyn Fetcher),
        recipient: request.recipient.as_deref(),
        local_status: (!request.local_status.is_empty()).then_some(&local as &dyn Fetcher),
    };
    Ok(badgesmith_credential::verify_text(text, &options))
}

/// The current time: the one place the use cases read the clock.
fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}
