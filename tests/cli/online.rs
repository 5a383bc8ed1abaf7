//! `verify --online` fetches what it needs over HTTP. A tiny server on
//! 127.0.0.1 plays the issuer's website, hosting an OB 2.0 badge.

use std::collections::HashMap;
use std::io::{BufRead as _, BufReader, Write as _};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use crate::support::{Home, parts, run};

/// A fake issuer website on 127.0.0.1: it answers GETs from `routes` (path →
/// JSON) and records every path asked for.
struct Site {
    base: String,
    seen: Arc<Mutex<Vec<String>>>,
}

impl Site {
    fn start(routes: impl FnOnce(&str) -> HashMap<String, Value>) -> Site {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let routes = routes(&base);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request_line = String::new();
                if reader.read_line(&mut request_line).is_err() {
                    continue;
                }
                let mut line = String::new();
                while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                    line.clear();
                }
                let path = request_line.split(' ').nth(1).unwrap_or("/").to_owned();
                log.lock().unwrap().push(path.clone());
                let (status, body) = match routes.get(&path) {
                    Some(v) => ("200 OK", v.to_string()),
                    None => ("404 Not Found", "{}".to_owned()),
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            }
        });
        Site { base, seen }
    }
}

/// An OB 2.0 hosted badge on a fake issuer site; its assertion JSON.
fn hosted_badge(revoked: bool) -> (Site, Value) {
    let mut assertion = Value::Null;
    let site = Site::start(|base| {
        assertion = json!({
            "@context": "https://w3id.org/openbadges/v2",
            "type": "Assertion",
            "id": format!("{base}/assertions/42.json"),
            "recipient": {"type": "email", "hashed": false, "identity": "ada@example.org"},
            "badge": format!("{base}/badge.json"),
            "verification": {"type": "hosted"},
            "issuedOn": "2024-03-01T12:00:00Z"
        });
        let mut issuer = json!({
            "@context": "https://w3id.org/openbadges/v2",
            "type": "Issuer",
            "id": format!("{base}/issuer.json"),
            "name": "Riverside Coding Club",
            "url": base,
        });
        let mut routes = HashMap::from([
            ("/assertions/42.json".to_owned(), assertion.clone()),
            (
                "/badge.json".to_owned(),
                json!({
                    "@context": "https://w3id.org/openbadges/v2",
                    "type": "BadgeClass",
                    "id": format!("{base}/badge.json"),
                    "name": "First Pull Request",
                    "description": "Opened a first pull request.",
                    "image": format!("{base}/badge.png"),
                    "criteria": {"narrative": "Open a pull request."},
                    "issuer": format!("{base}/issuer.json"),
                }),
            ),
        ]);
        if revoked {
            issuer["revocationList"] = format!("{base}/revocations.json").into();
            routes.insert(
                "/revocations.json".to_owned(),
                json!({
                    "@context": "https://w3id.org/openbadges/v2",
                    "type": "RevocationList",
                    "revokedAssertions": [{"id": format!("{base}/assertions/42.json"), "revocationReason": "Issued by mistake"}]
                }),
            );
        }
        routes.insert("/issuer.json".to_owned(), issuer);
        routes
    });
    (site, assertion)
}

fn status<'a>(report: &'a Value, id: &str) -> &'a str {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap()["status"]
        .as_str()
        .unwrap()
}

#[test]
fn a_hosted_badge_verifies_online_and_is_skipped_offline() {
    let (site, assertion) = hosted_badge(false);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("badge.json");
    std::fs::write(&file, serde_json::to_vec_pretty(&assertion).unwrap()).unwrap();
    let f = file.to_str().unwrap();

    let (code, stdout, _) = parts(&run(&["verify", "--json", f]));
    let offline: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(status(&offline, "proof"), "skip");
    assert_eq!(code, 0);
    assert!(
        site.seen.lock().unwrap().is_empty(),
        "offline verification must not touch the network"
    );

    let (code, stdout, stderr) = parts(&run(&["verify", "--json", "--online", f]));
    let online: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    assert_eq!(code, 0, "{online}");
    for id in ["proof", "issuer-key", "status"] {
        assert_eq!(status(&online, id), "pass", "{id}: {online}");
    }
    assert_eq!(online["issuer"]["name"], "Riverside Coding Club");
    assert_eq!(online["achievement"]["name"], "First Pull Request");
    assert!(site.base.starts_with("http://127.0.0.1:"));
    assert!(
        site.seen
            .lock()
            .unwrap()
            .contains(&"/assertions/42.json".to_owned())
    );
}

#[test]
fn a_revoked_hosted_badge_is_invalid_online() {
    let (_site, assertion) = hosted_badge(true);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("badge.json");
    std::fs::write(&file, serde_json::to_vec(&assertion).unwrap()).unwrap();
    let (code, stdout, _) = parts(&run(&[
        "verify",
        "--json",
        "--online",
        file.to_str().unwrap(),
    ]));
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(code, 1, "{report}");
    assert_eq!(status(&report, "status"), "fail");
    let message = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "status")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.contains("Issued by mistake"), "{message}");
}

#[test]
fn a_changed_hosted_badge_fails_online() {
    let (_site, mut assertion) = hosted_badge(false);
    assertion["issuedOn"] = "2020-01-01T00:00:00Z".into();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("badge.json");
    std::fs::write(&file, serde_json::to_vec(&assertion).unwrap()).unwrap();
    let (code, stdout, _) = parts(&run(&[
        "verify",
        "--json",
        "--online",
        file.to_str().unwrap(),
    ]));
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(code, 1);
    assert_eq!(status(&report, "proof"), "fail", "{report}");
}

#[test]
fn the_wallet_fetches_a_hosted_badge_only_when_allowed() {
    let (site, assertion) = hosted_badge(false);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hosted.txt");
    std::fs::write(&file, format!("{}\n", assertion["id"].as_str().unwrap())).unwrap();
    let f = file.to_str().unwrap();

    let offline = Home::new();
    let report = offline.json(&["wallet", "import", "--json", f]);
    assert_eq!(report["added"], 1, "{report}");
    assert_eq!(report["items"][0]["status"], "unverified");
    assert!(
        report["items"][0]["name"]
            .as_str()
            .unwrap()
            .starts_with("Hosted badge from 127.0.0.1:"),
        "{report}"
    );
    assert!(
        site.seen.lock().unwrap().is_empty(),
        "offline, nothing is fetched"
    );

    let online = Home::new();
    let report = online.json(&["wallet", "import", "--online", "--json", f]);
    assert_eq!(report["items"][0]["status"], "valid", "{report}");
    assert_eq!(report["items"][0]["name"], "First Pull Request");
    let id = report["items"][0]["badgeId"].as_str().unwrap();
    let detail = online.json(&["wallet", "show", id, "--json"]);
    assert_eq!(detail["facts"]["issuer"]["name"], "Riverside Coding Club");
    assert_eq!(detail["facts"]["criteria"], "Open a pull request.");
    assert_eq!(detail["facts"]["recipient"]["value"], "ada@example.org");
    assert_eq!(
        detail["text"].as_str().unwrap().trim(),
        assertion["id"].as_str().unwrap()
    );
    assert!(
        site.seen
            .lock()
            .unwrap()
            .contains(&"/badge.json".to_owned())
    );

    // The offline copy, verified again online, is now valid too.
    let id = offline.json(&["wallet", "list", "--json"])["badges"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let again = offline.json(&["wallet", "show", &id, "--verify", "--online", "--json"]);
    assert_eq!(again["badge"]["status"], "valid", "{again}");
    // … and now says what it is: read afresh from the issuer's site.
    assert_eq!(again["badge"]["name"], "First Pull Request");
    assert_eq!(again["facts"]["issuer"]["name"], "Riverside Coding Club");
    assert_eq!(
        offline.json(&["wallet", "search", "pull", "--json"])["total"],
        1
    );
}

#[test]
fn a_revoked_hosted_badge_is_marked_revoked_in_the_wallet() {
    let (_site, assertion) = hosted_badge(true);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("badge.json");
    std::fs::write(&file, serde_json::to_vec(&assertion).unwrap()).unwrap();
    let home = Home::new();
    let report = home.json(&[
        "wallet",
        "import",
        "--online",
        "--json",
        file.to_str().unwrap(),
    ]);
    assert_eq!(report["items"][0]["status"], "revoked", "{report}");
    let revoked = home.json(&["wallet", "list", "--status", "revoked", "--json"]);
    assert_eq!(revoked["total"], 1);
}
