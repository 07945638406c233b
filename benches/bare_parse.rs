//! The baseline of the scale benchmark: walk a directory, read every file and parse it into a
//! `serde_json::Value` on all cores (rayon), and print how many parsed. Nothing else.
//!
//!     cargo build --release --example bare_parse && target/release/examples/bare_parse DIR

use rayon::prelude::*;

// The same allocator as the ecslint binary, so the comparison is of the work, not the allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: bare_parse DIR");
        std::process::exit(2);
    };
    let files: Vec<std::path::PathBuf> = ignore::WalkBuilder::new(&dir)
        .threads(rayon::current_num_threads())
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(|e| e.into_path())
        .collect();
    let parsed: usize = files
        .par_iter()
        .map(|p| {
            let Ok(bytes) = std::fs::read(p) else {
                return 0;
            };
            usize::from(serde_json::from_slice::<serde_json::Value>(&bytes).is_ok())
        })
        .sum();
    println!("{parsed} of {} files parsed", files.len());
}
