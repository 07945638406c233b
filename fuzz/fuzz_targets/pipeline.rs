//! The whole pipeline, from bytes to rendered findings in every format: never panics, and every
//! finding's span lies inside its file on character boundaries. The first byte picks the file
//! name (JSON, YAML or Terraform); the rest is the file, as standard input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let name = match pick % 3 {
        0 => "task.json",
        1 => "task.yaml",
        _ => "main.tf",
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    ecslint::fuzzing::lint_and_render(name, text);
});
