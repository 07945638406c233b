//! Replays inputs that once crashed (or nearly crashed) a fuzz target, under
//! `tests/fuzz_regressions/<target>/`, with the same checks as the targets in `fuzz/`.

use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new("tests/fuzz_regressions").join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .filter_map(|e| {
                    Some((
                        e.file_name().to_string_lossy().into_owned(),
                        std::fs::read(e.path()).ok()?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    assert!(!out.is_empty(), "no regression inputs in {}", dir.display());
    out
}

fn loader(target: &str, syntax: ecslint::load::Syntax) {
    for (name, bytes) in inputs(target) {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        match ecslint::load::parse(text, syntax) {
            Ok(docs) => docs
                .iter()
                .for_each(|d| ecslint::load::tree::assert_spans_within(d, text)),
            Err(e) => ecslint::load::tree::assert_span_within(e.span, text),
        }
        eprintln!("{target}/{name}: ok");
    }
}

#[test]
fn json_loader() {
    loader("json_loader", ecslint::load::Syntax::Json);
}

#[test]
fn yaml_loader() {
    loader("yaml_loader", ecslint::load::Syntax::Yaml);
}

#[test]
fn hcl_loader() {
    loader("hcl_loader", ecslint::load::Syntax::Hcl);
}

#[test]
fn pipeline() {
    for (name, bytes) in inputs("pipeline") {
        let Some((&pick, rest)) = bytes.split_first() else {
            continue;
        };
        let file = match pick {
            0xF0.. => "main.tf",
            p if p % 2 == 0 => "task.json",
            _ => "task.yaml",
        };
        ecslint::fuzzing::lint_and_render(file, String::from_utf8_lossy(rest).into_owned());
        eprintln!("pipeline/{name}: ok");
    }
}
