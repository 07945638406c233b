//! Properties over generated inputs: whatever the text, the pipeline does not panic, every
//! finding's span lies inside its file on character boundaries, and every format renders.
//! Inputs are real fixtures with random edits (so they stay close to ECS configuration and
//! reach the rules), and free text from a JSON/YAML-heavy alphabet.

use proptest::prelude::*;

fn seeds() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in [
        "tests/fixtures/_shared",
        "tests/fixtures/ECS201",
        "tests/fixtures/ECS103",
        "tests/fixtures/ECS211",
        "tests/fixtures/ECS002",
        "tests/fixtures/ECS013",
        "tests/fixtures/ECS406",
    ] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut files: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        for p in files {
            if let Ok(text) = std::fs::read_to_string(&p) {
                out.push((
                    p.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    text,
                ));
            }
        }
    }
    out
}

/// An edit: at a relative position, delete some characters and insert a fragment.
fn edit() -> impl Strategy<Value = (f64, usize, String)> {
    let fragment = prop_oneof![
        Just(String::new()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("\"".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("\n- ".to_string()),
        Just("\u{e9}\u{1f600}".to_string()),
        Just("\"hostPort\": 0".to_string()),
        Just("${X}".to_string()),
        Just("&a ".to_string()),
        Just("*a".to_string()),
        Just("<<: ".to_string()),
        Just("\\u00".to_string()),
        Just("<<EOF\n".to_string()),
        Just("jsonencode([".to_string()),
        Just("dynamic \"volume\" {".to_string()),
        Just("aws_ecs_task_definition.web.arn".to_string()),
        "[ -~\\n\\t]{0,12}",
    ];
    (0.0f64..1.0, 0usize..8, fragment)
}

fn apply(text: &str, edits: &[(f64, usize, String)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (at, delete, insert) in edits {
        let i = ((chars.len() as f64) * at) as usize;
        let end = (i + delete).min(chars.len());
        chars.splice(i.min(chars.len())..end, insert.chars());
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn edited_fixtures_never_break_the_pipeline(seed in any::<prop::sample::Index>(), edits in prop::collection::vec(edit(), 1..6)) {
        let seeds = seeds();
        prop_assume!(!seeds.is_empty());
        let (name, text) = &seeds[seed.index(seeds.len())];
        let edited = apply(text, &edits);
        ecslint::fuzzing::lint_and_render(name, edited);
    }

    #[test]
    fn free_text_never_breaks_the_pipeline(text in "[{}\\[\\]\",:0-9a-zA-Z \\n\\t&*!<>#$%=()-]{0,200}", format in 0..3u8) {
        let name = ["t.json", "t.yaml", "main.tf"][usize::from(format)];
        ecslint::fuzzing::lint_and_render(name, text);
    }
}
