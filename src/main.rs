// mimalloc: ecslint allocates and frees a tree per file on every core; with the system
// allocator the freed memory fragmented between long-lived facts and findings, and peak
// memory at 100,000 files was 335 MB against about 60 MB of live data (docs/performance.md).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    ecslint::cli::main()
}
