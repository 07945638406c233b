//! The whole pipeline, from bytes to rendered findings in every format: never panics, and every
//! finding's span lies inside its file on character boundaries. The first byte picks the file
//! name (JSON, YAML or Terraform); the rest is the file, as standard input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    // Even: JSON, odd: YAML, as the regression inputs were written; from 0xF0: Terraform.
    let name = match pick {
        0xF0.. => "main.tf",
        p if p % 2 == 0 => "task.json",
        _ => "task.yaml",
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    ecslint::fuzzing::lint_and_render(name, text);
});
