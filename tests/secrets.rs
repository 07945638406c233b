//! No secret value from a configuration ever appears in ecslint's output: not in any format,
//! not with --verbose, --statistics or --show-suppressed, not in error messages, not in the
//! baseline file.

mod common;

use common::bin;

const SECRETS: &[&str] = &[
    "Zq8!vR3#pL9@wX2m",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "AKIAIOSFODNN7EXAMPLE",
    "Hx7Lq2Vb9Nc4Rt1Yw6Ps",
    "9fK2mQ7xL4pR8sT1vW3y",
    // A log driver option (ECS232).
    "Tk4Jp8Wz2Qm6Xr0Lc5Nv",
];

fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for s in SECRETS {
        assert!(!text.contains(s), "{what} prints the secret {s}:\n{text}");
    }
}

#[test]
fn the_fixtures_hold_the_secrets() {
    // Guard against a fixture edit that would make the test below pass vacuously.
    let all: String = ["task.json", "broken.json", "task.yaml"]
        .iter()
        .map(|f| std::fs::read_to_string(format!("tests/fixtures/_secrets/{f}")).expect("fixture"))
        .collect();
    for s in SECRETS {
        assert!(all.contains(s), "fixture lacks {s}");
    }
}

#[test]
fn no_secret_in_any_output() {
    let dir = tempfile::tempdir().expect("tmp");
    let baseline = dir.path().join("baseline.json");
    let mut runs: Vec<Vec<String>> = Vec::new();
    for format in ["human", "json", "sarif", "github", "junit", "markdown"] {
        runs.push(vec!["--format".into(), format.into()]);
        runs.push(vec![
            "--format".into(),
            format.into(),
            "--verbose".into(),
            "--show-suppressed".into(),
        ]);
    }
    runs.push(vec!["--statistics".into()]);
    runs.push(vec!["--color".into(), "always".into()]);
    runs.push(vec!["--select".into(), "ECS001,ECS002".into()]);
    runs.push(vec![
        "--write-baseline".into(),
        baseline.display().to_string(),
    ]);
    for extra in runs {
        for target in [
            "tests/fixtures/_secrets",
            "tests/fixtures/_secrets/broken.json",
            "tests/fixtures/_secrets/task.yaml",
        ] {
            let out = bin()
                .arg("check")
                .arg(target)
                .args(&extra)
                .output()
                .expect("runs");
            assert!(
                matches!(out.status.code(), Some(0..=1)),
                "{extra:?}: {:?}",
                out.status
            );
            assert_clean(&format!("stdout of {extra:?} on {target}"), &out.stdout);
            assert_clean(&format!("stderr of {extra:?} on {target}"), &out.stderr);
        }
    }
    assert_clean(
        "the baseline file",
        &std::fs::read(&baseline).expect("baseline written"),
    );
    // From standard input too.
    let text = std::fs::read_to_string("tests/fixtures/_secrets/task.json").expect("fixture");
    let out = bin()
        .args(["check", "--stdin-filename", "task.json", "-"])
        .write_stdin(text)
        .output()
        .expect("runs");
    assert_clean("stdin run", &out.stdout);
    assert_clean("stdin run stderr", &out.stderr);
    // And they are reported, by name.
    let out = bin()
        .args([
            "check",
            "tests/fixtures/_secrets/task.json",
            "--select",
            "ECS211",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let names: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.iter().any(|m| m.contains("`DB_PASSWORD`")));
}
