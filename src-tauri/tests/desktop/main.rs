//! The desktop shell on Tauri's mock runtime: files given at start-up reach the
//! page through `take_pending`, and the commands accept the arguments the user
//! interface sends.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

fn vector(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/vectors")
        .join(rel)
}

fn app_with(
    files: Vec<PathBuf>,
) -> (
    tauri::App<tauri::test::MockRuntime>,
    WebviewWindow<tauri::test::MockRuntime>,
) {
    let app = badgesmith_desktop::run_app(mock_builder(), files)
        .build(badgesmith_desktop::context())
        .unwrap();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (app, window)
}

/// The app on the mock runtime with its data in `home`, and its window.
fn app_in(
    home: &Path,
) -> (
    tauri::App<tauri::test::MockRuntime>,
    WebviewWindow<tauri::test::MockRuntime>,
) {
    let app = badgesmith_desktop::run_app_in(mock_builder(), Vec::new(), Ok(home.into()))
        .build(badgesmith_desktop::context())
        .unwrap();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (app, window)
}

fn invoke(
    window: &WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    invoke_from(window, "tauri://localhost", cmd, args)
}

fn invoke_from(
    window: &WebviewWindow<tauri::test::MockRuntime>,
    url: &str,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: url.parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn files_on_the_command_line_are_waiting_for_the_page() {
    let (_app, window) = app_with(vec![
        vector("1edtech-validator/ob30/simple-json.png"),
        vector("legacy-baked/mozilla-openbadges-bakery/bad-json.svg"),
    ]);
    let pending = invoke(&window, "take_pending", json!({})).unwrap();
    let items = pending.as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["status"], "opened");
    let file = &items[0]["file"];
    assert_eq!(file["inspection"]["badge"]["version"], "ob3");
    assert_eq!(
        file["inspection"]["badge"]["summary"]["name"],
        "Teamwork Badge"
    );
    assert!(
        file["previewUrl"]
            .as_str()
            .unwrap()
            .starts_with("data:image/png;base64,")
    );
    assert_eq!(items[1]["status"], "failed");
    assert_eq!(items[1]["name"], "bad-json.svg");
    assert_eq!(items[1]["error"]["code"], "invalid-credential");
    // Collected once.
    let again = invoke(&window, "take_pending", json!({})).unwrap();
    assert_eq!(again, json!([]));
}

#[test]
fn pasted_text_is_inspected_and_can_be_closed() {
    let (_app, window) = app_with(Vec::new());
    let text =
        std::fs::read_to_string(vector("1edtech-validator/ob30/simple-jwt.png.expected")).unwrap();
    let outcome = invoke(&window, "inspect_text", json!({ "text": text })).unwrap();
    assert_eq!(outcome["status"], "opened");
    assert_eq!(outcome["file"]["inspection"]["format"], "jwt");
    assert_eq!(
        outcome["file"]["inspection"]["badge"]["jws"]["header"]["alg"],
        "RS256"
    );
    let id = outcome["file"]["id"].as_u64().unwrap();
    assert_eq!(
        invoke(&window, "close_file", json!({ "id": id })).unwrap(),
        Value::Null
    );
}

#[test]
fn text_that_is_no_credential_fails_with_a_code() {
    let (_app, window) = app_with(Vec::new());
    let outcome = invoke(&window, "inspect_text", json!({ "text": "hello" })).unwrap();
    assert_eq!(outcome["status"], "failed");
    assert_eq!(outcome["error"]["code"], "not-a-badge");
}

#[test]
fn remote_pages_may_not_call_the_commands() {
    let (_app, window) = app_with(vec![vector("1edtech-validator/ob30/simple-json.png")]);
    let refused =
        invoke_from(&window, "https://example.org/", "take_pending", json!({})).unwrap_err();
    assert!(refused.to_string().contains("not allowed"), "{refused}");
}

#[test]
fn an_opened_file_is_verified_offline() {
    let (_app, window) = app_with(vec![
        vector("1edtech-validator/ob30/simple-json.png"),
        vector("1edtech-validator/ob30/simple-err-issuer-type.json"),
    ]);
    let pending = invoke(&window, "take_pending", json!({})).unwrap();
    let id_of = |i: usize| pending[i]["file"]["id"].as_u64().unwrap();

    let report = invoke(
        &window,
        "verify_file",
        json!({ "id": id_of(0), "online": false }),
    )
    .unwrap();
    assert_eq!(report["valid"], true, "{report}");
    assert_eq!(report["online"], false);
    assert_eq!(report["format"], "ob3-json");
    let checks = report["checks"].as_array().unwrap();
    let ids: Vec<&str> = checks.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["parse", "schema", "proof", "issuer-key", "dates", "status"]
    );
    assert!(checks.iter().all(|c| c["status"] == "pass"), "{report}");
    assert_eq!(
        checks[2]["message"],
        "The signature (eddsa-rdfc-2022) is intact: nothing was changed since it was signed."
    );
    assert_eq!(report["needsNetwork"], false);
    assert_eq!(report["issuerName"], "Example Corp");

    let report = invoke(
        &window,
        "verify_file",
        json!({ "id": id_of(1), "online": false }),
    )
    .unwrap();
    assert_eq!(report["valid"], false, "{report}");
    let proof = &report["checks"][2];
    assert_eq!(proof["id"], "proof");
    assert_eq!(proof["status"], "fail");
    assert!(
        proof["message"]
            .as_str()
            .unwrap()
            .contains("\"InvalidProfile\" is not defined"),
        "{proof}"
    );
}

#[test]
fn a_hosted_badge_needs_the_network() {
    let (_app, window) = app_with(vec![vector("1edtech-validator/ob20/simple-badge.png")]);
    let pending = invoke(&window, "take_pending", json!({})).unwrap();
    let id = pending[0]["file"]["id"].as_u64().unwrap();
    let report = invoke(&window, "verify_file", json!({ "id": id, "online": false })).unwrap();
    assert_eq!(report["valid"], true, "{report}");
    assert_eq!(report["needsNetwork"], true);
    assert_eq!(report["checks"][2]["status"], "skip");
}

#[test]
fn verifying_a_closed_file_fails_with_a_code() {
    let (_app, window) = app_with(Vec::new());
    let error = invoke(&window, "verify_file", json!({ "id": 7, "online": false })).unwrap_err();
    assert_eq!(error["code"], "not-a-badge", "{error}");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("no longer open")
    );
}

#[test]
fn issuer_keys_unlock_and_lock_and_never_reach_the_page() {
    let home = tempfile::tempdir().unwrap();
    let (_app, window) = app_in(home.path());
    let input = json!({ "name": "Hillside Science Club", "url": null, "email": null,
        "description": null, "image": null, "imageDesignId": null, "statusListUrl": null });
    let short = invoke(
        &window,
        "create_issuer",
        json!({ "input": input, "passphrase": "short" }),
    )
    .unwrap_err();
    assert_eq!(short["code"], "invalid-request", "{short}");
    let created = invoke(
        &window,
        "create_issuer",
        json!({ "input": input, "passphrase": "maple syrup lantern" }),
    )
    .unwrap();
    assert_eq!(created["unlocked"], true);
    let id = created["id"].as_str().unwrap().to_owned();
    let shown = serde_json::to_string(&created).unwrap();
    assert!(
        !shown.to_lowercase().contains("sealed") && !shown.contains("secret"),
        "{shown}"
    );

    let locked = invoke(&window, "lock_issuer", json!({ "id": id })).unwrap();
    assert_eq!(locked["unlocked"], false);
    let wrong = invoke(
        &window,
        "unlock_issuer",
        json!({ "id": id, "passphrase": "not the passphrase" }),
    )
    .unwrap_err();
    assert_eq!(wrong["code"], "wrong-passphrase", "{wrong}");
    let unlocked = invoke(
        &window,
        "unlock_issuer",
        json!({ "id": id, "passphrase": "maple syrup lantern" }),
    )
    .unwrap();
    assert_eq!(unlocked["unlocked"], true);
    let list = invoke(&window, "list_issuers", json!({})).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let log = invoke(
        &window,
        "list_issued",
        json!({ "query": "", "offset": 0, "limit": 50 }),
    )
    .unwrap();
    assert_eq!(log["total"], 0);
}

#[test]
fn dropped_files_go_to_the_wallet_or_the_inspector_once() {
    use tauri::Manager as _;
    let home = tempfile::tempdir().unwrap();
    let (app, window) = app_in(home.path());
    let badge = vector("dcc-verifier-core/v2OBv3SpecExample.json");
    let dropped = app.state::<badgesmith_desktop::DroppedPaths>();

    // Dropped while the Wallet is shown: the page asks the Wallet to import.
    dropped.push(std::slice::from_ref(&badge));
    let report = invoke(&window, "wallet_import_dropped", json!({ "online": false })).unwrap();
    assert_eq!(report["added"], 1, "{report}");
    assert_eq!(report["items"][0]["status"], "valid");
    let id = report["items"][0]["badgeId"].as_str().unwrap().to_owned();
    // The paths were taken: the Inspector gets nothing.
    let pending = invoke(&window, "take_pending", json!({})).unwrap();
    assert_eq!(pending.as_array().unwrap().len(), 0);

    // Dropped while the Inspector is shown: it opens them instead.
    dropped.push(std::slice::from_ref(&badge));
    let pending = invoke(&window, "take_pending", json!({})).unwrap();
    assert_eq!(pending.as_array().unwrap().len(), 1);
    let again = invoke(&window, "wallet_import_dropped", json!({ "online": false })).unwrap();
    assert_eq!(again["items"].as_array().unwrap().len(), 0);

    // The commands take the arguments the page sends.
    let query = json!({ "text": "teamwork", "issuer": null, "status": null, "tag": null,
        "collection": null, "trash": false, "sort": "name", "offset": 0, "limit": 60 });
    let page = invoke(&window, "wallet_list", json!({ "query": query })).unwrap();
    assert_eq!(page["total"], 1, "{page}");
    assert!(page["badges"][0]["thumbnail"].is_null() || page["badges"][0]["thumbnail"].is_string());
    let detail = invoke(&window, "wallet_show", json!({ "id": id })).unwrap();
    assert_eq!(detail["verification"]["valid"], true);
    let tagged = invoke(
        &window,
        "wallet_set_tags",
        json!({ "id": id, "tags": ["teamwork", "school"] }),
    )
    .unwrap();
    assert_eq!(tagged["badge"]["tags"], json!(["school", "teamwork"]));
    let collection = invoke(&window, "wallet_create_collection", json!({ "name": "CV" })).unwrap();
    let taken = invoke(&window, "wallet_create_collection", json!({ "name": "cv" })).unwrap_err();
    assert_eq!(taken["code"], "already-exists", "{taken}");
    invoke(
        &window,
        "wallet_set_membership",
        json!({ "collectionId": collection["id"], "ids": [id], "member": true }),
    )
    .unwrap();
    let facets = invoke(&window, "wallet_facets", json!({})).unwrap();
    assert_eq!(facets["collections"][0]["count"], 1, "{facets}");
    let mine = invoke(
        &window,
        "wallet_check_recipient",
        json!({ "id": id, "identity": "someone@example.org" }),
    )
    .unwrap();
    assert_eq!(mine["matches"], false);
    invoke(&window, "wallet_trash", json!({ "ids": [id] })).unwrap();
    let missing = invoke(&window, "wallet_show", json!({ "id": "nope" })).unwrap_err();
    assert_eq!(missing["code"], "not-found");
    assert_eq!(invoke(&window, "wallet_empty_trash", json!({})).unwrap(), 1);
}
