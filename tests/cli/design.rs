//! `badgesmith render` and `badgesmith design …`.

use crate::support::{assert_error, parts, png_size, run, run_in, template, templates};

#[test]
fn every_template_renders_to_the_same_bytes_twice() {
    let dir = tempfile::tempdir().unwrap();
    let files = templates();
    assert!(files.len() >= 12, "{} templates", files.len());
    for file in files {
        let f = file.to_str().unwrap();
        let a = dir.path().join("a.png");
        let b = dir.path().join("b.png");
        for out in [&a, &b] {
            let (code, _, stderr) = parts(&run(&[
                "render",
                f,
                "-o",
                out.to_str().unwrap(),
                "--size",
                "256",
            ]));
            assert_eq!(code, 0, "{f}: {stderr}");
        }
        let (a, b) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
        assert_eq!(png_size(&a), (256, 256), "{f}");
        assert_eq!(a, b, "{f}: two renders differ");
    }
}

#[test]
fn render_writes_svg_with_outlines_or_live_text() {
    let dir = tempfile::tempdir().unwrap();
    let t = template("school-star");
    let svg = dir.path().join("badge.svg");
    let (code, _, stderr) = parts(&run(&[
        "render",
        t.to_str().unwrap(),
        "-o",
        svg.to_str().unwrap(),
    ]));
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.starts_with("<svg") && !text.contains("<text"),
        "text is outlined"
    );

    let live = dir.path().join("live.svg");
    let (code, _, _) = parts(&run(&[
        "render",
        t.to_str().unwrap(),
        "-o",
        live.to_str().unwrap(),
        "--live-text",
    ]));
    assert_eq!(code, 0);
    assert!(std::fs::read_to_string(&live).unwrap().contains("<text"));
}

#[test]
fn render_refuses_bad_input_with_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let t = template("school-star");
    let out = dir.path().join("x.png");
    let o = out.to_str().unwrap();

    assert_error(
        &run(&["render", t.to_str().unwrap(), "-o", o, "--size", "10"]),
        2,
        "10 px is not a size Badgesmith renders: choose 64 to 4096 px",
    );
    assert_error(
        &run(&[
            "render",
            t.to_str().unwrap(),
            "-o",
            dir.path().join("x.gif").to_str().unwrap(),
        ]),
        2,
        "the output must end in .png or .svg",
    );

    let bad = dir.path().join("bad.badgedesign.json");
    std::fs::write(
        &bad,
        r##"{"version":1,"name":"x","layers":[{"id":"a","type":"shape","shape":"circle","size":0,"fill":{"type":"solid","color":"#000"}}]}"##,
    )
    .unwrap();
    assert_error(
        &run(&["render", bad.to_str().unwrap(), "-o", o]),
        2,
        "bad.badgedesign.json: layers[0].size: must be between 1 and 2048 (is 0)",
    );

    let newer = dir.path().join("newer.badgedesign.json");
    std::fs::write(&newer, r#"{"version":9,"name":"x","layers":[]}"#).unwrap();
    assert_error(
        &run(&["render", newer.to_str().unwrap(), "-o", o]),
        2,
        "was made by a newer Badgesmith (format version 9",
    );

    let png = dir.path().join("image.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\0").unwrap();
    assert_error(
        &run(&["render", png.to_str().unwrap(), "-o", o]),
        2,
        "this is not a badge design",
    );
    assert!(!out.exists(), "nothing is written on error");
}

#[test]
fn designs_are_saved_listed_shown_exported_and_deleted() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let t = template("school-star");

    let (code, _, stderr) = parts(&run_in(h, &["design", "list"]));
    assert_eq!(code, 0);
    assert!(stderr.contains("No saved designs yet"), "{stderr}");

    let (code, stdout, stderr) = parts(&run_in(h, &["design", "import", t.to_str().unwrap()]));
    assert_eq!(code, 0, "{stderr}");
    let id = stdout.trim().lines().last().unwrap().to_owned();
    assert_eq!(id.len(), 16, "{id}");

    let (_, stdout, _) = parts(&run_in(h, &["design", "list", "--json"]));
    let list: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(list[0]["id"], id.as_str());
    assert_eq!(list[0]["name"], "Star Pupil");

    // By a unique start of the id, or by the exact name.
    let (code, stdout, _) = parts(&run_in(h, &["design", "show", &id[..6]]));
    assert_eq!(code, 0);
    assert!(stdout.starts_with("Star Pupil\n"), "{stdout}");
    let (_, stdout, _) = parts(&run_in(h, &["design", "show", "Star Pupil", "--json"]));
    let shown: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(shown["version"], 1);

    let out = tempfile::tempdir().unwrap();
    let png = out.path().join("star.png");
    let (code, _, stderr) = parts(&run_in(
        h,
        &[
            "design",
            "export",
            &id,
            "-o",
            png.to_str().unwrap(),
            "--size",
            "128",
        ],
    ));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(png_size(&std::fs::read(&png).unwrap()), (128, 128));
    let again = out.path().join("star.badgedesign.json");
    let (code, _, _) = parts(&run_in(
        h,
        &["design", "export", &id, "-o", again.to_str().unwrap()],
    ));
    assert_eq!(code, 0);
    let exported: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&again).unwrap()).unwrap();
    assert_eq!(exported, shown);

    // A second import makes a second design; a shared name is then ambiguous.
    let (_, stdout, _) = parts(&run_in(h, &["design", "import", t.to_str().unwrap()]));
    let second = stdout.trim().to_owned();
    assert_ne!(second, id);
    let o = run_in(h, &["design", "show", "Star Pupil"]);
    assert_error(&o, 2, "matches 2 saved designs");

    let (code, _, stderr) = parts(&run_in(h, &["design", "delete", &id]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("to the trash"));
    let (_, stdout, _) = parts(&run_in(h, &["design", "list", "--json"]));
    let list: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_error(
        &run_in(h, &["design", "show", &id]),
        2,
        "no saved design has the name or id",
    );
}

#[test]
fn a_foreign_database_in_the_home_is_refused_and_kept() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("badgesmith.db");
    std::fs::write(&db, b"this is not a database at all, just some text").unwrap();
    let before = std::fs::read(&db).unwrap();
    assert_error(
        &run_in(home.path(), &["design", "list"]),
        2,
        "is not a Badgesmith database",
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
}
